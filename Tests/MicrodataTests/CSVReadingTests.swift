import Foundation
import Microdata
import StatsTestSupport
import Testing

/// Reading delimited files: dialects, encodings, quoting, line ends, compression.
@Suite struct CSVReadingTests {
  @Test func readsThePersonsFileThroughTheCanonicalCodebook() throws {
    let data = try Dataset.load(contentsOf: fixture("Fixtures/persons.csv"), codebook: .canonical)
    #expect(data.rowCount == 6)
    #expect(
      data.variableNames == ["lopnr", "ar", "kon", "alder", "utbildning", "fodelseland", "kommun"])
    #expect(data.kind(of: "lopnr") == .id)
    #expect(data.kind(of: "kon") == .categorical)
    #expect(data.kind(of: "alder") == .integer)
    #expect(try data.numeric("alder") == [34, 14, 17, 65, 99, 18])
    let kommun = try data.factor("kommun")
    #expect(kommun.levels.count == 26)
    #expect(
      kommun.codes.map { kommun.levels[Int($0)].code } == [
        "0180", "0180", "0114", "0192", "0127", "0160",
      ])
    #expect(kommun.levels[0].sv == "Upplands Väsby")
    // `US`, empty and `..` are missing.
    #expect(try data.factor("utbildning").codes == [3, Factor.missing, 1, Factor.missing, 6, 4])
    #expect(try data.factor("fodelseland").codes[4] == Factor.missing)
    #expect(try data.strings("lopnr").first == "1000001")
    #expect(data.loadReport.rowsRead == 6)
    #expect(data.loadReport.encoding == .utf8)
    #expect(data.loadReport.delimiter == ";")
    #expect(data.loadReport.undeclaredColumns.isEmpty)
    #expect(
      data.loadReport.absentVariables == [
        "brottstyp", "antal_misstankar", "datum", "brottskod", "malsagande_kon", "malsagande_barn",
        "relation", "antal",
      ])
  }

  @Test(arguments: ["latin1.csv", "windows1252.csv"])
  func decodesSingleByteEncodings(file: String) throws {
    let data = try Dataset.load(contentsOf: fixture("Fixtures/\(file)"), codebook: .canonical)
    #expect(data.loadReport.encoding == .windows1252)
    // `kön` and `ålder` are aliases of kon and alder in the canonical codebook.
    #expect(data.variableNames == ["lopnr", "kon", "alder", "kommunnamn", "kommentar"])
    #expect(try data.numeric("alder") == [34, 51])
    let names = try data.strings("kommunnamn")
    let comments = try data.strings("kommentar")
    if file == "latin1.csv" {
      #expect(names == ["Österåker", "Järfälla"])
      #expect(comments == ["Ärende på väg", "Öppen, ändrad"])
    } else {
      #expect(names == ["Täby", "Södertälje"])
      #expect(comments == ["Kostnad 5 € – “citat”", "Åsa säger ‘hej’"])
    }
    #expect(data.loadReport.undeclaredColumns == ["kommunnamn", "kommentar"])
  }

  @Test func encodingCanBeForced() throws {
    let latin = try Dataset.load(
      contentsOf: fixture("Fixtures/latin1.csv"), codebook: .canonical,
      options: LoadOptions(encoding: .latin1))
    #expect(latin.loadReport.encoding == .latin1)
    #expect(try latin.strings("kommunnamn") == ["Österåker", "Järfälla"])
    // Forcing UTF-8 on a Latin-1 file is an error at the first bad bytes (the header's `kön`).
    #expect {
      try Dataset.load(
        contentsOf: fixture("Fixtures/latin1.csv"), codebook: .canonical,
        options: LoadOptions(encoding: .utf8))
    } throws: { error in
      guard case .undecodableBytes(let location, let bytes, _) = error as? MicrodataError else {
        return false
      }
      return location.line == 1 && bytes == "0xF6"
    }
    #expect(TextEncoding(name: "ISO-8859-1") == .latin1)
    #expect(TextEncoding(name: "cp1252") == .windows1252)
    #expect(TextEncoding(name: "UTF-8") == .utf8)
  }

  @Test func quotedFieldsKeepDelimitersQuotesAndNewlines() throws {
    let data = try Dataset.load(contentsOf: fixture("Fixtures/quoted.csv"), codebook: .canonical)
    #expect(data.loadReport.delimiter == ",")
    #expect(data.rowCount == 3)
    #expect(
      try data.strings("kommentar") == [
        "Sa \"hej\", sen gick han", "Två rader:\nandra raden", "enkel",
      ])
    #expect(try data.strings("brottskod") == ["0930", "0931", "0932"])
    // The record after the two-line field starts on line 5.
    #expect((0..<3).map { data.sourceLine(ofRow: $0) } == [2, 3, 5])
    #expect(try data.factor("kon").codes == [0, 1, 0])
  }

  @Test(arguments: ["crlf.csv", "bom.csv", "trailing_blank_lines.csv"])
  func lineEndsByteOrderMarkAndBlankLines(file: String) throws {
    let data = try Dataset.load(contentsOf: fixture("Fixtures/\(file)"), codebook: .canonical)
    #expect(data.variableNames == ["lopnr", "kon", "alder"])
    #expect(data.loadReport.byteOrderMark == (file == "bom.csv"))
    if file == "crlf.csv" {
      #expect(try data.numeric("alder") == [20, 30, 40])
      #expect(try data.strings("lopnr") == ["1", "2", "3"])
    } else {
      #expect(data.rowCount == 2)
      #expect(try data.numeric("alder") == [20, 30])
    }
  }

  @Test(arguments: [("tab.tsv", "\\t"), ("comma.csv", ",")])
  func detectsTabAndCommaDelimiters(file: String, delimiter: String) throws {
    let data = try Dataset.load(contentsOf: fixture("Fixtures/\(file)"), codebook: .canonical)
    #expect(data.loadReport.delimiter == delimiter)
    #expect(try data.factor("brottstyp").codes == [3, 4])
    #expect(try data.numeric("alder") == [20, 30])
  }

  @Test func delimiterCanBeForced() throws {
    // Forcing `;` on a comma file leaves one column holding whole lines.
    let data = try Dataset.load(
      contentsOf: fixture("Fixtures/comma.csv"), codebook: .canonical,
      options: LoadOptions(delimiter: ";"))
    #expect(data.variableNames == ["lopnr,kon,alder,brottstyp"])
    #expect(throws: MicrodataError.self) {
      try Dataset.load(
        contentsOf: fixture("Fixtures/comma.csv"), codebook: .canonical,
        options: LoadOptions(delimiter: "\""))
    }
  }

  @Test func decimalCommaIsADecimalSeparator() throws {
    let data = try Dataset.load(
      contentsOf: fixture("Fixtures/decimal_comma.csv"), codebook: .canonical)
    #expect(data.kind(of: "vikt") == .decimal)
    let vikt = try data.numeric("vikt")
    #expect(vikt[0] == 3.5 && vikt[1] == 12 && vikt[2].isNaN)
    #expect(try data.numeric("andel") == [0.25, 1.0, 0.25])
    let yaml = """
      variables:
        vikt: {type: decimal, range: {min: 0, max: 100}}
      """
    let declared = try Dataset.load(
      contentsOf: fixture("Fixtures/decimal_comma.csv"), codebook: try Codebook(yaml: yaml))
    #expect(declared.kind(of: "vikt") == .decimal)
    #expect(try declared.numeric("vikt")[0] == 3.5)
  }

  @Test func readsGzipCompressedFiles() throws {
    let plain = try Dataset.load(contentsOf: fixture("Fixtures/persons.csv"), codebook: .canonical)
    let compressed = try Dataset.load(
      contentsOf: fixture("Fixtures/persons.csv.gz"), codebook: .canonical)
    #expect(compressed.loadReport.compressed)
    #expect(compressed.rowCount == plain.rowCount)
    for name in plain.variableNames { #expect(try compressed.strings(name) == plain.strings(name)) }
    var chunks: [Dataset] = []
    try DatasetReader(contentsOf: fixture("Fixtures/persons.csv.gz"), codebook: .canonical)
      .forEachChunk(rowsPerChunk: 4) { chunks.append($0) }
    #expect(chunks.map(\.rowCount) == [4, 2])
  }

  @Test func undeclaredColumnsAreTyped() throws {
    let csv = "lopnr;misstankt;vikt;anteckning;kon\n1;0;1,5;a;1\n2;1;2;..;2\n3;;3;c;1\n"
    let data = try Dataset(csv: csv)
    #expect(data.kind(of: "misstankt") == .integer)
    #expect(data.kind(of: "vikt") == .decimal)
    #expect(data.kind(of: "anteckning") == .text)
    #expect(try data.numeric("misstankt").map { $0.isNaN ? -1 : $0 } == [0, 1, -1])
    #expect(try data.strings("anteckning") == ["a", nil, "c"])
    #expect(data.loadReport.undeclaredColumns == ["misstankt", "vikt", "anteckning"])
  }

  @Test func datesAreDayNumbers() throws {
    let data = try Dataset.load(
      contentsOf: fixture("Fixtures/suspicions.csv"), codebook: .canonicalWithoutCodeLists)
    let dates = try data.dates("datum")
    #expect(dates.map { $0?.description } == ["2017-03-01", "2018-01-15", "2017-07-04", nil])
    #expect(CalendarDay(year: 1970, month: 1, day: 1)?.daysSince1970 == 0)
    #expect(CalendarDay(year: 2000, month: 3, day: 1)?.daysSince1970 == 11_017)
    #expect(CalendarDay("2016-02-29") != nil && CalendarDay("2017-02-29") == nil)
    #expect(try data.strings("brottskod") == ["0930", "0930", "9301", "0931"])
  }

  @Test func numericCodesMatchWithoutLeadingZeros() throws {
    // Excel and SAS drop leading zeros: `180` is the kommun `0180`, `01` is kon `1`.
    let data = try Dataset(csv: "kommun;kon\n180;01\n0114;2\n")
    let kommun = try data.factor("kommun")
    #expect(kommun.codes.map { kommun.levels[Int($0)].code } == ["0180", "0114"])
    #expect(try data.factor("kon").codes == [0, 1])
  }

  @Test func identifiersThatAreNotAllNumbersAreText() throws {
    let data = try Dataset(csv: "lopnr;kon\n1000001;1\nA-17;2\n0012;1\n;2\n")
    #expect(try data.strings("lopnr") == ["1000001", "A-17", "0012", nil])
    let keys = try data.keys("lopnr")
    #expect(keys.key(at: 0) == KeyColumn.Key(1_000_001))
    #expect(keys.key(at: 2) == KeyColumn.Key("0012"))
    #expect(keys.key(at: 3) == nil)
  }

  @Test func readsOnlyTheVariablesAskedFor() throws {
    let data = try Dataset.load(
      contentsOf: fixture("Fixtures/persons.csv"), codebook: .canonical,
      options: LoadOptions(variables: ["kon", "aldersgrupp"]))
    #expect(data.variableNames == ["kon", "alder"])
    #expect(try data.factor("aldersgrupp").count == 6)
  }
}

/// Storage details that analyses rely on.
@Suite struct ColumnStorageTests {
  @Test func integersWidenToInt64WhenNeeded() throws {
    // `belopp` is undeclared (typed from its values), `antal_misstankar` declared integer.
    let data = try Dataset(
      csv: "belopp;antal_misstankar\n3000000000;1\n-2147483648;5000000000\n5;\n")
    #expect(try data.numeric("belopp") == [3_000_000_000, -2_147_483_648, 5])
    #expect(try data.strings("belopp") == ["3000000000", "-2147483648", "5"])
    #expect(
      try data.numeric("antal_misstankar").map { $0.isNaN ? -1 : $0 } == [1, 5_000_000_000, -1])
    #expect(try data.factor("belopp").levels.map(\.code) == ["-2147483648", "5", "3000000000"])
  }

  @Test func integerWithZeroFractionIsAnInteger() throws {
    let data = try Dataset(csv: "antal\n12.0\n7,00\n")
    #expect(try data.numeric("antal") == [12, 7])
    #expect(throws: MicrodataError.self) { try Dataset(csv: "antal\n12.5\n") }
  }

  @Test func valuesAndKindsOfEveryType() throws {
    let data = try Dataset.load(
      contentsOf: fixture("Fixtures/suspicions.csv"), codebook: .canonicalWithoutCodeLists)
    #expect(try data.value("datum", row: 2) == "2017-07-04")
    #expect(try data.value("brottstyp", row: 0) == "vnr_partner")
    #expect(data.kind(of: "datum") == .date && data.kind(of: "brottskod") == .text)
    #expect(data.kind(of: "nonexistent") == nil)
    #expect(
      throws: MicrodataError.wrongVariableKind(
        name: "datum", kind: .date, expected: "a numeric variable")
    ) {
      try data.numeric("datum")
    }
    #expect(throws: MicrodataError.self) { try data.dates("brottskod") }
    #expect(try data.missingMask("datum") == [false, false, false, true])
    #expect(throws: MicrodataError.self) { try data.numeric("brottstyp") }
  }

  @Test func numericOfCategoricalCodesAndGroupingErrors() throws {
    let data = try Dataset(csv: "utbildning;alder\n1;20\n7;30\n;40\n")
    #expect(try data.numeric("utbildning").map { $0.isNaN ? -1 : $0 } == [1, 7, -1])
    #expect(
      throws: MicrodataError.wrongVariableKind(
        name: "aldersgrupp", kind: .categorical, expected: "a numeric variable")
    ) {
      try data.numeric("aldersgrupp")
    }
    #expect(
      data.hasVariable("aldersgrupp") && data.hasVariable("utbildningsniva")
        && !data.hasVariable("fodelse"))
    #expect(data.groupingNames == ["aldersgrupp", "aldersgrupp3", "utbildningsniva"])
    #expect(throws: MicrodataError.unknownVariable(name: "alde", suggestions: ["alder"])) {
      try data.factor("alde")
    }
  }

  @Test func loadReportEncodesAsJSON() throws {
    let data = try Dataset(csv: "kon;alder\n1;20\n3;30\n", options: LoadOptions(errorPolicy: .skip))
    let json = String(decoding: try JSONEncoder().encode(data.loadReport), as: UTF8.self)
    #expect(json.contains("\"first_line\":3"))
    #expect(json.contains("\"kind\":\"unknownCode\""))
    #expect(
      DataLocation(file: "a.csv", line: 3, column: "kon").description
        == "a.csv, line 3, column `kon`")
  }
}

/// Header quirks of real exports: a trailing delimiter, repeated and empty column names.
@Suite struct HeaderTests {
  @Test func trailingDelimiterOnEveryLine() throws {
    let data = try Dataset(csv: "lopnr;kon;\n1;1;\n2;2;\n")
    #expect(data.variableNames == ["lopnr", "kon"])
    #expect(try data.factor("kon").codes == [0, 1])
    #expect(throws: MicrodataError.self) { try Dataset(csv: "lopnr;kon;\n1;1;x\n") }
  }

  @Test func emptyNamesAreNumbered() throws {
    let data = try Dataset(csv: "lopnr;kon;;alder\n1;1;x;20\n")
    #expect(data.variableNames == ["lopnr", "kon", "column3", "alder"])
    #expect(data.loadReport.undeclaredColumns == ["column3"])
  }

  /// A repeated name (issue #12: the second used to become `kon.2` silently) is an error naming
  /// line 1 and both columns, whatever the case of the letters.
  @Test func repeatedNameIsAnError() throws {
    let expected = MicrodataError.duplicateHeaderName(
      file: "data", name: "KON", first: 2, second: 3)
    #expect(throws: expected) { try Dataset(csv: "lopnr;kon;KON;alder\n1;1;2;20\n") }
    let error = MicrodataError.duplicateHeaderName(file: "x.csv", name: "kon", first: 2, second: 5)
    #expect(error.description.contains("x.csv, line 1: columns 2 and 5 are both named `kon`"))
  }

  @Test func aliasesMatchCaseInsensitivelyAndQuotedHeaders() throws {
    let data = try Dataset(csv: "\"LOPNR\",\"Kön\",\"Ålder\"\n1,2,30\n")
    #expect(data.variableNames == ["lopnr", "kon", "alder"])
    #expect(data.loadReport.columns.map(\.column) == ["LOPNR", "Kön", "Ålder"])
    #expect(data.hasVariable("Kön") && data.hasVariable("kon"))
  }
}

@Suite struct DelimiterNameTests {
  @Test(
    arguments: [
      (";", ";"), ("semicolon", ";"), (",", ","), ("tab", "\t"), ("\\t", "\t"), ("\t", "\t"),
      ("|", "|"), ("pipe", "|"),
    ] as [(String, Character)])
  func namedDelimiters(name: String, delimiter: Character) {
    #expect(LoadOptions.delimiter(named: name) == delimiter)
  }

  @Test func unknownDelimiterNames() {
    #expect(LoadOptions.delimiter(named: "semi") == nil)
    #expect(LoadOptions.delimiter(named: "\"") == nil)
    #expect(LoadOptions.delimiter(named: "ö") == nil)
  }
}
