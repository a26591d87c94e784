import Analysis
import Foundation
import Microdata
import RegressionModels
import Tabulation

/// What a report page tells its reader about an analysis besides its tables — rows left out,
/// boundary fits, separated estimates, fits that did not converge — in the analysis's language,
/// built from the typed result: variables by their codebook labels, no file names, and every
/// count from 1 to `threshold` − 1 written "färre än 5" / "fewer than 5".
///
/// The English `warnings` of the JSON and of standard error are the analyst's and say more
/// (file names, the filter code); the notices say what a reader of the table needs.
struct PublicationNotices {
  var labels: TermLabeler
  var threshold: Int
  private(set) var texts: [String] = []

  init(labels: TermLabeler, threshold: Int) {
    self.labels = labels
    self.threshold = threshold
  }

  private var language: Language { labels.language }

  /// A count as published: "färre än 5" between 1 and `threshold` − 1.
  func count(_ value: Double) -> String {
    if SmallCounts.isSmall(value, threshold: threshold) {
      return language.text(.fewerThan(threshold: String(threshold)))
    }
    return NumberFormat(language: language).string(value, kind: .count)
  }

  /// Rows left out of the data (or of the population) for a missing or out-of-range value of
  /// the variables in `missing` and `outside`; `persons` for the population's rows.
  mutating func rowsLeftOut(
    rows: Int, missing: [String: Int], outside: [String: Int], population: Bool,
    persons: Double? = nil
  ) {
    guard rows > 0 else { return }
    var names: [String] = []
    for (name, n) in missing.merging(outside, uniquingKeysWith: +).sorted(by: { $0.key < $1.key })
    where n > 0 {
      names.append(labels.variableLabel(name))
    }
    let variables = names.isEmpty ? "–" : names.joined(separator: ", ")
    var text =
      population
      ? language.text(.noticePopulationRowsLeftOut(rows: count(Double(rows)), variables: variables))
      : language.text(.noticeDataRowsLeftOut(rows: count(Double(rows)), variables: variables))
    if let persons, persons > 0 {
      text += " " + language.text(.noticePopulationPersons(count(persons)))
    }
    texts.append(text)
  }

  /// The rows of a tabulation left out.
  mutating func rowsLeftOut(_ exclusions: Exclusions, population: Bool) {
    rowsLeftOut(
      rows: exclusions.rows, missing: exclusions.missing, outside: exclusions.outside,
      population: population, persons: population ? exclusions.weight : nil)
  }

  /// The rows of data and population that case counting left out.
  mutating func rowsLeftOut(_ exclusions: CaseCells.Exclusions) {
    let cases = exclusions.cases
    rowsLeftOut(
      rows: cases.rows, missing: cases.missing, outside: cases.outside, population: false)
    let population = exclusions.population
    rowsLeftOut(
      rows: population.rows, missing: population.missing, outside: population.outside,
      population: true, persons: population.persons)
  }

  /// Terms of a fit whose estimates are shown as "–", or (`firth`) whose separation Firth's
  /// method handles.
  mutating func separated(_ terms: [ModelTerm], firth: Bool = false) {
    guard !terms.isEmpty else { return }
    let names = terms.map { labels.termLabel($0) }.joined(separator: ", ")
    texts.append(
      firth
        ? language.text(.noticeSeparatedFirth(terms: names))
        : language.text(.noticeSeparated(terms: names)))
  }

  /// A fit at the boundary (σ² = 0) of a MAIHDA model.
  mutating func boundaryFit(model: String) {
    texts.append(language.text(.noticeBoundaryFit(model: model)))
  }

  /// Cases restricted by `variables` that the population is not restricted by.
  mutating func populationNotFiltered(by variables: [String]) {
    guard !variables.isEmpty else { return }
    let names = variables.map { labels.variableLabel($0) }.joined(separator: ", ")
    texts.append(language.text(.noticePopulationNotFiltered(variables: names)))
  }

  /// A fit that did not converge.
  mutating func notConverged() {
    let text = language.text(.noticeNotConverged)
    if !texts.contains(text) { texts.append(text) }
  }
}

extension GLMFit {
  /// The notices of a logistic fit: separated terms (shown as "–"), or separation that Firth's
  /// method handles, and non-convergence.
  func addNotices(to notices: inout PublicationNotices) {
    if method == .firth {
      let infinite = diagnostics.separation.map { report in
        report.directions.indices.filter { report.directions[$0] != 0 && $0 < modelTerms.count }
          .map { modelTerms[$0] }
      }
      notices.separated(infinite ?? [], firth: true)
    }
    let separated = separatedTerms
    notices.separated(modelTerms.filter { separated.contains($0) })
    if !converged { notices.notConverged() }
  }
}
