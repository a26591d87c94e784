import Microdata

/// The third stage (formula → schema → **frame** → matrix): the schema applied to the data.
///
/// Reads the response and every predictor, drops rows where any of them is missing (remembering
/// how many, by variable), drops levels no kept row uses (R's `drop.unused.levels`), picks each
/// factor's reference level, and checks the outcome.
///
/// The response is stored as R's binomial family stores it: `y` is the proportion of successes
/// (0 or 1 for individual rows) and `trials` the number of trials (`nil` when every row is one
/// trial).
public struct ModelFrame: Sendable {
  /// The schema that was applied.
  public let schema: ModelSchema
  /// The number of rows of the source.
  public let sourceRowCount: Int
  /// For each frame row, its row in the source; `nil` when every source row was kept.
  public let sourceRows: [Int]?
  /// The outcome: 0/1, or the proportion of successes for grouped rows.
  public let y: [Double]
  /// Trials per row for grouped binomial data; `nil` for one trial per row.
  public let trials: [Double]?
  /// Prior (frequency) weights, `nil` for all ones.
  public let weights: [Double]?
  /// The sum of the formula's `offset(…)` terms per row, `nil` when it has none.
  public let offset: [Double]?
  /// The categorical predictors (levels used by the kept rows only).
  public let factors: [String: FrameFactor]
  /// The numeric predictors.
  public let numerics: [String: [Double]]
  /// Cluster index per row (0..<clusterCount) when a cluster variable was named.
  public let clusters: [Int32]?
  /// The number of clusters.
  public let clusterCount: Int
  /// Rows left out and why.
  public let exclusions: Exclusions
  /// Notes for the analyst (rows excluded, levels dropped).
  public let warnings: [String]

  /// The number of rows used.
  public var count: Int { y.count }

  /// A categorical predictor as the frame holds it.
  public struct FrameFactor: Sendable, Equatable {
    /// The variable name.
    public let name: String
    /// The levels that occur in the kept rows, in the codebook's order.
    public let levels: [Factor.Level]
    /// The index of the reference level in `levels`.
    public let reference: Int
    /// Per kept row, an index into `levels`.
    public let codes: [Int32]
  }

  /// Rows left out of the model, counted by variable and reason (a row missing in two variables
  /// counts under both); `rows` is the number of distinct rows left out.
  public struct Exclusions: Sendable, Equatable, Codable {
    /// Rows whose value is missing, by variable.
    public var missing: [String: Int] = [:]
    /// Rows whose value falls outside every level of a grouping (e.g. ages under 15), by variable.
    public var outside: [String: Int] = [:]
    /// Rows with zero trials or zero weight.
    public var zeroWeight: Int = 0
    /// Distinct rows left out.
    public var rows: Int = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
      case missing, outside
      case zeroWeight = "zero_weight"
      case rows
    }
  }
}
