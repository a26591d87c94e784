/// One text of the message catalog: a key by meaning and its text in every ``Language``.
///
/// The catalog is the set of static members of `Message` in `Sources/Localization/Catalog/`,
/// grouped by topic. A message without arguments is a static constant; a message with
/// arguments is a static function whose parameters are typed (a count as `Int`, a number
/// already formatted or a name as `String`):
///
/// ```swift
/// extension Message {
///   public static let sourcePrefix = Message(
///     "table.source_prefix", sv: "Källa: ", en: "Source: ")
///   public static func recidivismTitle(days: String) -> Message {
///     Message(
///       "recidivism.title", sv: "Återfall inom \(days) dagar",
///       en: "Recidivism within \(days) days")
///   }
/// }
/// ```
///
/// Look a message up with ``Language/text(_:)`` or ``text(in:)``. Both languages of a message
/// are written side by side in one place, so a wording fix is one line; a third language is
/// one more parameter of the initialiser (the compiler then asks for its column in every
/// entry) and one more case of ``Language``.
public struct Message: Sendable, Hashable, CustomStringConvertible {
  /// The message's key by meaning, e.g. `table.source_prefix` or `maihda.null_model`.
  public let key: String
  /// The Swedish text.
  let sv: String
  /// The English text.
  let en: String

  /// A catalog entry: its key and its text in every language.
  init(_ key: String, sv: String, en: String) {
    self.key = key
    self.sv = sv
    self.en = en
  }

  /// The message's text in `language`.
  public func text(in language: Language) -> String {
    switch language {
    case .sv: sv
    case .en: en
    }
  }

  public var description: String { key }
}
