import Foundation
import Reporting
import StatsTestSupport
import Testing

@testable import Reporting

@Suite("Escaping")
struct EscapingTests {
  @Test("HTML: & < > \" ' are escaped in text and attributes")
  func html() throws {
    #expect(Escaping.xml("<b>&\"x\"'</b>") == "&lt;b&gt;&amp;&quot;x&quot;&#39;&lt;/b&gt;")
    let html = try HTMLRenderer(mode: .fragment).render(SampleTables.awkward)
    #expect(!html.contains("<b>&"))
    #expect(html.contains("Escaping: &lt;b&gt;&amp;&quot;quotes&quot;&lt;/b&gt;"))
    #expect(html.contains("<th scope=\"row\">Ålder &lt;18 &amp; &quot;unga&quot;</th>"))
    assertSnapshot(html, named: "awkward.fragment.html")
  }

  @Test("LaTeX: the ten specials and < > |; å ä ö stay UTF-8")
  func latex() throws {
    #expect(
      Escaping.latex("& % $ # _ { } ~ ^ \\")
        == "\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}")
    #expect(
      Escaping.latex("Född i Sverige, ålder <18 | ä ö")
        == "Född i Sverige, ålder \\textless{}18 \\textbar{} ä ö")
    let tex = try LaTeXRenderer().render(SampleTables.awkward)
    #expect(
      tex.contains(
        "50\\% \\& \\$x\\$ \\#3 \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}"))
    #expect(tex.contains("$-$1,235"))  // −1 234.5 rounds half away from zero
    #expect(tex.contains("Count, \\textquotedbl{}all\\textquotedbl{}"))
    assertSnapshot(tex, named: "awkward.tex")
  }

  @Test("Control characters in labels become spaces in HTML, LaTeX and Markdown")
  func controlCharacters() {
    let label = "a\u{1B}[2Jb\u{7}c\u{7F}d\u{9B}e\u{0}f"
    #expect(Escaping.xml(label) == "a [2Jb c d e f")
    #expect(Escaping.latex(label) == "a [2Jb c d e f")
    #expect(Escaping.markdown(label) == "a \\[2Jb c d e f")
    // Tab, newline and carriage return stay in XML (allowed there), and are spaces elsewhere.
    #expect(Escaping.xml("a\tb") == "a\tb")
    #expect(Escaping.latex("a\tb") == "a b" && Escaping.markdown("a\tb") == "a b")
  }

  @Test("CSV: fields with the delimiter, quotes or line breaks are quoted, quotes doubled")
  func csv() throws {
    #expect(Escaping.csv("plain", delimiter: ",") == "plain")
    #expect(Escaping.csv("a,b", delimiter: ",") == "\"a,b\"")
    #expect(Escaping.csv("a;b", delimiter: ",") == "a;b")
    #expect(Escaping.csv("a;b", delimiter: ";") == "\"a;b\"")
    #expect(Escaping.csv("say \"hi\"", delimiter: ",") == "\"say \"\"hi\"\"\"")
    #expect(Escaping.csv("two\nlines", delimiter: ",") == "\"two\nlines\"")
    #expect(Escaping.csv(" padded", delimiter: ",") == "\" padded\"")
    let csv = try CSVRenderer().render(SampleTables.awkward)
    #expect(csv.contains("\"a,b;c\"\"d\"\"\ne\""))
    assertSnapshot(csv, named: "awkward.csv")
    let excel = try CSVRenderer(style: .excelSwedish).render(SampleTables.awkward)
    #expect(excel.hasPrefix("\u{FEFF}"))
    #expect(excel.contains("\"a,b;c\"\"d\"\"\ne\""))
    #expect(excel.contains(";-1235;"))
    // Foundation drops a BOM when reading a snapshot back: compare the rest.
    assertSnapshot(String(excel.dropFirst()), named: "awkward.excel.csv")
  }

  @Test("CSV parses back to the same fields (an RFC 4180 reader in Python)")
  func csvRoundTrip() throws {
    let csv = try CSVRenderer().render(SampleTables.awkward)
    let url = temporaryDirectory().appendingPathComponent("awkward.csv")
    try Data(csv.utf8).write(to: url)
    let script =
      "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, url.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let rows = try JSONDecoder().decode([[String]].self, from: data)
    #expect(
      rows == [
        ["Group | pipe", "Count, \"all\"", "Note"],
        ["Ålder <18 & \"unga\"", "-1235", "a,b;c\"d\"\ne"],
        ["*star* _under_ `code`", "7", "50% & $x$ #3 {y} ~ ^ \\"],
      ])
  }

  @Test("Markdown: pipes, emphasis and code are escaped; a leading - does not start a list")
  func markdown() throws {
    #expect(
      Escaping.markdown("a | b *c* _d_ `e` <f> [g]")
        == "a \\| b \\*c\\* \\_d\\_ \\`e\\` \\<f> \\[g\\]")
    #expect(Escaping.markdownParagraph("- Uppgiften") == "\\- Uppgiften")
    #expect(Escaping.markdownParagraph("2023. Året") == "2023\\. Året")
    #expect(Escaping.markdownParagraph("2023 års") == "2023 års")
    let md = try MarkdownRenderer().render(SampleTables.awkward)
    #expect(md.contains("| Group \\| pipe "))
    assertSnapshot(md, named: "awkward.md")
  }

  @Test("JSON: quotes, backslashes and control characters")
  func json() throws {
    #expect(Escaping.jsonString("a\"b\\c\nd\u{1}é") == "\"a\\\"b\\\\c\\nd\\u0001é\"")
    // JSONValue writes keys and strings with the same escaping, and reads them back.
    let text = "a\"b\\c\nd\u{1}\u{1f}\té"
    let value = JSONValue.object(JSONObject(values: [text: .string(text)], order: [text]))
    let written = value.text(indent: "")
    #expect(written.contains(Escaping.jsonString(text) + ": " + Escaping.jsonString(text)))
    #expect(written.contains("\\u001f"))
    #expect(try JSONValue.parse(Data(written.utf8)) == value)
    let json = try JSONRenderer().render(SampleTables.awkward)
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    #expect(object["title"] as? String == SampleTables.awkward.title)
    let rows = object["rows"] as! [[String: Any]]
    #expect((rows[0]["cells"] as! [Any])[1] as? String == "a,b;c\"d\"\ne")
    #expect((rows[0]["cells"] as! [Any])[0] as? Double == -1235)
  }
}
