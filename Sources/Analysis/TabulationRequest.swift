import Foundation
import Microdata
import Tabulation

/// A cross-tabulation of suspects (or any file) by codebook variables and groupings, optionally
/// against a population: the analysis behind `strata tabulate` and a recipe's `tabulate` and
/// `rates` entries.
///
/// The steps: count the rows of `data` (after `filter`) in every cell of `rows × cols` — in
/// memory, or chunk by chunk with `stream` — counting rows whose codes are missing or outside
/// every level instead of dropping them; with `population`, aggregate that file over the same
/// variables (its `antal` summed, or its rows counted for a person register) and join the two
/// cell by cell for rates, population shares and representation ratios; apply disclosure
/// control; optionally test the association and standardise the rates directly.
public struct TabulationRequest: Sendable, Codable {

  public var data: DataInput
  public var filter: String?
  /// Row variables (outer first), e.g. `["kon", "fodelse"]`.
  public var rows: [String]
  /// Column variables (outer first); may be empty.
  public var cols: [String] = []
  /// Population file: rates per `per`, population shares and representation ratios.
  public var population: DataInput?
  /// Count a column's values instead of rows (`antal_misstankar` counts suspicions; a count
  /// column makes aggregated input work).
  public var weight: String?
  /// Disclosure control: counts below this are suppressed (0 turns it off).
  public var suppress: Int = 5
  public var percent: PercentBase?
  public var per: Double = 100_000
  /// χ², G², Cramér's V and adjusted residuals (and Fisher's exact test for 2 × 2).
  public var test: Bool = false
  /// Yates' continuity correction of the test's χ² (2 × 2 tables; R's `chisq.test(correct =
  /// TRUE)`); the output states the correction applied.
  public var correct: Bool = false
  /// Fisher's exact test of an r × c table as well (a 2 × 2 table always has it): exact within
  /// ``FisherExactTableTest/defaultStepLimit``, or from `simulate` random tables.
  public var fisher: Bool = false
  /// A Monte-Carlo p-value for Fisher's test from this many random tables (R's
  /// `simulate.p.value = TRUE, B = simulate`), seeded with `seed`.
  public var simulate: Int?
  /// The seed of the Monte-Carlo p-value, stated in the output.
  public var seed: UInt64 = 1
  /// Report, rather than fail on, population cells missing for cells with suspects.
  public var allowMissingPopulation: Bool = false
  /// Direct age standardisation by this grouping (e.g. `aldersgrupp`), to the study population.
  public var standardizeBy: String?
  public var title: String?
  public var language: Language = .sv
  /// Rows of the population file to use (default: `filter`, when the population has its
  /// variables).
  public var populationFilter: String?
  /// Tabulate while reading the file chunk by chunk (memory bounded by the number of cells);
  /// the result is the same as in memory.
  public var stream: Bool = false
  /// Confidence level of the rate intervals.
  public var level: Double = 0.95
  /// The input is already aggregated: each row is a cell and `weight` its count of persons
  /// (e.g. a published table). Disclosure control then judges cells by their counts alone, not
  /// by the number of input rows behind them (which is one per cell).
  public var aggregated: Bool = false
  /// What a count counts: distinct persons (`lopnr`) per cell, the default where the file has
  /// them and no weight is summed, or rows.
  public var count: CountUnit = .persons
  /// When more than half of the table's cells would be suppressed, use coarser groupings of
  /// its variables from the codebook (``runCoarsening()``).
  public var coarsen: Bool = false

  /// What `tabulate` counts.
  public enum CountUnit: String, Sendable, Codable, CaseIterable {
    /// Distinct persons (`lopnr`) in each cell (Brå's netto counting).
    case persons
    /// Rows of the file.
    case rows
  }

  /// The variables counted: the table's, and the stratum of a standardisation.

  public init(
    data: DataInput,
    filter: String? = nil,
    rows: [String],
    cols: [String] = [],
    population: DataInput? = nil,
    weight: String? = nil,
    suppress: Int = 5,
    percent: PercentBase? = nil,
    per: Double = 100_000,
    test: Bool = false,
    correct: Bool = false,
    fisher: Bool = false,
    simulate: Int? = nil,
    seed: UInt64 = 1,
    allowMissingPopulation: Bool = false,
    standardizeBy: String? = nil,
    title: String? = nil,
    language: Language = .sv,
    populationFilter: String? = nil,
    stream: Bool = false,
    level: Double = 0.95,
    aggregated: Bool = false,
    count: CountUnit = .persons,
    coarsen: Bool = false
  ) {
    self.data = data
    self.filter = filter
    self.rows = rows
    self.cols = cols
    self.population = population
    self.weight = weight
    self.suppress = suppress
    self.percent = percent
    self.per = per
    self.test = test
    self.correct = correct
    self.fisher = fisher
    self.simulate = simulate
    self.seed = seed
    self.allowMissingPopulation = allowMissingPopulation
    self.standardizeBy = standardizeBy
    self.title = title
    self.language = language
    self.populationFilter = populationFilter
    self.stream = stream
    self.level = level
    self.aggregated = aggregated
    self.count = count
    self.coarsen = coarsen
  }

  public var countedVariables: [String] { rows + cols + (standardizeBy.map { [$0] } ?? []) }

  public func run() throws -> TabulationResult {
    if coarsen { return try runCoarsening() }
    try validate()
    let codebook = try data.loadCodebook()
    var counted = stream ? try countStreaming(codebook: codebook) : try countInMemory()
    var warnings = counted.warnings
    var populationCount: PopulationCount?
    if let population {
      let result = try countPopulation(population, codebook: codebook)
      warnings += result.warnings
      warnings += yearWarning(counted.years, result.years, population: result.file)
      populationCount = result
    }
    var standardization: DirectStandardization?
    var standardizedWithheld: Set<[String?]> = []
    var populationTable = populationCount?.table
    if let table = populationTable {
      // Levels from the data (alder, ar) differ between the files: count both over all of them,
      // so a population level without suspects is a rate of zero and a suspect level without
      // population is a cell without population.
      let common = LevelOrder.union(counted.table, table)
      counted.table = try counted.table.embedded(in: common)
      populationTable = try table.embedded(in: common)
    }
    if let stratum = standardizeBy, let full = populationTable {
      standardization = try populationContext {
        let rates = try RateTable(
          suspects: counted.table, population: full, options: rateOptions)
        return try DirectStandardization(
          rates: rates, stratum: stratum,
          options: StandardizationOptions(per: per, level: level))
      }
      standardizedWithheld =
        try standardization?.groupsWithSmallStrata(
          in: counted.table, control: summaryOptions.disclosure) ?? []
      counted.table = try counted.table.collapsed(keeping: rows + cols)
      populationTable = try full.collapsed(keeping: rows + cols)
    }
    var summary = try populationContext {
      try CrossTabSummary(counted.table, population: populationTable, options: summaryOptions)
    }
    if test { warnings += try addTest(to: &summary, table: counted.table) }
    warnings += Self.unmatchedWarnings(summary.unmatched ?? [], variables: rows + cols)
    summary.warnings = warnings + summary.warnings
    return TabulationResult(
      request: self, summary: summary, population: populationCount,
      standardization: standardization, standardizedWithheld: standardizedWithheld,
      codebook: codebook, countsPersons: counted.persons)
  }

  /// Checks the options before any file is read.
  public func validate() throws {
    guard !rows.isEmpty else { throw InputError.invalidOptions("Name at least one row variable.") }
    let all = countedVariables
    if let repeated = all.first(where: { name in all.filter { $0 == name }.count > 1 }) {
      throw InputError.invalidOptions(
        "`\(repeated)` is named twice among the rows, columns and standardisation variable.")
    }
    if stream && data.personLevel != nil {
      throw InputError.invalidOptions(
        "Persons derived from suspicions are counted in memory: leave out --stream.")
    }
    if aggregated && weight == nil {
      throw InputError.invalidOptions(
        "Aggregated input needs --weight: the column that holds each cell's count.")
    }
    try InputError.checkSuppression(suppress)
    guard per > 0, per.isFinite else {
      throw InputError.invalidOptions("--per must be a positive number, e.g. 100000.")
    }
    guard level > 0, level < 1 else {
      throw InputError.invalidOptions("The confidence level must lie strictly between 0 and 1.")
    }
    if test && cols.isEmpty {
      throw InputError.invalidOptions("A test of association needs column variables (--cols).")
    }
    if (correct || fisher) && !test {
      throw InputError.invalidOptions(
        "--correct and --fisher refine the test of association: add --test.")
    }
    if let simulate {
      guard fisher else {
        throw InputError.invalidOptions(
          "--simulate gives Fisher's exact test a Monte-Carlo p-value: add --fisher.")
      }
      guard simulate >= 1 else {
        throw InputError.invalidOptions(
          "--simulate must be a positive number of random tables, e.g. 10000.")
      }
    }
    if population == nil {
      if standardizeBy != nil {
        throw InputError.invalidOptions("Standardised rates need a population (--population).")
      }
      if allowMissingPopulation || populationFilter != nil {
        throw InputError.invalidOptions(
          "--allow-missing-population and --population-filter need --population.")
      }
    }
  }

  public var rateOptions: RateOptions {
    // Aggregated input counts persons per cell under --weight; other weights count events
    // (suspicions), which may exceed the population. Unweighted rows are persons.
    RateOptions(
      per: per, level: level, allowMissingPopulation: allowMissingPopulation,
      unit: aggregated ? .persons : nil)
  }

  public var summaryOptions: CrossTabSummaryOptions {
    CrossTabSummaryOptions(
      layout: TableLayout(rows: rows, columns: cols),
      percent: percent,
      disclosure: suppress > 0
        ? DisclosureControl(threshold: Double(suppress), protectRows: !aggregated) : .off,
      rates: rateOptions, includeTest: false, language: language)
  }

  /// The test of association of the first row variable with the first column variable (the
  /// other variables summed over), stored in `summary.test`; returns its warnings.
  ///
  /// The test is withheld (``CrossTabSummary/testWithheld``) when any entry of the published
  /// table is suppressed: the tested two-way table is a margin of it, and χ², G², Cramér's V,
  /// the residuals and Fisher's test are deterministic functions of the cells, so a statistic
  /// printed to full precision typically fits one completion of the suppressed cells only.
  package func addTest(to summary: inout CrossTabSummary, table: CrossTab) throws -> [String] {
    if summary.suppression.primary + summary.suppression.secondary > 0 {
      summary.test = nil
      summary.testWithheld = true
      return [CrossTabSummary.testWithheldWarning]
    }
    let pair = try table.collapsed(keeping: [rows[0], cols[0]])
    let tested = try CrossTabSummary(
      pair,
      options: CrossTabSummaryOptions(
        layout: TableLayout(rows: [rows[0]], columns: [cols[0]]), disclosure: .off,
        includeTest: true, correction: correct ? .yates : .none, fisher: fisherMethod,
        language: language))
    summary.test = tested.test
    let known = Set(table.excluded.warnings)
    return tested.warnings.filter { !known.contains($0) }
  }

  /// Fisher's test of an r × c table as asked for: `nil` without `fisher`.
  public var fisherMethod: FisherExactTableTest.Method? {
    guard fisher else { return nil }
    return simulate.map { .monteCarlo(replicates: $0, seed: seed) } ?? .exact
  }

  /// One warning per cell with a count but no population (at most 20, then a summary): such a
  /// cell, and every margin over it, has no rate. Counts are left out (they may be suppressed).
  package static func unmatchedWarnings(_ cells: [UnmatchedCell], variables: [String]) -> [String] {
    var warnings = cells.prefix(20).map { cell in
      let name = zip(variables, cell.codes).map { "\($0) = \($1)" }.joined(separator: ", ")
      let why = cell.reason == .missing ? "no population record" : "a population of zero"
      return "The cell \(name) has a count but \(why): it has no rate, nor has any margin over it."
    }
    if cells.count > 20 {
      warnings.append("\(cells.count - 20) more cells have a count but no population.")
    }
    return warnings
  }

  /// A warning when the years (`ar`) of the data and of the population differ and `ar` is not
  /// a table variable: the rates would count one period's suspects against another's
  /// population.
  package func yearWarning(
    _ data: Set<String>?, _ population: Set<String>?, population file: String
  )
    -> [String]
  {
    guard let data, let population, !countedVariables.contains("ar"), data != population,
      !data.isEmpty
    else { return [] }
    func list(_ years: Set<String>) -> String {
      years.sorted { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }.joined(separator: ", ")
    }
    return [
      "\(URL(fileURLWithPath: self.data.path).lastPathComponent) has the years (ar) \(list(data)) "
        + "but the population \(file) \(list(population)): the rates count the one against the "
        + "other. Select matching years with --filter (and --population-filter), or tabulate by ar."
    ]
  }

  /// The variables summed over by the test, for a note; `nil` for a two-way table.
  public var testSummedOver: [String]? {
    let other = rows.dropFirst() + cols.dropFirst()
    return other.isEmpty ? nil : Array(other)
  }

  /// Runs `body`, naming the population file in errors about the population.
  package func populationContext<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as TabulationError {
      guard let population else { throw error }
      let file = URL(fileURLWithPath: population.path).lastPathComponent
      switch error {
      case .populationMissing(let cell, let count):
        throw InputError.population(
          file: file,
          problem:
            "the cell \(cell) counts \(Self.format(count)) in \(URL(fileURLWithPath: data.path).lastPathComponent) "
            + "but has no population; check that both files cover the same codes and year, or give "
            + "--allow-missing-population to report such cells in the warnings instead.")
      case .zeroPopulation(let cell, let count):
        throw InputError.population(
          file: file,
          problem:
            "the cell \(cell) counts \(Self.format(count)) in \(URL(fileURLWithPath: data.path).lastPathComponent) "
            + "but has a population of zero, so its rate is undefined; check that both files use the "
            + "same codes, or give --allow-missing-population to report such cells instead.")
      case .countAbovePopulation(let cell, let count, let persons):
        throw PopulationCountError.moreCasesThanPopulation(
          cell: cell, cases: Int(count), population: persons,
          file: URL(fileURLWithPath: data.path).lastPathComponent, populationFile: file)
      case .levelMissingFromPopulation, .dimensionMismatch, .emptyStratum:
        throw InputError.population(file: file, problem: error.description)
      default:
        throw error
      }
    }
  }
}
