import Localization
import Testing

@testable import Reporting

/// `SmallCounts.redacted(warning:)` returns a warning without any of its count words untouched,
/// without running its regular expressions; that shortcut must never change a result.
@Suite struct SmallCountsShortcutTests {
  /// Words of Strata's warnings, the patterns' key words and small and large numbers.
  static let vocabulary = [
    "1", "2", "3", "4", "12", "5336", "0", "rows", "row", "persons", "person", "suspicions",
    "suspects", "values", "cases", "repeated", "of", "them", "missing", "utbildning", "kon:",
    "utbildning:", "outside", "its", "levels", "the", "groups", "alder", "zero", "weight", "or",
    "trials", "excluded", "(missing", "2,", "3)", "entries", "below", "suppressed", "more",
    "that", "would", "reveal", "s.csv:", "line", "fewer", "than", "5",
  ]

  @Test func theShortcutNeverChangesARedaction() {
    var random = SplitMix(seed: 12)
    var skipped = 0
    var changed = 0
    for _ in 0..<800 {
      let length = 2 + random.next() % 9
      let words = (0..<length).map { _ in
        Self.vocabulary[Int(random.next() % UInt64(Self.vocabulary.count))]
      }
      let sentence = words.joined(separator: " ")
      for language in [Language.en, .sv] {
        let full = SmallCounts.patternRedacted(
          warning: sentence, threshold: 5, language: language)
        #expect(
          SmallCounts.redacted(warning: sentence, threshold: 5, language: language) == full,
          "\(sentence)")
        if !SmallCounts.mayHaveCounts(sentence) { skipped += 1 }
        if full != sentence { changed += 1 }
      }
    }
    // Both paths were exercised.
    #expect(skipped > 100)
    #expect(changed > 100)
  }

  @Test func everyKindOfCountIsStillFound() {
    for sentence in [
      "3 rows excluded", "(4 persons)", "1 of them cases", "2 of 5336 rows",
      "utbildning: 3 missing",
      "missing utbildning 3", "outside the groups of alder 2", "zero weight or trials 1",
      "7 rows of s.csv excluded (missing utbildning: 2, kon: 5)", "3 suspects", "2 values",
    ] {
      #expect(SmallCounts.mayHaveCounts(sentence), "\(sentence)")
      #expect(SmallCounts.redacted(warning: sentence, threshold: 5) != sentence, "\(sentence)")
    }
    for plain in [
      "2 entries below 5 suppressed.",
      "1 entry below 5 suppressed, and 3 more that would reveal it.",
    ] {
      #expect(!SmallCounts.mayHaveCounts(plain), "\(plain)")
      #expect(SmallCounts.redacted(warning: plain, threshold: 5) == plain, "\(plain)")
    }
  }
}

/// A small deterministic generator for the sentences.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
