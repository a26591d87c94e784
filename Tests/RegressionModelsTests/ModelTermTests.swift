import Foundation
import LinearAlgebra
import RegressionModels
import StatsTestSupport
import Testing

/// The typed columns of fits: exact structure (variables, level codes, reference levels), and
/// the contract names derived from them.
@Suite("Typed model terms")
struct ModelTermTests {
  static func level(_ variable: String, _ code: String, _ reference: String?)
    -> ModelTerm.Component
  {
    .level(ModelTerm.FactorLevel(variable: variable, code: code, reference: reference))
  }

  @Test("Names are made from the typed value")
  func names() {
    #expect(ModelTerm.intercept.name == "(Intercept)")
    #expect(ModelTerm.numeric("alder").name == "alder")
    #expect(ModelTerm.level("kon", code: "1", reference: "2").name == "kon: 1")
    let interaction = ModelTerm(components: [
      Self.level("kon", "1", "2"), Self.level("fodelse", "utrikes", "inrikes"),
    ])
    #expect(interaction.name == "kon: 1 & fodelse: utrikes")
    #expect(interaction.description == interaction.name)
    #expect(interaction.variables == ["kon", "fodelse"])
    #expect(interaction.factorLevels.map(\.reference) == ["2", "inrikes"])
    guard case .interaction(let components) = interaction.kind else {
      Issue.record("not an interaction")
      return
    }
    #expect(components.count == 2)
    #expect(ModelTerm.intercept.kind == .intercept)
    #expect(ModelTerm.numeric("alder").kind == .numeric(variable: "alder"))
  }

  @Test("A crossed formula: every column typed, references from the fit")
  func crossed() throws {
    var options = GLMOptions()
    options.reference = ["induced_f": "1"]
    let fit = try GLM.fit(
      formula: "case ~ agegrp * induced_f + spontaneous", data: Reference.infert, options: options)
    let age = { (code: String) in Self.level("agegrp", code, "21-28") }
    let induced = { (code: String) in Self.level("induced_f", code, "1") }
    #expect(
      fit.modelTerms == [
        .intercept,
        ModelTerm(components: [age("29-32")]), ModelTerm(components: [age("33-44")]),
        ModelTerm(components: [induced("0")]), ModelTerm(components: [induced("2")]),
        .numeric("spontaneous"),
        ModelTerm(components: [age("29-32"), induced("0")]),
        ModelTerm(components: [age("33-44"), induced("0")]),
        ModelTerm(components: [age("29-32"), induced("2")]),
        ModelTerm(components: [age("33-44"), induced("2")]),
      ])
    #expect(fit.coefficientNames == fit.modelTerms.map(\.name))
    #expect(fit.referenceLevels == ["agegrp": "21-28", "induced_f": "1"])
    let table = try fit.coefficientTable()
    #expect(table.rows.map(\.modelTerm) == fit.modelTerms)
    #expect(table.rows.map(\.term) == fit.coefficientNames)
    // The table's JSON carries the typed term and reads it back.
    let decoded = try JSONDecoder().decode(
      CoefficientTable.self, from: try JSONEncoder().encode(table))
    #expect(decoded == table)
  }

  @Test("Indicator coding (no intercept) contrasts with no reference")
  func indicators() throws {
    let fit = try GLM.fit(
      formula: "case ~ 0 + education + spontaneous : education", data: Reference.infert)
    #expect(
      fit.modelTerms.prefix(3).map(\.factorLevels) == [
        [ModelTerm.FactorLevel(variable: "education", code: "0-5yrs", reference: nil)],
        [ModelTerm.FactorLevel(variable: "education", code: "6-11yrs", reference: nil)],
        [ModelTerm.FactorLevel(variable: "education", code: "12+ yrs", reference: nil)],
      ])
    #expect(
      fit.modelTerms[3]
        == ModelTerm(components: [
          Self.level("education", "0-5yrs", nil), .numeric(variable: "spontaneous"),
        ]))
    #expect(fit.referenceLevels == ["education": "0-5yrs"])
  }

  @Test("A fit from a matrix types its columns by name; typed columns can be given")
  func matrix() throws {
    let frame = try ModelFrame(
      schema: ModelSchema(formula: Formula("case ~ education + age"), data: Reference.infert),
      data: Reference.infert)
    let mm = ModelMatrix(frame: frame)
    let named = try GLM.fit(x: mm.x, y: frame.y, names: mm.columnNames)
    #expect(named.modelTerms.first == .intercept)
    #expect(named.modelTerms[1] == .numeric("education: 6-11yrs"))
    #expect(named.referenceLevels == [:])
    let typed = try GLM.fit(x: mm.x, y: frame.y, terms: mm.modelTerms)
    #expect(typed.modelTerms == mm.modelTerms)
    #expect(typed.coefficientNames == named.coefficientNames)
    #expect(mm.modelTerms[1] == .level("education", code: "6-11yrs", reference: "0-5yrs"))
    let unnamed = try GLM.fit(x: mm.x, y: frame.y)
    #expect(unnamed.coefficientNames == ["(Intercept)", "x2", "x3", "x4"])
  }

  @Test("MAIHDA's main-effects model: levels against the first level of the strata")
  func maihda() throws {
    let reference = try MAIHDAReference.load("small")
    let data = try reference.stratumData()
    let result = try MAIHDA.fit(strata: data)
    let terms = result.mainEffectsModel.modelTerms
    #expect(terms.first == .intercept)
    #expect(terms.count == result.mainEffectsModel.coefficients.count)
    for (term, name) in zip(terms, result.mainEffectsModel.coefficientNames) {
      #expect(term.name == name)
    }
    for (v, variable) in data.variables.enumerated() {
      let levels = terms.flatMap(\.factorLevels).filter { $0.variable == variable.name }
      #expect(levels.map(\.code) == variable.levels.dropFirst().map(\.code), "\(v)")
      #expect(levels.allSatisfy { $0.reference == variable.levels[0].code })
    }
    #expect(result.mainEffectsSummary.coefficients.map(\.modelTerm) == terms)
    // The JSON names the terms only; decoding rebuilds the typed terms from the strata.
    let decoded = try JSONDecoder().decode(
      MAIHDAResult.self, from: try JSONEncoder().encode(result))
    #expect(decoded.mainEffectsModel.modelTerms == terms)
  }
}
