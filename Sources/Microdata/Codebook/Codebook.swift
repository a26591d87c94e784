import Foundation

/// The description of a delivery: which variables it has, where each is read from, its type,
/// codes with Swedish and English labels, missing-value codes, valid ranges, and named groupings
/// (recodes). Every file is read through a codebook; a delivery that differs from the canonical
/// one gets its own codebook, not a script.
///
/// The YAML schema (see `datasets/codebook.yaml` for the canonical codebook):
/// ```yaml
/// name: strata-canonical
/// missing: ["", "..", ".", "-", "US"]     # default missing-value codes of every variable
/// variables:
///   alder:
///     type: integer                       # categorical | integer | decimal | date | text | id
///     columns: [alder, ålder, age]
///     label: {sv: Ålder, en: Age}
///     range: {min: 0, max: 120}
///     required: false
///     unique: false
///   kon:
///     type: categorical
///     codes: {"1": {sv: Man, en: Man}, "2": {sv: Kvinna, en: Woman}}
///     missing: ["9"]                      # the variable's own missing codes
///     reference: "1"
/// code_lists:                           # codes whose meaning other variables give, by period
///   brottskod: {date: datum, periods: [{to: 2017-12-31, codes: {"0375": {brottstyp: vnr_partner}}}]}
/// groupings:
///   aldersgrupp3:
///     from: alder
///     levels:
///       - {code: "15-34", range: [15, 34], sv: 15–34 år, en: 15–34 years}
/// ```
public struct Codebook: Sendable, Equatable, Hashable {
  /// The missing-value codes every variable has unless the codebook says otherwise:
  /// empty, `..` (SCB), `.` (SAS/Stata), `-`, `US` (uppgift saknas). `9` and `99` are not among
  /// them: 9 is a valid `fodelseland` code; a variable that uses them declares them itself.
  public static let standardMissingCodes = ["", "..", ".", "-", "US"]

  /// The codebook's name (for reports).
  public var name: String
  /// Where the codebook came from (a file name or `canonical`), for error messages.
  public var source: String
  /// Default missing-value codes (`missing:` at the top level).
  public var defaultMissingCodes: [String]
  public var variables: [Variable]
  public var groupings: [Grouping]
  /// Code lists by period (`code_lists:`): the meaning of each `brottskod` (see `CodeList`).
  public var codeLists: [CodeList]

  public init(
    name: String = "", source: String = "codebook",
    defaultMissingCodes: [String] = Codebook.standardMissingCodes,
    variables: [Variable] = [], groupings: [Grouping] = [], codeLists: [CodeList] = []
  ) {
    self.name = name
    self.source = source
    self.defaultMissingCodes = defaultMissingCodes
    self.variables = variables
    self.groupings = groupings
    self.codeLists = codeLists
  }

  /// A codebook with no variables: every column is read with an inferred type.
  public static let empty = Codebook(name: "empty", source: "empty codebook")

  /// Reads a codebook from a YAML file.
  /// - Throws: `MicrodataError.fileNotReadable`, `.invalidCodebook` (with the YAML line).
  public init(contentsOf url: URL) throws(MicrodataError) {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .fileNotReadable(
        file: url.lastPathComponent, reason: fileErrorReason(error, path: url.path))
    }
    try self.init(yaml: text, source: url.lastPathComponent)
  }

  /// The variable with a name, if declared.
  public func variable(named name: String) -> Variable? {
    variables.first { $0.name == name }
  }

  /// The grouping with a name, if declared.
  public func grouping(named name: String) -> Grouping? {
    groupings.first { $0.name == name }
  }

  /// Names of every variable and grouping (for suggestions).
  public var allNames: [String] { variables.map(\.name) + groupings.map(\.name) }
}
