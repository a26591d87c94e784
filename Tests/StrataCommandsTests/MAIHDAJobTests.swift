import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

@Suite("strata maihda")
struct MAIHDAJobTests {
  /// A job on the 20 000-person county; tests of the estimates themselves pass `suppress: 0`
  /// (internal output: every stratum and measure).
  func populationJob(_ strata: [String], filter: String? = nil, suppress: Int = 5)
    -> MAIHDARequest
  {
    MAIHDARequest(
      data: DataInput(path: TestCounty.path("suspects")), filter: filter, strata: strata,
      population: DataInput(path: TestCounty.path("population")), suppress: suppress)
  }

  @Test("the JSON has the contract's keys and types")
  func contractShape() throws {
    let result = try populationJob(["kon", "aldersgrupp", "fodelse"], suppress: 0).publish()
    let json = try TestCounty.object(result.json)
    let null = try #require(json["null_model"] as? [String: Any])
    for key in ["intercept", "sigma2", "vpc", "auc"] { #expect(null[key] is Double, "\(key)") }
    let main = try #require(json["main_effects_model"] as? [String: Any])
    for key in ["sigma2", "vpc", "pcv", "auc"] { #expect(main[key] is Double, "\(key)") }
    let coefficients = try #require(main["coefficients"] as? [[String: Any]])
    #expect(!coefficients.isEmpty)
    // Each term says whether its estimate is the trace of a separated fit (|β̂| > 12, SE > 50).
    for c in coefficients {
      let estimate = try #require(c["estimate"] as? Double)
      let se = try #require(c["std_error"] as? Double)
      #expect(c["separation"] as? Bool == (abs(estimate) > 12 || se > 50), "\(c)")
    }
    let strata = try #require(json["strata"] as? [[String: Any]])
    #expect(strata.count == 2 * 7 * 2)
    for stratum in strata {
      for key in ["kon", "aldersgrupp", "fodelse"] { #expect(stratum[key] is String, "\(key)") }
      #expect(stratum["n"] is Int && stratum["cases"] is Int)
      #expect(stratum["predicted"] is Double && stratum["interaction"] is Double)
      #expect((stratum["ci"] as? [Double])?.count == 2)
    }
    #expect(json["method"] as? String == "laplace")
    #expect(json["warnings"] is [String])
    let disclosure = try #require(json["disclosure"] as? [String: Any])
    #expect(disclosure["protected"] as? Bool == false)
    // Published: a stratum is either complete or suppressed with its keys and `n` only.
    let published = try TestCounty.object(
      try populationJob(["kon", "aldersgrupp", "fodelse"]).publish().json)
    for stratum in try #require(published["strata"] as? [[String: Any]]) {
      if stratum["suppressed"] as? Bool == true {
        #expect(
          Set(stratum.keys)
            == ["kon", "aldersgrupp", "fodelse", "n", "suppressed", "stratum_index"])
      } else {
        #expect(stratum["cases"] is Int && stratum["predicted"] is Double)
      }
    }
    #expect((published["disclosure"] as? [String: Any])?["threshold"] as? Int == 5)
  }

  @Test("persons and cases add up to the population and the distinct suspects")
  func totals() throws {
    let json = try TestCounty.object(try populationJob(["kon", "fodelse"]).publish().json)
    let strata = try #require(json["strata"] as? [[String: Any]])
    let population = try #require(json["population"] as? [String: Any])
    let persons = strata.reduce(0) { $0 + ($1["n"] as? Int ?? 0) }
    let cases = strata.reduce(0) { $0 + ($1["cases"] as? Int ?? 0) }
    #expect(population["persons"] as? Int == persons)
    #expect(population["cases"] as? Int == cases)
    let suspects = try Dataset.load(
      contentsOf: URL(fileURLWithPath: TestCounty.path("suspects")), codebook: .canonical)
    let regions = try suspects.strings("fodelseland")
    let ids = try suspects.strings("lopnr")
    let distinct = Set(regions.indices.filter { regions[$0] != nil }.map { ids[$0]! }).count
    #expect(cases == distinct)
  }

  @Test("against a population equals person-level data with the outcome `misstankt == 1`")
  func populationEqualsPersonLevel() throws {
    let suspects = try String(contentsOfFile: TestCounty.path("suspects"), encoding: .utf8)
    let ids = Set(suspects.split(separator: "\n").dropFirst().map { $0.split(separator: ";")[0] })
    let persons = try String(contentsOfFile: TestCounty.path("persons"), encoding: .utf8)
    var lines = persons.split(separator: "\n").map(String.init)
    lines[0] += ";misstankt"
    for k in 1..<lines.count {
      lines[k] += ids.contains(lines[k].split(separator: ";")[0]) ? ";1" : ";0"
    }
    let path = TestCounty.write(lines.joined(separator: "\n") + "\n", named: "persons.csv")
    let strata = ["kon", "utbildningsniva", "fodelse"]
    let grouped = try TestCounty.object(try populationJob(strata, suppress: 0).publish().json)
    let personLevel = try TestCounty.object(
      try MAIHDARequest(
        data: DataInput(path: path), strata: strata, outcome: "misstankt == 1", suppress: 0
      )
      .publish()
      .json)
    for model in ["null_model", "main_effects_model"] {
      let a = try #require(grouped[model] as? [String: Any])
      let b = try #require(personLevel[model] as? [String: Any])
      for key in ["intercept", "sigma2", "vpc", "auc"] {
        expectApproximatelyEqual(
          a[key] as? Double, try #require(b[key] as? Double), relative: 1e-10, absolute: 1e-12,
          "\(model).\(key)")
      }
    }
    let a = try #require(grouped["strata"] as? [[String: Any]])
    let b = try #require(personLevel["strata"] as? [[String: Any]])
    #expect(a.map { $0["n"] as? Int } == b.map { $0["n"] as? Int })
    #expect(a.map { $0["cases"] as? Int } == b.map { $0["cases"] as? Int })
  }

  @Test("strata with 1–4 cases are suppressed in the tables and the JSON alike")
  func suppression() throws {
    let strataVariables = ["kon", "aldersgrupp", "fodelse"]
    let full = try TestCounty.object(try populationJob(strataVariables, suppress: 0).publish().json)
    let small = try #require(full["strata"] as? [[String: Any]]).filter {
      ($0["cases"] as? Int).map { $0 > 0 && $0 < 5 } ?? false
    }
    #expect(!small.isEmpty, "the 20 000-person county has strata with 1–4 cases")
    let result = try populationJob(strataVariables).publish()
    let json = try TestCounty.object(result.json)
    let strata = try #require(json["strata"] as? [[String: Any]])
    func key(_ stratum: [String: Any]) -> String {
      strataVariables.map { "\(stratum[$0]!)" }.joined(separator: "/")
    }
    let suppressed = strata.filter { $0["suppressed"] as? Bool == true }
    #expect(Set(small.map(key)).isSubset(of: Set(suppressed.map(key))))
    #expect(suppressed.allSatisfy { $0["cases"] == nil && $0["predicted"] == nil })
    let table = result.tables[1]
    #expect(table.rows.count == strata.count)
    let casesColumn = try #require(table.columns.firstIndex { $0.label == "Fall" })
    for (row, stratum) in zip(table.rows, strata) {
      let hidden = stratum["suppressed"] as? Bool == true
      #expect((row.cells[casesColumn].content == .suppressed) == hidden)
      #expect((row.cells[casesColumn + 1].content == .suppressed) == hidden)
      #expect((row.cells[casesColumn + 2].content == .suppressed) == hidden)  // predicted
    }
    let csv = String(decoding: try TableFormat.csv.renderer().data(for: [table]), as: UTF8.self)
    #expect(csv.contains(".."))
    let disclosure = try #require(json["disclosure"] as? [String: Any])
    #expect(disclosure["suppressed_strata"] as? Int == suppressed.count)
  }

  @Test("one stratum is an error: exit 1 with a message")
  func singleStratum() throws {
    let run = try TestCounty.run([
      "maihda", TestCounty.path("suspects"), "--population", TestCounty.path("population"),
      "--strata", "kon", "--filter", "kon == 1", "--population-filter", "kon == 1",
      "--format", "json",
    ])
    #expect(run.status == 1)
    #expect(run.stderr.contains("at least two"))
  }

  @Test("the binary prints the contract JSON; a missing --population/--outcome is a usage error")
  func binary() throws {
    let ok = try TestCounty.run([
      "maihda", TestCounty.path("suspects"), "--population", TestCounty.path("population"),
      "--strata", "kon,aldersgrupp,fodelse", "--format", "json",
    ])
    #expect(ok.status == 0)
    #expect(try TestCounty.object(Data(ok.stdout.utf8))["strata"] is [[String: Any]])
    let usage = try TestCounty.run(["maihda", TestCounty.path("suspects"), "--strata", "kon"])
    #expect(usage.status == 2)
    let markdown = try TestCounty.run([
      "maihda", TestCounty.path("suspects"), "--population", TestCounty.path("population"),
      "--strata", "kon,fodelse", "--lang", "en",
    ])
    #expect(markdown.status == 0)
    #expect(markdown.stdout.contains("Between-stratum variance"))
  }

  @Test("options parse into the job")
  func parsing() throws {
    let parsed = try Strata.parseAsRoot([
      "maihda", "s.csv", "--population", "p.csv", "--strata", "kon, aldersgrupp,fodelse",
      "--nagq", "7", "--suppress", "3", "--filter", "brottstyp == \"vbek\"",
    ])
    let job = try #require(parsed as? MAIHDACommand).job()
    #expect(job.strata == ["kon", "aldersgrupp", "fodelse"])
    #expect(job.nAGQ == 7 && job.suppress == 3 && job.population?.path == "p.csv")
    #expect(job.filter == "brottstyp == \"vbek\"")
  }
}
