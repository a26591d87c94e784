import Analysis
import Microdata
import Reporting
import Yams

/// One analysis of a recipe, as written (before `for_each` expansion).
///
/// ```yaml
/// - analysis: rates                # tabulate | rates | repeat | recidivism | logit | maihda | share
///   name: rates-intersections      # for --only (default: the slug of the title)
///   title: Misstänkta för {brottstyp_label} per 100 000 invånare
///   note: A paragraph shown above the tables in index.html.
///   for_each: {brottstyp: [vnr_partner, vnr_barn]}   # or {brottstyp: all}
///   data: suspects                 # the data file (default: suspects; suspicions for recidivism)
///   population: population         # rates: default `population`; `false` for none
///   filter: 'alder >= 18'          # ANDed with the recipe's filter and the for_each value
///   formats: [md, csv, json, html, xlsx]
///   only_for: {brottstyp: [sexkop]}  # run only for these for_each codes (or except_for:)
///   expect: [...]                  # published figures, see PublishedFigure
///   rows: [kon, fodelse]           # every other key is an option of the analysis's job,
///   per: 100000                    #   named as the job field or the CLI flag
/// ```
public struct RecipeEntry: Sendable {
  public var kind: AnalysisKind
  /// The line of the entry in the recipe.
  public var line: Int
  public var name: String?
  /// The title, possibly with `{variable}` and `{variable_label}` placeholders.
  public var title: String
  public var note: String?
  /// The selection in words for captions (`selection:` or `urval:`, with for_each placeholders
  /// such as `{brottstyp_label}`); without it the filter is described from the codebook.
  public var selection: String?
  /// `nil` uses the recipe's formats.
  public var formats: [TableFormat]?
  /// The layout, figures and decimals of its tables (`layout:`, `columns:`, `decimals:`).
  public var presentation = TablePresentation()
  /// The data-file references of the entry (`data`, `population`, `persons`, `suspicions`).
  public var references: [DataReference] = []
  public var filter: String?
  /// The `for_each` axes, in recipe order (several axes give every combination).
  public var forEach: [ForEachAxis] = []
  public var expectations: [PublishedFigure] = []
  /// Every other key: options of the analysis's job.
  public var options: [RecipeOption] = []
  /// The section the entry belongs to, if it is listed under a section's `analyses:`.
  public var section: RecipeSection?
  /// Run only for these for_each codes (`only_for: {brottstyp: [sexkop]}`).
  public var onlyFor: [ForEachAxis] = []
  /// Skip these for_each codes (`except_for: {brottstyp: [sexkop]}`).
  public var exceptFor: [ForEachAxis] = []

  /// Whether the entry runs for a combination of for_each codes.
  package func applies(to values: [CellCoordinate]) -> Bool {
    func code(_ variable: String) -> String? { values.first { $0.variable == variable }?.code }
    for axis in onlyFor {
      guard let value = code(axis.variable), axis.values?.contains(value) ?? true else {
        return false
      }
    }
    for axis in exceptFor {
      if let value = code(axis.variable), axis.values?.contains(value) ?? true { return false }
    }
    return true
  }
}

/// A section of a recipe: analyses repeated together for each value of its `for_each`, under
/// a heading, so that a report reads offence type by offence type.
///
/// ```yaml
/// - section: "{brottstyp_label}"
///   for_each: {brottstyp: [vnr_partner, vbek]}
///   filter: 'alder >= 18'           # ANDed with each analysis's own filter
///   note: A paragraph under the heading.
///   analyses:
///     - {analysis: rates, title: "Misstänkta för {brottstyp_label} efter kön", rows: kon}
///     - {analysis: rates, title: "Misstänkta för {brottstyp_label} efter ålder", rows: aldersgrupp}
/// ```
/// expands to: vnr_partner by kön, vnr_partner by ålder, vbek by kön, vbek by ålder.
public struct RecipeSection: Sendable, Equatable {
  /// The section's position among the recipe's sections (distinguishes adjacent sections).
  public var index: Int
  /// The heading, possibly with placeholders as in titles.
  public var title: String
  public var note: String?
  public var forEach: [ForEachAxis]
  public var filter: String?
  public var line: Int
}

/// A reference from an entry to a data file of the recipe, e.g. `population: population`.
public struct DataReference: Sendable, Equatable {
  /// `data`, `population`, `persons` or `suspicions`.
  public var role: String
  /// The data file's name; `nil` means "none" (`population: false`).
  public var name: String?
  public var line: Int
}

/// One `for_each` axis: a variable and the codes to repeat the entry for.
public struct ForEachAxis: Sendable, Equatable {
  public var variable: String
  /// The codes; `nil` means every code the codebook lists (`all`).
  public var values: [String]?
  public var line: Int
}

/// An option of an analysis's job as written in the recipe: the key, the YAML value and its
/// line. The value is decoded into the job's field (see `JobOptionDecoding`).
public struct RecipeOption: @unchecked Sendable {
  // Yams' `Node` is not `Sendable` (its tags are classes); a recipe's nodes are never mutated
  // after composition, so sharing them is safe.
  public var key: String
  public var node: Node
  public var line: Int
}
