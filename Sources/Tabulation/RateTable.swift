import Distributions
import Microdata

/// Options for population rates (``RateTable``).
public struct RateOptions: Sendable, Equatable, Hashable {
  /// Rates are per this many persons. Default 100 000 (Swedish official statistics).
  public var per: Double
  /// Confidence level of every interval. Default 0.95.
  public var level: Double
  /// Whether a cell with suspects but no population (no record, or a population of zero) is
  /// reported in ``RateTable/unmatched`` instead of being an error. Default `false`.
  public var allowMissingPopulation: Bool
  /// What the counts are, which decides whether a cell may count more than its population.
  /// Default `nil`: ``CountUnit/persons`` for an unweighted table (one row per person),
  /// ``CountUnit/events`` for a weighted one (`antal_misstankar` counts suspicions).
  public var unit: CountUnit?

  public init(
    per: Double = 100_000, level: Double = 0.95, allowMissingPopulation: Bool = false,
    unit: CountUnit? = nil
  ) {
    self.per = per
    self.level = level
    self.allowMissingPopulation = allowMissingPopulation
    self.unit = unit
  }
}

/// What the counts of a rate table are.
///
/// A cell cannot hold more persons than live in it, so a count of persons above its population
/// means that the two files do not describe the same people (another year, another region, a
/// population cell missing), and ``RateTable`` rejects it instead of publishing a rate above
/// 100 000 per 100 000. A count of events (suspicions, offences) has no such bound: one person
/// can be suspected many times, and a rate of suspicions above the population is legitimate.
public enum CountUnit: String, Sendable, Equatable, Hashable, Codable {
  /// Each counted unit is a person of the population (at most the population of its cell).
  case persons
  /// Each counted unit is an event of a person (any number per person).
  case events
}

/// The rate and representation of one cell or margin of a ``RateTable``.
public struct RateEntry: Sendable, Equatable, Hashable {
  /// The suspects (or suspicions) in the entry.
  public let count: Double
  /// The population of the entry.
  public let population: Double
  /// The rate with its exact interval; `nil` when the population is zero or the entry covers a
  /// cell with suspects but no population.
  public let rate: Rate?
  /// The representation ratio: the entry's share of the suspects divided by its share of the
  /// population (see ``RateTable``); `nil` where the rate is.
  public let representationRatio: Double?
  /// Its exact interval, conditional on the total number of suspects (see ``RateTable``).
  public let representationInterval: Interval?
}

/// A cell with suspects but no usable population, reported when
/// ``RateOptions/allowMissingPopulation`` is set.
public struct UnmatchedCell: Sendable, Equatable, Hashable, Codable {
  /// Why the cell has no rate.
  public enum Reason: String, Sendable, Codable {
    /// The population table has no record for the cell.
    case missing
    /// The population table's count for the cell is zero.
    case zero
  }
  /// The level codes of the cell, one per dimension.
  public let codes: [String]
  /// Its suspects.
  public let count: Double
  public let reason: Reason
}

/// Suspect counts joined to population counts cell by cell: rates per `per` with Garwood's exact
/// Poisson intervals and representation ratios, for every cell and every margin.
///
/// ```
/// rate_e           = per · x_e / N_e
/// representation_e = (x_e / X) / (N_e / N)
/// ```
///
/// where `x_e` and `N_e` are the suspects and population of a cell or margin and `X`, `N` the
/// totals. The representation ratio equals the entry's rate divided by the total rate. Its
/// interval is exact conditional on `X`: given the total, `x_e ~ Binomial(X, π_e)`, so the
/// Clopper–Pearson interval for `π_e` (Clopper & Pearson 1934, doi:10.1093/biomet/26.4.404)
/// divided by the population share `N_e / N` (a register count, treated as fixed) is an exact
/// interval for the ratio. It needs whole-number counts and is `nil` otherwise.
///
/// Cells with suspects but no population are an error (``TabulationError/populationMissing``,
/// ``TabulationError/zeroPopulation``) unless ``RateOptions/allowMissingPopulation`` is set;
/// then they are listed in ``unmatched``, have no rate, and make the rate of every margin that
/// covers them `nil` as well (their suspects have no population to be divided by); totals for
/// representation ratios are taken over the matched cells.
public struct RateTable: Sendable, Equatable {
  /// The suspect table.
  public let suspects: CrossTab
  /// The population table, aligned to the suspect table's dimensions and levels.
  public let population: CrossTab
  /// The options used.
  public let options: RateOptions
  /// The entry of every cell, row-major like ``CrossTab/counts``.
  public let cells: [RateEntry]
  /// The entry of the grand total.
  public let total: RateEntry
  /// Cells with suspects but no population (only with ``RateOptions/allowMissingPopulation``).
  public let unmatched: [UnmatchedCell]
  /// Notes for the analyst (population levels not in the suspect table, weighted counts).
  public let warnings: [String]
  /// The entry of every cell and margin, in the extended layout of ``CrossTab``.
  let entries: [RateEntry]

  /// The entry at level indices, with `nil` for "summed over" (a margin).
  public func entry(at levelIndices: [Int?]) -> RateEntry {
    entries[suspects.extendedPosition(levelIndices)]
  }

  /// The entry at level codes, with `nil` for "summed over".
  ///
  /// - Throws: `TabulationError.unknownLevel`.
  public func entry(codes: [String?]) throws(TabulationError) -> RateEntry {
    entry(at: try suspects.levelIndices(codes: codes))
  }
}

extension CrossTab {
  /// Level indices of codes (`nil` = summed over).
  func levelIndices(codes: [String?]) throws(TabulationError) -> [Int?] {
    precondition(codes.count == shape.count, "one code (or nil) per dimension")
    var indices: [Int?] = []
    for (d, code) in codes.enumerated() {
      if let code {
        indices.append(try levelIndex(ofCode: code, inDimension: d))
      } else {
        indices.append(nil)
      }
    }
    return indices
  }

  /// A description of a cell for messages, e.g. `kon = 1, fodelse = utrikes`.
  func describe(levelIndices: [Int?]) -> String {
    let parts = shape.indices.compactMap { d -> String? in
      levelIndices[d].map { "\(dimensions[d].name) = \(dimensions[d].levels[$0].code)" }
    }
    return parts.isEmpty ? "(total)" : parts.joined(separator: ", ")
  }
}
