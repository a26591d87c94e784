import Microdata

/// What a tabulation result needs to become a publication table besides its figures: the
/// language, the title, the labels of variables and codes (from the codebook), the source line
/// and notes. Used by the conversions of `CrossTabSummary`,
/// `RepeatOffendingSummary` and `RecidivismSummary`.
///
/// ```swift
/// var options = TabulationReportOptions(language: .sv, source: "suspects.csv")
/// options.variableLabels = ["kon": "Kön", "fodelse": "Född i Sverige eller utrikes"]
/// options.levelLabels = ["kon": ["1": "Man", "2": "Kvinna"]]
/// let table = try ReportTable(crossTab: summary, options: options)
/// ```
public struct TabulationReportOptions: Sendable, Equatable {
  /// The language of labels, standard texts and numbers. Default Swedish.
  public var language: Language
  /// The title; `nil` writes one from the variables ("Antal efter kön och födelse").
  public var title: String?
  /// A line under the title (e.g. the selection). Default none.
  public var subtitle: String?
  /// Variable labels for stub and column headers, e.g. `kon` → "Kön"; a variable without one
  /// is shown by its name. Default none.
  public var variableLabels: [String: String]
  /// Code labels by variable, e.g. `kon` → `1` → "Man"; they take precedence over the labels a
  /// summary carries; a code without one is shown as it is. Default none.
  public var levelLabels: [String: [String: String]]
  /// The source line below the table ("Källa: …"), e.g. the file name. Default none.
  public var source: String?
  /// Notes below the table, in order, before the standard ones. Default none.
  public var notes: [String]
  /// The confidence level of the intervals, for the notes. Default 0.95.
  public var confidenceLevel: Double
  /// The disclosure-control threshold, for the notes (summaries that do not carry it: repeat
  /// offending, recidivism). Default 5.
  public var suppressionThreshold: Double

  public init(
    language: Language = .sv, title: String? = nil, subtitle: String? = nil,
    variableLabels: [String: String] = [:], levelLabels: [String: [String: String]] = [:],
    source: String? = nil, notes: [String] = [], confidenceLevel: Double = 0.95,
    suppressionThreshold: Double = 5
  ) {
    self.language = language
    self.title = title
    self.subtitle = subtitle
    self.variableLabels = variableLabels
    self.levelLabels = levelLabels
    self.source = source
    self.notes = notes
    self.confidenceLevel = confidenceLevel
    self.suppressionThreshold = suppressionThreshold
  }

  /// The label of a variable (its name when none is given).
  public func variableLabel(_ name: String) -> String {
    guard let label = variableLabels[name], !label.isEmpty else { return name }
    return label
  }

  /// The label of a variable for use inside a sentence: lower-cased at its start ("Kön" →
  /// "kön") unless it starts with an abbreviation.
  public func sentenceLabel(_ name: String) -> String {
    TabulationText.lowercasedStart(variableLabel(name))
  }

  /// The label of a code: from ``levelLabels``, else from `fallback` (a summary's own labels),
  /// else the code.
  public func levelLabel(
    _ variable: String, _ code: String, fallback: [String: [String: String]] = [:]
  )
    -> String
  {
    if let label = levelLabels[variable]?[code], !label.isEmpty { return label }
    if let label = fallback[variable]?[code], !label.isEmpty { return label }
    return code
  }

  /// "kön och födelse" / "sex and birth": the variables' labels joined for a title, lower-cased
  /// at the start unless they look like names or abbreviations.
  func joinedLabels(_ variables: [String]) -> String {
    let labels = variables.map { TabulationText.lowercasedStart(variableLabel($0)) }
    let and = language.text(.listAnd)
    guard labels.count > 1 else { return labels.first ?? "" }
    return labels.dropLast().joined(separator: ", ") + and + labels.last!
  }

  /// The footnotes of a table: the given notes, `extra` notes, then the source.
  func footnotes(_ extra: [String]) -> [Footnote] {
    (notes + extra).map { Footnote.note($0) } + (source.map { [Footnote.source($0)] } ?? [])
  }
}
