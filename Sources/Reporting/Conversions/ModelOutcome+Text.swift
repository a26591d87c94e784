import Analysis
import Foundation
import Microdata

extension ModelOutcome {
  /// The outcome in words for a table's or chart's subtitle, from the codebook's labels in
  /// `language`: "Utfall: Antal misstankar under perioden minst 2" — never a file name or
  /// filter code (those are in the JSON and the report's data appendix). In a report, the
  /// persons of the data are named by the recipe's description of the file
  /// (``PublicationContext/dataDescription``).
  public func subtitle(codebook: Codebook, language: Language) -> String {
    switch kind {
    case .rows(let response):
      return language.text(.outcomeOfRows(Self.words(response, codebook: codebook, language)))
    case .personsOfData:
      if let description = PublicationContext.current?.dataDescription {
        return language.text(.outcomeAmongData(description))
      }
      return language.text(.outcomePersonsOfData)
    case .personsWith(let condition, let againstPopulation):
      let words = Self.words(condition, codebook: codebook, language)
      return againstPopulation
        ? language.text(.outcomePersonsWith(words)) : language.text(.outcomeAmongPersons(words))
    }
  }

  /// A condition from the codebook's labels, a variable by its label.
  private static func words(_ text: String, codebook: Codebook, _ language: Language) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let variable = codebook.variable(named: trimmed) {
      let label = variable.label.text(language)
      return label.isEmpty ? trimmed : label
    }
    if let parsed = try? RowFilter(parsing: trimmed) {
      return parsed.wording(codebook: codebook, language: language)
    }
    return trimmed
  }
}
