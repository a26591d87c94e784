import Foundation
import RegressionModels

/// The JSON of the model subcommands: sorted keys (byte-stable output), pretty-printed, and no
/// NaN or infinity anywhere — JSON has none, so a non-finite number becomes `null`.
enum FiniteJSON {
  /// Sentinels that the encoder writes for non-finite numbers; no real string holds a NUL.
  private static let sentinels = ["\u{0}nan", "\u{0}+inf", "\u{0}-inf"]

  static func encode(_ value: some Encodable, redaction: MAIHDARedaction? = nil) throws -> Data {
    let encoder = JSONEncoder()
    if let redaction { encoder.userInfo[MAIHDARedaction.userInfoKey] = redaction }
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: sentinels[1], negativeInfinity: sentinels[2], nan: sentinels[0])
    var text = String(decoding: try encoder.encode(value), as: UTF8.self)
    for sentinel in sentinels {
      let escaped = "\"\\u0000" + sentinel.dropFirst() + "\""
      text = text.replacingOccurrences(of: escaped, with: "null")
    }
    return Data((text + "\n").utf8)
  }
}
