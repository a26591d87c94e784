import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

@Suite("Recipe expansion and jobs")
struct RecipeExpansionTests {
  static let yaml = """
    title: Vem misstänks för våld?
    suppress: 4
    data:
      suspects: /data/suspects.csv
      population: /data/population.csv
      suspicions: /data/suspicions.csv
      persons: /data/persons.csv
    filter: {suspects: 'alder >= 18'}
    analyses:
      - analysis: rates
        name: rates
        title: Misstänkta för {brottstyp_label} per 100 000 invånare ({brottstyp})
        for_each: {brottstyp: [vnr_partner, vnr_barn, vnr_ovrig, vbek, sexkop]}
        rows: [kon, fodelse]
        per: 1000
        expect:
          - {cell: {kon: "1"}, measure: rate, published: 12.5, for_each: {brottstyp: vbek}}
      - analysis: tabulate
        title: '{brottstyp_label}: misstänkta efter kön'
        for_each: {brottstyp: all}
        rows: kon
      - analysis: recidivism
        title: Återfall inom ett år
        window: 365
        by: [kon]
      - analysis: logit
        title: Att vara misstänkt
        formula: misstankt ~ kon * fodelse
      - analysis: logit
        title: Upprepad brottslighet
        formula: antal_misstankar >= 2 ~ kon + aldersgrupp
        filter: 'brottstyp == "vbek"'
    """

  @Test func forEachRepeatsTheEntryWithFilterAndTitle() throws {
    let planned = try recipe(Self.yaml).plannedAnalyses()
    #expect(planned.count == 5 + 5 + 3)
    #expect(planned.map(\.number) == Array(1...13))
    let rates = planned.prefix(5)
    #expect(
      rates.map(\.title) == [
        "Misstänkta för våld mot partner eller f.d. partner per 100 000 invånare (vnr_partner)",
        "Misstänkta för våld mot barn i familjen per 100 000 invånare (vnr_barn)",
        "Misstänkta för våld mot annan närstående per 100 000 invånare (vnr_ovrig)",
        "Misstänkta för våld mot bekant per 100 000 invånare (vbek)",
        "Misstänkta för köp av sexuell tjänst per 100 000 invånare (sexkop)",
      ])
    #expect(rates.map(\.name).first == "rates-vnr-partner")
    #expect(rates[3].entryFilter == "brottstyp == \"vbek\"")
    // The published figure belongs to the vbek expansion only.
    #expect(rates.map(\.expectations.count) == [0, 0, 0, 1, 0])
    // `all` takes the codebook's codes; a label at the start keeps its capital.
    let tabulations = planned[5..<10]
    #expect(
      tabulations.map { $0.forEachValues[0].code } == [
        "vnr_partner", "vnr_barn", "vnr_ovrig", "vbek", "sexkop",
      ])
    #expect(tabulations.first?.title == "Våld mot partner eller f.d. partner: misstänkta efter kön")
    // Named entries are named by their name, others by their title.
    #expect(planned[4].stem(width: 2) == "05-rates-sexkop")
    #expect(planned[9].stem(width: 2) == "10-kop-av-sexuell-tjanst-misstankta-efter-kon")
  }

  @Test func englishLabelsWithLangEn() throws {
    let planned = try recipe(Self.yaml).plannedAnalyses(language: .en)
    #expect(
      planned[3].title
        == "Misstänkta för violence against an acquaintance per 100 000 invånare (vbek)")
  }

  @Test func unknownForEachCodeSuggests() throws {
    let r = try recipe(
      "title: T\ndata: {suspects: s.csv}\nanalyses:\n  - analysis: tabulate\n    title: x\n    rows: kon\n    for_each: {brottstyp: [vbk]}\n"
    )
    #expect(throws: RecipeError.self) { try r.plannedAnalyses() }
    do {
      _ = try r.plannedAnalyses()
    } catch {
      #expect(error.line == 7)
      #expect(error.description.contains("did you mean `vbek`?"))
    }
  }

  /// A value no row can have (outside a numeric variable's range, or not a number), a value
  /// listed twice, and more analyses than a report holds (200 000 `for_each` values ran for
  /// minutes and took 500 MB before): each is an error naming the line.
  @Test func forEachValuesAreCheckedAndTheAnalysesBounded() throws {
    func problem(_ forEach: String, section: Bool = false) -> RecipeError? {
      let entry =
        section
        ? "  - section: S\n    for_each: \(forEach)\n    analyses:\n"
          + String(repeating: "      - {analysis: tabulate, title: x, rows: kon}\n", count: 3)
        : "  - analysis: tabulate\n    title: x\n    rows: kon\n    for_each: \(forEach)\n"
      let text = "title: T\ndata: {suspects: s.csv}\nanalyses:\n" + entry
      do {
        _ = try recipe(text).plannedAnalyses()
        return nil
      } catch let error as RecipeError {
        return error
      } catch {
        Issue.record("\(error)")
        return nil
      }
    }
    #expect(problem("{alder: [30, 120]}") == nil)
    let above = try #require(problem("{alder: [30, 500]}"))
    #expect(above.line == 7 && above.description.contains("`500` is above the largest valid"))
    #expect(problem("{alder: [-1]}")?.description.contains("below the smallest valid") == true)
    #expect(problem("{alder: [3.5]}")?.description.contains("not a whole number") == true)
    #expect(problem("{alder: [tjugo]}")?.description.contains("not a whole number") == true)
    #expect(problem("{alder: [30, 30]}")?.description.contains("listed twice") == true)
    // 121 ages × 2 × 5 × 7 levels: more than a report holds, refused before they are built.
    let ages = (0...120).map(String.init).joined(separator: ", ")
    let many = "{alder: [\(ages)], kon: all, brottstyp: all, utbildning: all}"
    let started = Date()
    let tooMany = try #require(problem(many))
    #expect(tooMany.description.contains("more than \(Recipe.maximumAnalyses) combinations"))
    #expect(Date().timeIntervalSince(started) < 5)
    // A section of three entries over 121 × 2 × 5 combinations (3 630 analyses).
    let section = try #require(
      problem("{alder: [\(ages)], kon: all, brottstyp: all}", section: true))
    #expect(section.description.contains("more than \(Recipe.maximumAnalyses) analyses"))
  }

  @Test func ratesJobGetsDataPopulationFilterAndDefaults() throws {
    let r = try recipe(Self.yaml)
    let planned = try r.plannedAnalyses()
    let job = try #require(try planned[3].makeJob(recipe: r, language: .sv) as? TabulationRequest)
    #expect(job.data.path == "/data/suspects.csv")
    #expect(job.population?.path == "/data/population.csv")
    #expect(job.rows == ["kon", "fodelse"])
    #expect(job.filter == "alder >= 18 && brottstyp == \"vbek\"")
    #expect(job.suppress == 4)
    #expect(job.per == 1000)
    #expect(job.title == planned[3].title)
    #expect(job.language == .sv)
    // A plain tabulation gets no population, and a single row variable is a list of one.
    let tabulation = try #require(
      try planned[5].makeJob(recipe: r, language: .en) as? TabulationRequest)
    #expect(tabulation.population == nil)
    #expect(tabulation.rows == ["kon"])
    #expect(tabulation.language == .en)
  }

  @Test func recidivismAndLogitJobs() throws {
    let r = try recipe(Self.yaml)
    let planned = try r.plannedAnalyses()
    let recidivism = try #require(
      try planned[10].makeJob(recipe: r, language: .sv) as? RecidivismRequest)
    #expect(recidivism.windowDays == 365)
    #expect(recidivism.suspicions.path == "/data/suspicions.csv")
    #expect(recidivism.persons?.path == "/data/persons.csv")
    #expect(recidivism.filter == nil)
    let grouped = try #require(try planned[11].makeJob(recipe: r, language: .sv) as? LogitRequest)
    #expect(grouped.population?.path == "/data/population.csv")
    #expect(grouped.filter == "alder >= 18")
    let repeated = try #require(try planned[12].makeJob(recipe: r, language: .sv) as? LogitRequest)
    #expect(repeated.population == nil)
    #expect(repeated.formula == "antal_misstankar >= 2 ~ kon + aldersgrupp")
    #expect(repeated.filter == "alder >= 18 && brottstyp == \"vbek\"")
  }

  @Test func aValueOfTheWrongTypeNamesItsLine() throws {
    let r = try recipe(
      "title: T\ndata: {suspicions: s.csv}\nanalyses:\n  - analysis: recidivism\n    title: x\n    window: ett år\n"
    )
    let planned = try r.plannedAnalyses()
    do {
      _ = try planned[0].makeJob(recipe: r, language: .sv)
      Issue.record("expected an error")
    } catch {
      #expect(error.line == 6)
      #expect(error.description.contains("`window`"))
    }
  }

  /// A word that is not one of an option's values is answered with the words that are.
  @Test func aWordOutsideAnOptionsValuesListsTheValues() throws {
    let r = try recipe(
      "title: T\ndata: {suspects: s.csv, population: p.csv}\nanalyses:\n  - analysis: maihda\n    title: x\n    strata: [kon]\n    family: gamma\n"
    )
    let planned = try r.plannedAnalyses()
    do {
      _ = try planned[0].makeJob(recipe: r, language: .sv)
      Issue.record("expected an error")
    } catch {
      #expect(error.line == 7)
      #expect(
        error.description.contains(
          "`family`: `gamma` is not a value this option takes; use `binomial`, `poisson` or `gaussian`"
        ), "\(error.description)")
    }
  }

  @Test func ratesWithoutAPopulationIsAnError() throws {
    let r = try recipe(
      "title: T\ndata: {suspects: s.csv}\nanalyses:\n  - {analysis: rates, title: x, rows: kon}\n")
    let planned = try r.plannedAnalyses()
    #expect(throws: RecipeError.self) { try planned[0].makeJob(recipe: r, language: .sv) }
  }

  @Test func sectionsRepeatTheirAnalysesTogetherPerValue() throws {
    let r = try recipe(
      """
      title: T
      data: {suspects: s.csv, population: p.csv}
      analyses:
        - {analysis: tabulate, title: Alla misstänkta, rows: kon}
        - section: "{brottstyp_label}"
          for_each: {brottstyp: [vnr_partner, vbek]}
          filter: 'alder >= 18'
          analyses:
            - {analysis: rates, title: "Misstänkta för {brottstyp_label} efter kön", rows: kon}
            - analysis: rates
              title: "Misstänkta för {brottstyp_label} efter kön och {fodelse}"
              for_each: {fodelse: [inrikes, utrikes]}
              rows: [kon]
        - {analysis: tabulate, title: Efter ålder, rows: aldersgrupp}
      """)
    let planned = try r.plannedAnalyses()
    #expect(
      planned.map(\.title) == [
        "Alla misstänkta",
        "Misstänkta för våld mot partner eller f.d. partner efter kön",
        "Misstänkta för våld mot partner eller f.d. partner efter kön och inrikes",
        "Misstänkta för våld mot partner eller f.d. partner efter kön och utrikes",
        "Misstänkta för våld mot bekant efter kön",
        "Misstänkta för våld mot bekant efter kön och inrikes",
        "Misstänkta för våld mot bekant efter kön och utrikes",
        "Efter ålder",
      ])
    #expect(
      planned.map(\.sectionTitle) == [nil]
        + Array(repeating: "Våld mot partner eller f.d. partner", count: 3)
        + Array(repeating: "Våld mot bekant", count: 3) + [nil])
    #expect(
      planned[6].entryFilter == "alder >= 18 && brottstyp == \"vbek\" && fodelse == \"utrikes\"")
    #expect(ReportRunner.matches("vald-mot-bekant", planned[4]))
    #expect(!ReportRunner.matches("vald-mot-bekant", planned[1]))
    #expect(
      recipeError(
        "title: T\ndata: {suspects: s.csv}\nanalyses:\n  - {section: x, analyses: [], colour: red}\n"
      )?.line == 4)
  }

  @Test func onlyForAndExceptForSelectForEachValues() throws {
    let r = try recipe(
      """
      title: T
      data: {suspects: s.csv, population: p.csv}
      filter: {population: 'alder >= 18'}
      analyses:
        - section: "{brottstyp_label}"
          for_each: {brottstyp: [vbek, sexkop]}
          analyses:
            - {analysis: logit, name: logit, title: "{brottstyp}", formula: misstankt ~ kon, except_for: {brottstyp: sexkop}}
            - {analysis: logit, name: logit, title: "{brottstyp} män", formula: misstankt ~ fodelse, filter: kon == 1, only_for: {brottstyp: [sexkop]}}
      """)
    let planned = try r.plannedAnalyses()
    #expect(planned.map(\.title) == ["vbek", "sexkop män"])
    #expect(planned.map(\.name) == ["vbek-logit", "sexkop-logit"])
    #expect(planned.map(\.number) == [1, 2])
    #expect(planned[1].stem(width: 2) == "02-sexkop-logit")
    // The population is filtered by the recipe's population filter and the entry's filter,
    // never by the for_each value (an offence type).
    #expect(planned[0].populationFilter(in: r, population: "population") == "alder >= 18")
    #expect(
      planned[1].populationFilter(in: r, population: "population") == "alder >= 18 && kon == 1")
    #expect(planned[1].filter(in: r) == "kon == 1 && brottstyp == \"sexkop\"")
  }

  @Test func filtersWithOrAreParenthesised() {
    #expect(
      PlannedAnalysis.conjunction(["a == 1 || b == 2", "c == 3"]) == "(a == 1 || b == 2) && c == 3")
    #expect(PlannedAnalysis.conjunction(["  ", "c == 3"]) == "c == 3")
    #expect(PlannedAnalysis.conjunction([]) == nil)
  }

  @Test func slugs() {
    #expect(
      Slug.make("Misstänkta för våld mot bekant per 100\u{00A0}000")
        == "misstankta-for-vald-mot-bekant-per-100-000")
    #expect(Slug.make("Återfall: 1 år (%)") == "aterfall-1-ar")
    #expect(Slug.make("???") == "analys")
    #expect(Slug.make(String(repeating: "abc ", count: 40)).count <= Slug.maximumLength)
  }
}
