import Analysis
import Foundation
import Microdata
import Reporting

extension ReportRun {
  /// The disclosure threshold of an analysis: its own `suppress`, else the recipe's.
  package func threshold(of outcome: AnalysisOutcome) -> Int {
    if let option = outcome.analysis.entry.options.first(where: { $0.key == "suppress" }),
      let value = option.node.scalar.flatMap({ Int($0.string) })
    {
      return value
    }
    return recipe.suppress
  }

  /// Whether any output of the report is not disclosure-protected: the recipe says
  /// `internal: true`, or the recipe or an analysis turns suppression off.
  package var isInternal: Bool {
    recipe.isInternal || recipe.suppress == 0 || outcomes.contains { threshold(of: $0) == 0 }
  }

  /// The threshold the whole page may claim: the smallest of the recipe's and every
  /// analysis's (0 when one is unprotected), so that the page never claims more protection
  /// than an analysis has.
  package var weakestThreshold: Int {
    outcomes.map { threshold(of: $0) }.reduce(recipe.suppress, min)
  }

  /// A count of rows for the page: "färre än 5" when it lies between 1 and the threshold − 1.
  package func publishedCount(_ count: Int) -> ReportCell {
    let threshold = weakestThreshold > 0 ? recipe.suppress : 0
    guard threshold > 0, count > 0, count < threshold else { return .count(Double(count)) }
    return .text(language.text(.fewerThan(threshold: String(threshold))))
  }

  /// `count` as text, or "färre än 5" as ``publishedCount(_:)``.
  package func publishedCountText(_ count: Int) -> String {
    let threshold = weakestThreshold > 0 ? recipe.suppress : 0
    guard threshold > 0, count > 0, count < threshold else { return ReportText.integer(count) }
    return language.text(.fewerThan(threshold: String(threshold)))
  }
}
