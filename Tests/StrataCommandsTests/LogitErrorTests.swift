import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

@Suite("strata logit: bad input, parsing and exit codes")
struct LogitErrorTests {
  /// The population file without the rows of one cell (women born in Africa).
  func populationWithout(kon: String, fodelseland: String) throws -> String {
    let text = try String(contentsOfFile: TestCounty.path("population"), encoding: .utf8)
    let lines = text.split(separator: "\n").filter { line in
      let fields = line.split(separator: ";", omittingEmptySubsequences: false)
      return !(fields[1] == kon && fields[4] == fodelseland)
    }
    return TestCounty.write(lines.joined(separator: "\n") + "\n", named: "population.csv")
  }

  @Test("a cell with suspects but no population is an error naming the cell and the line")
  func missingPopulationCell() throws {
    let suspects = try Dataset.load(
      contentsOf: URL(fileURLWithPath: TestCounty.path("suspects")), codebook: .canonical)
    let regions = try suspects.strings("fodelseland")
    let sexes = try suspects.strings("kon")
    let row = try #require(regions.indices.first { regions[$0] != "1" && regions[$0] != nil })
    let (kon, region) = (sexes[row]!, regions[row]!)
    let job = LogitRequest(
      data: DataInput(path: TestCounty.path("suspects")), formula: "misstankt ~ kon + fodelseland",
      population: DataInput(path: try populationWithout(kon: kon, fodelseland: region)))
    #expect {
      try job.publish()
    } throws: { error in
      let text = "\(error)"
      return text.contains("kon = \(kon), fodelseland = \(region)")
        && text.contains("line \(suspects.sourceLine(ofRow: row))")
    }
  }

  @Test("more suspects than population in a cell is an error naming the cell")
  func moreCasesThanPopulation() throws {
    let population = TestCounty.write(
      "ar;kon;alder;utbildning;fodelseland;antal\n2016;1;30;4;1;1\n2016;2;30;4;1;100000\n",
      named: "population.csv")
    let job = LogitRequest(
      data: DataInput(path: TestCounty.path("suspects")), formula: "misstankt ~ kon",
      population: DataInput(path: population))
    #expect {
      try job.publish()
    } throws: { "\($0)".contains("cell kon = 1") && "\($0)".contains("population of only 1") }
  }

  @Test("`misstankt` without --population says how to count persons against a population")
  func misstanktNeedsPopulation() throws {
    let job = LogitRequest(
      data: DataInput(path: TestCounty.path("suspects")), formula: "misstankt ~ kon")
    #expect { try job.publish() } throws: { "\($0)".contains("--population") }
  }

  @Test("a numeric predictor against a population asks for a grouping")
  func numericAgainstPopulation() throws {
    let job = LogitRequest(
      data: DataInput(path: TestCounty.path("suspects")), formula: "misstankt ~ alder",
      population: DataInput(path: TestCounty.path("population")))
    #expect { try job.publish() } throws: { "\($0)".contains("aldersgrupp") }
  }

  @Test("a filter on person variables without --population-filter warns; with it both match")
  func populationFilter() throws {
    var job = LogitRequest(
      data: DataInput(path: TestCounty.path("suspects")),
      filter: "alder >= 25 && brottstyp != \"sexkop\"",
      formula: "misstankt ~ kon", population: DataInput(path: TestCounty.path("population")))
    let unfiltered = try job.publish()
    #expect(
      unfiltered.warnings.contains { $0.contains("`alder`") && $0.contains("--population-filter") })
    #expect(!unfiltered.warnings.contains { $0.contains("`brottstyp`") })
    job.populationFilter = "alder >= 25"
    let filtered = try job.publish()
    #expect(!filtered.warnings.contains { $0.contains("--population-filter") })
    let all = try #require(try TestCounty.object(unfiltered.json)["n"] as? Int)
    let adults = try #require(try TestCounty.object(filtered.json)["n"] as? Int)
    #expect(adults < all)
  }

  @Test("options parse into the job")
  func parsing() throws {
    let parsed = try Strata.parseAsRoot([
      "logit", "d.csv", "--formula", "y ~ kon * fodelse", "--reference", "kon=2", "fodelse=utrikes",
      "--robust", "hc1", "--ame", "--ci", "profile", "--compare", "y ~ kon", "y ~ kon + fodelse",
      "--no-collapse", "--level", "0.9", "--lang", "en", "--filter", "alder >= 18",
    ])
    let command = try #require(parsed as? LogitCommand)
    let job = try command.job()
    #expect(job.data.path == "d.csv")
    #expect(job.reference == ["kon": "2", "fodelse": "utrikes"])
    #expect(job.robust == .hc1 && job.ame && job.interval == .profile && !job.collapse)
    #expect(job.compare == ["y ~ kon", "y ~ kon + fodelse"])
    #expect(job.level == 0.9 && job.language == .en && job.filter == "alder >= 18")
    #expect(job.glmOptions.covariance == .hc1)
  }

  @Test(
    "usage errors are rejected when parsing",
    arguments: [
      ["logit", "d.csv"],
      ["logit", "d.csv", "--formula", "y ~ x", "--level", "1.5"],
      ["logit", "d.csv", "--formula", "y ~ x", "--reference", "kon"],
      ["logit", "d.csv", "--formula", "y ~ x", "--population", "p.csv", "--weight", "w"],
      ["logit", "d.csv", "--formula", "y ~ x", "--robust", "hc3"],
    ])
  func usageErrors(arguments: [String]) {
    #expect(throws: (any Error).self) { try Strata.parseAsRoot(arguments) }
  }

  @Test("the binary: contract JSON on stdout, exit 1 for a bad formula, 2 for a usage error")
  func exitCodes() throws {
    let ok = try TestCounty.run([
      "logit", TestCounty.path("suspects"), "--population", TestCounty.path("population"),
      "--formula", "misstankt ~ kon * fodelse + aldersgrupp", "--format", "json",
    ])
    #expect(ok.status == 0)
    let json = try TestCounty.object(Data(ok.stdout.utf8))
    #expect(json["coefficients"] is [[String: Any]])
    #expect(!ok.stdout.contains("NaN") && !ok.stdout.contains("nan"))
    #expect(ok.stderr.contains("warning: "))

    let bad = try TestCounty.run([
      "logit", TestCounty.path("suspects"), "--formula", "antal_misstankar >= ~ kon",
    ])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("Cannot read the formula"))

    let unknown = try TestCounty.run([
      "logit", TestCounty.path("suspects"), "--formula", "antal_misstankar >= 2 ~ konn",
    ])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("Did you mean `kon`"))

    let usage = try TestCounty.run(["logit", TestCounty.path("suspects")])
    #expect(usage.status == 2)
    #expect(usage.stderr.contains("--formula"))
  }

  @Test("an outcome that is not 0/1 names the file and line of the first bad value")
  func notBinary() throws {
    let suspects = try Dataset.load(
      contentsOf: URL(fileURLWithPath: TestCounty.path("suspects")), codebook: .canonical)
    let counts = try suspects.numeric("antal_misstankar")
    let row = try #require(counts.firstIndex { $0 > 1 })
    let job = LogitRequest(
      data: DataInput(path: TestCounty.path("suspects")), formula: "antal_misstankar ~ kon")
    #expect {
      try job.publish()
    } throws: {
      "\($0)".contains("suspects.csv, line \(suspects.sourceLine(ofRow: row))")
    }
  }

  @Test("a condition that is always true is an error")
  func constantOutcome() throws {
    let job = LogitRequest(
      data: DataInput(path: TestCounty.path("suspects")),
      formula: "antal_misstankar >= 1 ~ kon + fodelse")
    #expect { try job.publish() } throws: { "\($0)".contains("for every row") }
  }

  @Test("a filter that leaves no rows: a warning, then an error")
  func emptyAfterFilter() throws {
    let job = LogitRequest(
      data: DataInput(path: TestCounty.path("suspects")), filter: "alder > 200",
      formula: "antal_misstankar >= 2 ~ kon")
    #expect(throws: (any Error).self) { try job.publish() }
  }
}

@Suite("Contract JSON never holds NaN")
struct FiniteJSONTests {
  struct Sample: Encodable {
    var a = Double.nan
    var b = [1.5, .infinity, -.infinity]
    var text = "nan"
  }

  @Test("non-finite numbers become null; text is untouched")
  func nonFinite() throws {
    let object = try TestCounty.object(try FiniteJSON.encode(Sample()))
    #expect(object["a"] is NSNull)
    let b = try #require(object["b"] as? [Any])
    #expect(b[0] as? Double == 1.5 && b[1] is NSNull && b[2] is NSNull)
    #expect(object["text"] as? String == "nan")
  }
}
