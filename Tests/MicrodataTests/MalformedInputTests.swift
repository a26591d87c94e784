import Foundation
import Microdata
import StatsTestSupport
import Testing

/// Each malformed file gives one exact error: its kind, file, line (header = 1) and column.
@Suite struct MalformedInputTests {
  func loadError(_ file: String, codebook: Codebook = .canonical, options: LoadOptions = .init())
    -> MicrodataError?
  {
    do {
      _ = try Dataset.load(
        contentsOf: fixture("Fixtures/malformed/\(file)"), codebook: codebook, options: options)
      return nil
    } catch {
      return error
    }
  }

  @Test func unterminatedQuote() throws {
    let error = try #require(loadError("unterminated_quote.csv"))
    #expect(
      error
        == .unterminatedQuote(
          DataLocation(file: "unterminated_quote.csv", line: 2, column: "brottskod")))
    #expect(error.description.contains("line 2, column `brottskod`"))
  }

  @Test func wrongColumnCount() throws {
    let error = try #require(loadError("wrong_column_count.csv"))
    #expect(
      error
        == .wrongColumnCount(
          DataLocation(file: "wrong_column_count.csv", line: 3), found: 2, expected: 3))
    #expect(
      error.description
        == "wrong_column_count.csv, line 3: this line has 2 fields but the header has 3; check for a stray delimiter or an unquoted line break."
    )
  }

  @Test func unknownCode() throws {
    let error = try #require(loadError("unknown_code.csv"))
    #expect(
      error
        == .unknownCode(
          DataLocation(file: "unknown_code.csv", line: 4, column: "kon"), variable: "kon",
          value: "3", expected: ["1", "2"]))
    #expect(error.description.contains("`3` is not a code of `kon`; expected 1, 2"))
  }

  @Test func outOfRange() throws {
    let error = try #require(loadError("out_of_range.csv"))
    #expect(
      error
        == .outOfRange(
          DataLocation(file: "out_of_range.csv", line: 3, column: "alder"), variable: "alder",
          value: "130", minimum: 0, maximum: 120))
    #expect(error.description.hasSuffix("`130` is outside the valid range of `alder` (0 to 120)."))
  }

  /// A date no register holds (year 201 for 2017): the canonical codebook's range for `datum`
  /// is that of `ar`, and the message shows the range as dates, not day numbers.
  @Test func dateOutOfRange() throws {
    let error = try #require(loadError("date_out_of_range.csv"))
    #expect(
      error
        == .dateOutOfRange(
          DataLocation(file: "date_out_of_range.csv", line: 3, column: "datum"),
          variable: "datum", value: "0201-02-28", earliest: CalendarDay("1900-01-01"),
          latest: CalendarDay("2100-12-31")))
    #expect(error.kind == "outOfRange")
    #expect(
      error.description.hasSuffix(
        "`0201-02-28` is outside the valid dates of `datum` (1900-01-01 to 2100-12-31)."))
  }

  @Test func unparseableNumberAndDate() throws {
    #expect(
      loadError("bad_number.csv")
        == .unparseableValue(
          DataLocation(file: "bad_number.csv", line: 3, column: "alder"), variable: "alder",
          value: "tjugo", expected: "a whole number"))
    #expect(
      loadError("bad_date.csv")
        == .unparseableValue(
          DataLocation(file: "bad_date.csv", line: 3, column: "datum"), variable: "datum",
          value: "2017-02-29",
          expected: "a date written YYYY-MM-DD"))
  }

  @Test func undecodableBytesWhenUTF8IsForced() throws {
    let error = try #require(loadError("undecodable.csv", options: LoadOptions(encoding: .utf8)))
    #expect(
      error
        == .undecodableBytes(
          DataLocation(file: "undecodable.csv", line: 3, column: "kommunnamn"), bytes: "0xE4 0x72",
          encoding: .utf8))
    #expect(error.description.contains("--encoding"))
  }

  /// The same file without `--encoding`: UTF-8 on line 2, Latin-1 on line 3, which detection
  /// used to decode whole as Windows-1252 (issue #12).
  @Test func mixedEncodingIsReportedNotGuessed() throws {
    let error = try #require(loadError("undecodable.csv"))
    #expect(
      error
        == .mixedEncoding(
          invalid: DataLocation(file: "undecodable.csv", line: 3, column: "kommunnamn"),
          bytes: "0xE4 0x72",
          validUTF8: DataLocation(file: "undecodable.csv", line: 2, column: "kommunnamn"),
          character: "ä"))
    #expect(
      error.description.hasPrefix(
        "undecodable.csv, line 3, column `kommunnamn`: the bytes 0xE4 0x72 are not UTF-8, but "
          + "undecodable.csv, line 2, column `kommunnamn` holds the UTF-8 character `ä`"))
  }

  @Test func duplicateHeaderNameNamesBothColumns() throws {
    let error = try #require(loadError("duplicate_header.csv"))
    #expect(
      error == .duplicateHeaderName(file: "duplicate_header.csv", name: "Kon", first: 2, second: 4))
    #expect(error.location == DataLocation(file: "duplicate_header.csv", line: 1))
  }

  @Test(arguments: [
    ("reversed_range.yaml", "the range of the level `18-24` of `aldersgrupp` is reversed"),
    (
      "overlapping_range.yaml",
      "the range of the level `18-34` of `aldersgrupp` overlaps that of `15-24`"
    ),
  ])
  func badGroupingRangesNameTheCodebookLine(file: String, message: String) throws {
    do {
      _ = try Codebook(contentsOf: fixture("Fixtures/malformed/\(file)"))
      Issue.record("\(file) was accepted")
    } catch {
      #expect(error == .invalidCodebook(file: file, line: 8, message: error.invalidCodebookMessage))
      #expect(error.description.hasPrefix("\(file), line 8: \(message)"))
    }
  }

  @Test(arguments: ["empty.csv", "blank_only.csv"])
  func emptyFile(file: String) {
    #expect(loadError(file) == .emptyFile(file: file))
  }

  @Test func missingRequiredColumnSuggestsTheNearestName() throws {
    let error = try #require(
      loadError("missing_column.csv", options: LoadOptions(requiredVariables: ["alder"])))
    guard case .missingRequiredColumn(let file, let variable, let columns, let suggestions) = error
    else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(
      file == "missing_column.csv" && variable == "alder" && columns == ["alder", "ålder", "age"])
    #expect(suggestions == ["aldr"])
    #expect(error.description.contains("did you mean `aldr`?"))
    // A grouping asked for requires its source.
    #expect(
      loadError("missing_column.csv", options: LoadOptions(requiredVariables: ["aldersgrupp"]))?
        .kind == "missingRequiredColumn")
  }

  @Test func duplicateKeyNamesBothLines() throws {
    let codebook = try Codebook(contentsOf: fixture("Fixtures/other_codebook.yaml"))
    let error = loadError("duplicate_key.csv", codebook: codebook)
    #expect(
      error
        == .duplicateKey(
          file: "duplicate_key.csv", variable: "lopnr", value: "A17", firstLine: 2, secondLine: 4))
    let skipped = try Dataset.load(
      contentsOf: fixture("Fixtures/malformed/duplicate_key.csv"), codebook: codebook,
      options: LoadOptions(errorPolicy: .skip))
    #expect(skipped.rowCount == 2)
    #expect(skipped.loadReport.excludedRows(kind: "duplicateKey") == 1)
  }

  @Test func malformedQuotedField() {
    #expect(
      loadError("malformed_quote.csv")
        == .malformedQuotedField(
          DataLocation(file: "malformed_quote.csv", line: 2, column: "brottskod"), value: "0930"))
  }

  @Test func linesCountPhysicalLinesInsideQuotedFields() {
    #expect(
      loadError("quoted_newline_then_bad.csv")
        == .unknownCode(
          DataLocation(file: "quoted_newline_then_bad.csv", line: 4, column: "kon"),
          variable: "kon", value: "7", expected: ["1", "2"]))
  }

  @Test func truncatedGzip() throws {
    let error = try #require(loadError("truncated.csv.gz"))
    #expect(error.kind == "corruptCompressedFile")
  }

  @Test func missingFile() {
    #expect(loadError("no_such_file.csv")?.kind == "fileNotReadable")
  }

  @Test func requiredValues() throws {
    let codebook = try Codebook(
      yaml:
        "variables:\n  lopnr: {type: id, required: true}\n  kon: {type: categorical, codes: {\"1\": Man, \"2\": Kvinna}, required: true}\n"
    )
    #expect(
      throws: MicrodataError.missingRequiredValue(
        DataLocation(file: "data", line: 3, column: "kon"), variable: "kon")
    ) {
      try Dataset(csv: "lopnr;kon\n1;1\n2;\n", codebook: codebook)
    }
    #expect(
      throws: MicrodataError.missingRequiredColumn(
        file: "data", variable: "kon", columns: ["kon"], suggestions: [])
    ) {
      try Dataset(csv: "lopnr;sex\n1;1\n", codebook: codebook)
    }
  }
}

/// Lenient reading: `.skip` excludes bad rows and counts them by reason; `.markMissing` keeps
/// them with the bad value missing.
@Suite struct LenientReadingTests {
  let csv = """
    lopnr;kon;alder;utbildning
    1;1;20;3
    2;3;30;4
    3;2;130;5
    4;1;40
    5;2;tjugo;9
    6;1;50;1
    7;2;60;.

    """

  @Test func skipExcludesRowsAndCountsThemByReason() throws {
    let data = try Dataset(csv: csv, options: LoadOptions(errorPolicy: .skip))
    #expect(try data.strings("lopnr") == ["1", "6", "7"])
    #expect((0..<3).map { data.sourceLine(ofRow: $0) } == [2, 7, 8])
    let report = data.loadReport
    #expect(report.rowsRead == 7)
    #expect(report.rowsKept == 3)
    #expect(report.rowsExcluded == 4)
    #expect(report.excludedRows(kind: "unknownCode") == 1)
    #expect(report.excludedRows(kind: "outOfRange") == 1)
    #expect(report.excludedRows(kind: "wrongColumnCount") == 1)
    // Row 5 has two problems (tjugo and code 9); it is counted once, under the first.
    #expect(report.excludedRows(kind: "unparseableValue") == 1)
    #expect(
      report.issues.map(\.kind) == [
        "unknownCode", "outOfRange", "wrongColumnCount", "unparseableValue",
      ])
    #expect(report.issues.map(\.firstLine) == [3, 4, 5, 6])
    #expect(report.issues[0].first.description.contains("line 3, column `kon`"))
  }

  @Test func markMissingKeepsRowsAndCountsValues() throws {
    let data = try Dataset(csv: csv, options: LoadOptions(errorPolicy: .markMissing))
    #expect(try data.strings("lopnr") == ["1", "2", "3", "5", "6", "7"])
    #expect(try data.factor("kon").codes == [0, Factor.missing, 1, 1, 0, 1])
    #expect(try data.numeric("alder").map { $0.isNaN ? -1 : $0 } == [20, 30, -1, -1, 50, 60])
    #expect(try data.factor("utbildning").codes == [2, 3, 4, Factor.missing, 0, Factor.missing])
    let report = data.loadReport
    #expect(report.valuesSetMissing(variable: "kon") == 1)
    #expect(report.valuesSetMissing(variable: "alder", kind: "outOfRange") == 1)
    #expect(report.valuesSetMissing(variable: "alder", kind: "unparseableValue") == 1)
    #expect(report.valuesSetMissing(variable: "utbildning", kind: "unknownCode") == 1)
    #expect(report.excludedRows(kind: "wrongColumnCount") == 1)
    #expect(report.rowsKept == 6)
  }

  @Test func strictThrowsTheFirstProblem() {
    #expect(
      throws: MicrodataError.unknownCode(
        DataLocation(file: "data", line: 3, column: "kon"), variable: "kon", value: "3",
        expected: ["1", "2"])
    ) {
      try Dataset(csv: csv)
    }
  }

  @Test func unterminatedQuoteInSkipModeExcludesTheRest() throws {
    let data = try Dataset(
      csv: "lopnr;brottskod\n1;0930\n2;\"0931\n3;0932\n", options: LoadOptions(errorPolicy: .skip))
    #expect(data.rowCount == 1)
    #expect(data.loadReport.excludedRows(kind: "unterminatedQuote") == 1)
  }
}

@Suite struct ByteOrderMarkTests {
  @Test func invalidBytesAfterAByteOrderMarkAreReported() {
    let bytes: [UInt8] =
      [0xEF, 0xBB, 0xBF] + Array("lopnr;ort\n1;Täby\n2;J".utf8) + [0xE4] + Array("rfälla\n".utf8)
    #expect(
      throws: MicrodataError.undecodableBytes(
        DataLocation(file: "bom.csv", line: 3, column: "ort"), bytes: "0xE4 0x72", encoding: .utf8)
    ) {
      try Dataset.load(bytes: bytes, source: "bom.csv", codebook: .canonical)
    }
  }

  @Test func utf16IsRefusedWithAHint() {
    let bytes: [UInt8] = [0xFF, 0xFE] + Array("l\0o\0".utf8)
    #expect(
      throws: MicrodataError.fileNotReadable(
        file: "u16.csv", reason: "it is UTF-16 text; save it as UTF-8 or Windows-1252")
    ) {
      try Dataset.load(bytes: bytes, source: "u16.csv", codebook: .canonical)
    }
  }
}

extension MicrodataError {
  fileprivate var invalidCodebookMessage: String {
    if case .invalidCodebook(_, _, let message) = self { return message }
    return ""
  }
}
