/// What happened when a file was read: its dialect, how many rows were read and kept, each
/// kind of problem with its count and first occurrence, and how its columns map to the codebook.
public struct LoadReport: Sendable, Equatable, Codable {
  /// What was done with the rows or values that had a problem.
  public enum Action: String, Sendable, Equatable, Codable {
    /// The row was left out of the dataset.
    case excluded
    /// The value was set to missing and the row kept.
    case setMissing
  }

  /// One kind of problem in one column: how often and where first.
  public struct Issue: Sendable, Equatable, Codable {
    /// The `MicrodataError.kind` of the problem, e.g. `unknownCode`, `outOfRange`, `wrongColumnCount`.
    public var kind: String
    /// The variable, when the problem belongs to one.
    public var variable: String?
    public var action: Action
    /// How many rows (for `.excluded`, each row counted once, under its first problem) or
    /// values (for `.setMissing`).
    public var count: Int
    /// The first occurrence, as the error strict mode would have thrown.
    public var first: MicrodataError

    public var firstLine: Int { first.location?.line ?? 0 }

    enum CodingKeys: String, CodingKey {
      case kind, variable, action, count
      case firstLine = "first_line"
      case message
    }

    public init(kind: String, variable: String?, action: Action, count: Int, first: MicrodataError)
    {
      self.kind = kind
      self.variable = variable
      self.action = action
      self.count = count
      self.first = first
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(kind, forKey: .kind)
      try c.encodeIfPresent(variable, forKey: .variable)
      try c.encode(action, forKey: .action)
      try c.encode(count, forKey: .count)
      try c.encode(firstLine, forKey: .firstLine)
      try c.encode(first.description, forKey: .message)
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      kind = try c.decode(String.self, forKey: .kind)
      variable = try c.decodeIfPresent(String.self, forKey: .variable)
      action = try c.decode(Action.self, forKey: .action)
      count = try c.decode(Int.self, forKey: .count)
      first = .invalidOption(try c.decode(String.self, forKey: .message))
    }
  }

  /// How one header column was read.
  public struct ColumnMapping: Sendable, Equatable, Codable {
    /// The name in the file's header.
    public var column: String
    /// The variable it was read as (the header name for an undeclared column).
    public var variable: String
    public var kind: VariableKind
    /// Whether the codebook declares the variable.
    public var declared: Bool
  }

  /// The file name.
  public var source: String
  public var encoding: TextEncoding
  /// The delimiter as text (`;`, `,`, `\t`, `|`).
  public var delimiter: String
  public var byteOrderMark: Bool
  public var compressed: Bool
  /// Data records read (the header and blank lines not counted), skipped ones included.
  public var rowsRead: Int
  /// Rows in the dataset.
  public var rowsKept: Int
  /// Records skipped because their key is not selected (`LoadOptions.selection`): split into
  /// fields and counted, their values neither read nor checked. Counted in `rowsRead`, not in
  /// `rowsKept`; 0 without a selection.
  public var rowsSkipped = 0
  /// Problems by kind and variable, in order of first occurrence.
  public var issues: [Issue]
  /// The header's columns and what they were read as.
  public var columns: [ColumnMapping]
  /// Header columns the codebook does not declare (read with an inferred type).
  public var undeclaredColumns: [String]
  /// Codebook variables the file has no column for.
  public var absentVariables: [String]
  /// Joins applied to the dataset after loading (`Dataset.joined(with:on:kind:)`).
  public var joins: [JoinSummary]

  /// Rows read but not in the dataset (`rowsRead − rowsKept − rowsSkipped`): left out for a
  /// problem, whatever it was.
  public var rowsLeftOut: Int { rowsRead - rowsKept - rowsSkipped }

  /// Rows left out, over all reasons.
  public var rowsExcluded: Int {
    issues.filter { $0.action == .excluded }.reduce(0) { $0 + $1.count }
  }

  /// Rows excluded with a given problem kind (e.g. `unknownCode`), over all variables.
  public func excludedRows(kind: String) -> Int {
    issues.filter { $0.action == .excluded && $0.kind == kind }.reduce(0) { $0 + $1.count }
  }

  /// Values of a variable set to missing (policy `.markMissing`), optionally of one kind.
  public func valuesSetMissing(variable: String, kind: String? = nil) -> Int {
    issues.filter {
      $0.action == .setMissing && $0.variable == variable && (kind == nil || $0.kind == kind)
    }
    .reduce(0) { $0 + $1.count }
  }
}

/// The outcome of one join: how many rows found a partner.
public struct JoinSummary: Sendable, Equatable, Codable {
  /// The key variable.
  public var key: String
  /// The source of the joined (right) dataset.
  public var other: String
  public var kind: JoinKind
  /// Rows of the left dataset before the join.
  public var rows: Int
  public var matched: Int
  /// Left rows with no partner (kept with missing values by a left join, dropped by an inner one).
  public var unmatched: Int
  /// Left rows whose key is missing (counted among `unmatched`).
  public var missingKeys: Int

  public init(
    key: String, other: String, kind: JoinKind, rows: Int, matched: Int, unmatched: Int,
    missingKeys: Int
  ) {
    self.key = key
    self.other = other
    self.kind = kind
    self.rows = rows
    self.matched = matched
    self.unmatched = unmatched
    self.missingKeys = missingKeys
  }
}

/// Which rows a join keeps.
public enum JoinKind: String, Sendable, Equatable, Codable {
  /// Every row of the left dataset; unmatched rows get missing values (SQL LEFT JOIN).
  case left
  /// Only rows with a partner (SQL INNER JOIN).
  case inner
}
