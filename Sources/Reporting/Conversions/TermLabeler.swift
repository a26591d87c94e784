import Microdata
import RegressionModels

/// Readable labels for model terms and strata, from the codebook's Swedish and English labels.
///
/// ```
/// .intercept                          →  "Konstant"                     / "Intercept"
/// .level("kon", code: "2", …)         →  "Kön: Kvinna"                  / "Sex: Woman"
/// kon 2 × fodelse utrikes             →  "Kön: Kvinna × Födelse: Utrikes född"
/// .numeric("alder")                   →  "Ålder"                        / "Age"
/// ```
/// A variable or code the codebook does not label (an undeclared column) keeps its name or
/// code, so a label is never empty. Factors passed to the initialiser add the levels of
/// variables the codebook lacks (e.g. the distinct values of an undeclared text column).
public struct TermLabeler: Sendable, Equatable {
  /// The language of the labels.
  public var language: Language
  private var variableLabels: [String: String]
  private var levelLabels: [String: [String: String]]

  /// Labels from `codebook` (variables, their codes, groupings and their levels), with
  /// `factors` filling in variables the codebook does not declare.
  public init(codebook: Codebook, language: Language, factors: [Factor] = []) {
    self.language = language
    var variables: [String: String] = [:]
    var levels: [String: [String: String]] = [:]
    for factor in factors {
      levels[factor.name] = Dictionary(
        factor.levels.map { ($0.code, $0.label(language)) }, uniquingKeysWith: { a, _ in a })
    }
    for variable in codebook.variables {
      let text = variable.label.text(language)
      if !text.isEmpty { variables[variable.name] = text }
      if !variable.codes.isEmpty {
        levels[variable.name] = Dictionary(
          variable.codes.map { ($0.code, $0.label.text(language)) },
          uniquingKeysWith: { a, _ in a })
      }
    }
    for grouping in codebook.groupings {
      let text = grouping.label.text(language)
      if !text.isEmpty { variables[grouping.name] = text }
      levels[grouping.name] = Dictionary(
        grouping.levels.map { ($0.code, $0.label.text(language)) }, uniquingKeysWith: { a, _ in a })
    }
    variableLabels = variables
    levelLabels = levels
  }

  /// The label of a variable or grouping (its name when the codebook has none).
  public func variableLabel(_ name: String) -> String {
    variableLabels[name] ?? name
  }

  /// The label of a level of a variable (its code when the codebook has none).
  public func levelLabel(variable: String, code: String) -> String {
    guard let text = levelLabels[variable]?[code], !text.isEmpty else { return code }
    return text
  }

  /// The label of a model term: the intercept "Konstant" / "Intercept", a numeric variable its
  /// label, a factor level "Variable: Level", the components of an interaction joined by `×`.
  public func termLabel(_ term: ModelTerm) -> String {
    guard !term.components.isEmpty else { return language.text(.intercept) }
    return term.components.map { component in
      switch component {
      case .numeric(let variable): variableLabel(variable)
      case .level(let level): levelLabel(level)
      }
    }.joined(separator: " × ")
  }

  /// "Variable: Level" for a level of a factor.
  public func levelLabel(_ level: ModelTerm.FactorLevel) -> String {
    "\(variableLabel(level.variable)): \(levelLabel(variable: level.variable, code: level.code))"
  }
}
