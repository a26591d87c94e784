import Foundation
import StatsTestSupport
import Testing

@testable import Microdata

/// Random and mutated bytes never crash or hang the reader: every outcome is a dataset or a
/// `MicrodataError`, the dataset is internally consistent, and a parse split into parts gives
/// exactly the sequential result (or the same error).
@Suite struct FuzzTests {
  static let seeds: [String] = [
    "lopnr;ar;kon;alder;utbildning;fodelseland;kommun\n1000001;2017;1;34;4;1;0180\n1000002;2017;2;14;;1;0180\n",
    "lopnr,brottskod,kommentar,kon\n1,0930,\"Sa \"\"hej\"\", sen\",1\n2,0931,\"Två\nrader\",2\n",
    "lopnr;datum;brottskod;brottstyp\n1;2017-03-01;0930;vbek\n2;20170704;9301;sexkop\n3;;0931;..\n",
    "lopnr\tkon\talder\tvikt\n1\t1\t20\t3,5\n2\t2\t30\t1e3\n\n\n",
    "\u{FEFF}lopnr;kon;ålder;ort\r\n1;1;20;Täby\r\n2;2;30;\"Järfälla\"\r\n",
  ]

  /// Mutations: flip, insert, delete or duplicate bytes, favouring the bytes that matter to a
  /// CSV parser (quotes, delimiters, line ends, high bytes).
  static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
    var bytes = input
    let special: [UInt8] = [
      0x22, 0x3B, 0x2C, 0x09, 0x0A, 0x0D, 0x20, 0xC3, 0xA5, 0xE4, 0xFF, 0x00, 0x2E, 0x2D,
    ]
    for _ in 0..<(1 + rng.next(6)) {
      let at = bytes.isEmpty ? 0 : rng.next(bytes.count)
      let byte =
        rng.next(3) == 0 ? UInt8(truncatingIfNeeded: rng.next()) : special[rng.next(special.count)]
      switch rng.next(5) {
      case 0 where !bytes.isEmpty: bytes[at] = byte
      case 1: bytes.insert(byte, at: at)
      case 2 where !bytes.isEmpty: bytes.remove(at: at)
      case 3 where bytes.count > 4:
        let end = min(bytes.count, at + 1 + rng.next(12))
        bytes.insert(contentsOf: bytes[at..<end], at: at)
      default: bytes.append(byte)
      }
    }
    return bytes
  }

  static func randomOptions(_ rng: inout SplitMix64) -> LoadOptions {
    var options = LoadOptions()
    options.errorPolicy = [.strict, .skip, .markMissing][rng.next(3)]
    options.encoding = [nil, nil, .utf8, .latin1, .windows1252][rng.next(5)]
    options.delimiter = [nil, nil, nil, ";", ",", "\t"][rng.next(6)]
    // Small record limits too (issue #12), so that over-long lines and headers are exercised.
    options.maximumRecordBytes = [1 << 20, 1 << 20, 1 << 20, 64, 24, 8][rng.next(6)]
    // Rows of some keys only (a register joined to a file's persons): the others are skipped.
    if rng.next(3) == 0 {
      options.selection = KeySelection(
        variable: "lopnr", keys: KeyColumn(storage: .integers([1, 3, 1_000_002])))
    }
    return options
  }

  static func checkConsistent(_ data: Dataset, _ options: LoadOptions) {
    let report = data.loadReport
    #expect(report.rowsKept == data.rowCount)
    #expect(data.rowCount <= report.rowsRead)
    if options.errorPolicy == .skip {
      #expect(report.rowsKept + report.rowsExcluded + report.rowsSkipped == report.rowsRead)
    }
    for name in data.variableNames {
      #expect((try? data.strings(name).count) == data.rowCount)
      #expect((try? data.factor(name).count) == data.rowCount)
    }
    _ = data.describe()
  }

  @Test func mutatedAndRandomBytesNeverCrash() {
    var rng = SplitMix64(seed: 20_240_601)
    let start = Date()
    let memoryBefore = ResourceLimitTests.peakMemory()
    defer {
      // Inputs are at most a few KB: the peak must not move by much (other suites run alongside).
      #expect((ResourceLimitTests.peakMemory() - memoryBefore) >> 20 < 256)
    }
    var datasets = 0
    var errors = 0
    for index in 0..<3_000 {
      let input: [UInt8]
      if index % 10 == 9 {
        input = (0..<rng.next(300)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      } else if index % 10 == 8 {
        // A longer file with quoted line breaks, so that splitting into parts is exercised.
        let text = ParallelAndChunkTests.generatedCSV(rows: 20 + rng.next(60), seed: rng.next())
        input = Self.mutate(Array(text.utf8), &rng)
      } else {
        input = Self.mutate(Array(Self.seeds[rng.next(Self.seeds.count)].utf8), &rng)
      }
      var options = Self.randomOptions(&rng)
      options.parallel = false
      let sequential: Result<Dataset, MicrodataError>
      do {
        sequential = .success(
          try Dataset.load(bytes: input, source: "fuzz.csv", codebook: .canonical, options: options)
        )
      } catch {
        sequential = .failure(error)
      }
      switch sequential {
      case .success(let data):
        datasets += 1
        Self.checkConsistent(data, options)
      case .failure(let error):
        errors += 1
        #expect(!error.description.isEmpty)
      }
      // The same bytes split into parts at record boundaries give the same outcome.
      options.parallel = true
      options.minimumParallelBytes = 8
      let parallel: Result<Dataset, MicrodataError>
      do {
        parallel = .success(
          try Dataset.load(bytes: input, source: "fuzz.csv", codebook: .canonical, options: options)
        )
      } catch {
        parallel = .failure(error)
      }
      let same = parallel == sequential
      #expect(same, "case \(index): \(String(decoding: input, as: UTF8.self).debugDescription)")
    }
    #expect(datasets > 300 && errors > 300)
    #expect(Date().timeIntervalSince(start) < 20)
  }

  @Test func chunkedReaderSurvivesMutatedFiles() throws {
    var rng = SplitMix64(seed: 99)
    let directory = temporaryDirectory()
    for index in 0..<150 {
      let input = Self.mutate(Array(Self.seeds[rng.next(Self.seeds.count)].utf8), &rng)
      let url = directory.appendingPathComponent("fuzz\(index).csv")
      try Data(input).write(to: url)
      let options = Self.randomOptions(&rng)
      let reader = DatasetReader(
        url: url, codebook: .canonical, options: options, blockSize: 16 + rng.next(64))
      do {
        var rows = 0
        let report = try reader.forEachChunk(rowsPerChunk: 1 + rng.next(4)) { chunk in
          rows += chunk.rowCount
          Self.checkConsistent(chunk, options)
        }
        #expect(report.rowsKept == rows)
      } catch let error as MicrodataError {
        #expect(!error.description.isEmpty)
      }
    }
  }

  @Test func gzipOfRandomBytesIsAnError() throws {
    var rng = SplitMix64(seed: 5)
    let directory = temporaryDirectory()
    for index in 0..<50 {
      var bytes: [UInt8] = [0x1F, 0x8B, 0x08, 0x00]
      bytes += (0..<rng.next(200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      let url = directory.appendingPathComponent("random\(index).csv.gz")
      try Data(bytes).write(to: url)
      #expect(throws: MicrodataError.self) {
        try Dataset.load(contentsOf: url, codebook: .canonical)
      }
    }
  }

  /// Random filter expressions, deep and long (issue #12): parsing and evaluating either work
  /// or throw `invalidFilter`, never crash, in bounded time.
  @Test func randomFilterExpressionsNeverCrash() throws {
    let data = try Dataset(csv: "lopnr;kon;alder\n1;1;20\n2;2;30\n")
    let pieces = [
      "(", ")", "!", "not ", " && ", " || ", "kon == 1", "alder > 18", "kon in (1, 2)", "alder",
      "==", "\"", "-", "1", " ", ",",
    ]
    var rng = SplitMix64(seed: 12)
    let start = Date()
    var parsed = 0
    for index in 0..<400 {
      // Mostly short expressions; every fifth nests or chains up to twice the limits.
      let expression: String
      let k = 1 + rng.next(2 * RowFilter.maximumDepth)
      switch index % 5 {
      case 0:
        expression =
          String(repeating: "(", count: k) + "kon == 1" + String(repeating: ")", count: k)
      case 1 where index % 10 == 1: expression = String(repeating: "!", count: k) + "kon == 1"
      case 1:
        expression = Array(
          repeating: "alder > 18", count: 1 + rng.next(2 * RowFilter.maximumOperators)
        )
        .joined(separator: [" && ", " || "][rng.next(2)])
      default: expression = (0..<rng.next(40)).map { _ in pieces[rng.next(pieces.count)] }.joined()
      }
      do {
        _ = try data.filtered(expression)
        parsed += 1
      } catch {
        #expect(!error.description.isEmpty)
        #expect(error.description.count < 1_000)
      }
    }
    #expect(parsed > 10)
    #expect(Date().timeIntervalSince(start) < 10)
  }
}
