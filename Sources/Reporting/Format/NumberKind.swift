/// What a number in a table is, which decides its default number of decimals and how it is
/// shown.
///
/// | kind       | default decimals | example (sv)   | value convention                          |
/// |------------|------------------|----------------|-------------------------------------------|
/// | `count`    | 0                | `12 345`       | a count of persons or events              |
/// | `percent`  | 1                | `61,2`         | a percentage: 61.2 means 61.2 %           |
/// | `rate`     | 1                | `132,6`        | per the table's unit, e.g. per 100 000    |
/// | `ratio`    | 2                | `1,55`         | odds ratio, rate ratio, relative risk     |
/// | `estimate` | 3                | `0,438`        | coefficient, variance, standard error     |
/// | `pValue`   | 3                | `<0,001`       | a p-value in [0, 1]                       |
public enum NumberKind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
  case count
  case percent
  case rate
  case ratio
  case estimate
  case pValue = "p_value"

  /// The number of decimals used when neither the cell nor its column sets one.
  public var defaultDecimals: Int {
    switch self {
    case .count: 0
    case .percent, .rate: 1
    case .ratio: 2
    case .estimate, .pValue: 3
    }
  }
}
