/// A worksheet described in plain Swift values (cells, merges, widths, panes), computed from a
/// `ReportTable` before any libxlsxwriter call, so the layout logic holds no pointers.
struct XLSXSheetPlan {
  /// How a cell looks; each distinct style becomes one libxlsxwriter format.
  struct Style: Hashable {
    enum Alignment: Hashable { case left, center, right }
    var numberFormat: String? = nil
    var bold = false
    var italic = false
    var fontSize: Double? = nil
    var alignment: Alignment? = nil
    var topBorder = false
    var bottomBorder = false
  }

  enum Value: Equatable {
    case number(Double)
    case text(String)
    /// Text that links to cell A1 of the sheet named `sheet` in the same workbook.
    case sheetLink(String, sheet: String)
  }

  struct Cell {
    var row: Int
    var column: Int
    var value: Value
    var style: Style
  }

  struct Merge {
    var firstRow: Int
    var firstColumn: Int
    var lastRow: Int
    var lastColumn: Int
    var text: String
    var style: Style
  }

  var name: String
  var cells: [Cell] = []
  var merges: [Merge] = []
  var columnWidths: [Double] = []
  var freezeRow = 0
  var freezeColumn = 0

  init(name: String) {
    self.name = name
  }

  /// The Excel number format for a number: `#,##0`, `#,##0.0`, …; `0` for a true zero; a
  /// conditional `[<0.001]"<0,001";0.000` for p-values; a quoted marker suffix such as
  /// `#,##0.0"*"` for flagged cells (the cell stays a number). Format codes are locale-free:
  /// Excel shows `#,##0.0` as `1 234,5` in Swedish.
  static func numberFormat(
    kind: NumberKind, decimals: Int, isZero: Bool, format: NumberFormat, markers: [String]
  ) -> String {
    let fraction = decimals > 0 ? "." + String(repeating: "0", count: decimals) : ""
    let suffix =
      markers.isEmpty
      ? "" : "\"" + markers.joined().replacingOccurrences(of: "\"", with: "") + "\""
    if kind == .pValue && decimals > 0 {
      let threshold = "0." + String(repeating: "0", count: decimals - 1) + "1"
      let shown = "0" + format.decimalSeparator + String(repeating: "0", count: decimals - 1) + "1"
      return "[<\(threshold)]\"<\(shown)\"\(suffix);0\(fraction)\(suffix)"
    }
    if isZero { return "0" + suffix }
    return "#,##0" + fraction + suffix
  }

  /// The plan with every stub cell whose text names one of `sheets` turned into a link to
  /// that sheet (the contents sheet of a workbook: click a sheet's name to open it).
  func linkingSheetNames(_ sheets: Set<String>, stubColumns: Int) -> XLSXSheetPlan {
    var plan = self
    for index in plan.cells.indices where plan.cells[index].column < stubColumns {
      if case .text(let text) = plan.cells[index].value, sheets.contains(text) {
        plan.cells[index].value = .sheetLink(text, sheet: text)
      }
    }
    return plan
  }
}
