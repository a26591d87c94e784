import ArgumentParser
import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

@Suite("Report runner")
struct ReportRunnerTests {
  static let recipeURL = fixture("Fixtures/Report/small-aggregate.yaml")

  @Test func aFailingEntryIsReportedAndTheOthersStillRun() throws {
    let r = try Recipe(contentsOf: Self.recipeURL)
    let run = try ReportRunner(recipe: r, language: .sv).run()
    #expect(run.outcomes.count == 3)
    #expect(run.outcomes[0].failure == nil)
    #expect(run.outcomes[2].failure == nil)
    let failure = try #require(run.outcomes[1].failure)
    guard case .recipeEntry(let index, let title, let message) = failure else {
      Issue.record("expected a recipe-entry failure, got \(failure)")
      return
    }
    #expect(index == 1)
    #expect(title == "Andel efter en variabel som inte finns")
    #expect(message.contains("kommun"))
    #expect(message.hasPrefix("line 22 of small-aggregate.yaml: "))
    #expect(
      failure.description.hasPrefix(
        "Recipe entry 2 (Andel efter en variabel som inte finns) failed:"))
    #expect(run.failures.count == 1)
  }

  @Test func eachFileIsReadOnce() throws {
    let r = try Recipe(contentsOf: Self.recipeURL)
    let lines = LineCollector()
    let run = try ReportRunner(recipe: r, language: .sv, progress: { lines.append($0) }).run()
    #expect(run.files.count == 1)
    #expect(run.files[0].rows == 6)
    let reads = lines.lines.filter { $0.hasPrefix("  read small-aggregate.csv: 6 rows") }
    #expect(reads.count == 1)
    #expect(
      lines.lines.contains { $0.hasPrefix("[1/3] share: Andel som återföll efter grupp och år … ") }
    )
    #expect(
      lines.lines.contains {
        $0.hasPrefix("[2/3] share: Andel efter en variabel som inte finns … FAILED")
      })
  }

  @Test func onlySelectsByNameOrNumber() throws {
    let r = try Recipe(contentsOf: Self.recipeURL)
    let byName = try ReportRunner(recipe: r, language: .sv, only: ["per-grupp"]).run()
    #expect(byName.outcomes.map(\.analysis.number) == [3])
    #expect(byName.plannedCount == 3)
    let byNumber = try ReportRunner(recipe: r, language: .sv, only: ["1"]).run()
    #expect(byNumber.outcomes.map(\.analysis.name) == ["andel"])
    #expect(throws: RecipeError.self) {
      try ReportRunner(recipe: r, language: .sv, only: ["andle"]).run()
    }
  }

  @Test func reportCommandExitsWithOneWhenAnEntryFailed() throws {
    let out = temporaryDirectory("strata-report")
    defer { try? FileManager.default.removeItem(at: out) }
    let command = try ReportCommand.parse([Self.recipeURL.path, "--out", out.path])
    #expect(throws: ExitCode(1)) { try command.execute { _ in } }
    #expect(Strata.exitCode(for: ExitCode(1)) == ExitCode(1))
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(files.contains("index.html"))
    #expect(files.contains("01-andel.md"))
    #expect(!files.contains { $0.hasPrefix("02-") })
    #expect(files.contains("03-per-grupp.md"))
    // The third analysis asked only for md, json and xlsx.
    #expect(!files.contains("03-per-grupp.csv"))
    let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(
      index.contains(
        "2. Andel efter en variabel som inte finns</a>: line 22 of small-aggregate.yaml: "))
  }

  @Test func reportCommandWithOnlyTheWorkingEntriesExitsZero() throws {
    let out = temporaryDirectory("strata-report")
    defer { try? FileManager.default.removeItem(at: out) }
    let command = try ReportCommand.parse([
      Self.recipeURL.path, "--out", out.path, "--only", "andel,per-grupp", "--check", "--lang",
      "en",
    ])
    var printed = ""
    try command.execute { printed += $0 }
    #expect(printed.contains("2 of 2 figures reproduce"))
    let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("<html lang=\"en\">"))
    #expect(index.contains("Check against published figures"))
  }

  @Test func aMalformedRecipeIsAUsageError() throws {
    let directory = temporaryDirectory("strata-recipe")
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("bad.yaml")
    try
      "title: T\ndata: {suspects: s.csv}\nanalyses:\n  - {analysis: tabulate, title: x, row: kon}\n"
      .write(to: url, atomically: true, encoding: .utf8)
    let command = try ReportCommand.parse([url.path, "--out", directory.path])
    do {
      try command.execute { _ in }
      Issue.record("expected an error")
    } catch {
      #expect(Strata.exitCode(for: error) == .validationFailure)
      #expect(Strata.message(for: error).contains("line 4: unknown key `row`"))
      #expect(Strata.message(for: error).contains("did you mean `rows`?"))
    }
  }
}

/// Collects progress lines from any thread.
final class LineCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String] = []

  func append(_ line: String) {
    lock.lock()
    stored.append(line)
    lock.unlock()
  }

  var lines: [String] {
    lock.lock()
    defer { lock.unlock() }
    return stored.flatMap { $0.split(separator: "\n").map(String.init) }
  }
}
