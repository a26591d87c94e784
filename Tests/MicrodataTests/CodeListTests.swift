import Foundation
import Microdata
import Testing

/// Code lists by period (`code_lists:`): what a `brottskod` means for the offence category, the
/// injured party and the relation, checked against explicit columns.
@Suite struct CodeListTests {
  let explicit = """
    lopnr;datum;brottskod;brottstyp;malsagande_kon;malsagande_barn;relation
    1;2016-03-01;0375;vnr_partner;2;0;partner
    2;2016-05-02;0386;vnr_partner;1;0;partner
    2;2017-01-09;0375;vnr_partner;2;0;partner
    3;2017-06-30;0395;vnr_ovrig;1;0;
    3;2018-02-01;0413;vnr_ovrig;1;0;syskon
    4;2018-04-01;0391;vnr_barn;1;1;barn
    5;2017-12-31;0425;vbek;1;0;obekant
    6;2016-07-07;0664;sexkop;;;

    """

  /// The same suspicions with only `lopnr`, `datum` and `brottskod`.
  var codesOnly: String {
    explicit.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.split(separator: ";", omittingEmptySubsequences: false).prefix(3).joined(separator: ";")
    }.joined(separator: "\n")
  }

  @Test func theCanonicalCodebookCarriesTwoPeriods() throws {
    let list = try #require(Codebook.canonical.codeLists.first)
    #expect(list.variable == "brottskod" && list.dateVariable == "datum")
    #expect(list.periods.count == 2)
    #expect(
      list.derivedVariables == ["brottstyp", "malsagande_kon", "malsagande_barn", "relation"])
    let day2017 = try #require(CalendarDay("2017-12-31"))
    let day2018 = try #require(CalendarDay("2018-01-01"))
    #expect(list.entry(for: "0379", on: day2017)?.value(of: "relation") == nil)
    #expect(list.entry(for: "0379", on: day2018) == nil)
    #expect(list.entry(for: "0410", on: day2018)?.value(of: "relation") == "foralder")
    #expect(list.entry(for: "0386", on: day2018)?.value(of: "malsagande_kon") == "1")
    #expect(list.entry(for: "0664", on: day2017)?.value(of: "malsagande_kon") == nil)
  }

  @Test func theListsCodesAreInEveryPeriodBeforeThePeriodsOwn() throws {
    let yaml = """
      variables:
        datum: {type: date}
        brottskod: {type: text}
        brottstyp: {type: categorical, codes: {vbek: Våld mot bekant, sexkop: Sexköp}}
      code_lists:
        brottskod:
          date: datum
          codes:
            "1": {brottstyp: vbek, sv: Misshandel, en: Assault}
          periods:
            - to: 2017-12-31
              codes:
                "2": {brottstyp: sexkop}
            - from: 2018-01-01
      """
    let list = try #require(try Codebook(yaml: yaml, source: "shared.yaml").codeLists.first)
    #expect(list.periods.map { $0.codes.map(\.code) } == [["1", "2"], ["1"]])
    let day2017 = try #require(CalendarDay("2017-01-01"))
    let day2018 = try #require(CalendarDay("2018-01-01"))
    #expect(list.entry(for: "1", on: day2017)?.label.en == "Assault")
    #expect(list.entry(for: "1", on: day2018)?.value(of: "brottstyp") == "vbek")
    #expect(list.entry(for: "2", on: day2018) == nil)
    // The canonical list writes the codes its two periods share once.
    let canonical = try #require(Codebook.canonical.codeLists.first)
    let shared = Set(canonical.periods[0].codes).intersection(canonical.periods[1].codes)
    #expect(shared.count == 30)
    #expect(canonical.periods.allSatisfy { Array($0.codes.prefix(30)).allSatisfy(shared.contains) })
  }

  @Test func codesAloneGiveTheExplicitColumns() throws {
    let full = try Dataset(csv: explicit, source: "full.csv")
    let codes = try Dataset(csv: codesOnly, source: "codes.csv")
    for name in ["brottstyp", "malsagande_kon", "malsagande_barn", "relation"] {
      #expect(try full.factor(name) == codes.factor(name), "\(name)")
    }
    #expect(
      try codes.strings("malsagande_kon") == ["2", "1", "2", "1", "1", "1", "1", nil])
    #expect(
      try codes.strings("relation") == [
        "partner", "partner", "partner", nil, "syskon", "barn", "obekant", nil,
      ])
    #expect(try codes.strings("malsagande_barn") == ["0", "0", "0", "0", "0", "1", "0", nil])
  }

  @Test func aCodeInNoListForItsDateIsAnErrorNamingFileLineAndCode() throws {
    // 0379 is a code of the first period only; 9999 of none.
    let wrongPeriod = "lopnr;datum;brottskod\n1;2017-05-01;0379\n2;2018-05-01;0379\n"
    #expect(
      throws: MicrodataError.codeNotInList(
        DataLocation(file: "s.csv", line: 3, column: "brottskod"), variable: "brottskod",
        code: "0379", date: "2018-05-01")
    ) {
      try Dataset(csv: wrongPeriod, source: "s.csv")
    }
    let unknown = "lopnr;datum;brottskod\n1;2017-05-01;0375\n\n2;2016-01-02;9999\n"
    do {
      _ = try Dataset(csv: unknown, source: "s.csv")
      Issue.record("an unknown code was accepted")
    } catch {
      #expect(error.location?.line == 4)
      #expect(error.description.contains("s.csv, line 4"))
      #expect(error.description.contains("9999"))
    }
  }

  @Test func aContradictingColumnIsAnErrorNamingLineAndBothValues() throws {
    let text = "lopnr;datum;brottskod;malsagande_kon\n1;2016-03-01;0375;2\n2;2016-03-01;0375;1\n"
    do {
      _ = try Dataset(csv: text, source: "s.csv")
      Issue.record("a contradiction was accepted")
    } catch {
      #expect(
        error
          == .contradictingCode(
            DataLocation(file: "s.csv", line: 3, column: "malsagande_kon"),
            variable: "malsagande_kon", value: "1", codeVariable: "brottskod", code: "0375",
            expected: "2"))
      #expect(error.description.contains("s.csv, line 3"))
      #expect(error.description.contains("`1`") && error.description.contains("`2`"))
    }
    let offence = "lopnr;datum;brottskod;brottstyp\n1;2016-03-01;0375;vbek\n"
    #expect(throws: MicrodataError.self) { try Dataset(csv: offence, source: "s.csv") }
  }

  @Test func aMissingExplicitValueIsFilledFromTheCodeAndAnUnknownRelationKept() throws {
    let text =
      "lopnr;datum;brottskod;malsagande_kon;relation\n1;2016-03-01;0386;;\n2;2017-02-02;0379;2;syskon\n"
    let data = try Dataset(csv: text, source: "s.csv")
    #expect(try data.strings("malsagande_kon") == ["1", "2"])
    // The first period's code for another relative does not say which: the file's value stands.
    #expect(try data.strings("relation") == ["partner", "syskon"])
  }

  @Test func readingChunkByChunkAppliesTheListToo() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "codelist-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try codesOnly.write(to: url, atomically: true, encoding: .utf8)
    var sexes: [String?] = []
    try DatasetReader(contentsOf: url, codebook: .canonical).forEachChunk(rowsPerChunk: 3) {
      chunk in
      sexes += try chunk.strings("malsagande_kon")
    }
    #expect(sexes == ["2", "1", "2", "1", "1", "1", "1", nil])
    try (codesOnly + "7;2018-01-01;0379\n").write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: MicrodataError.self) {
      try DatasetReader(contentsOf: url, codebook: .canonical).forEachChunk(rowsPerChunk: 3) { _ in
      }
    }
  }

  @Test func aFileWithoutDatesIsReadWithoutTheList() throws {
    let data = try Dataset(csv: "lopnr;brottskod\n1;0930\n", source: "s.csv")
    #expect(!data.variableNames.contains("malsagande_kon"))
  }

  @Test func parrelationComparesTheSuspectsSexWithTheInjuredPartysForPartnerViolence() throws {
    let text = """
      lopnr;kon;datum;brottskod
      1;2;2016-03-01;0375
      2;1;2016-03-01;0375
      3;1;2016-03-01;0386
      4;;2016-03-01;0386
      5;1;2016-03-01;0383

      """
    let data = try Dataset(csv: text, source: "s.csv")
    let factor = try data.factor("parrelation")
    #expect(factor.levels.map(\.code) == ["olikkonad", "samkonad"])
    #expect(factor.codes == [1, 0, 1, Factor.missing, Factor.outside])
    #expect(data.groupingNames.contains("parrelation"))
    let noSex = try Dataset(csv: "lopnr;datum;brottskod\n1;2016-03-01;0375\n")
    #expect(!noSex.hasVariable("parrelation"))
    #expect(throws: MicrodataError.self) { try noSex.factor("parrelation") }
  }

  @Test(arguments: [
    (
      "code_lists: {brottskod: {date: datum, periods: [{to: 2017-12-31, codes: {\"1\": {brottstyp: vbek}}}, {from: 2017-06-01, codes: {}}]}}",
      "overlap"
    ),
    (
      "code_lists: {brottskod: {date: datum, periods: [{codes: {\"1\": {brottstyyp: vbek}}}]}}",
      "not a declared variable"
    ),
    (
      "code_lists: {brottskod: {date: datum, periods: [{codes: {\"1\": {brottstyp: vxx}}}]}}",
      "not a code of `brottstyp`"
    ),
    (
      "code_lists: {brottskod: {date: kon, periods: [{codes: {}}]}}", "not a declared date variable"
    ),
    (
      "code_lists: {brottskod: {date: datum, periods: [{from: 2018-13-01, codes: {}}]}}",
      "not a date"
    ),
    (
      "code_lists: {brottskod: {date: datum, periods: [{codes: {\"1\": {brottstyp: vbek}, \"1\": {brottstyp: vbek}}}]}}",
      "duplicated"
    ),
    (
      "code_lists: {brottskod: {date: datum, codes: {\"1\": {brottstyp: vbek}}, periods: [{to: 2017-12-31}, {from: 2018-01-01, codes: {\"1\": {brottstyp: vbek}}}]}}",
      "is in the list's `codes:` for every period and again in a period"
    ),
    (
      "code_lists: {brottskod: {date: datum, codes: [\"1\"], periods: [{codes: {}}]}}",
      "must be a mapping of codes to meanings"
    ),
    ("code_lists: {brottskod: {date: datum, periods: [{to: 2017-12-31}]}}", "needs `codes:`"),
  ])
  func badCodeListsAreCodebookErrors(list: String, message: String) throws {
    let variables = """
      variables:
        kon: {type: categorical, codes: {"1": Man, "2": Kvinna}}
        datum: {type: date}
        brottskod: {type: text}
        brottstyp: {type: categorical, codes: {vbek: Våld mot bekant}}
      """
    do {
      _ = try Codebook(yaml: variables + "\n" + list, source: "bad.yaml")
      Issue.record("accepted: \(list)")
    } catch {
      guard case .invalidCodebook(let file, _, let text) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(file == "bad.yaml")
      #expect(text.contains(message), "\(text)")
    }
  }
}
