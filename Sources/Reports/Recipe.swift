import Analysis
import Foundation
import Microdata
import Reporting

/// A report recipe: the data files, the defaults, and the analyses to run, read from YAML.
///
/// ```yaml
/// title: Vem misstänks för våld?
/// language: sv                 # default sv
/// suppress: 5                  # counts below this are shown as `..` (0 turns it off,
///                              # and then the recipe must say `internal: true`)
/// codebook: ../datasets/codebook.yaml     # default: the canonical codebook
/// dialect: {delimiter: ";", encoding: utf8, on_error: strict}
/// data:
///   suspects: ../datasets/sample/suspects.csv
///   population: ../datasets/sample/population.csv
///   suspicions: {path: ../datasets/sample/suspicions.csv}
/// filter: 'alder >= 15'        # or per file: {suspects: 'ar == 2016'}
/// formats: [md, csv, json, html, tex, xlsx]
/// analyses:
///   - analysis: rates
///     title: Misstänkta för {brottstyp_label} per 100 000 invånare
///     for_each: {brottstyp: [vnr_partner, vbek]}
///     rows: [kon, fodelse]
/// ```
///
/// Relative paths are relative to the recipe file. See `RecipeEntry` for an analysis's keys.
public struct Recipe: Sendable {
  /// The recipe file as named in messages.
  public var file: String
  /// The folder relative paths are resolved against.
  public var directory: URL
  public var title: String
  public var subtitle: String?
  /// A source line added under every table ("Källa: …"), e.g. the data delivery.
  public var source: String?
  /// The default language of labels and numbers.
  public var language: Language = .sv
  /// The default disclosure threshold: counts below it are suppressed (`..`).
  public var suppress: Int = 5
  /// Whether the report is internal (`internal: true`): required when the recipe turns
  /// suppression off anywhere (`suppress: 0` at the top or in an analysis). Every output of an
  /// internal report says that it is not disclosure-protected.
  public var isInternal: Bool = false
  /// The data files by name, in recipe order.
  public var data: [RecipeDataFile] = []
  /// Filters by data-file name; the key `*` applies to every file.
  public var filters: [String: String] = [:]
  /// The default formats of every analysis.
  public var formats: [TableFormat] = TableFormat.allCases
  /// The dialect of the CSV files (`csv_style: rfc4180 | excel-sv`, default rfc4180).
  public var csvStyle: CSVRenderer.Style = .rfc4180
  /// The analyses, before `for_each` expansion.
  public var entries: [RecipeEntry] = []

  /// The data file named `name`.
  package func dataFile(named name: String) -> RecipeDataFile? { data.first { $0.name == name } }

  /// The global filter that applies to the data file `name`.
  package func globalFilter(for name: String) -> String? {
    filters[name] ?? filters["*"]
  }
}

/// A data file of a recipe under its name (`suspects`, `population`, `suspicions`, `persons`,
/// or any other name an analysis refers to with `data: NAME`).
public struct RecipeDataFile: Sendable, Equatable {
  public var name: String
  /// The file and how to read it, paths resolved.
  public var input: DataInput
  /// A sentence describing the file in the report's data section.
  public var description: String?
  /// The recipe line that declares it.
  public var line: Int
}

/// The kinds of analysis a recipe can run.
public enum AnalysisKind: String, Sendable, CaseIterable {
  /// A cross-tabulation (`TabulationRequest`).
  case tabulate
  /// A cross-tabulation against the population: rates, population shares, representation.
  case rates
  /// Repeat offending (`RepeatOffendingRequest`).
  case `repeat`
  /// Recidivism with a follow-up window (`RecidivismRequest`).
  case recidivism
  /// Logistic regression (`LogitRequest`).
  case logit
  /// Intersectional MAIHDA (`MAIHDARequest`).
  case maihda
  /// Shares of aggregated counts, numerator columns over a denominator column (`ShareRequest`).
  case share

  /// The data file an analysis of this kind reads by default.
  public var defaultData: String {
    self == .recidivism ? "suspicions" : "suspects"
  }
}
