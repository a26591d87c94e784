/// The language of labels and text in output.
///
/// Every human-readable text Strata writes is looked up in the message catalog (``Message``)
/// in one of these languages:
///
/// ```swift
/// Language.sv.text(.sourcePrefix)              // "Källa: "
/// Language.en.text(.recidivismTitle(days: "365"))  // "Recidivism within 365 days"
/// ```
public enum Language: String, Sendable, CaseIterable, Codable {
  /// Swedish.
  case sv
  /// English.
  case en

  /// The text of a catalog message in this language.
  ///
  /// - Parameter message: a message of the catalog, e.g. `.sourcePrefix` or
  ///   `.recidivismTitle(days: "365")`.
  /// - Returns: the message's text in this language.
  public func text(_ message: Message) -> String { message.text(in: self) }
}
