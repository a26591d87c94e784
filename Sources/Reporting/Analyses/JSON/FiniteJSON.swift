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
    return nullingSentinels(try encoder.encode(value))
  }

  /// The encoded sentinels (`"\u0000nan"`, …) replaced by `null`, and a final line break: one
  /// pass over the bytes (a string search through Foundation took a sixth of a MAIHDA command).
  private static func nullingSentinels(_ encoded: Data) -> Data {
    let patterns = sentinels.map { Array(("\"\\u0000" + $0.dropFirst() + "\"").utf8) }
    let null = Array("null".utf8)
    var out = [UInt8]()
    out.reserveCapacity(encoded.count + 1)
    encoded.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
      var i = 0
      let n = bytes.count
      scan: while i < n {
        let b = bytes[i]
        if b == UInt8(ascii: "\""), i + 2 < n, bytes[i + 1] == UInt8(ascii: "\\") {
          for pattern in patterns where i + pattern.count <= n {
            if pattern.indices.allSatisfy({ bytes[i + $0] == pattern[$0] }) {
              out.append(contentsOf: null)
              i += pattern.count
              continue scan
            }
          }
        }
        out.append(b)
        i += 1
      }
    }
    out.append(UInt8(ascii: "\n"))
    return Data(out)
  }
}
