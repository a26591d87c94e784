// Texts that describe a selection (a filter) in words, for captions: `Microdata`'s
// `RowFilter.wording(codebook:language:)`.

extension Message {
  /// "inte X" / "not X".
  public static func selectionNot(_ phrase: String) -> Message {
    Message("selection.not", sv: "inte \(phrase)", en: "not \(phrase)")
  }
  /// "X eller Y" / "X or Y".
  public static func selectionOr(_ a: String, _ b: String) -> Message {
    Message("selection.or", sv: "\(a) eller \(b)", en: "\(a) or \(b)")
  }
  /// "X saknas" / "X missing".
  public static func selectionMissing(_ variable: String) -> Message {
    Message("selection.missing", sv: "\(variable) saknas", en: "\(variable) missing")
  }
  /// "X känd" / "X known".
  public static func selectionKnown(_ variable: String) -> Message {
    Message("selection.known", sv: "\(variable) känd", en: "\(variable) known")
  }
  /// "Ålder minst 18" / "Age at least 18".
  public static func selectionAtLeast(_ variable: String, _ value: String) -> Message {
    Message(
      "selection.at_least", sv: "\(variable) minst \(value)", en: "\(variable) at least \(value)")
  }
  /// "Ålder högst 64" / "Age at most 64".
  public static func selectionAtMost(_ variable: String, _ value: String) -> Message {
    Message(
      "selection.at_most", sv: "\(variable) högst \(value)", en: "\(variable) at most \(value)")
  }
  /// "Ålder över 17" / "Age above 17".
  public static func selectionAbove(_ variable: String, _ value: String) -> Message {
    Message("selection.above", sv: "\(variable) över \(value)", en: "\(variable) above \(value)")
  }
  /// "Ålder under 65" / "Age below 65".
  public static func selectionBelow(_ variable: String, _ value: String) -> Message {
    Message("selection.below", sv: "\(variable) under \(value)", en: "\(variable) below \(value)")
  }
  /// "År 2016" / "Year 2016": a variable equal to a value without a label.
  public static func selectionEquals(_ variable: String, _ value: String) -> Message {
    Message("selection.equals", sv: "\(variable) \(value)", en: "\(variable) \(value)")
  }
  /// "År inte 2016" / "Year not 2016".
  public static func selectionNotEquals(_ variable: String, _ value: String) -> Message {
    Message(
      "selection.not_equals", sv: "\(variable) inte \(value)", en: "\(variable) not \(value)")
  }
}
