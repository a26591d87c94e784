import Foundation
import StatsTestSupport
import Testing

@testable import Analysis
@testable import StrataCommands

/// Issue #12 through the built executable: malformed input ends with a message and exit
/// status 1 (data) or 2 (usage), never a signal, within a time bound.
@Suite struct HardeningCommandTests {
  /// Runs strata, expecting the status, a bounded time and no crash report.
  func run(_ arguments: [String], status: Int32, seconds: Double = 20) throws -> String {
    let start = Date()
    let result = try TestCounty.run(arguments)
    #expect(result.status == status, "\(arguments.prefix(3)): \(result.stderr.prefix(400))")
    #expect(!result.stderr.contains("crashed") && !result.stderr.contains("Fatal error"))
    #expect(Date().timeIntervalSince(start) < seconds)
    return result.stderr
  }

  @Test func deepNestingInFilterFormulaAndOutcomeIsAnError() throws {
    let deep = String(repeating: "(", count: 10_000)
    let suspects = TestCounty.path("suspects")
    let filter = try run(
      ["tabulate", suspects, "--rows", "kon", "--filter", deep + "kon == 1"], status: 1)
    #expect(filter.contains("In the filter at position 201"))
    #expect(filter.contains("more than 200 levels deep"))
    #expect(filter.count < 1_000)
    let formula = try run(
      ["logit", suspects, "--formula", "antal_misstankar >= 2 ~ " + deep + "kon"], status: 1)
    #expect(formula.contains("the formula nests parentheses more than 200 levels deep"))
    #expect(formula.count < 1_000)
    let outcome = try run(
      ["maihda", suspects, "--strata", "kon,fodelse", "--outcome", deep + "antal_misstankar >= 2"],
      status: 1)
    #expect(outcome.contains("In the outcome at position 201"))
  }

  @Test func outcomeSyntaxErrorDoesNotSayFilter() throws {
    let stderr = try run(
      [
        "maihda", TestCounty.path("suspects"), "--strata", "kon,fodelse", "--outcome",
        "antal_misstankar >= ",
      ], status: 1)
    #expect(stderr.contains("In the outcome at position 21"))
    #expect(!stderr.contains("filter"))
    // Errors found on the data (an unknown variable, a value that is no code) say it too.
    for (outcome, says) in [
      ("antal_misstankarr >= 2", "In the outcome at position 1: there is no variable"),
      ("kon == \"a\"", "In the outcome at position 8: `a` is not a code of `kon`"),
    ] {
      let stderr = try run(
        ["maihda", TestCounty.path("suspects"), "--strata", "kon,fodelse", "--outcome", outcome],
        status: 1)
      #expect(stderr.contains(says))
      #expect(!stderr.contains("filter"))
    }
  }

  @Test func hugeSuppressionThresholdIsAUsageError() throws {
    let stderr = try run(
      [
        "tabulate", TestCounty.path("suspects"), "--rows", "kon", "--suppress",
        "9223372036854775807",
      ],
      status: 2)
    #expect(stderr.contains("--suppress must be a whole number from 0 (no suppression) to 1000000"))
    // A negative value is read as a value (it used to be "Missing value for '--suppress'").
    let negative = try run(
      ["repeat", TestCounty.path("suspects"), "--by", "kon", "--suppress", "-1"], status: 2)
    #expect(negative.contains("--suppress must be a whole number from 0"))
    let per = try run(
      [
        "tabulate", TestCounty.path("suspects"), "--rows", "kon", "--population",
        TestCounty.path("population"), "--per", "-5",
      ], status: 2)
    #expect(per.contains("--per must be a positive number"))
  }

  @Test func designTooLargeNamesTheTerms() throws {
    let stderr = try run(
      [
        "logit", TestCounty.path("suspects"), "--formula",
        "antal_misstankar >= 2 ~ kon * aldersgrupp * utbildning * fodelseland * brottstyp * ar * alder * lopnr",
      ], status: 1)
    #expect(stderr.contains("The model matrix would have"))
    #expect(stderr.contains("lopnr"))
  }

  @Test func unknownEncodingAndDelimiterAreUsageErrors() throws {
    let suspects = TestCounty.path("suspects")
    let encoding = try run(
      ["tabulate", suspects, "--rows", "kon", "--encoding", "ebcdic"], status: 2)
    #expect(encoding.contains("Unknown --encoding `ebcdic`: use utf8, latin1"))
    let delimiter = try run(
      ["tabulate", suspects, "--rows", "kon", "--delimiter", "xx"], status: 2)
    #expect(delimiter.contains("Unknown --delimiter `xx`: use ';'"))
    // The usage hint appears once.
    #expect(delimiter.components(separatedBy: "--help").count == 2)
  }

  @Test func negativeWindowSaysWhatAWindowIs() throws {
    let stderr = try run(
      ["recidivism", TestCounty.path("suspicions"), "--window", "-5"], status: 2)
    #expect(stderr.contains("--window must be a positive number of days"))
    #expect(!stderr.contains("Missing value"))
  }

  /// A negative number after any numeric option is that option's value, checked like any
  /// other (it used to be taken for an option: "Missing value for '--seed'").
  @Test func negativeNumbersReachEveryNumericOptionsCheck() throws {
    let suspects = TestCounty.path("suspects")
    let population = TestCounty.path("population")
    let logit = ["logit", suspects, "--formula", "kon ~ alder"]
    let cases: [([String], String)] = [
      (["generate", "--out", "/nonexistent", "--persons", "-5"], "--persons must be between 1"),
      (["generate", "--out", "/nonexistent", "--persons", "999999999999"], "--persons must be"),
      (["generate", "--out", "/nonexistent", "--year", "-5"], "--year must be between 1900"),
      (["generate", "--out", "/nonexistent", "--stratum-sd", "-5"], "--stratum-sd must be"),
      (["generate", "--out", "/nonexistent", "--seed", "-5"], "'-5' is invalid for '--seed"),
      (logit + ["--epsilon", "-5"], "--epsilon must be positive"),
      (logit + ["--suppress", "-5"], "--suppress must be a whole number from 0"),
      (logit + ["--max-iterations", "-5"], "--max-iterations must be at least 1"),
      (
        ["maihda", suspects, "--population", population, "--strata", "kon", "--nagq", "-5"],
        "--nagq must be between 1 and 25"
      ),
      (
        ["poisson", suspects, "--formula", "antal_misstankar ~ kon", "--per", "-5"],
        "--per must be a positive number"
      ),
    ]
    for (arguments, expected) in cases {
      let stderr = try run(arguments, status: 2)
      #expect(stderr.contains(expected), "\(arguments): \(stderr)")
      #expect(!stderr.contains("Missing value"), "\(arguments)")
    }
  }

  /// `--only` with no name ran the whole report (and kept the earlier report's files).
  @Test func anEmptyOnlyIsAUsageError() throws {
    let recipe = TestCounty.write(
      "title: x\ndata:\n  suspects:\n    path: \(TestCounty.path("suspects"))\nanalyses:\n"
        + "  - {analysis: tabulate, name: a, title: a, rows: [kon]}\n", named: "only.yaml")
    for only in ["", ",", " , "] {
      for command in [["report", recipe, "--out", "/nonexistent/report"], ["check", recipe]] {
        let stderr = try run(command + ["--only", only], status: 2)
        #expect(stderr.contains("--only names no analysis"), "\(command) --only '\(only)'")
      }
    }
  }

  @Test func unwritableOutputIsAPlainMessage() throws {
    let stderr = try run(
      [
        "tabulate", TestCounty.path("suspects"), "--rows", "kon", "--output",
        "/nonexistent-strata-dir/table.csv",
      ], status: 1)
    #expect(
      stderr.contains(
        "Cannot write /nonexistent-strata-dir/table.csv: the folder /nonexistent-strata-dir does not exist."
      ))
    #expect(!stderr.contains("NSCocoaErrorDomain") && !stderr.contains("Domain="))
    // --out under a file, for a report and for generate.
    let file = TestCounty.write("x", named: "not-a-folder")
    let recipe = TestCounty.write(
      "title: x\ndata:\n  suspects:\n    path: \(TestCounty.path("suspects"))\nanalyses:\n"
        + "  - {analysis: tabulate, name: a, title: a, rows: [kon]}\n", named: "small.yaml")
    for arguments in [
      ["report", recipe, "--out", file + "/report"], ["generate", "--out", file + "/county"],
    ] {
      let result = try TestCounty.run(arguments)
      #expect(result.status != 0)
      #expect(result.stderr.contains("\(file) is a file, not a folder"), "\(result.stderr)")
      #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }
  }

  @Test func outputFilesAreReplacedWholeAndLinksWrittenThrough() throws {
    let folder = temporaryDirectory("strata-output-file")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // A temporary that a killed command left beside the file (its process has ended).
    let leftover = ".tabell.csv.\(try endedProcessIdentifier()).tmp"
    try "partial".write(
      to: folder.appendingPathComponent(leftover), atomically: false, encoding: .utf8)
    let output = folder.appendingPathComponent("tabell.csv").path
    try "old contents".write(toFile: output, atomically: false, encoding: .utf8)
    let chart = folder.appendingPathComponent("figur.svg").path
    _ = try run(
      [
        "tabulate", TestCounty.path("suspects"), "--rows", "kon", "--format", "json", "--output",
        output, "--chart", chart,
      ], status: 0)
    let written = try String(contentsOfFile: output, encoding: .utf8)
    #expect(written.hasPrefix("{") && !written.contains("old contents"))
    #expect(try String(contentsOfFile: chart, encoding: .utf8).contains("<svg"))
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    #expect(files == ["tabell.csv", "figur.svg"], "\(files)")
    // A symbolic link stays a link; the file it points to gets the output.
    let target = folder.appendingPathComponent("target.md").path
    try "old".write(toFile: target, atomically: false, encoding: .utf8)
    let link = folder.appendingPathComponent("link.md").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    _ = try run(
      [
        "tabulate", TestCounty.path("suspects"), "--rows", "kon", "--format", "md", "--output",
        link,
      ],
      status: 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try String(contentsOfFile: target, encoding: .utf8).contains("|"))
  }

  @Test func logitReferenceSuggestsTheVariable() throws {
    let stderr = try run(
      [
        "logit", TestCounty.path("suspects"), "--formula", "antal_misstankar >= 2 ~ kon",
        "--reference", "konn=1",
      ], status: 1)
    #expect(stderr.contains("did you mean `kon`?"))
    #expect(!stderr.contains("?."))
  }

  @Test func recipeErrorPrintsUsageOnce() throws {
    let recipe = TestCounty.write("title: x\nanalyses: [\n", named: "bad.yaml")
    let out = temporaryDirectory("strata-hardening-report").path
    let stderr = try run(["report", recipe, "--out", out], status: 2)
    #expect(stderr.contains("bad.yaml, line 3"))
    #expect(stderr.components(separatedBy: "--help").count == 2)
    #expect(!stderr.contains("Usage: strata <subcommand>"))
  }

  @Test func duplicateHeaderAndMixedEncodingNameTheFile() throws {
    let duplicate = TestCounty.write("lopnr;kon;alder;kon\n1;1;20;2\n", named: "dup.csv")
    let stderr = try run(["tabulate", duplicate, "--rows", "kon"], status: 1)
    #expect(stderr.contains("dup.csv, line 1: columns 2 and 4 are both named `kon`"))
    let url = temporaryDirectory("strata-hardening").appendingPathComponent("mixed.csv")
    try Data(Array("lopnr;kon;ort\n1;1;Göteborg\n2;2;Malm".utf8) + [0xF6, 0x0A]).write(to: url)
    let mixed = try run(["tabulate", url.path, "--rows", "kon"], status: 1)
    #expect(mixed.contains("mixed.csv, line 3, column `ort`: the bytes 0xF6 0x0A are not UTF-8"))
    #expect(mixed.contains("--encoding"))
    _ = try run(["tabulate", url.path, "--rows", "kon", "--encoding", "windows1252"], status: 0)
  }

  /// A 2 MB line, in memory and with --stream: an error naming the line, quickly.
  @Test(arguments: [false, true])
  func overlongLineIsAnError(stream: Bool) throws {
    let text = "lopnr;kon\n1;1\n2;" + String(repeating: "1", count: 2 << 20) + "\n"
    let path = TestCounty.write(text, named: "long.csv")
    let stderr = try run(
      ["tabulate", path, "--rows", "kon"] + (stream ? ["--stream"] : []), status: 1, seconds: 10)
    #expect(stderr.contains("long.csv, line 3: this line is longer than 1 MiB"))
  }

  /// A misspelt variable or filter fails on the first row of a large file instead of after the
  /// whole file is read: the file's last row has an unknown code, which the whole read reports.
  @Test func misspeltVariableOfALargeFileFailsBeforeTheFileIsRead() throws {
    let rows = (DataInput.preflightBytes + 1_000_000) / 5
    let text = "kon;alder\n" + String(repeating: "1;30\n", count: rows) + "9;30\n"
    let path = writeTemporary("large-preflight.csv", text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let lastLine = rows + 2

    let cases: [(arguments: [String], says: [String])] = [
      (
        ["tabulate", path, "--rows", "kon", "--cols", "aldersgrup"],
        ["has no variable or grouping named `aldersgrup`", "did you mean `aldersgrupp`"]
      ),
      (
        ["tabulate", path, "--rows", "kon", "--filter", "alderr > 20"],
        ["there is no variable or grouping named `alderr`"]
      ),
      (
        ["logit", path, "--formula", "alder >= 30 ~ kone", "--no-collapse"],
        ["The variable `kone` is not in the data"]
      ),
      (
        ["poisson", path, "--formula", "alder ~ kon", "--offset", "tid"],
        ["The variable `tid` is not in the data"]
      ),
      (
        ["maihda", path, "--strata", "kon,aldersgrup", "--outcome", "alder >= 30"],
        ["no variable or grouping named `aldersgrup`"]
      ),
      (
        ["maihda", path, "--strata", "kon", "--outcome", "alderr >= 30"],
        ["In the outcome at position 1"]
      ),
    ]
    for (arguments, says) in cases {
      let stderr = try run(arguments, status: 1)
      for text in says { #expect(stderr.contains(text), "\(arguments[0])") }
      #expect(!stderr.contains("line \(lastLine)"))
    }
    // Names that fit: the whole file is still read and checked.
    let whole = try run(["tabulate", path, "--rows", "kon"], status: 1)
    #expect(whole.contains("line \(lastLine)"))
  }
}
