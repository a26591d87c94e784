import Analysis
import Microdata
import Reporting

/// What each kind of analysis accepts in a recipe: its data roles and its job's options.
///
/// An option is any stored field of the analysis's job (`TabulationRequest`, `RecidivismRequest`, …)
/// except those the recipe itself sets (`data`, `population`, `persons`, `suspicions`,
/// `filter`, `title`, `language`). Recipes write fields in snake_case (`window_days`,
/// `allow_missing_population`); camelCase and the CLI's kebab-case are accepted too, and
/// `window` is `window_days`.
extension AnalysisKind {
  /// The data files an entry of this kind may name.
  public var dataRoles: [String] {
    switch self {
    case .tabulate, .rates, .logit, .maihda: ["data", "population"]
    case .repeat, .share: ["data"]
    case .recidivism: ["suspicions", "persons"]
    }
  }

  /// Fields of a job that the recipe sets, not the entry's options.
  package static let recipeControlledFields: Set<String> = [
    "data", "population", "persons", "suspicions", "filter", "title", "language",
  ]

  /// Short names for fields whose CLI flag differs from the field.
  package static let aliases: [String: String] = ["window": "windowDays"]

  /// The job fields an entry may set, as job field names.
  public var optionFields: [String] {
    JobTemplates.fields(of: self).filter { !Self.recipeControlledFields.contains($0) }
  }

  /// The option names a recipe writes (snake_case), for messages and suggestions.
  public var optionNames: [String] {
    optionFields.map(Self.recipeName(of:))
      + Self.aliases.filter { optionFields.contains($0.value) }.map(\.key)
  }

  /// The job field a recipe key names, if any (`window_days`, `windowDays`, `window-days` and
  /// `window` all name `windowDays`).
  package func optionField(for key: String) -> String? {
    if let alias = Self.aliases[key], optionFields.contains(alias) { return alias }
    let normal = Self.normalized(key)
    return optionFields.first { Self.normalized($0) == normal }
  }

  /// Options that must be given.
  public var requiredOptions: [String] {
    switch self {
    case .tabulate, .rates: ["rows"]
    case .repeat: ["by"]
    case .recidivism: ["windowDays"]
    case .logit: ["formula"]
    case .maihda: ["strata"]
    case .share: ["by", "numerators", "denominator"]
    }
  }

  /// Whether an entry without a `population:` key uses the recipe's `population` file:
  /// always for rates, for a logit of `misstankt ~ …`, for a MAIHDA without `outcome`.
  package func usesPopulationByDefault(options: [RecipeOption]) -> Bool {
    switch self {
    case .rates: return true
    case .logit:
      let formula = options.first { $0.key == "formula" }?.node.scalar?.string ?? ""
      return formula.split(separator: "~").first?.trimmingCharacters(in: .whitespaces)
        == "misstankt"
    case .maihda: return !options.contains { $0.key == "outcome" }
    default: return false
    }
  }

  /// A field's recipe name: `windowDays` → `window_days`, `nAGQ` → `n_agq`.
  package static func recipeName(of field: String) -> String {
    if let alias = aliases.first(where: { $0.value == field })?.key { return alias }
    var result = ""
    var previous: Character?
    for character in field {
      if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
        result.append("_")
      }
      result += character.lowercased()
      previous = character
    }
    return result
  }

  package static func normalized(_ key: String) -> String {
    key.lowercased().filter { $0 != "_" && $0 != "-" }
  }
}
