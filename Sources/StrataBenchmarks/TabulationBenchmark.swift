import Dispatch
import Foundation
import Microdata
import Tabulation

/// The tabulation benchmark: a 4-way cross-tabulation with every margin (kon × aldersgrupp ×
/// utbildningsniva × fodelse) of a persons file, in memory after loading and streamed while
/// reading.
///
///   StrataBenchmarks tabulate FILE [--repeat N] [--rows N]
///
/// Streaming runs first, so that its peak resident memory (VmHWM) is its own: one block of the
/// file, one chunk of `--rows` rows (default 262 144, as `strata tabulate --stream`) and the
/// cells. Then the file is loaded and, best of N: the factors (the groupings recoded from
/// their source columns), the table with its margins on one and on two threads, and the
/// summary for publication (disclosure control with secondary suppression, percentages). The
/// streamed table must equal the in-memory one.
func runTabulationBenchmark(arguments: [String]) {
  let options = TabulationBenchmark.Options(arguments)
  guard let path = options.path else {
    print("usage: StrataBenchmarks tabulate FILE [--repeat N] [--rows N]")
    return
  }
  do {
    try TabulationBenchmark.run(path: path, repeats: options.repeats, rowsPerChunk: options.rows)
  } catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  }
}

enum TabulationBenchmark {
  static let variables = ["kon", "aldersgrupp", "utbildningsniva", "fodelse"]

  struct Options {
    var path: String?
    var repeats = 5
    var rows = 262_144

    init(_ arguments: [String]) {
      var k = 0
      while k < arguments.count {
        switch arguments[k] {
        case "--repeat" where k + 1 < arguments.count:
          repeats = max(1, Int(arguments[k + 1]) ?? repeats)
          k += 1
        case "--rows" where k + 1 < arguments.count:
          rows = max(1, Int(arguments[k + 1]) ?? rows)
          k += 1
        case let argument where !argument.hasPrefix("--") && path == nil:
          path = argument
        default:
          break
        }
        k += 1
      }
    }
  }

  static func run(path: String, repeats: Int, rowsPerChunk: Int) throws {
    let url = URL(fileURLWithPath: path)
    let megabytes = Double(LoadBenchmark.fileSize(path)) / 1e6

    // Streamed: read, recode and count chunk by chunk.
    LoadBenchmark.resetPeakResidentMemory()
    var streamed: CrossTab?
    let streamTime = try LoadBenchmark.timed {
      streamed = try stream(url, rowsPerChunk: rowsPerChunk)
    }
    let streamPeak = LoadBenchmark.peakResidentMegabytes()
    print(
      "tabulate --stream \(url.lastPathComponent): \(f(megabytes)) MB in \(f(streamTime.wall, 2)) "
        + "s "
        + "= \(f(megabytes / streamTime.wall)) MB/s (processor \(f(streamTime.cpu, 2)) s); "
        + "peak RSS \(f(streamPeak)) MB with chunks of \(rowsPerChunk) rows")

    // In memory: load once, then time each step.
    var dataset: Dataset?
    let loadTime = try LoadBenchmark.timed {
      dataset = try Dataset.load(contentsOf: url, codebook: .canonical)
    }
    guard let dataset else { return }
    print(
      "load: \(dataset.rowCount) rows in \(f(loadTime.wall, 2)) s; peak RSS "
        + "\(f(LoadBenchmark.peakResidentMegabytes())) MB")
    var factors: [Factor] = []
    let factorTime = try best(repeats) { factors = try dataset.factors(variables) }
    var table: CrossTab?
    let one = try best(repeats) {
      table = try CrossTab(factors, options: CrossTabOptions(maximumThreads: 1))
    }
    let two = try best(repeats) {
      table = try CrossTab(factors, options: CrossTabOptions(maximumThreads: 2))
    }
    guard let table else { return }
    var summary: CrossTabSummary?
    let summaryTime = try best(repeats) {
      summary = try CrossTabSummary(
        table,
        options: CrossTabSummaryOptions(
          layout: TableLayout(
            rows: ["kon", "aldersgrupp"], columns: ["utbildningsniva", "fodelse"]),
          percent: .row))
    }
    print(
      "4-way cross-tab \(table.shape.map(String.init).joined(separator: " × ")) "
        + "(\(table.cellCount) cells, \(table.margins.count) margins) of \(table.tabulatedRows) rows, "
        + "best of \(repeats): factors \(ms(factorTime)); table with margins \(ms(one)) on one "
        + "thread, \(ms(two)) on two; summary with suppression \(ms(summaryTime)) "
        + "(\(summary?.suppression.primary ?? 0) primary, \(summary?.suppression.secondary ?? 0) "
        + "secondary); factors + table \(ms(factorTime + two)) (target ≤ 100 ms)")
    print("streamed table equals the in-memory table: \(streamed == table)")
  }

  /// The table of the file counted chunk by chunk: each chunk's table (the variables are
  /// codebook groupings, so every chunk has the same levels) added cell by cell.
  static func stream(_ url: URL, rowsPerChunk: Int) throws -> CrossTab? {
    var dimensions: [CrossTab.Dimension]?
    var counts: [Double] = []
    var records: [Int64] = []
    var tabulated = 0
    var excluded = Exclusions()
    try DatasetReader(contentsOf: url, codebook: .canonical).forEachChunk(
      rowsPerChunk: rowsPerChunk
    ) { chunk in
      let table = try CrossTab(variables.map { try chunk.factor($0) })
      if dimensions == nil {
        dimensions = table.dimensions
        counts = table.counts
        records = table.records
      } else {
        precondition(
          dimensions == table.dimensions, "groupings have the same levels in every chunk")
        for cell in counts.indices {
          counts[cell] += table.counts[cell]
          records[cell] += table.records[cell]
        }
      }
      tabulated += table.tabulatedRows
      excluded.rows += table.excluded.rows
      excluded.missing.merge(table.excluded.missing, uniquingKeysWith: +)
      excluded.outside.merge(table.excluded.outside, uniquingKeysWith: +)
    }
    guard let dimensions else { return nil }
    return try CrossTab(
      dimensions: dimensions, counts: counts, records: records, weightName: nil,
      tabulatedRows: tabulated, exclusions: excluded)
  }

  /// The best wall time of `repeats` runs of `body`.
  static func best(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repeats { best = min(best, try LoadBenchmark.timed(body).wall) }
    return best
  }

  static func f(_ x: Double, _ digits: Int = 1) -> String { LoadBenchmark.format(x, digits) }
  static func ms(_ seconds: Double) -> String { f(seconds * 1000) + " ms" }
}
