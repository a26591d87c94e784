import Foundation
import Localization
import Microdata
import Testing

/// The Swedish model report reads as Swedish: the visible text of every HTML page and SVG chart
/// it writes has no English words, no filter code and no data-file names outside the appendix
/// (``VisibleTextChecker``).
extension ReportEndToEndTests {
  @Test func swedishPagesShowOnlySwedish() throws {
    let (out, _) = try Self.output.get()
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
      .filter { $0.hasSuffix(".html") || $0.hasSuffix(".svg") }.sorted()
    #expect(files.contains("index.html"))
    #expect(files.count > 50)
    var problems: [VisibleTextChecker.Problem] = []
    for file in files {
      let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
      problems += VisibleTextChecker.problems(html: text, file: file)
    }
    #expect(
      problems.isEmpty,
      "\(problems.count) problems:\n\(problems.prefix(30).map(\.description).joined(separator: "\n"))"
    )
  }
}

@Suite("Visible-text checker")
struct VisibleTextCheckerTests {
  /// The checker finds what it is for, and leaves Swedish, quoted titles and the appendix alone.
  @Test func findsEnglishFilterCodeAndFileNames() {
    let page = """
      <html><head><title>Persons of the data</title><style>.a{b:c}</style></head><body>
      <p>Utfall: persons in suspects.csv</p>
      <p>Urval: ar == 2016 &amp;&amp; kon == 1</p>
      <svg><text>OR (95 % KI)</text><text>Oddskvot (95 % KI)</text></svg>
      <p>Källa: Brå; i data är 5 personer per 100 000. Tolkningen följer ”A tutorial of MAIHDA”.</p>
      <section id="data"><p>suspects.csv — misstänkta</p></section>
      <p>Filer: 01-oversikt.csv</p>
      </body></html>
      """
    let problems = VisibleTextChecker.problems(html: page, file: "t.html")
    #expect(
      problems.map(\.kind).sorted()
        == [
          "English (OR)", "English (persons, in)", "file name outside the appendix",
          "file name outside the appendix", "filter code",
        ].sorted(), "\(problems)")
  }
}

/// The report's data appendix names why rows were excluded in the report's language, not by
/// the internal `MicrodataError.kind` ("missingMarker").
@Test func everyReadingProblemHasItsOwnText() {
  let at = DataLocation(file: "f.csv", line: 2, column: "kon")
  let problems: [MicrodataError] = [
    .unterminatedQuote(at), .malformedQuotedField(at, value: "x"),
    .wrongColumnCount(at, found: 2, expected: 3),
    .undecodableBytes(at, bytes: "0xFF", encoding: .utf8),
    .unknownCode(at, variable: "kon", value: "7", expected: ["1", "2"]),
    .outOfRange(at, variable: "alder", value: "200", minimum: 0, maximum: 120),
    .unparseableValue(at, variable: "alder", value: "x", expected: "a number"),
    .missingRequiredValue(at, variable: "lopnr"),
    .duplicateKey(file: "f.csv", variable: "lopnr", value: "1", firstLine: 2, secondLine: 3),
    .codeNotInList(at, variable: "brottskod", code: "9999", date: nil),
    .contradictingCode(
      at, variable: "malsagande_kon", value: "1", codeVariable: "brottskod", code: "0301",
      expected: "2"),
    .missingMarker(at, variable: "alder", marker: "NA"),
    .recordTooLong(at, limit: 1 << 20),
  ]
  let fallback = Message.loadIssue(kind: "").text(in: .sv)
  var seen: Set<String> = []
  for problem in problems {
    let message = Message.loadIssue(kind: problem.kind)
    #expect(message.text(in: .sv) != fallback, "\(problem.kind) has no text of its own")
    #expect(seen.insert(message.text(in: .sv)).inserted, "\(problem.kind) shares its text")
    #expect(!message.text(in: .sv).contains(problem.kind))
  }
}
