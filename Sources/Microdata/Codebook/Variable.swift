/// One variable of a codebook: where it is read from, its type, codes, missing-value codes and
/// valid range.
///
/// ```yaml
/// kon:
///   type: categorical
///   columns: [kon, kön, sex]         # header names it may have, first match wins
///   label: {sv: Kön, en: Sex}
///   codes:
///     "1": {sv: Man, en: Man}
///     "2": {sv: Kvinna, en: Woman}
///   missing: ["9"]                   # in addition to the codebook's default missing codes
/// ```
public struct Variable: Sendable, Equatable, Hashable {
  /// The name analyses use (`kon`), also the first column name looked for.
  public var name: String
  /// Header names the variable may be read from, in order of preference (`name` included).
  public var columns: [String]
  public var kind: VariableKind
  public var label: Label
  /// The codes of a categorical variable, in order. Empty for a categorical variable means the
  /// levels are taken from the data (sorted).
  public var codes: [ValueLabel]
  /// Values that mean "missing" for this variable: the codebook's defaults plus its own.
  /// A declared code is never missing unless listed in the variable's own `missing`.
  public var missingCodes: [String]
  /// The variable's own missing codes (e.g. `9`, `99`); they take precedence over its codes.
  public var ownMissingCodes: [String]
  /// Smallest valid value of an integer, decimal or date variable (a date as day number).
  public var minimum: Double?
  /// Largest valid value of an integer, decimal or date variable.
  public var maximum: Double?
  /// The file must have a column for this variable, and no value of it may be missing.
  public var required: Bool
  /// Values must not repeat (checked when the file is loaded).
  public var unique: Bool
  /// The reference level for models (a code), if the codebook names one.
  public var reference: String?

  public init(
    name: String, columns: [String] = [], kind: VariableKind, label: Label = Label(sv: "", en: ""),
    codes: [ValueLabel] = [], missingCodes: [String] = Codebook.standardMissingCodes,
    ownMissingCodes: [String] = [], minimum: Double? = nil, maximum: Double? = nil,
    required: Bool = false, unique: Bool = false, reference: String? = nil
  ) {
    self.name = name
    self.columns = columns.isEmpty ? [name] : columns
    self.kind = kind
    self.label = label
    self.codes = codes
    self.ownMissingCodes = ownMissingCodes
    var all = missingCodes
    for code in ownMissingCodes where !all.contains(code) { all.append(code) }
    self.missingCodes = all
    self.minimum = minimum
    self.maximum = maximum
    self.required = required
    self.unique = unique
    self.reference = reference
  }

  /// The factor levels of a categorical variable with declared codes.
  public var levels: [Factor.Level] { codes.map(\.level) }

  /// Whether `value` (as written in the data) means missing for this variable.
  public func isMissing(_ value: String) -> Bool {
    if ownMissingCodes.contains(value) { return true }
    if codes.contains(where: { $0.code == value }) { return false }
    return missingCodes.contains(value)
  }
}
