/// A Swedish and an English label (for a variable or a code).
public struct Label: Sendable, Equatable, Hashable, Codable {
  public var sv: String
  public var en: String

  public init(sv: String, en: String) {
    self.sv = sv
    self.en = en
  }

  /// The label in a language, falling back to the other language when it is empty.
  public func text(_ language: Language) -> String {
    switch language {
    case .sv: sv.isEmpty ? en : sv
    case .en: en.isEmpty ? sv : en
    }
  }
}

/// One code of a categorical variable with its labels, e.g. `1` → Man / Man.
public struct ValueLabel: Sendable, Equatable, Hashable, Codable {
  /// The code as written in the data (ASCII in the canonical codebook, e.g. `1`, `vbek`).
  public var code: String
  public var label: Label

  public init(code: String, sv: String, en: String) {
    self.code = code
    self.label = Label(sv: sv, en: en)
  }

  /// The factor level this code becomes.
  public var level: Factor.Level { Factor.Level(code: code, sv: label.sv, en: label.en) }
}
