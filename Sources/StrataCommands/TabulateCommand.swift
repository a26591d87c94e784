import Analysis
import ArgumentParser
import Foundation
import Microdata
import Reporting
import Reports
import Tabulation

extension PercentBase: ExpressibleByArgument {}
extension TabulationRequest.CountUnit: ExpressibleByArgument {}

/// `strata tabulate`: a cross-tabulation with margins, optionally against a population.
struct TabulateCommand: AnalysisCommand {
  static let configuration = CommandConfiguration(
    commandName: "tabulate",
    abstract:
      "Cross-tabulate by codebook variables and groupings, with rates against a population.",
    discussion: """
      Counts the persons of FILE (distinct lopnr in each cell, as Brå counts suspects; rows \
      with --count rows or without lopnr) in every combination of the row and column \
      variables, with every margin. Variables may be codebook groupings such as \
      aldersgrupp, utbildningsniva or fodelse (inrikes/utrikes). Rows whose code is missing or \
      outside every level (ages under 15) are left out and counted under "excluded".

      With --population (an SCB-style file with `antal`, or a person register counted row by \
      row), the population is aggregated over the same variables and joined cell by cell: \
      rates per --per with exact Poisson (Garwood) intervals, population shares and \
      representation ratios. A cell with suspects but no population is an error unless \
      --allow-missing-population. --filter also selects population rows when the population \
      has its variables; --population-filter selects them explicitly.

      With --per-person V,... FILE is a file of suspicions: each person is counted once per \
      combination of the variables (e.g. the injured party's sex, or parrelation: samkonad / \
      olikkonad partner violence), with the variables of --person-register joined by lopnr \
      and the suspicions from --from to --to.

      Disclosure control is on: counts below --suppress (default 5), and the entries that \
      would reveal them, are withheld from every format, JSON included (`"suppressed": true` \
      with no values); --suppress 0 turns it off.

      Examples:
        strata tabulate suspects.csv --rows kon --cols fodelse \\
          --population population.csv
        strata tabulate suspects.csv --rows kon,fodelse --cols aldersgrupp \\
          --population population.csv --filter 'brottstyp == "vbek"' \\
          --chart rates.svg
        strata tabulate suspects.csv --rows kon --cols brottstyp --test \\
          --format json
        strata tabulate suspects.csv --rows kon --cols fodelse --test --correct
        strata tabulate suspects.csv --rows aldersgrupp --cols brottstyp --test \\
          --fisher --simulate 10000 --seed 7
        strata tabulate persons.csv --rows kon,aldersgrupp \\
          --cols utbildningsniva,fodelse --stream
        strata tabulate suspicions.csv --per-person brottstyp,malsagande_kon \\
          --person-register persons.csv.gz --from 2016-01-01 --to 2016-12-31 \\
          --filter 'brottstyp == "vnr_partner"' --rows kon --cols malsagande_kon

      Exit status: 0 success (warnings go to stderr and the JSON); 1 data error (the message \
      names the file, line and value); 2 usage error.
      """)

  @Argument(help: "The file to count (.csv, .tsv, .txt, optionally .gz), e.g. suspects.csv.")
  var file: String

  @Option(
    help: "Row variables, outer first, comma-separated (e.g. kon,fodelse).",
    transform: commaSeparated)
  var rows: [String]

  @Option(help: "Column variables, outer first, comma-separated.", transform: commaSeparated)
  var cols: [String] = []

  @Option(help: "Population file for rates, shares and representation ratios.")
  var population: String?

  @Option(
    name: .customLong("population-filter"),
    help:
      "Select rows of the population file (default: --filter where the population has its variables)."
  )
  var populationFilter: String?

  @Option(
    help:
      "Sum this column instead of counting rows (antal_misstankar counts suspicions, which may outnumber a cell's population; counted rows are persons and may not)."
  )
  var weight: String?

  @Option(
    parsing: .unconditional,
    help: "Suppress counts below this (and entries that would reveal them); 0 turns it off.")
  var suppress = 5

  @Flag(
    help:
      "The input is aggregated: each row is a cell and --weight its count of persons (suppression then judges the counts, not the rows behind them)."
  )
  var aggregated = false

  @Option(
    help: ArgumentHelp(
      "What a count counts: persons (distinct lopnr per cell, the default where the file has "
        + "lopnr) or rows."))
  var count: TabulationRequest.CountUnit = .persons

  @Option(help: "Percentages: row, col or total.")
  var percent: PercentBase?

  @Option(parsing: .unconditional, help: "Rates per this many of the population.")
  var per = 100_000

  @Option(parsing: .unconditional, help: "Confidence level of the rate intervals.")
  var level = 0.95

  @Flag(help: "Test the association of the first row variable with the first column variable.")
  var test = false

  @Flag(
    help:
      "With --test: Yates' continuity correction of χ² for a 2 × 2 table (R's chisq.test(correct = TRUE))."
  )
  var correct = false

  @Flag(
    help: ArgumentHelp(
      "With --test: Fisher's exact test of an r × c table too (a 2 × 2 table always has it); "
        + "exact up to \(FisherExactTableTest.defaultStepLimit) partial tables, else an error."))
  var fisher = false

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "With --fisher: a Monte-Carlo p-value from this many random tables (R's "
        + "simulate.p.value), e.g. 10000."))
  var simulate: Int?

  @Option(
    parsing: .unconditional, help: "The seed of the Monte-Carlo p-value (stated in the output).")
  var seed: UInt64 = 1

  @Flag(
    name: .customLong("allow-missing-population"),
    help: "Report cells with suspects but no population in the warnings instead of stopping.")
  var allowMissingPopulation = false

  @Option(
    name: .customLong("standardize-by"),
    help: ArgumentHelp(
      "Also give rates directly standardised by this variable (e.g. aldersgrupp) to the study "
        + "population."))
  var standardizeBy: String?

  @Flag(
    help: "Tabulate while reading, chunk by chunk (for files larger than memory); same results.")
  var stream = false

  @Flag(
    help: ArgumentHelp(
      "When more than half of the cells would be suppressed, use coarser groupings of the "
        + "variables from the codebook (e.g. aldersgrupp3 for aldersgrupp); the output says so."))
  var coarsen = false

  @Option(help: "Title of the tables and chart.")
  var title: String?

  @OptionGroup var input: InputOptions
  @OptionGroup var personLevel: PersonLevelOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var rendering: AnalysisOutputOptions

  var request: TabulationRequest {
    TabulationRequest(
      data: personLevel.apply(to: input.input(file)), filter: input.filter, rows: rows, cols: cols,
      population: population.map { input.input($0) }, weight: weight, suppress: suppress,
      percent: percent, per: Double(per), test: test, correct: correct, fisher: fisher,
      simulate: simulate, seed: seed,
      allowMissingPopulation: allowMissingPopulation,
      standardizeBy: standardizeBy, title: title, language: output.lang,
      populationFilter: populationFilter, stream: stream, level: level, aggregated: aggregated,
      count: count, coarsen: coarsen)
  }
}
