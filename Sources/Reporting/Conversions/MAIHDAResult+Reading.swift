import Foundation
import Microdata
import RegressionModels

/// The conventional reading of the size of a MAIHDA measure, as in the MAIHDA literature
/// (Evans, Leckie, Subramanian, Bell & Merlo 2024, SSM – Population Health 26:101664): the VPC
/// and the AUC on a five-step scale from negligible to very large.
public enum MAIHDAMeasureSize: String, Sendable, Equatable, CaseIterable {
  case negligible, small, moderate, large
  case veryLarge = "very_large"

  /// The size of a VPC (a share, 0.05 = 5 %): below 1 %, 1–5 %, 5–10 %, 10–20 %, above 20 %.
  public init(vpc: Double) {
    switch vpc {
    case ..<0.01: self = .negligible
    case ..<0.05: self = .small
    case ..<0.10: self = .moderate
    case ..<0.20: self = .large
    default: self = .veryLarge
    }
  }

  /// The size of an AUC: 0.5–0.6, 0.6–0.7, 0.7–0.8, 0.8–0.9, above 0.9.
  public init(auc: Double) {
    switch auc {
    case ..<0.6: self = .negligible
    case ..<0.7: self = .small
    case ..<0.8: self = .moderate
    case ..<0.9: self = .large
    default: self = .veryLarge
    }
  }

  /// The size in words.
  public func text(_ language: Language) -> String {
    switch self {
    case .negligible: language.text(.sizeNegligible)
    case .small: language.text(.sizeSmall)
    case .moderate: language.text(.sizeModerate)
    case .large: language.text(.sizeLarge)
    case .veryLarge: language.text(.sizeVeryLarge)
    }
  }
}

extension MAIHDAResult {
  /// How to read the measures, as notes under the summary table: what the VPC, PCV, MOR and
  /// AUC mean with the conventional reading of their sizes, this analysis's values with their
  /// readings (the PCV left out when `mainEffectsWithheld`, the AUC when `aucWithheld`, as in
  /// the table), and the source of the readings.
  public func readingNotes(
    language: Language, mainEffectsWithheld: Bool = false, aucWithheld: Bool = false
  ) -> [Footnote] {
    // The MOR and AUC readings are those of a binary outcome.
    // A measure the tables withhold (the PCV with model 2, the AUC) is not explained either.
    var notes: [Footnote] = [
      .note(language.text(family == .gaussian ? .maihdaReadingVPCGaussian : .maihdaReadingVPC))
    ]
    if !mainEffectsWithheld { notes.append(.note(language.text(.maihdaReadingPCV))) }
    if family == .binomial {
      notes.append(.note(language.text(.maihdaReadingMOR)))
      if !aucWithheld { notes.append(.note(language.text(.maihdaReadingAUC))) }
    }
    let format = NumberFormat(language: language)
    func percent(_ share: Double, _ decimals: Int) -> String {
      format.string(share * 100, kind: .percent, decimals: decimals) + " %"
    }
    var values: [String] = []
    let vpc = nullSummary.randomIntercept.vpc
    if vpc.isFinite {
      let size = MAIHDAMeasureSize(vpc: vpc)
      // A large VPC whose interval reaches a negligible one is read with that caveat.
      if size != .negligible, let interval = nullSummary.randomIntercept.vpcInterval,
        MAIHDAMeasureSize(vpc: interval.lowerBound) == .negligible
      {
        let range =
          format.string(interval.lowerBound * 100, kind: .percent, decimals: 1) + "–"
          + percent(interval.upperBound, 1)
        values.append(
          language.text(
            .maihdaReadingVPCValueUncertain(
              percent(vpc, 1), size: size.text(language), interval: range)))
      } else {
        values.append(
          language.text(.maihdaReadingVPCValue(percent(vpc, 1), size: size.text(language))))
      }
    }
    if !mainEffectsWithheld, let pcv, pcv.isFinite {
      let shown = min(max(pcv, 0), 1)
      values.append(
        language.text(.maihdaReadingPCVValue(percent(shown, 0), rest: percent(1 - shown, 0))))
    }
    if !aucWithheld, let auc = nullSummary.auc?.auc, auc.isFinite {
      values.append(
        language.text(
          .maihdaReadingAUCValue(
            format.string(auc, kind: .estimate, decimals: 2),
            size: MAIHDAMeasureSize(auc: auc).text(language))))
    }
    if !values.isEmpty { notes.append(.note(values.joined(separator: " "))) }
    notes.append(.note(language.text(.maihdaReadingSource)))
    return notes
  }
}
