import Distributions
import Foundation
import Microdata
import RegressionModels
import StatsTestSupport
import SyntheticCounty
import Testing

/// The injured parties of generated counties, estimated the way the report estimates them
/// (files written by the generator, read through the canonical codebook's code list, persons
/// derived from the suspicions, `parrelation` from the suspect's and the injured party's sex),
/// must cover the generator's truth at about the nominal rate.
///
/// A suspect of partner violence has one partner for the study period, of the suspect's own sex
/// with logit P = γ₀ + γ_kvinna + γ_ålder[aldersgrupp3] + γ_utrikes, so the logit
/// `parrelation == "samkonad" ~ kon + aldersgrupp3 + fodelse` on the partner-violence suspects
/// of 2016–2017 (one row per suspect) is the data-generating model. The counties have more
/// partner violence and more same-sex partners than the default, so that each county has a few
/// hundred suspects and about a hundred same-sex ones (the default's handful would make Wald
/// intervals meaningless). Each vbek suspicion's injured party is a stranger with probability
/// 0.35 and each vnr_barn suspicion's a girl with probability 0.47, independently: their shares
/// among the suspicions get Wilson intervals.
@Suite struct VictimCoverageTests {
  static let replicates = 20
  static let persons = 50_000

  static func configuration(seed: UInt64) -> CountyConfiguration {
    var configuration = CountyConfiguration(persons: persons, seed: seed)
    configuration[.partnerViolence].intercept += 2
    configuration.victims.sameSexIntercept = -1.0
    configuration.victims.sameSexWoman = 1.0
    return configuration
  }

  @Test func sameSexCoefficientsAndVictimSharesCoverTheTruth() throws {
    var covered = 0
    var total = 0
    var sharesCovered = 0
    var shares = 0
    let period = CalendarDay("2016-01-01")!...CalendarDay("2017-12-31")!
    for replicate in 0..<Self.replicates {
      let configuration = Self.configuration(seed: UInt64(700 + replicate))
      let directory = temporaryDirectory("victims")
      defer { try? FileManager.default.removeItem(at: directory) }
      try CountyGenerator(configuration: configuration).write(to: directory)
      let suspicions = try Dataset.load(
        contentsOf: directory.appendingPathComponent("suspicions.csv"), codebook: .canonical)
      let persons = try Dataset.load(
        contentsOf: directory.appendingPathComponent("persons.csv"), codebook: .canonical)
      let suspects = try suspicions.personLevel(
        by: ["brottstyp", "parrelation"], persons: persons, period: period
      ).filtered(by: RowFilter(parsing: "brottstyp == \"vnr_partner\""))
      // One partner per suspect: every suspect has one row.
      #expect(try suspects.factor("lopnr").levels.count == suspects.rowCount)
      let fit = try GLM.fit(
        formula: Formula("parrelation == \"samkonad\" ~ kon + aldersgrupp3 + fodelse"),
        data: suspects)
      let truth = Dictionary(
        uniqueKeysWithValues: configuration.victims.sameSexCoefficients.map {
          ($0.term, $0.value)
        })
      let table = try fit.coefficientTable(level: 0.95)
      #expect(Set(table.rows.map(\.term)) == Set(truth.keys))
      for row in table.rows {
        guard let value = truth[row.term], let lower = row.lower, let upper = row.upper else {
          continue
        }
        total += 1
        if lower <= value && value <= upper { covered += 1 }
      }
      for (offence, variable, code, share) in [
        ("vbek", "relation", "obekant", configuration.victims.strangerShare),
        ("vnr_barn", "malsagande_kon", "2", configuration.victims.childGirlShare),
      ] {
        let rows = try suspicions.filtered(by: RowFilter(parsing: "brottstyp == \"\(offence)\""))
        let values = try rows.strings(variable)
        let successes = values.filter { $0 == code }.count
        let interval = ProportionInterval.wilson(
          successes: successes, trials: values.count, level: 0.95)
        shares += 1
        if interval.lower <= share && share <= interval.upper { sharesCovered += 1 }
      }
    }
    // 20 counties × 5 coefficients = 100 intervals: Binomial(100, 0.95) covered, mean 95,
    // sd 2.18; accept ±4 sd (measured: 96, and 36 of the 40 shares). A wrong truth (e.g. the sexes swapped in `parrelation`, or the
    // model drawn from the age at the suspicion) falls far outside.
    #expect(total == Self.replicates * 5)
    let expected = 0.95 * Double(total)
    let sd = (Double(total) * 0.95 * 0.05).squareRoot()
    #expect(
      abs(Double(covered) - expected) <= 4 * sd,
      "covered \(covered) of \(total) (expected \(expected) ± \(4 * sd))")
    // 40 share intervals: mean 38, sd 1.38.
    let expectedShares = 0.95 * Double(shares)
    let sdShares = (Double(shares) * 0.95 * 0.05).squareRoot()
    #expect(
      abs(Double(sharesCovered) - expectedShares) <= 4 * sdShares,
      "shares covered \(sharesCovered) of \(shares)")
    print("victim coverage: coefficients \(covered)/\(total), shares \(sharesCovered)/\(shares)")
  }
}
