import Microdata

/// A note printed below a table: a general or marked note, a symbol explanation, or the
/// source line.
///
/// Renderers print notes first, then the symbol legend, then sources ("Källa: …").
public struct Footnote: Sendable, Equatable, Hashable, Codable {
  /// What kind of note.
  public enum Kind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// A note; with a marker, cells that carry the marker refer to it.
    case note
    /// The explanation of a symbol (`..`, `-`, `0,0`, `*`, ...).
    case symbol
    /// The source of the data, printed as "Källa: …" / "Source: …".
    case source
  }

  public var kind: Kind
  /// The marker (`a`, `1`, `*`, `..`), if any.
  public var marker: String?
  /// The text, without the marker and without a "Källa:" prefix.
  public var text: String

  public init(_ kind: Kind, marker: String? = nil, text: String) {
    self.kind = kind
    self.marker = marker
    self.text = text
  }

  /// A note, optionally with a marker that cells refer to.
  public static func note(_ text: String, marker: String? = nil) -> Footnote {
    Footnote(.note, marker: marker, text: text)
  }

  /// The source line, e.g. `.source("Brå, misstänkta personer 2023")`.
  public static func source(_ text: String) -> Footnote { Footnote(.source, text: text) }

  /// The rank that orders footnotes below a table: notes, symbols, sources.
  var rank: Int {
    switch kind {
    case .note: 0
    case .symbol: 1
    case .source: 2
    }
  }

  /// The line as plain text, e.g. `.. Uppgift …`, `a) Exkl. …`, `Källa: Brå`.
  func plainText(_ language: Language) -> String {
    switch kind {
    case .source: return ReportingText.sourcePrefix(language) + text
    case .symbol, .note: return marker.map { "\($0) \(text)" } ?? text
    }
  }
}
