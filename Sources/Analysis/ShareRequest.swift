import Distributions
import Foundation
import Microdata
import Tabulation

/// Shares from aggregated counts: per cell of the `by` variables, the sum of each numerator
/// column over the sum of the denominator column, as a percentage with a Wilson interval.
/// Behind a recipe's `share` entries, e.g. Brå's published recidivism table, where each row
/// holds the persons of a group and year and how many of them reoffended:
///
/// ```
/// share_k(cell) = Σ numerator_k / Σ denominator      over the rows of the cell
/// percent_k     = 100 · share_k
/// CI            = Wilson's score interval at `level` (integer counts only)
/// ```
/// The sums are weighted cross-tabulations (`CrossTab` with the count column as the weight,
/// the same as `strata tabulate --weight`). A row with a missing count is excluded from every
/// sum and counted; a cell no row falls into is left out. A numerator or denominator below
/// `suppress` is suppressed together with its share.
///
/// Wilson (1927), "Probable inference, the law of succession, and statistical inference",
/// JASA 22(158), 209–212, doi:10.1080/01621459.1927.10502953.
public struct ShareRequest: Sendable, Codable {
  public var data: DataInput
  public var filter: String?
  /// The grouping variables (outer first), e.g. `[grupp, ar]`.
  public var by: [String]
  /// The count columns whose share is computed, e.g. `[aterfall_1ar, aterfall_3ar]`.
  public var numerators: [String]
  /// The count column of the base, e.g. `personer`.
  public var denominator: String
  /// Disclosure control: counts below this are suppressed (0 turns it off).
  public var suppress: Int = 5
  /// Confidence level of the Wilson intervals.
  public var level: Double = 0.95
  public var title: String?
  public var language: Language = .sv

  public init(
    data: DataInput,
    filter: String? = nil,
    by: [String],
    numerators: [String],
    denominator: String,
    suppress: Int = 5,
    level: Double = 0.95,
    title: String? = nil,
    language: Language = .sv
  ) {
    self.data = data
    self.filter = filter
    self.by = by
    self.numerators = numerators
    self.denominator = denominator
    self.suppress = suppress
    self.level = level
    self.title = title
    self.language = language
  }

  public func run() throws -> ShareResult {
    try InputError.checkSuppression(suppress)
    guard !by.isEmpty else {
      throw JobError.invalidOption("a share needs at least one `by` variable")
    }
    guard !numerators.isEmpty else {
      throw JobError.invalidOption("a share needs at least one numerator")
    }
    guard level > 0 && level < 1 else {
      throw JobError.invalidOption("level must lie between 0 and 1")
    }
    let loaded = try data.load(filter: filter)
    var result = try ShareResult(
      loaded.dataset, by: by, numerators: numerators, denominator: denominator,
      suppress: suppress, level: level)
    result.request = self
    result.warnings = loaded.warnings + result.warnings
    return result
  }
}

/// The computed shares of a `ShareRequest`.
public struct ShareResult: Sendable {
  public struct Cell: Sendable {
    /// Level indices per `by` variable.
    public var levels: [Int]
    public var total: Double
    /// One sum per numerator.
    public var counts: [Double]
    public var intervals: [(lower: Double, upper: Double)?]
  }

  /// What was asked (set by `ShareRequest.run()`).
  public var request: ShareRequest?
  public var dimensions: [CrossTab.Dimension]
  public var numerators: [String]
  public var denominator: String
  public var level: Double
  public var suppress: Int
  public var cells: [Cell]
  public var excludedRows: Int
  public var excludedMissing: [String: Int]
  public var warnings: [String]
  /// Labels of the variables and count columns from the codebook.
  public var variableLabels: [String: Label]

  public init(
    _ dataset: Dataset, by: [String], numerators: [String], denominator: String, suppress: Int,
    level: Double
  ) throws {
    let factors = try by.map { name throws(MicrodataError) in try dataset.factor(name) }
    let countNames = [denominator] + numerators
    var columns = try countNames.map { name throws(MicrodataError) in try dataset.numeric(name) }
    // A row with any count missing is left out of every sum, so the shares stay consistent.
    var missing: [String: Int] = [:]
    for row in 0..<dataset.rowCount {
      let absent = countNames.indices.filter { columns[$0][row].isNaN }
      guard !absent.isEmpty else { continue }
      for index in absent { missing[countNames[index], default: 0] += 1 }
      for index in columns.indices { columns[index][row] = .nan }
    }
    let tables = try columns.enumerated().map { index, values throws(TabulationError) in
      try CrossTab(factors, weight: .doubles(name: countNames[index], values))
    }
    let base = tables[0]
    for (name, count) in base.excluded.missing where !countNames.contains(name) {
      missing[name, default: 0] += count
    }
    for (name, count) in base.excluded.outside {
      missing[name + " (outside every level)", default: 0] += count
    }
    dimensions = base.dimensions
    self.numerators = numerators
    self.denominator = denominator
    self.level = level
    self.suppress = suppress
    excludedRows = base.excluded.rows
    excludedMissing = missing
    warnings = []
    if excludedRows > 0 {
      let reasons = missing.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
      warnings.append(
        "\(excludedRows) rows of \(dataset.source) excluded (missing \(reasons.joined(separator: ", ")))"
      )
    }
    cells = []
    for index in 0..<base.cellCount where base.records[index] > 0 {
      let total = base.counts[index]
      let counts = tables.dropFirst().map { $0.counts[index] }
      let intervals = counts.map { count -> (lower: Double, upper: Double)? in
        guard total > 0, count <= total, count == count.rounded(), total == total.rounded(),
          total < 9e15
        else { return nil }
        return ProportionInterval.wilson(successes: Int(count), trials: Int(total), level: level)
      }
      cells.append(
        Cell(
          levels: base.levelIndices(ofCell: index), total: total, counts: counts,
          intervals: intervals))
      for (k, count) in counts.enumerated() where count > total {
        let codes = zip(dimensions, base.levelIndices(ofCell: index)).map {
          "\($0.name)=\($0.codes[$1])"
        }
        warnings.append(
          "\(numerators[k]) (\(Int(count))) exceeds \(denominator) (\(Int(total))) in \(codes.joined(separator: ", "))"
        )
      }
    }
    variableLabels = [:]
    for name in by + countNames {
      if let variable = dataset.codebook.variable(named: name) {
        variableLabels[name] = variable.label
      } else if let grouping = dataset.codebook.grouping(named: name) {
        variableLabels[name] = grouping.label
      }
    }
  }

  /// Whether a count is below the disclosure threshold (zero is a true zero, never hidden).
  package func isSuppressed(_ count: Double) -> Bool {
    suppress > 0 && count > 0 && count < Double(suppress)
  }

  /// The label of a variable or count column in `language` (the name when it has none).
  package func label(_ name: String, _ language: Language) -> String {
    let text = variableLabels[name]?.text(language) ?? ""
    return text.isEmpty ? name : text
  }
}
