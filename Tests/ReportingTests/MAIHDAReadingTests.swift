import Foundation
import Microdata
import RegressionModels
import Reporting
import Testing

/// How a MAIHDA summary explains its measures: the conventional sizes, the notes in each
/// language with the analysis's own values and the citation of the 2024 tutorial.
@Suite("Reading MAIHDA measures")
struct MAIHDAReadingTests {
  @Test func conventionalSizes() {
    let vpc: [(Double, MAIHDAMeasureSize)] = [
      (0.005, .negligible), (0.01, .small), (0.049, .small), (0.05, .moderate),
      (0.10, .large), (0.199, .large), (0.20, .veryLarge),
    ]
    for (value, size) in vpc { #expect(MAIHDAMeasureSize(vpc: value) == size, "\(value)") }
    let auc: [(Double, MAIHDAMeasureSize)] = [
      (0.55, .negligible), (0.6, .small), (0.7, .moderate), (0.85, .large), (0.95, .veryLarge),
    ]
    for (value, size) in auc { #expect(MAIHDAMeasureSize(auc: value) == size, "\(value)") }
  }

  @Test(arguments: [Language.sv, .en])
  func notesExplainEveryMeasureWithThisAnalysisValues(language: Language) throws {
    let result = try ModelConversionTests.maihda()
    let notes = result.readingNotes(language: language).map(\.text)
    for message in [
      Message.maihdaReadingVPC, .maihdaReadingPCV, .maihdaReadingMOR, .maihdaReadingAUC,
      .maihdaReadingSource,
    ] {
      #expect(notes.contains(language.text(message)), "\(message.key)")
    }
    #expect(notes.last?.contains("Evans, Leckie, Subramanian, Bell") == true)
    #expect(notes.last?.contains("26:101664") == true)
    // This analysis's values, with the conventional reading of the VPC's size.
    let values = try #require(
      notes.first { $0.contains("VPC ") && $0.contains("%") && $0.count < 300 })
    let vpc = result.nullSummary.randomIntercept.vpc
    #expect(values.contains(MAIHDAMeasureSize(vpc: vpc).text(language)))
    let auc = NumberFormat(language: language).string(
      try #require(result.nullSummary.auc?.auc), kind: .estimate, decimals: 2)
    #expect(values.contains(auc))
    // Withheld measures are not read out.
    let withheld = result.readingNotes(
      language: language, mainEffectsWithheld: true, aucWithheld: true
    )
    .map(\.text)
    #expect(!withheld.contains { $0.contains(auc) && $0.contains("AUC") && $0.count < 300 })
    #expect(!withheld.contains { $0.contains(language == .sv ? "PCV är" : "The PCV is") })
    #expect(notes.contains { $0.contains(language == .sv ? "PCV är" : "The PCV is") })
    // Nor explained: the general readings of the PCV and the AUC go with them.
    #expect(!withheld.contains(language.text(.maihdaReadingPCV)))
    #expect(!withheld.contains(language.text(.maihdaReadingAUC)))
    #expect(withheld.contains(language.text(.maihdaReadingMOR)))
  }
}
