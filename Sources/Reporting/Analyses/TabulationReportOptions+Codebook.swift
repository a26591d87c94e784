import Analysis
import Foundation
import Microdata

extension TabulationReportOptions {
  /// Table options with the codebook's labels of `variables` (variables and groupings, and
  /// their codes) in `language`, the title, a subtitle naming the selection, and the source.
  init(
    codebook: Codebook, variables: [String], language: Language, title: String?, filter: String?,
    sources: [String], suppression: Int
  ) {
    var variableLabels: [String: String] = [:]
    var levelLabels: [String: [String: String]] = [:]
    for name in variables {
      if let variable = codebook.variable(named: name) {
        variableLabels[name] = variable.label.text(language)
        if !variable.codes.isEmpty {
          levelLabels[name] = Dictionary(
            variable.codes.map { ($0.code, $0.label.text(language)) },
            uniquingKeysWith: { a, _ in a })
        }
      } else if let grouping = codebook.grouping(named: name) {
        variableLabels[name] = grouping.label.text(language)
        levelLabels[name] = Dictionary(
          grouping.levels.map { ($0.code, $0.label.text(language)) },
          uniquingKeysWith: { a, _ in a })
      }
    }
    let context = PublicationContext.current
    let selection =
      context?.selection
      ?? Self.selectionWords(filter, codebook: codebook, language: language)
    self.init(
      language: language, title: title,
      subtitle: selection.map { language.text(.selectionSubtitle($0)) },
      variableLabels: variableLabels, levelLabels: levelLabels,
      source: context?.source
        ?? sources.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "),
      suppressionThreshold: Double(suppression))
  }

  /// A filter in words from the codebook's labels (`ar == 2016 && brottstyp == "vbek"` is
  /// "År 2016, våld mot bekant"); `nil` for no filter; the text itself if it does not parse.
  static func selectionWords(_ filter: String?, codebook: Codebook, language: Language)
    -> String?
  {
    guard let text = filter?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
      return nil
    }
    guard let parsed = try? RowFilter(parsing: text) else { return text }
    return parsed.wording(codebook: codebook, language: language)
  }
}
