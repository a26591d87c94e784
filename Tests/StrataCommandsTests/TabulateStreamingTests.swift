import Foundation
import Microdata
import StatsTestSupport
import Tabulation
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// `--stream` counts while reading, chunk by chunk, and gives exactly what the in-memory path
/// gives: the same table (counts, records, exclusions), JSON and warnings.
@Suite struct TabulateStreamingTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var rows: [String]
    var cols: [String] = []
    var population = false
    var weight: String?
    var filter: String?
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "four-way persons", file: "persons", rows: ["kon", "aldersgrupp"],
      cols: ["utbildningsniva", "fodelse"]),
    Case(name: "levels from the data", file: "persons", rows: ["alder"], cols: ["kon"]),
    Case(
      name: "rates with a filter", file: "suspects", rows: ["kon"], cols: ["aldersgrupp3"],
      population: true, filter: "ar == 2016"),
    Case(
      name: "weighted", file: "suspects", rows: ["brottstyp"], cols: ["kon"],
      weight: "antal_misstankar"),
    Case(name: "filter leaves nothing", file: "suspects", rows: ["kon"], filter: "alder > 200"),
  ]

  func job(_ c: Case, stream: Bool) -> TabulationRequest {
    TabulationRequest(
      data: DataInput(path: TestCounty.path(c.file)), filter: c.filter, rows: c.rows, cols: c.cols,
      population: c.population ? DataInput(path: TestCounty.path("population")) : nil,
      weight: c.weight, stream: stream)
  }

  @Test(arguments: cases)
  func streamingEqualsInMemory(_ c: Case) throws {
    let memory = try job(c, stream: false).publish()
    let streamed = try job(c, stream: true).publish()
    #expect(
      String(decoding: streamed.json, as: UTF8.self) == String(decoding: memory.json, as: UTF8.self)
    )
    #expect(streamed.warnings == memory.warnings)
    #expect(streamed.tables == memory.tables)
  }

  @Test func smallChunksAddUpToTheWholeTable() throws {
    // Chunks of 1 000 rows: the persons file spans 20 chunks whose `alder` levels differ.
    let dataset = try Dataset.load(
      contentsOf: URL(fileURLWithPath: TestCounty.path("persons")), codebook: .canonical)
    let whole = try TabulationRequest.crossTab(
      of: dataset, variables: ["alder", "utbildningsniva", "fodelse"], weight: nil)
    var sum = ChunkedCrossTab()
    try DatasetReader(
      contentsOf: URL(fileURLWithPath: TestCounty.path("persons")), codebook: .canonical
    )
    .forEachChunk(rowsPerChunk: 1_000) { chunk in
      sum.add(
        try TabulationRequest.crossTab(
          of: chunk, variables: ["alder", "utbildningsniva", "fodelse"], weight: nil))
    }
    #expect(sum.chunks == 20)
    #expect(try sum.table() == whole)
  }
}
