import Microdata
import Testing

@testable import Reports
@testable import StrataCommands

/// The catalog keys added for StrataCommands say exactly what its inline texts say today, so
/// that switching a call site to the catalog changes no output.
@Suite("StrataCommands' texts agree with the message catalog")
struct ReportTextCatalogTests {
  @Test(arguments: Language.allCases)
  func analysisKinds(language: Language) {
    let catalog: [AnalysisKind: Message] = [
      .tabulate: .analysisTabulate, .rates: .analysisRates, .repeat: .analysisRepeat,
      .recidivism: .analysisRecidivism, .logit: .analysisLogit, .maihda: .analysisMAIHDA,
      .share: .analysisShare,
    ]
    for kind in AnalysisKind.allCases {
      #expect(catalog[kind].map(language.text) == ReportText.kind(kind, language))
    }
  }

  @Test(arguments: Language.allCases)
  func suppressionRule(language: Language) {
    #expect(ReportText.suppressionRule(0, language) == language.text(.noSuppression))
    #expect(
      ReportText.suppressionRule(5, language) == language.text(.suppressionRule(threshold: 5)))
  }

  @Test(arguments: Language.allCases)
  func figureCheckSummary(language: Language) {
    #expect(
      FigureCheck.summary([], language: language)
        == language.text(.checkSummary(reproduced: 0, total: 0, known: 0, failures: 0)))
  }
}
