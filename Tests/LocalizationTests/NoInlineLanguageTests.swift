import Foundation
import Testing

/// Visible text comes from the catalog: no code under `Sources/` chooses between languages
/// inline (`sv ? "…" : "…"`, `language == .en ? …`, `case (x, .sv):`).
@Suite("No inline language choices")
struct NoInlineLanguageTests {
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources")

  /// Files that still choose inline, with how many lines do: StrataCommands, which is being
  /// moved into library modules and will switch to the catalog keys already added for it
  /// (`Message+Analyses.swift`, `Message+ReportPage.swift`, `Message+FigureChecks.swift`).
  /// Counts may only go down; remove a file when it reaches zero.
  static let allowed: [String: Int] = [
    "Reporting/Analyses/LogitResult+Publication.swift": 3,
    "Reporting/Analyses/MAIHDAAnalysisResult+Publication.swift": 2,
    "Reporting/Analyses/TabulationReportOptions+Codebook.swift": 1,
    "Reporting/Analyses/TabulationResult+Publication.swift": 1,
    "Reports/FigureCheck+Table.swift": 1,
    "Reports/ReportText.swift": 15,
    "Reporting/Analyses/ShareResult+Publication.swift": 4,
  ]

  @Test func noSourceFileChoosesALanguageInline() throws {
    // `sv ?` and `.en ?` also when the `?` starts the next line; tuple cases `(x, .sv):`;
    // `if language == .sv {`.
    let pattern = /\bsv\s+\?|\.(sv|en)\s+\?|, \.(sv|en)\):|== \.(sv|en)\s*\{/
    guard let files = FileManager.default.enumerator(atPath: Self.sources.path) else {
      Issue.record("cannot list \(Self.sources.path)")
      return
    }
    var checked = 0
    for case let path as String in files where path.hasSuffix(".swift") {
      let text = try String(contentsOf: Self.sources.appendingPathComponent(path), encoding: .utf8)
      checked += 1
      let found = text.matches(of: pattern).map { String(text[$0.range]) }
      let allowed = Self.allowed[path] ?? 0
      #expect(
        found.count <= allowed,
        "\(path) chooses a language inline \(found.count) times (\(allowed) allowed); look the text up in the catalog (Message)"
      )
    }
    #expect(checked > 100)
  }
}
