import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports

/// A small generated county for the disclosure tests of the models: 3 000 persons in each cell
/// of kön × födelseland (2 × 9), and suspects per cell as `cases` says. Every row has age 30,
/// education 4, year 2016.
struct SmallCellCounty {
  /// Cases per cell: `cases[kon − 1][fodelseland − 1]`.
  var cases: [[Int]]
  var personsPerCell = 3_000

  /// Writes the population and suspects files; returns their paths.
  func write() -> (population: String, suspects: String) {
    var population = ["ar;kon;alder;utbildning;fodelseland;antal"]
    var suspects = ["lopnr;ar;kon;alder;utbildning;fodelseland;brottstyp;antal_misstankar"]
    var id = 1_000_000
    for kon in 1...2 {
      for land in 1...9 {
        population.append("2016;\(kon);30;4;\(land);\(personsPerCell)")
        for k in 0..<cases[kon - 1][land - 1] {
          id += 1
          suspects.append("\(id);2016;\(kon);30;4;\(land);vnr_partner;\(k % 3 == 0 ? 2 : 1)")
        }
      }
    }
    return (
      TestCounty.write(population.joined(separator: "\n") + "\n", named: "population.csv"),
      TestCounty.write(suspects.joined(separator: "\n") + "\n", named: "suspects.csv")
    )
  }

  /// Two strata with 3 and 2 cases (kön 1 × land 8, kön 2 × land 9); the rest 9 or more.
  static let twoSmall = SmallCellCounty(cases: [
    [60, 30, 25, 28, 40, 45, 22, 3, 25],
    [35, 15, 12, 14, 20, 24, 11, 9, 2],
  ])
  /// One stratum with 2 cases (kön 2 × land 9); the smallest other has 9 (kön 2 × land 8).
  static let oneSmall = SmallCellCounty(cases: [
    [60, 30, 25, 28, 40, 45, 22, 13, 25],
    [35, 15, 12, 14, 20, 24, 11, 9, 2],
  ])
}

/// The attacker of issue #10: what a reader of one command's published files can compute.
enum ModelAttacker {
  /// MAIHDA, leak class 3: for every stratum with a published prediction, the cases from model
  /// 1's conditional-mode equation, yⱼ = nⱼ p̂ⱼ + (logit p̂ⱼ − β̂₀) / σ̂², keyed by
  /// "kon/fodelseland".
  static func maihdaCases(json: [String: Any]) -> [String: Double] {
    guard let null = json["null_model"] as? [String: Any],
      let beta0 = null["intercept"] as? Double, let sigma2 = null["sigma2"] as? Double,
      let strata = json["strata"] as? [[String: Any]]
    else { return [:] }
    var recovered: [String: Double] = [:]
    for stratum in strata {
      guard let p = stratum["predicted"] as? Double, let n = stratum["n"] as? Int else { continue }
      let key = "\(stratum["kon"]!)/\(stratum["fodelseland"]!)"
      recovered[key] = Double(n) * p + (log(p / (1 - p)) - beta0) / sigma2
    }
    return recovered
  }

  /// Logit against a population, leak class 5: the fitted probability of the cell kön 2 ×
  /// utrikes of `misstankt ~ kon * fodelse` times its population; nil when the coefficients are
  /// not published.
  static func saturatedCell(json: [String: Any], population: Double) -> Double? {
    guard let rows = json["coefficients"] as? [[String: Any]] else { return nil }
    var eta = 0.0
    for row in rows {
      guard let estimate = row["estimate"] as? Double else { return nil }
      eta += estimate  // every column is 1 in the cell kön 2 × utrikes
    }
    return population / (1 + exp(-eta))
  }
}

@Suite("Models do not reveal suppressed counts (issue #10, classes 3 and 5)")
struct ModelDisclosureTests {
  func maihda(_ county: SmallCellCounty, suppress: Int = 5) throws -> AnalysisPublication {
    let files = county.write()
    return try MAIHDARequest(
      data: DataInput(path: files.suspects), strata: ["kon", "fodelseland"],
      population: DataInput(path: files.population), suppress: suppress
    ).publish()
  }

  @Test("(a) the conditional-mode equation recovers suppressed strata only in unprotected output")
  func maihdaAttack() throws {
    let county = SmallCellCounty.twoSmall
    // Internal output (what every format printed before): the attack recovers 3 and 2 exactly.
    let unprotected = try TestCounty.object(try maihda(county, suppress: 0).json)
    let before = ModelAttacker.maihdaCases(json: unprotected)
    #expect(before["1/8"].map { ($0 - 3).magnitude < 0.05 } == true, "\(before["1/8"] ?? .nan)")
    #expect(before["2/9"].map { ($0 - 2).magnitude < 0.05 } == true, "\(before["2/9"] ?? .nan)")
    #expect((unprotected["disclosure"] as? [String: Any])?["protected"] as? Bool == false)

    // Published: nothing to recover for the suppressed strata, in the JSON…
    let publication = try maihda(county)
    let json = try TestCounty.object(publication.json)
    let after = ModelAttacker.maihdaCases(json: json)
    #expect(after["1/8"] == nil && after["2/9"] == nil)
    let strata = try #require(json["strata"] as? [[String: Any]])
    let suppressed = strata.filter { $0["suppressed"] as? Bool == true }
    #expect(Set(suppressed.map { "\($0["kon"]!)/\($0["fodelseland"]!)" }) == ["1/8", "2/9"])
    for stratum in suppressed {
      #expect(
        Set(stratum.keys) == ["kon", "fodelseland", "n", "suppressed", "stratum_index"],
        "\(stratum)")
      #expect(stratum["n"] as? Int == 3_000)
    }
    // …nor from sums: the total of cases and the fits' per-stratum arrays are withheld, and
    // the suppressed strata come last, unranked.
    #expect(json["fits"] == nil)
    #expect((json["population"] as? [String: Any])?["cases"] == nil)
    #expect(strata.suffix(2).allSatisfy { $0["suppressed"] as? Bool == true })
    #expect(strata.compactMap { $0["rank"] as? Int } == Array(1...16))
    for model in ["null_model", "main_effects_model"] {
      let fields = try #require(json[model] as? [String: Any])
      #expect(fields["log_likelihood"] == nil && fields["auc"] is NSNull, "\(model)")
    }
    // …and in every table format: the strata table has `..` in the prediction columns.
    let table = publication.tables[1]
    let rows = table.rows.filter { $0.cells[4] == .suppressed }
    #expect(rows.count == 2)
    for row in rows {
      #expect(row.cells.dropFirst(2).allSatisfy { $0 == .suppressed })
      #expect(row.cells[1] == .count(3_000))
    }
    #expect(publication.tables[0].rows[4].cells[0] == .suppressed)  // AUC of model 1
    // Not drawn: 16 of 18 strata in the chart, which says so.
    let svg = publication.charts[0].svg
    #expect(svg.contains("16 strata"))
    #expect(!svg.contains("class=\"reference\""))
  }

  @Test("a single suppressed stratum takes the next smallest with it")
  func maihdaSecondary() throws {
    let json = try TestCounty.object(try maihda(.oneSmall).json)
    let strata = try #require(json["strata"] as? [[String: Any]])
    let suppressed = strata.filter { $0["suppressed"] as? Bool == true }
      .map { "\($0["kon"]!)/\($0["fodelseland"]!)" }
    #expect(Set(suppressed) == ["2/9", "2/8"])
    let disclosure = try #require(json["disclosure"] as? [String: Any])
    #expect(disclosure["suppressed_strata"] as? Int == 2)
    #expect(disclosure["protected"] as? Bool == true)
  }

  @Test("person-level MAIHDA protects the non-cases of a stratum too")
  func maihdaPersonLevel() throws {
    // Suspects with one suspicion are the cases; every third suspect (2 suspicions) is not.
    // Kön 2 × land 8: 9 suspects, 6 cases and 3 non-cases.
    let files = SmallCellCounty.twoSmall.write()
    let json = try TestCounty.object(
      try MAIHDARequest(
        data: DataInput(path: files.suspects), strata: ["kon", "fodelseland"],
        outcome: "antal_misstankar == 1"
      ).publish().json)
    let strata = try #require(json["strata"] as? [[String: Any]])
    let stratum = try #require(
      strata.first { "\($0["kon"]!)/\($0["fodelseland"]!)" == "2/8" })
    #expect(stratum["suppressed"] as? Bool == true)
    #expect(stratum["cases"] == nil)
  }

  @Test("MAIHDA's main effects are withheld when a level's cases are small")
  func maihdaMainEffectsWithheld() throws {
    var county = SmallCellCounty.twoSmall
    county.cases[0][8] = 1  // land 9: 1 + 2 = 3 cases in all
    let publication = try maihda(county)
    let json = try TestCounty.object(publication.json)
    let main = try #require(json["main_effects_model"] as? [String: Any])
    #expect(main["coefficients"] == nil && main["sigma2"] is NSNull)
    let disclosure = try #require(main["disclosure"] as? [String: Any])
    #expect(disclosure["withheld"] as? Bool == true)
    #expect((disclosure["reason"] as? String)?.contains("fodelseland: 9") == true)
    // Model 2's coefficient table would be `..` only: it is left out (summary and strata stay),
    // and the summary keeps model 1's three columns and the rows they fill.
    #expect(publication.tables.count == 2)
    let summary = publication.tables[0]
    #expect(summary.columns.count == 3)
    #expect(!summary.rows.contains { $0.labels == ["PCV, %"] })
    #expect(summary.rows.allSatisfy { $0.cells.count == 3 })
    let strata = try #require(json["strata"] as? [[String: Any]])
    #expect(strata.allSatisfy { $0["interaction"] == nil && $0["main_effects_predicted"] == nil })
    // The strata table leaves model 2's columns out rather than fill them with `..`.
    let strataTable = try #require(
      publication.tables.first { $0.stubHeaders.count == 2 && $0.columns.count >= 7 })
    #expect(strataTable.columns.count == 7, "\(strataTable.columns.map(\.label))")
    #expect(!strataTable.columns.contains { $0.label == "û" })
    #expect(strataTable.rows.allSatisfy { $0.cells.count == 7 })
  }

  func logit(_ formula: String, _ county: SmallCellCounty, suppress: Int = 5) throws
    -> AnalysisPublication
  {
    let files = county.write()
    return try LogitRequest(
      data: DataInput(path: files.suspects), formula: formula,
      population: DataInput(path: files.population), suppress: suppress
    ).publish()
  }

  /// Kön 2 born abroad: 3 cases in 24 000 persons; every other cell of kön × fodelse has more.
  static let smallCell = SmallCellCounty(cases: [
    [60, 30, 25, 28, 40, 45, 22, 13, 25],
    [35, 1, 0, 0, 0, 1, 0, 0, 1],
  ])

  @Test("(b) a saturated logit reproduces a small cell unless it is withheld")
  func saturatedLogit() throws {
    let formula = "misstankt ~ kon * fodelse"
    // Internal output (as before): fitted probability × population = the count, 3.
    let unprotected = try TestCounty.object(try logit(formula, Self.smallCell, suppress: 0).json)
    let recovered = try #require(
      ModelAttacker.saturatedCell(json: unprotected, population: 8 * 3_000))
    #expect((recovered - 3).magnitude < 1e-6, "\(recovered)")

    let publication = try logit(formula, Self.smallCell)
    let json = try TestCounty.object(publication.json)
    #expect(ModelAttacker.saturatedCell(json: json, population: 8 * 3_000) == nil)
    let disclosure = try #require(json["disclosure"] as? [String: Any])
    #expect(disclosure["withheld"] as? Bool == true)
    #expect((disclosure["reason"] as? String)?.contains("kon: 2 & fodelse: utrikes") == true)
    // The contract's keys stay, as null; what is not in the contract is left out.
    for key in ["deviance", "log_likelihood", "aic", "null_deviance"] {
      #expect(json[key] is NSNull, "\(key)")
    }
    #expect(json["marginal_effects"] == nil)
    #expect(json["n"] as? Int == 54_000 && json["converged"] as? Bool == true)
    let terms = (json["coefficients"] as? [[String: Any]])?.compactMap { $0["term"] as? String }
    #expect(terms == ["(Intercept)", "kon: 2", "fodelse: utrikes", "kon: 2 & fodelse: utrikes"])
    #expect(
      (json["coefficients"] as? [[String: Any]])?.allSatisfy { coefficient in
        coefficient.allSatisfy { $0.key == "term" || $0.value is NSNull }
      } == true)
    // Every table cell is withheld, with the reason in the report's language, and no chart.
    let table = publication.tables[0]
    #expect(table.rows.allSatisfy { $0.cells.allSatisfy { $0.number == nil } })
    #expect(table.footnotes.contains { $0.text.contains("Modellen redovisas inte") })
    #expect(publication.charts.isEmpty)
    // The main effects alone reproduce the margins only (kön 2: 38, born abroad: 231): published.
    let additive = try TestCounty.object(
      try logit("misstankt ~ kon + fodelse", Self.smallCell).json)
    #expect((additive["disclosure"] as? [String: Any])?["withheld"] as? Bool == false)
  }

  @Test("a comparison with a withheld model is left out")
  func comparisonWithWithheldModel() throws {
    let files = Self.smallCell.write()
    let publication = try LogitRequest(
      data: DataInput(path: files.suspects), formula: "misstankt ~ kon + fodelse",
      population: DataInput(path: files.population), compare: ["misstankt ~ kon * fodelse"]
    ).publish()
    let json = try TestCounty.object(publication.json)
    #expect((json["disclosure"] as? [String: Any])?["withheld"] as? Bool == false)
    #expect(json["coefficients"] is [[String: Any]] && json["deviance"] is Double)
    #expect(json["comparisons"] == nil && json["compared_models"] == nil)
    #expect(publication.tables.count == 1)
  }

  @Test("(c) a model whose counts are all at least the threshold is published unchanged")
  func publishedUnchanged() throws {
    let formula = "misstankt ~ kon * fodelse"
    let county = SmallCellCounty.oneSmall  // kön 2 born abroad: 107 cases
    let unprotected = try JSONValue.parse(try logit(formula, county, suppress: 0).json)
    let published = try JSONValue.parse(try logit(formula, county).json)
    guard case .object(var before) = unprotected, case .object(var after) = published else {
      Issue.record("the JSON is not an object")
      return
    }
    guard case .object(let disclosure)? = after["disclosure"] else {
      Issue.record("no disclosure object")
      return
    }
    #expect(disclosure["withheld"] == .bool(false) && disclosure["protected"] == .bool(true))
    if case .object(let internalNote)? = before["disclosure"] {
      #expect(internalNote.values == ["protected": .bool(false)])
    } else {
      Issue.record("no disclosure object in the unprotected JSON")
    }
    // Apart from the disclosure note, every value is the one of the unprotected output.
    before.values["disclosure"] = nil
    after.values["disclosure"] = nil
    #expect(before.values == after.values)
  }

  @Test("person-level fits protect the non-cases too")
  func personLevel() throws {
    // Among the suspects, repeat suspects (every third) by kön: kön 2 × land 9 has 2 suspects…
    let files = SmallCellCounty.twoSmall.write()
    let request = LogitRequest(
      data: DataInput(path: files.suspects), formula: "antal_misstankar >= 2 ~ kon * fodelse")
    let disclosure = try request.run().disclosure
    #expect(!disclosure.withheld)
    // …and with the threshold above the smallest count of repeaters, the model is withheld.
    var strict = request
    strict.suppress = 40
    #expect(try strict.run().disclosure.withheld)
  }
}
