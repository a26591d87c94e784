/// A categorical view of one variable or grouping of a dataset: one small integer code per row,
/// indexing into `levels`.
///
/// Every analysis (cross-tabulation, model frames, strata) reads categorical data through this
/// type, whether the variable is declared categorical in the codebook or is a grouping (recode)
/// such as `aldersgrupp` from `alder`.
///
/// ```
/// codes[row] ≥ 0            the index of the row's level in `levels`
/// codes[row] == Factor.missing   the source value is missing (empty, `..`, `US`, ...)
/// codes[row] == Factor.outside   the value is present but no level covers it (age 12 in aldersgrupp)
/// ```
public struct Factor: Sendable, Equatable {
  /// Code for a row whose source value is missing.
  public static let missing: Int32 = -1
  /// Code for a row whose value is present but falls outside every level (e.g. ages under 15).
  public static let outside: Int32 = -2

  /// The variable or grouping name, e.g. `aldersgrupp`.
  public var name: String
  /// The levels in their codebook order.
  public var levels: [Level]
  /// One code per row; see the type's documentation.
  public var codes: [Int32]

  public init(name: String, levels: [Level], codes: [Int32]) {
    self.name = name
    self.levels = levels
    self.codes = codes
  }

  /// One category of a factor: its code as written in the data or grouping (ASCII, e.g. `1`,
  /// `18-24`, `inrikes`) and its labels.
  public struct Level: Sendable, Equatable, Hashable {
    /// The code, as the contract and JSON output name it.
    public var code: String
    /// Swedish label.
    public var sv: String
    /// English label.
    public var en: String

    public init(code: String, sv: String, en: String) {
      self.code = code
      self.sv = sv
      self.en = en
    }

    /// The label in a language (`sv` or `en`), falling back to the code.
    public func label(_ language: Language) -> String {
      let text =
        switch language {
        case .sv: sv
        case .en: en
        }
      return text.isEmpty ? code : text
    }
  }

  /// The number of rows.
  public var count: Int { codes.count }
  /// The index of the level with `code`, if any.
  public func levelIndex(ofCode code: String) -> Int? { levels.firstIndex { $0.code == code } }
}
