import Foundation
import Testing

/// Visible text comes from the catalog: no code under `Sources/` chooses between languages
/// inline (`sv ? "…" : "…"`, `language == .en ? …`, `case (x, .sv):`), nor through a helper
/// that takes both texts (`ReportText.text(language, "…", "…")`, `t("…", "…")`).
@Suite("No inline language choices")
struct NoInlineLanguageTests {
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources")

  /// `sv ?` and `.en ?` also when the `?` starts the next line; tuple cases `(x, .sv):`;
  /// `if language == .sv {`; the two-text helpers `ReportText.text(` and `t("…", "…")`.
  static var pattern: some RegexComponent {
    /\bsv\s+\?|\.(sv|en)\s+\?|, \.(sv|en)\):|== \.(sv|en)\s*\{|ReportText\.text\(|\bt\(\s*"(?:[^"\\]|\\.)*"\s*,\s*"/
  }

  @Test(arguments: [
    #"let title = sv ? "Antal" : "Number""#,
    #"language == .sv"# + "\n" + #"  ? "Urval: " : "Selection: ""#,
    #"case (.tabulate, .sv): "Tabell""#,
    #"if language == .sv {"#,
    #"ReportText.text(language, "Fil", "File")"#,
    #"meta += t("\(failed) misslyckades", "\(failed) failed")"#,
  ])
  func patternFindsInlineChoices(line: String) {
    #expect(line.contains(Self.pattern))
  }

  @Test(arguments: [
    #"language.text(.failedCount(failed))"#,
    #".text("\(check.figure.rounding.rawValue), dec.")"#,
    #"if current.kind == .end { throw fail("the filter is empty") }"#,
  ])
  func patternLeavesCatalogLookups(line: String) {
    #expect(!line.contains(Self.pattern))
  }

  @Test func noSourceFileChoosesALanguageInline() throws {
    guard let files = FileManager.default.enumerator(atPath: Self.sources.path) else {
      Issue.record("cannot list \(Self.sources.path)")
      return
    }
    var checked = 0
    for case let path as String in files where path.hasSuffix(".swift") {
      let text = try String(contentsOf: Self.sources.appendingPathComponent(path), encoding: .utf8)
      checked += 1
      let found = text.matches(of: Self.pattern).map { String(text[$0.range]) }
      #expect(
        found.isEmpty,
        "\(path) chooses a language inline \(found.count) times (\(found)); look the text up in the catalog (Message)"
      )
    }
    #expect(checked > 100)
  }
}
