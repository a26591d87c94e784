import Foundation
import StatsTestSupport
import Testing

@testable import Microdata

/// Columns written in place while a whole file is parsed equal what the chunked reader (which
/// assembles from parse buffers) gives, whatever the line ends, blank lines, excluded rows and
/// quoted line breaks do to the room each part was given.
@Suite struct ColumnPlacementTests {
  /// A persons file of `rows` rows whose line ends, blank lines and bad rows vary with `style`.
  static func csv(rows: Int, style: Int, trailingNewline: Bool = true) -> String {
    var text = "lopnr;kon;alder;utbildning;vikt;x;kommentar\n"
    for i in 0..<rows {
      let end: String
      switch style {
      case 1: end = "\r\n"
      case 2: end = i % 3 == 0 ? "\r" : "\n"  // lone carriage returns: fewer line feeds than rows
      case 3: end = "\r"
      default: end = "\n"
      }
      let comment = style == 4 && i % 5 == 0 ? "\"två\nrader\"" : "k\(i % 11)"
      let age = style == 5 && i % 97 == 0 ? "ålder" : String(15 + i % 70)
      text += "\(1_000_001 + i);\(1 + i % 2);\(age);\(1 + i % 7);\(i % 100),\(i % 10);\(i % 5)"
      text += ";\(comment)"
      if i < rows - 1 || trailingNewline { text += end }
      if style == 5 && i % 101 == 0 { text += "\n \n" }
    }
    return text
  }

  static func chunked(_ text: String, options: LoadOptions) throws -> Dataset {
    let url = temporaryDirectory().appendingPathComponent("persons.csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    var chunks: [Dataset] = []
    try DatasetReader(contentsOf: url, codebook: .canonical, options: options)
      .forEachChunk(rowsPerChunk: 1 << 30) { chunks.append($0) }
    return chunks[0]
  }

  @Test(arguments: [0, 1, 2, 3, 4, 5])
  func placedColumnsEqualAssembledColumns(style: Int) throws {
    for trailingNewline in [true, false] {
      let text = Self.csv(rows: 60_000, style: style, trailingNewline: trailingNewline)
      var options = LoadOptions(errorPolicy: style == 5 ? .skip : .strict, parallel: true)
      options.minimumParallelBytes = 4_096
      let whole = try Dataset(csv: text, options: options, source: "persons.csv")
      // (The chunked reader cuts blocks at line feeds only: give it room for a file of lone
      // carriage returns.)
      var chunkedOptions = options
      chunkedOptions.maximumRecordBytes = 1 << 24
      let reference = try Self.chunked(text, options: chunkedOptions)
      let excluded = style == 5 ? (0..<60_000).filter { $0 % 97 == 0 }.count : 0
      #expect(whole.rowCount == 60_000 - excluded)
      for name in ["lopnr", "kon", "alder", "utbildning", "vikt", "x", "kommentar"] {
        #expect(try whole.strings(name) == reference.strings(name), "style \(style): \(name)")
      }
      #expect(whole.kind(of: "x") == .integer)
      for row in [0, 1, 29_999, whole.rowCount - 1] {
        #expect(whole.sourceLine(ofRow: row) == reference.sourceLine(ofRow: row))
      }
      #expect(whole.loadReport.rowsRead == reference.loadReport.rowsRead)
    }
  }

  @Test func aFileWithLineFeedsIsWrittenInPlaceAndOneWithoutIsAssembled() throws {
    for (style, expectPlaced) in [(0, true), (1, true), (3, false)] {
      let text = Self.csv(rows: 20_000, style: style)
      var options = LoadOptions(parallel: true)
      options.minimumParallelBytes = 4_096
      let loader = CSVLoader(codebook: .canonical, options: options, file: "persons.csv")
      let bytes = Array(text.utf8)
      let buffer = ByteBuffer(capacity: bytes.count + 1)
      bytes.withUnsafeBytes { buffer.append($0) }
      buffer.terminate()
      let parsed = try loader.parseWhole(buffer)
      let plans = parsed.preamble.planned.plans
      // Undeclared columns that turn out not to be whole numbers are assembled from the parts.
      for (index, plan) in plans.enumerated() where ColumnPlacement.width(of: plan.sink) != nil {
        let stays = expectPlaced && !["vikt", "kommentar"].contains(plan.name)
        #expect((parsed.placed[index] != nil) == stays, "style \(style): \(plan.name)")
      }
      let data = try loader.finish(
        parts: parsed.parts, preamble: parsed.preamble, compressed: false, firstLine: 2,
        placed: parsed.placed)
      #expect(data.rowCount == 20_000)
      #expect(try data.numeric("alder")[19_999] == Double(15 + 19_999 % 70))
    }
  }

  @Test func roomBeyondTheMemoryLimitIsNotAllocatedAhead() throws {
    // 1 000 records among 200 000 blank lines: room for the lines would pass the limit.
    var text = "lopnr;kon;alder;utbildning;vikt;x;kommentar\n"
    for i in 0..<1_000 {
      text += "\(1_000_001 + i);\(1 + i % 2);\(15 + i % 70);1;2,5;\(i);k\n"
      text += String(repeating: "\n", count: 200)
    }
    var options = LoadOptions(parallel: true)
    options.minimumParallelBytes = 4_096
    options.maximumInMemoryBytes = 600_000
    #expect(text.utf8.count < 600_000)
    let loader = CSVLoader(codebook: .canonical, options: options, file: "persons.csv")
    let bytes = Array(text.utf8)
    let buffer = ByteBuffer(capacity: bytes.count + 1)
    bytes.withUnsafeBytes { buffer.append($0) }
    buffer.terminate()
    let parsed = try loader.parseWhole(buffer)
    #expect(parsed.placed.isEmpty)
    let data = try loader.finish(
      parts: parsed.parts, preamble: parsed.preamble, compressed: false, firstLine: 2,
      placed: parsed.placed)
    #expect(data.rowCount == 1_000)
    #expect(try data.numeric("alder")[999] == Double(15 + 999 % 70))
    #expect(data.sourceLine(ofRow: 999) == 2 + 999 * 201)
  }

  @Test func lineFeedsAreCountedExactly() {
    var rng = SplitMix64(seed: 11)
    let bytes = (0..<10_000).map { _ in [0x0A, 0x0D, 0x0B, 0x8A, 0x3B, 0x31][rng.next(6)] as UInt8 }
    bytes.withUnsafeBufferPointer { p in
      for (start, end) in [(0, 10_000), (3, 9_999), (17, 50), (5, 5)] {
        let expected = bytes[start..<end].filter { $0 == 0x0A }.count
        #expect(LineFeedCount.count(p.baseAddress!, from: start, to: end) == expected)
      }
    }
  }
}

/// `presentCodes` names the same levels as the factor's non-empty levels.
@Suite struct PresentCodesTests {
  @Test func agreesWithTheFactorsLevelsThatOccur() throws {
    let csv = """
      lopnr;ar;kon;alder;kommun;x;t
      1;2016;1;34;0180;70000;a
      2;2017;2;;0114;-5;b
      3;2016;;90;;;a
      4;2019;1;15;0180;1;

      """
    let data = try Dataset(csv: csv)
    for name in ["ar", "kon", "alder", "kommun", "x", "t", "aldersgrupp", "lopnr"] {
      let factor = try data.factor(name)
      let counts = factor.levelCounts()
      let expected = Set(
        factor.levels.indices.filter { counts[$0] > 0 }.map { factor.levels[$0].code })
      #expect(try data.presentCodes(name) == expected, "\(name)")
    }
    #expect(try data.presentCodes("ar") == ["2016", "2017", "2019"])
  }
}
