import Foundation
import Microdata
import StatsTestSupport
import Testing

/// The codebook format, the canonical codebook and its groupings (the codes of data-format.md).
@Suite struct CodebookTests {
  let canonical = Codebook.canonical

  @Test func canonicalCodebookDeclaresEveryVariableOfTheContract() throws {
    #expect(
      canonical.variables.map(\.name) == [
        "lopnr", "ar", "kon", "alder", "utbildning", "fodelseland", "brottstyp", "antal_misstankar",
        "datum", "brottskod", "malsagande_kon", "malsagande_barn", "relation", "antal", "kommun",
      ])
    let kinds = Dictionary(uniqueKeysWithValues: canonical.variables.map { ($0.name, $0.kind) })
    #expect(kinds["lopnr"] == .id && kinds["datum"] == .date && kinds["brottskod"] == .text)
    #expect(
      kinds["alder"] == .integer && kinds["antal"] == .integer && kinds["kommun"] == .categorical)
    let alder = try #require(canonical.variable(named: "alder"))
    #expect(alder.minimum == 0 && alder.maximum == 120)
    #expect(canonical.variable(named: "antal_misstankar")?.minimum == 1)
    #expect(canonical.variable(named: "antal")?.minimum == 0)
    #expect(
      canonical.variable(named: "utbildning")?.codes.map(\.code) == [
        "1", "2", "3", "4", "5", "6", "7",
      ])
    #expect(
      canonical.variable(named: "utbildning")?.codes[6].label
        == Label(sv: "Forskarutbildning", en: "Postgraduate education"))
    #expect(canonical.variable(named: "fodelseland")?.codes.map(\.code) == (1...9).map(String.init))
    #expect(
      canonical.variable(named: "brottstyp")?.codes.map(\.code) == [
        "vnr_partner", "vnr_barn", "vnr_ovrig", "vbek", "sexkop",
      ])
    let kommun = try #require(canonical.variable(named: "kommun"))
    #expect(kommun.codes.count == 26)
    #expect(kommun.codes.first?.code == "0114" && kommun.codes.first?.label.sv == "Upplands Väsby")
    #expect(kommun.codes.last?.code == "0192" && kommun.codes.last?.label.sv == "Nynäshamn")
    #expect(canonical.variable(named: "kon")?.columns == ["kon", "kön", "sex"])
    // 9 is a code of fodelseland, not a missing value.
    #expect(canonical.variable(named: "fodelseland")?.isMissing("9") == false)
    #expect(canonical.variable(named: "fodelseland")?.isMissing("..") == true)
    #expect(canonical.defaultMissingCodes == ["", "..", ".", "-", "US"])
  }

  @Test func groupingsHaveExactlyTheContractCodes() {
    let codes = Dictionary(
      uniqueKeysWithValues: canonical.groupings.map { ($0.name, $0.levels.map(\.code)) })
    #expect(codes["aldersgrupp"] == ["15-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"])
    #expect(codes["aldersgrupp3"] == ["15-34", "35-54", "55+"])
    #expect(codes["utbildningsniva"] == ["forgymnasial", "gymnasial", "eftergymnasial", "saknas"])
    #expect(codes["fodelse"] == ["inrikes", "utrikes"])
    #expect(codes["fodelseregion"] == ["sverige", "norden", "europa", "utanfor_europa"])
  }

  @Test func agesIntoAgeGroups() throws {
    let ages = [14, 15, 17, 18, 24, 25, 34, 35, 54, 55, 64, 65, 99, 0]
    var csv = "alder\n"
    for age in ages { csv += "\(age)\n" }
    csv += "..\n"
    let data = try Dataset(csv: csv)
    func codes(_ name: String) throws -> [String] {
      let f = try data.factor(name)
      return f.codes.map {
        $0 == Factor.outside
          ? "outside" : ($0 == Factor.missing ? "missing" : f.levels[Int($0)].code)
      }
    }
    #expect(
      try codes("aldersgrupp") == [
        "outside", "15-17", "15-17", "18-24", "18-24", "25-34", "25-34", "35-44", "45-54", "55-64",
        "55-64", "65+", "65+",
        "outside", "missing",
      ])
    #expect(
      try codes("aldersgrupp3") == [
        "outside", "15-34", "15-34", "15-34", "15-34", "15-34", "15-34", "35-54", "35-54", "55+",
        "55+", "55+", "55+",
        "outside", "missing",
      ])
  }

  @Test func missingEducationIsTheLevelSaknas() throws {
    let data = try Dataset(
      csv: "utbildning;fodelseland\n1;1\n2;2\n3;3\n4;4\n5;5\n6;6\n7;9\n;..\nUS;\n..;8\n")
    let level = try data.factor("utbildningsniva")
    #expect(
      level.codes.map { level.levels[Int($0)].code } == [
        "forgymnasial", "forgymnasial", "gymnasial", "gymnasial", "eftergymnasial",
        "eftergymnasial", "eftergymnasial",
        "saknas", "saknas", "saknas",
      ])
    #expect(level.levels[3].sv == "Uppgift saknas")
    let fodelse = try data.factor("fodelse")
    #expect(fodelse.codes == [0, 1, 1, 1, 1, 1, 1, Factor.missing, Factor.missing, 1])
    let region = try data.factor("fodelseregion")
    #expect(region.codes == [0, 1, 2, 2, 3, 3, 3, Factor.missing, Factor.missing, 3])
  }

  @Test func anotherDeliveryIsReadThroughItsOwnCodebook() throws {
    let codebook = try Codebook(contentsOf: fixture("Fixtures/other_codebook.yaml"))
    let data = try Dataset.load(
      contentsOf: fixture("Fixtures/other_delivery.csv"), codebook: codebook)
    #expect(data.variableNames == ["lopnr", "kon", "alder", "utbildning", "region"])
    #expect(data.loadReport.undeclaredColumns == ["region"])
    let kon = try data.factor("kon")
    #expect(kon.levels.map(\.code) == ["M", "K"])
    #expect(kon.codes == [0, 1, 1, 0])
    #expect(kon.levels[1].label(.en) == "Woman")
    let level = try data.factor("utbildningsniva")
    #expect(
      level.codes.map { level.levels[Int($0)].code } == [
        "gymnasial", "eftergymnasial", "saknas", "forgymnasial",
      ])
    let age = try data.factor("aldersgrupp")
    #expect(age.codes == [0, 0, 0, 1])
    #expect(try data.strings("lopnr") == ["A17", "B02", "C33", "D40"])
    // A grouping of the codebook is not there for a dataset read through another codebook.
    #expect(throws: MicrodataError.self) { try data.factor("fodelse") }
  }

  @Test func ownMissingCodesWinOverCodes() throws {
    let yaml = """
      missing: [""]
      variables:
        svar:
          type: categorical
          codes: {"1": Ja, "2": Nej, "9": Vet ej}
          missing: ["9"]
        antal_barn:
          type: integer
          missing: ["99"]
      """
    let codebook = try Codebook(yaml: yaml)
    let data = try Dataset(csv: "svar;antal_barn\n1;2\n9;99\n2;\n", codebook: codebook)
    #expect(try data.factor("svar").codes == [0, Factor.missing, 1])
    #expect(try data.numeric("antal_barn").map { $0.isNaN ? -1 : $0 } == [2, -1, -1])
    // `..` is not missing here (the codebook's default missing codes are only the empty value).
    #expect(throws: MicrodataError.self) { try Dataset(csv: "svar\n..\n", codebook: codebook) }
  }

  @Test func listFormOfCodesAndLevelsFromData() throws {
    let yaml = """
      variables:
        region:
          type: categorical
          codes:
            - {code: N, sv: Norr, en: North}
            - {code: S, sv: Söder, en: South}
        bostad:
          type: categorical
      """
    let data = try Dataset(
      csv: "region;bostad\nS;villa\nN;lägenhet\nS;\n", codebook: try Codebook(yaml: yaml))
    #expect(try data.factor("region").codes == [1, 0, 1])
    let bostad = try data.factor("bostad")
    #expect(bostad.levels.map(\.code) == ["lägenhet", "villa"])
    #expect(bostad.codes == [1, 0, Factor.missing])
  }

  @Test(arguments: [
    ("variables:\n  kon:\n    typ: categorical\n", 3, "unknown key `typ`"),
    ("variables:\n  kon:\n    type: kategorisk\n", 3, "unknown type `kategorisk`"),
    ("variables:\n  alder: {type: integer, range: {min: 10, max: 5}}\n", 2, "min > max"),
    (
      "variables:\n  kon: {type: integer, codes: {\"1\": Man}}\n", 2,
      "declare it `type: categorical`"
    ),
    (
      "variables:\n  alder: {type: integer}\ngroupings:\n  grupp:\n    from: aldre\n    levels: [{code: a, min: 1}]\n",
      4,
      "did you mean `alder`?"
    ),
    (
      "variables:\n  kon: {type: categorical, codes: {\"1\": Man}}\ngroupings:\n  g:\n    from: kon\n    levels: [{code: a, codes: [\"3\"]}]\n",
      4, "does not have"
    ),
    // Reversed and overlapping ranges and codes in a grouping (issue #12: accepted silently).
    (
      "variables:\n  alder: {type: integer}\ngroupings:\n  g:\n    from: alder\n    levels:\n      - {code: a, range: [15, 17]}\n      - {code: b, range: [24, 18]}\n",
      8, "the range of the level `b` of `g` is reversed: it starts at 24 but ends at 18"
    ),
    (
      "variables:\n  alder: {type: integer}\ngroupings:\n  g:\n    from: alder\n    levels:\n      - {code: a, range: [15, 20]}\n      - {code: b, range: [18, 24]}\n",
      8, "the range of the level `b` of `g` overlaps that of `a`"
    ),
    (
      "variables:\n  alder: {type: integer}\ngroupings:\n  g:\n    from: alder\n    levels:\n      - {code: a, range: [15, 64]}\n      - {code: b, min: 60}\n",
      8, "overlaps that of `a`"
    ),
    (
      "variables:\n  kon: {type: categorical, codes: {\"1\": Man, \"2\": Kvinna}}\ngroupings:\n  g:\n    from: kon\n    levels:\n      - {code: a, codes: [\"1\"]}\n      - {code: b, codes: [\"2\", \"1\"]}\n",
      8, "the code `1` is in both `a` and `b` of `g`"
    ),
    ("variables:\n  kon: [1, 2]\n", 2, "must be a mapping"),
    // With YAML's default resolver `1` (an int) and `"1"` (a str) are different keys, so the
    // codebook reader, not YAML's duplicate-key check, reports the code (only the embedded
    // canonical codebook is read without tag resolution).
    (
      "variables:\n  kon: {type: categorical, codes: {1: Man, \"1\": Kvinna}}\n", 2,
      "the code `1` of `kon` is declared twice"
    ),
    ("variables: {kon: {type: categorical\n", 2, "not valid YAML"),
  ])
  func invalidCodebooksNameTheLine(yaml: String, line: Int, message: String) {
    #expect {
      try Codebook(yaml: yaml, source: "bad.yaml")
    } throws: { error in
      guard case .invalidCodebook(let file, let l, let m) = error as? MicrodataError else {
        return false
      }
      return file == "bad.yaml" && l == line && m.contains(message)
    }
  }
}

/// The embedded canonical codebook is generated from `datasets/codebook.yaml`.
@Suite struct CanonicalCodebookTests {
  @Test func embeddedCodebookIsGeneratedFromTheYAMLFile() throws {
    let yamlURL = projectRoot().appendingPathComponent("datasets/codebook.yaml")
    let swiftURL = projectRoot().appendingPathComponent(
      "Sources/Microdata/Codebook/Codebook+Canonical.swift")
    let yaml = try String(contentsOf: yamlURL, encoding: .utf8)
    let swift = try String(contentsOf: swiftURL, encoding: .utf8)
    let marker = "  public static let canonicalYAML = #\"\"\"\n"
    let head = try #require(swift.range(of: marker)).upperBound
    // The YAML indented by four spaces inside a raw multi-line literal, as swift-format lays it out.
    let indented = yaml.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
    let expected = String(swift[..<head]) + indented + "\n    \"\"\"#\n}\n"
    if ProcessInfo.processInfo.environment["RECORD_CODEBOOK"] != nil {
      try expected.write(to: swiftURL, atomically: true, encoding: .utf8)
      return
    }
    #expect(
      swift == expected,
      "Codebook+Canonical.swift is stale: RECORD_CODEBOOK=1 swift test --filter CanonicalCodebookTests"
    )
    #expect(Codebook.canonicalYAML == yaml)
    #expect(try Codebook(contentsOf: yamlURL) == Codebook(yaml: yaml, source: "codebook.yaml"))
  }

  /// `Codebook.canonical` is read without YAML tag resolution (a start-up saving); it must be
  /// exactly the codebook that YAML's default resolver gives.
  @Test func canonicalCodebookReadsAsWithTheDefaultResolver() throws {
    let withDefaultResolver = try Codebook(
      yaml: Codebook.canonicalYAML, source: "codebook.yaml (canonical)")
    #expect(Codebook.canonical == withDefaultResolver)
    #expect(Codebook.canonical.variables.count == 15)
  }
}
