/// A named recode of one variable into levels, e.g. `aldersgrupp` from `alder`.
///
/// ```yaml
/// aldersgrupp:
///   from: alder
///   levels:
///     - {code: "15-17", range: [15, 17], sv: 15–17 år, en: 15–17 years}
///     - {code: "65+", min: 65, sv: 65 år och äldre, en: 65 years and over}
/// utbildningsniva:
///   from: utbildning
///   levels:
///     - {code: forgymnasial, codes: ["1", "2"], sv: Förgymnasial, en: Primary}
///     - {code: saknas, missing: true, sv: Uppgift saknas, en: Not known}
/// ```
/// A grouping may instead compare its source with a second variable (`compare:`), with levels
/// `same: true` and `different: true`, for the rows that meet a condition (`only:`):
/// ```yaml
/// parrelation:
///   from: kon
///   compare: malsagande_kon
///   only: {relation: [partner]}
///   levels:
///     - {code: olikkonad, different: true, sv: Olikkönad relation, en: Different-sex relationship}
///     - {code: samkonad, same: true, sv: Samkönad relation, en: Same-sex relationship}
/// ```
/// A row outside the condition is `Factor.outside`; a row with either value missing takes the
/// `missing: true` level or is `Factor.missing`.
///
/// A row takes the first level whose rule covers its value. A missing value takes the level
/// marked `missing: true` if there is one (it is a category, not a dropped row), else it is
/// `Factor.missing`; a present value no level covers is `Factor.outside`.
public struct Grouping: Sendable, Equatable, Hashable {
  public var name: String
  /// The variable the grouping recodes.
  public var source: String
  public var label: Label
  public var levels: [Level]
  /// The reference level for models (a code), if the codebook names one.
  public var reference: String?
  /// The variable compared with `source` (`compare:`), for `same`/`different` levels.
  public var comparedWith: String?
  /// The rows the grouping covers (`only: {VARIABLE: [CODES]}`); others are outside.
  public var condition: Condition?

  public init(
    name: String, source: String, label: Label = Label(sv: "", en: ""), levels: [Level],
    reference: String? = nil, comparedWith: String? = nil, condition: Condition? = nil
  ) {
    self.name = name
    self.source = source
    self.label = label
    self.levels = levels
    self.reference = reference
    self.comparedWith = comparedWith
    self.condition = condition
  }

  /// The rows a grouping covers: those whose `variable` has one of `codes`.
  public struct Condition: Sendable, Equatable, Hashable {
    public var variable: String
    public var codes: [String]

    public init(variable: String, codes: [String]) {
      self.variable = variable
      self.codes = codes
    }
  }

  /// Every variable the grouping reads: its source, the compared variable and the condition's.
  public var requiredVariables: [String] {
    [source] + (comparedWith.map { [$0] } ?? []) + (condition.map { [$0.variable] } ?? [])
  }

  /// One level of a grouping: its code, labels and the rule that selects rows.
  public struct Level: Sendable, Equatable, Hashable {
    public var code: String
    public var label: Label
    public var rule: Rule

    public init(code: String, sv: String, en: String, rule: Rule) {
      self.code = code
      self.label = Label(sv: sv, en: en)
      self.rule = rule
    }

    public var factorLevel: Factor.Level { Factor.Level(code: code, sv: label.sv, en: label.en) }
  }

  /// Which source values a level takes.
  public enum Rule: Sendable, Equatable, Hashable {
    /// Numbers from `minimum` to `maximum`, both inclusive; nil is unbounded.
    case range(minimum: Double?, maximum: Double?)
    /// Source codes (for a numeric source, compared as numbers).
    case codes([String])
    /// Rows whose source value is missing.
    case missing
    /// Every present value no earlier level takes.
    case otherwise
    /// Rows whose source and compared values are equal (a comparison grouping).
    case same
    /// Rows whose source and compared values differ (a comparison grouping).
    case different

    func covers(number: Double) -> Bool {
      switch self {
      case .range(let lo, let hi):
        return (lo.map { number >= $0 } ?? true) && (hi.map { number <= $0 } ?? true)
      case .codes(let codes): return codes.contains { Double($0) == number }
      case .missing, .same, .different: return false
      case .otherwise: return true
      }
    }

    func covers(code: String) -> Bool {
      switch self {
      case .range: return Double(code).map { covers(number: $0) } ?? false
      case .codes(let codes): return codes.contains(code)
      case .missing, .same, .different: return false
      case .otherwise: return true
      }
    }
  }

  /// The factor levels in codebook order.
  public var factorLevels: [Factor.Level] { levels.map(\.factorLevel) }
}
