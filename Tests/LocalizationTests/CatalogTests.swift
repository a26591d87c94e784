import Foundation
import Localization
import Testing

@Suite("Message catalog")
struct CatalogTests {
  /// The catalog's source files, `Sources/Localization/Catalog/*.swift`.
  static let catalogFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/Localization/Catalog")

  /// The keys declared in the catalog's source, in order, duplicates kept.
  static func declaredKeys() throws -> [String] {
    let files = try FileManager.default.contentsOfDirectory(atPath: catalogFolder.path)
      .filter { $0.hasSuffix(".swift") }.sorted()
    let pattern = try Regex(#"Message\(\s*"([^"]+)""#)
    var keys: [String] = []
    for file in files {
      let text = try String(
        contentsOf: catalogFolder.appendingPathComponent(file), encoding: .utf8)
      for match in text.matches(of: pattern) {
        keys.append(String(match.output[1].substring ?? ""))
      }
    }
    return keys
  }

  @Test func everyMessageHasTextInEveryLanguage() {
    for message in catalogSamples {
      for language in Language.allCases {
        #expect(
          !message.text(in: language).isEmpty,
          "\(message.key) has no \(language.rawValue) text")
      }
    }
  }

  @Test func keysAreUniqueAndWellFormed() throws {
    let keys = try Self.declaredKeys()
    #expect(keys.count > 150)
    var seen: Set<String> = []
    for key in keys {
      #expect(seen.insert(key).inserted, "the key \(key) is declared twice")
      #expect(
        key.wholeMatch(of: /[a-z0-9_]+(\.[a-z0-9_]+)+/) != nil,
        "the key \(key) is not dotted lower-case words")
    }
  }

  @Test func theSamplesCoverEveryKeyOnce() throws {
    let declared = Set(try Self.declaredKeys())
    let sampled = catalogSamples.map(\.key)
    #expect(Set(sampled).count == sampled.count, "a key is sampled twice")
    #expect(declared.subtracting(sampled).sorted() == [], "keys missing from catalogSamples")
    #expect(Set(sampled).subtracting(declared).sorted() == [])
  }

  /// The sentinel arguments (`⟨name⟩` and 70xx) of a text, sorted, repeats kept.
  static func placeholders(_ text: String) -> [String] {
    text.matches(of: /⟨[A-Za-z]+⟩|\b70\d\d\b/).map { String($0.output) }.sorted()
  }

  @Test func placeholdersAgreeBetweenLanguages() {
    for message in catalogSamples {
      let reference = Self.placeholders(message.text(in: .sv))
      for language in Language.allCases {
        #expect(
          Self.placeholders(message.text(in: language)) == reference,
          "\(message.key): the arguments differ between sv and \(language.rawValue)")
      }
    }
  }

  @Test func chartNotesCountGroupsInTheRightNumber() {
    #expect(
      Language.sv.text(.chartNotDrawnMixed(zero: 1, suppressed: 3))
        == "Diagrammet visas inte: 1 grupp saknar fall och 3 redovisas inte (..).")
    #expect(
      Language.en.text(.chartNotDrawnMixed(zero: 2, suppressed: 1))
        == "The chart is not drawn: 2 groups have no cases and 1 is not shown (..).")
    #expect(
      Language.sv.text(.chartNotDrawnSuppressed(count: 2))
        == "Diagrammet visas inte: ingen av de 2 grupperna redovisas (..).")
  }

  @Test func lookupIsByLanguage() {
    #expect(Language.sv.text(.sourcePrefix) == "Källa: ")
    #expect(Language.en.text(.sourcePrefix) == "Source: ")
    #expect(Language.sv.text(.recidivismTitle(days: "365")) == "Återfall inom 365 dagar")
    #expect(Language.en.text(.confidenceLabel(percent: "95")) == "95% CI")
    #expect(Language.sv.text(.rowCount("1", count: 1)) == "1 rad")
    #expect(Language.en.text(.rowCount("3", count: 3)) == "3 rows")
    #expect(Message.sourcePrefix.key == "table.source_prefix")
  }
}
