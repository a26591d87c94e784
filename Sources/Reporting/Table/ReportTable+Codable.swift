import Microdata

/// A table encodes with the property names in snake case; decoding checks the shape with
/// `validate()`, so a malformed file fails when read, not when rendered.
extension ReportTable: Codable {
  enum CodingKeys: String, CodingKey {
    case title, subtitle, unit
    case shortTitle = "short_title"
    case language
    case stubHeaders = "stub_headers"
    case columnGroups = "column_groups"
    case columns, rows, footnotes
    case stubVariables = "stub_variables"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      title: try container.decode(String.self, forKey: .title),
      subtitle: try container.decodeIfPresent(String.self, forKey: .subtitle),
      unit: try container.decodeIfPresent(String.self, forKey: .unit),
      shortTitle: try container.decodeIfPresent(String.self, forKey: .shortTitle),
      language: try container.decodeIfPresent(Language.self, forKey: .language) ?? .sv,
      stubHeaders: try container.decode([String].self, forKey: .stubHeaders),
      columnGroups: try container.decodeIfPresent([[HeaderSpan]].self, forKey: .columnGroups)
        ?? [],
      columns: try container.decode([ReportColumn].self, forKey: .columns),
      rows: try container.decode([ReportRow].self, forKey: .rows),
      footnotes: try container.decodeIfPresent([Footnote].self, forKey: .footnotes) ?? [])
    stubVariables = try container.decodeIfPresent([String].self, forKey: .stubVariables)
    do {
      try validate()
    } catch {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: [], debugDescription: error.description))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(title, forKey: .title)
    try container.encodeIfPresent(subtitle, forKey: .subtitle)
    try container.encodeIfPresent(unit, forKey: .unit)
    try container.encodeIfPresent(shortTitle, forKey: .shortTitle)
    try container.encode(language, forKey: .language)
    try container.encode(stubHeaders, forKey: .stubHeaders)
    try container.encode(columnGroups, forKey: .columnGroups)
    try container.encode(columns, forKey: .columns)
    try container.encode(rows, forKey: .rows)
    try container.encode(footnotes, forKey: .footnotes)
    try container.encodeIfPresent(stubVariables, forKey: .stubVariables)
  }
}
