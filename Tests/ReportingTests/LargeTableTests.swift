import Foundation
import Reporting
import StatsTestSupport
import Testing

/// A register-sized table (2 000 rows × 12 columns, 24 000 cells) through every format.
@Suite("Large tables")
struct LargeTableTests {
  static var table: ReportTable {
    var table = ReportTable(
      title: "Stor tabell", stubHeaders: ["Kommun", "Kön"],
      columns: (0..<12).map { ReportColumn("K\($0)", role: $0 % 2 == 0 ? .count : .rate) })
    for row in 0..<2_000 {
      let cells: [ReportCell] = (0..<12).map { column in
        if (row + column) % 97 == 0 { return .suppressed }
        let value = Double((row * 7_919 + column * 104_729) % 1_000_003) / 7
        return column % 2 == 0 ? .count(value.rounded()) : .rate(value)
      }
      try! table.appendRow(["Kommun \(row / 2)", row % 2 == 0 ? "Män" : "Kvinnor"], cells)
    }
    return table
  }

  @Test("Every row reaches every format")
  func everyFormat() throws {
    let table = Self.table
    let clock = ContinuousClock()
    var timings: [String] = []
    for format in TableFormat.allCases where format.isText {
      let start = clock.now
      let text = String(decoding: try format.renderer().data(for: [table]), as: UTF8.self)
      timings.append("\(format.rawValue) \(clock.now - start)")
      #expect(text.contains("Kommun 999"), "\(format.rawValue) has the last row")
    }
    let start = clock.now
    let url = temporaryDirectory().appendingPathComponent("large.xlsx")
    try XLSXRenderer().write([table], to: url)
    timings.append("xlsx \(clock.now - start)")
    let sheet = try XLSXArchive(contentsOf: url).cells(sheet: 1)
    #expect(sheet.values.filter { $0 == .text("Kommun 999") }.count == 2)
    print("Render timings, 24 000 cells (debug build): " + timings.joined(separator: ", "))
  }
}
