import Testing

@testable import Microdata

/// UTF-8 validation over several ranges at once finds the same first invalid byte as one pass,
/// wherever the ranges are cut (inside a multi-byte character, on a stray continuation byte).
@Suite struct UTF8ValidationTests {
  /// ASCII with `å` (2 bytes), `€` (3) and `𝄞` (4) every few bytes.
  static func text(_ count: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    var k = 0
    while bytes.count < count {
      switch k % 11 {
      case 3: bytes += Array("å".utf8)
      case 7: bytes += Array("€".utf8)
      case 9: bytes += Array("𝄞".utf8)
      default: bytes.append(UInt8(ascii: "a") + UInt8(k % 26))
      }
      k += 1
    }
    return bytes
  }

  static func first(_ bytes: [UInt8], parts: Int) -> Int? {
    bytes.withUnsafeBufferPointer {
      UTF8Validation.firstInvalidOffset($0.baseAddress!, from: 0, to: $0.count, parts: parts)
    }
  }

  @Test func severalRangesFindTheFirstInvalidByteAsOnePassDoes() {
    let valid = Self.text(40_000)
    for parts in [1, 2, 3, 4] { #expect(Self.first(valid, parts: parts) == nil) }
    // A stray continuation byte, a truncated character, a Latin-1 byte, an overlong form (after
    // an ASCII byte, so that none completes a character the replacement cut).
    let breakages: [[UInt8]] = [
      [0x41, 0x80], [0x41, 0xE2, 0x82, 0x41], [0x41, 0xE5, 0x72], [0x41, 0xC0, 0xAF],
    ]
    for breakage in breakages {
      for at in [0, 9_999, 10_000, 10_001, 13_333, 19_998, 20_000, 30_001, 39_990] {
        var bytes = valid
        bytes.replaceSubrange(at..<(at + breakage.count), with: breakage)
        let expected = Self.first(bytes, parts: 1)
        #expect(expected != nil)
        for parts in [2, 3, 4] {
          #expect(Self.first(bytes, parts: parts) == expected, "\(breakage) at \(at), \(parts)")
        }
      }
    }
  }
}
