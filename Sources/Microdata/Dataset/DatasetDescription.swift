/// A summary of a dataset through its codebook: per variable the counts per code with labels,
/// missing values, invalid and out-of-range values met while reading, and min/max/mean of
/// numbers; the groupings; undeclared columns and absent variables. `strata describe` prints it.
public struct DatasetDescription: Sendable, Equatable, Codable {
  public var source: String
  public var rows: Int
  /// Data records in the file (kept and excluded).
  public var rowsRead: Int
  public var rowsExcluded: Int
  public var encoding: TextEncoding
  public var delimiter: String
  public var variables: [VariableSummary]
  /// Groupings whose source variable the dataset has.
  public var groupings: [VariableSummary]
  public var undeclaredColumns: [String]
  public var absentVariables: [String]
  public var issues: [LoadReport.Issue]

  /// One variable or grouping.
  public struct VariableSummary: Sendable, Equatable, Codable {
    public var name: String
    /// The header column it was read from (nil for a grouping).
    public var column: String?
    public var kind: VariableKind
    public var declared: Bool
    public var label: Label?
    /// For a grouping, the variable it recodes.
    public var source: String?
    /// Rows with a value.
    public var present: Int
    public var missing: Int
    /// Grouping rows whose value no level covers (e.g. ages under 15).
    public var outside: Int
    /// Values outside the valid range met while reading (set missing or row excluded).
    public var outOfRange: Int
    /// Unknown codes and unreadable values met while reading (set missing or row excluded).
    public var invalid: Int
    /// Counts per code (categorical variables, groupings, integers with at most 30 values).
    public var categories: [CategoryCount]?
    public var minimum: Double?
    public var maximum: Double?
    public var mean: Double?
    /// First and last date of a date variable.
    public var firstDate: String?
    public var lastDate: String?
    /// Distinct present values (text, ids, dates, numbers).
    public var distinct: Int?
  }

  /// One code with its labels and count.
  public struct CategoryCount: Sendable, Equatable, Codable {
    public var code: String
    public var sv: String
    public var en: String
    public var count: Int
  }
}
