import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads back an .xlsx written by the tests: the ZIP is opened with Python's `zipfile`
/// (always present where the tests run; `unzip` may not be), the XML parts are parsed here.
public struct XLSXArchive {
  /// Every part of the archive by name, e.g. `xl/worksheets/sheet1.xml`.
  public let parts: [String: String]

  public init(contentsOf url: URL) throws {
    let script = """
      import json, sys, zipfile
      with zipfile.ZipFile(sys.argv[1]) as z:
          json.dump({n: z.read(n).decode('utf-8') for n in z.namelist()}, sys.stdout)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, url.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
    }
    parts = try JSONDecoder().decode([String: String].self, from: data)
  }

  /// All XML of the archive concatenated (for "never contains" checks).
  public var allText: String { parts.keys.sorted().map { parts[$0]! }.joined(separator: "\n") }

  /// The shared strings, in index order.
  public var sharedStrings: [String] {
    guard let xml = parts["xl/sharedStrings.xml"] else { return [] }
    let collector = ElementCollector(parsing: xml)
    return collector.sharedStrings
  }

  /// Sheet `index` (1-based) as cell reference → value (a number, or a string resolved from
  /// the shared strings).
  public func cells(sheet index: Int) -> [String: XLSXValue] {
    guard let xml = parts["xl/worksheets/sheet\(index).xml"] else { return [:] }
    let strings = sharedStrings
    var result: [String: XLSXValue] = [:]
    for cell in ElementCollector(parsing: xml).cells {
      guard let value = cell.value else { continue }
      if cell.type == "s", let index = Int(value) {
        result[cell.reference] = .text(strings[index])
      } else if let number = Double(value) {
        result[cell.reference] = .number(number)
      }
    }
    return result
  }
}

public enum XLSXValue: Equatable, CustomStringConvertible {
  case number(Double)
  case text(String)

  public var description: String {
    switch self {
    case .number(let value): "\(value)"
    case .text(let text): "\"\(text)\""
    }
  }
}

/// The A1 reference of a zero-based (row, column).
public func cellReference(row: Int, column: Int) -> String {
  var letters = ""
  var index = column + 1
  while index > 0 {
    let remainder = (index - 1) % 26
    letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
    index = (index - 1) / 26
  }
  return "\(letters)\(row + 1)"
}

/// A minimal SAX collector for `<c r t><v>` cells and `<si><t>` shared strings.
private final class ElementCollector: NSObject, XMLParserDelegate {
  struct Cell {
    var reference: String
    var type: String?
    var value: String?
  }

  var cells: [Cell] = []
  var sharedStrings: [String] = []
  private var currentCell: Cell?
  private var text = ""
  private var inValue = false
  private var inSharedString = false
  private var inText = false

  init(parsing xml: String) {
    super.init()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = self
    _ = parser.parse()
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    switch name {
    case "c": currentCell = Cell(reference: attributes["r"] ?? "", type: attributes["t"])
    case "v":
      inValue = true
      text = ""
    case "si":
      inSharedString = true
      text = ""
    case "t": inText = true
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inValue || (inSharedString && inText) { text += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    switch name {
    case "v":
      currentCell?.value = text
      inValue = false
    case "c":
      if let cell = currentCell { cells.append(cell) }
      currentCell = nil
    case "t": inText = false
    case "si":
      sharedStrings.append(text)
      inSharedString = false
    default: break
    }
  }
}
