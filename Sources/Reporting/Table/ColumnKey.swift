/// What a leaf column of a wide table holds: a figure (`measure`, e.g. "Per 100 000" with
/// role `rate`) of one combination of the column variables' categories (`codes`, "" for a
/// total, with their `labels`).
///
/// A cross-tabulation of kön × födelse with count and rate has the keys
/// `(["inrikes"], ["Inrikes född"], Antal)`, `(["inrikes"], ["Inrikes född"], Per 100 000)`,
/// `(["utrikes"], …)`, …, `([""], ["Totalt"], …)`.
public struct ColumnKey: Sendable, Equatable, Hashable {
  public var codes: [String]
  public var labels: [String]
  public var measure: ReportColumn

  public init(codes: [String], labels: [String], measure: ReportColumn) {
    self.codes = codes
    self.labels = labels
    self.measure = measure
  }
}
