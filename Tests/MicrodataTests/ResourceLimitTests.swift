import Foundation
import Microdata
import StatsTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Inputs that used to hang or take memory without bound (issue #12): over-long lines and
/// fields, a gzip bomb, a huge header, inputs too large for memory. Each must fail fast, within
/// bounded memory, with an error naming the file and line. The big inputs are generated here
/// and kept small by lowering the limits where the limit itself is not under test.
@Suite(.serialized) struct ResourceLimitTests {
  /// The process's peak resident memory in bytes (never decreases). Tests run in parallel, so a
  /// bound on its growth is loose, but far below what the unbounded readers used to take.
  static func peakMemory() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss * 1024
  }

  /// Runs `body`, asserting that it takes less than `seconds` and raises the peak memory by less
  /// than `megabytes`.
  static func bounded<T>(
    seconds: Double, megabytes: Int, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> T
  ) rethrows -> T {
    let before = peakMemory()
    let start = Date()
    let result = try body()
    let elapsed = Date().timeIntervalSince(start)
    let grown = (peakMemory() - before) >> 20
    #expect(elapsed < seconds, "took \(elapsed) s", sourceLocation: sourceLocation)
    #expect(grown < megabytes, "peak memory grew by \(grown) MB", sourceLocation: sourceLocation)
    return result
  }

  static func error(_ body: () throws -> Void) -> MicrodataError? {
    do {
      try body()
      return nil
    } catch let error as MicrodataError {
      return error
    } catch {
      Issue.record("unexpected \(error)")
      return nil
    }
  }

  /// gzip-compresses `data` with the system's gzip (one member).
  static func gzip(_ data: Data) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    process.arguments = ["-c", "-1"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(data)
    try input.fileHandleForWriting.close()
    let compressed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return compressed
  }

  /// A gzip bomb: a header line, then one line of `megabytes` MiB of `a` without a line break,
  /// as concatenated gzip members of 1 MiB each (about 1 KB compressed per MiB).
  static func gzipBomb(megabytes: Int) throws -> URL {
    var file = try gzip(Data("lopnr;kommentar\n1;".utf8))
    let member = try gzip(Data(repeating: UInt8(ascii: "a"), count: 1 << 20))
    for _ in 0..<megabytes { file.append(member) }
    let url = temporaryDirectory().appendingPathComponent("bomb.csv.gz")
    try file.write(to: url)
    return url
  }

  @Test func gzipBombStopsAtTheLineLimitInMemoryAndStreamed() throws {
    let url = try Self.gzipBomb(megabytes: 256)
    let expected = MicrodataError.recordTooLong(
      DataLocation(file: "bomb.csv.gz", line: 2), limit: 1 << 20)
    let loaded = Self.bounded(seconds: 5, megabytes: 64) {
      Self.error { _ = try Dataset.load(contentsOf: url, codebook: .canonical) }
    }
    #expect(loaded == expected)
    #expect(
      loaded?.description.contains("bomb.csv.gz, line 2: this line is longer than 1 MiB") == true)
    let streamed = Self.bounded(seconds: 5, megabytes: 64) {
      Self.error {
        try DatasetReader(contentsOf: url, codebook: .canonical).forEachChunk { _ in }
      }
    }
    #expect(streamed == expected)
  }

  /// A 2 MB line in a plain file against the default 1 MiB limit, in memory and streamed.
  @Test func twoMegabyteLineIsAnErrorNamingItsLine() throws {
    var text = "lopnr;kommentar\n1;kort\n2;" + String(repeating: "x", count: 2 << 20) + "\n3;kort\n"
    let url = temporaryDirectory().appendingPathComponent("long.csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    text = ""
    let expected = MicrodataError.recordTooLong(
      DataLocation(file: "long.csv", line: 3), limit: 1 << 20)
    for parallel in [false, true] {
      // The body (2 MB) is above the size that is parsed in parallel parts.
      let options = LoadOptions(parallel: parallel)
      let error = Self.bounded(seconds: 5, megabytes: 64) {
        Self.error { _ = try Dataset.load(contentsOf: url, codebook: .canonical, options: options) }
      }
      #expect(error == expected)
    }
    let streamed = Self.bounded(seconds: 5, megabytes: 64) {
      Self.error {
        try DatasetReader(contentsOf: url, codebook: .canonical).forEachChunk { _ in }
      }
    }
    #expect(streamed == expected)
  }

  /// The limit is an option: lowered to 64 bytes, a 100-byte field on line 4 is the error, in
  /// strict mode; with `skip` the row is excluded and counted.
  @Test func lowerLimitIsHonouredAndSkippable() throws {
    let long = String(repeating: "y", count: 100)
    let csv = "lopnr;kommentar\n1;a\n2;b\n3;\(long)\n4;d\n"
    var options = LoadOptions()
    options.maximumRecordBytes = 64
    #expect(
      Self.error { _ = try Dataset(csv: csv, options: options, source: "small.csv") }
        == .recordTooLong(DataLocation(file: "small.csv", line: 4), limit: 64))
    options.errorPolicy = .skip
    let data = try Dataset(csv: csv, options: options, source: "small.csv")
    #expect(data.rowCount == 3)
    #expect(data.loadReport.rowsExcluded == 1)
    // Streamed with small blocks, the same line.
    let url = temporaryDirectory().appendingPathComponent("small.csv")
    try csv.write(to: url, atomically: true, encoding: .utf8)
    options.errorPolicy = .strict
    #expect(
      Self.error {
        try DatasetReader(contentsOf: url, codebook: .canonical, options: options)
          .forEachChunk { _ in }
      } == .recordTooLong(DataLocation(file: "small.csv", line: 4), limit: 64))
  }

  /// A header line far over the limit fails on line 1 after reading no more than the limit
  /// (a 100 MB header used to take 3.6 GB); here 8 MB against a 64 KiB limit.
  @Test func hugeHeaderFailsFast() throws {
    let header = (0..<800_000).map { "kolumn\($0)" }.joined(separator: ";")
    let url = temporaryDirectory().appendingPathComponent("header.csv")
    try (header + "\n1\n").write(to: url, atomically: true, encoding: .utf8)
    var options = LoadOptions()
    options.maximumRecordBytes = 64 << 10
    let expected = MicrodataError.recordTooLong(
      DataLocation(file: "header.csv", line: 1), limit: 64 << 10)
    let loaded = Self.bounded(seconds: 3, megabytes: 64) {
      Self.error { _ = try Dataset.load(contentsOf: url, codebook: .canonical, options: options) }
    }
    #expect(loaded == expected)
    let streamed = Self.bounded(seconds: 3, megabytes: 64) {
      Self.error {
        try DatasetReader(contentsOf: url, codebook: .canonical, options: options)
          .forEachChunk { _ in }
      }
    }
    #expect(streamed == expected)
  }

  /// The in-memory loader refuses what will not fit and suggests streaming; a gzip file stops
  /// being decompressed at the limit.
  @Test func inputTooLargeForMemorySuggestsStreaming() throws {
    let rows = (1...2_000).map { "\($0);1;30" }.joined(separator: "\n")
    let text = "lopnr;kon;alder\n" + rows + "\n"
    let directory = temporaryDirectory()
    let plain = directory.appendingPathComponent("persons.csv")
    try text.write(to: plain, atomically: true, encoding: .utf8)
    let compressed = directory.appendingPathComponent("persons.csv.gz")
    try Self.gzip(Data(text.utf8)).write(to: compressed)
    var options = LoadOptions()
    options.maximumInMemoryBytes = 10_000
    let error = Self.error {
      _ = try Dataset.load(contentsOf: plain, codebook: .canonical, options: options)
    }
    #expect(
      error == .tooLargeForMemory(file: "persons.csv", bytes: text.utf8.count, limit: 10_000))
    #expect(error?.description.contains("--stream") == true)
    guard
      case .tooLargeForMemory(let file, let bytes, 10_000) = Self.error({
        _ = try Dataset.load(contentsOf: compressed, codebook: .canonical, options: options)
      })
    else {
      Issue.record("expected tooLargeForMemory")
      return
    }
    #expect(file == "persons.csv.gz")
    #expect(bytes > 10_000 && bytes <= 10_000 + (1 << 20))
    // Streaming reads the same file.
    var total = 0
    try DatasetReader(contentsOf: compressed, codebook: .canonical, options: options)
      .forEachChunk { total += $0.rowCount }
    #expect(total == 2_000)
  }

  /// A 5 MB value that is not a number is quoted as 60 characters and `…` (it used to be
  /// echoed whole, 50 MB in 20 million writes).
  @Test func errorsQuoteAShortExcerpt() throws {
    let value = String(repeating: "7x", count: 5 << 19)
    let csv = "lopnr;alder\n1;30\n2;\(value)\n"
    var options = LoadOptions()
    options.maximumRecordBytes = 8 << 20
    let error = try #require(
      Self.bounded(seconds: 5, megabytes: 128) {
        Self.error { _ = try Dataset(csv: csv, options: options, source: "wide.csv") }
      })
    #expect(error.description.hasPrefix("wide.csv, line 3, column `alder`"))
    #expect(error.description.contains("`" + String(repeating: "7x", count: 30) + "…`"))
    #expect(error.description.count < 300)
  }

  /// A wide file: 30 000 columns load (placing each column before the parse nested one call per
  /// column, and 30 000 overflowed the stack: SIGSEGV); more than `maximumColumns` is an error
  /// naming the count before anything is allocated per column.
  @Test func wideFilesLoadAndTooWideOnesAreRefused() throws {
    func file(columns: Int) -> String {
      (0..<columns).map { "c\($0)" }.joined(separator: ";") + "\n"
        + (0..<columns).map { String($0 % 10) }.joined(separator: ";") + "\n"
    }
    let wide = try Self.bounded(seconds: 20, megabytes: 400) {
      try Dataset(csv: file(columns: 30_000), source: "wide.csv")
    }
    #expect(wide.rowCount == 1 && wide.variableNames.count == 30_000)
    let error = try #require(
      Self.bounded(seconds: 5, megabytes: 64) {
        Self.error { _ = try Dataset(csv: file(columns: 40_000), source: "wider.csv") }
      })
    #expect(error == .tooManyColumns(file: "wider.csv", found: 40_000, limit: 32_767))
    #expect(error.description.hasPrefix("wider.csv, line 1: the header names 40000 columns"))
  }

  /// Control characters in a value or a column name are shown as escapes, so that a message
  /// printed to a terminal shows them rather than obeying them (`ESC [2J` clears the screen);
  /// a long column name is cut like a value.
  @Test func errorsShowControlCharactersAsEscapes() throws {
    let longName = String(repeating: "n", count: 10_000)
    let csv = "lopnr;alder;\(longName)\u{7}\n1;\u{1B}[2J\u{0};x\n"
    let error = try #require(
      Self.error { _ = try Dataset(csv: csv, source: "escape.csv") })
    #expect(
      error.description
        == "escape.csv, line 2, column `alder`: `\\u{1B}[2J\\0` cannot be read as a whole number "
        + "for `alder`.")
    let location = DataLocation(file: "escape.csv", line: 2, column: longName + "\u{9B}")
    #expect(location.description.count < 100)
    #expect(!location.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x9B })
    let wide = DataLocation(file: "escape.csv", line: 2, column: "x\u{9B}y")
    #expect(wide.description == "escape.csv, line 2, column `x\\u{9B}y`")
  }

  /// One Latin-1 byte in an otherwise UTF-8 file: an error naming both places, not a file
  /// silently decoded as Windows-1252 (`kön` read as `kÃ¶n`).
  @Test func mixedEncodingNamesTheFirstInvalidByteAndTheFirstUTF8Character() throws {
    var bytes = Array("lopnr;kön;ort\n1;1;Göteborg\n2;2;Malm".utf8)
    bytes += [0xF6, UInt8(ascii: "\n")]
    let error = Self.error {
      _ = try Dataset.load(bytes: bytes, source: "mixed.csv", codebook: .canonical)
    }
    #expect(
      error
        == .mixedEncoding(
          invalid: DataLocation(file: "mixed.csv", line: 3, column: "ort"), bytes: "0xF6 0x0A",
          validUTF8: DataLocation(file: "mixed.csv", line: 1, column: "kön"), character: "ö"))
    #expect(error?.description.contains("--encoding") == true)
    // Naming the encoding reads the file as asked.
    let forced = try Dataset.load(
      bytes: bytes, source: "mixed.csv", codebook: .canonical,
      options: LoadOptions(encoding: .windows1252))
    #expect(forced.rowCount == 2)
    // A file that is Latin-1 throughout is still detected as such.
    let latin1: [UInt8] = Array("lopnr;ort\n1;Malm".utf8) + [0xF6, 0x0A]
    let data = try Dataset.load(bytes: latin1, source: "latin1.csv", codebook: .canonical)
    #expect(try data.strings("ort") == ["Malmö"])
  }
}
