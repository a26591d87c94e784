import Foundation
import StatsTestSupport
import Testing

@testable import SyntheticCounty

/// The generated data agree with the model's own expectations. Every expectation is computed
/// from the model and the realised persons (conditioning on who lives in the county), and each
/// check allows 4.5 standard errors, so a correct generator fails a check with probability
/// about 7·10⁻⁶; the seeds are fixed, so outcomes are reproducible.
@Suite struct StatisticalTests {
  static let z = 4.5

  /// Sum of independent Bernoulli(p_i): its mean and variance.
  struct BernoulliSum {
    var mean = 0.0
    var variance = 0.0
    mutating func add(_ p: Double) {
      mean += p
      variance += p * (1 - p)
    }
    func check(_ observed: Int, _ what: String) {
      let se = variance.squareRoot()
      #expect(
        abs(Double(observed) - mean) < StatisticalTests.z * se,
        "\(what): observed \(observed), expected \(mean) ± \(se)")
    }
  }

  @Test func suspectCountsAndMaleSharesMatchTheModel() {
    let county = TestCounties.large
    let model = county.model
    let strata = county.persons.map(\.stratum.index)
    for offence in OffenceType.allCases {
      var men = BernoulliSum()
      var women = BernoulliSum()
      for (person, j) in zip(county.persons, strata) {
        let p = model.probability(offence, stratum: Stratum.all[j])
        if person.sex == .man { men.add(p) } else { women.add(p) }
      }
      let suspects = county.suspects.filter { $0.offence == offence }
      let observedMen = suspects.filter { $0.sex == .man }.count
      men.check(observedMen, "\(offence.rawValue) male suspects")
      women.check(suspects.count - observedMen, "\(offence.rawValue) female suspects")
      // The male share: delta method for M / (M + W) with independent M and W.
      let total = men.mean + women.mean
      let share = men.mean / total
      let se =
        ((1 - share) * (1 - share) * men.variance + share * share * women.variance).squareRoot()
        / total
      let observed = Double(observedMen) / Double(suspects.count)
      #expect(
        abs(observed - share) < Self.z * se,
        "\(offence.rawValue) male share \(observed), expected \(share) ± \(se)")
    }
  }

  @Test func maleSharesAreRealistic() {
    // The brief's magnitudes, computed from the model: men 80–90 % of suspects of violence,
    // about 99 % of sexköp; 0.2–0.4 % of adult men suspected of partner violence.
    let county = TestCounties.large
    func expectedMaleShare(_ offence: OffenceType) -> Double {
      var men = 0.0
      var all = 0.0
      for person in county.persons {
        let p = county.model.probability(offence, stratum: person.stratum)
        all += p
        if person.sex == .man { men += p }
      }
      return men / all
    }
    for offence in [
      OffenceType.partnerViolence, .childViolence, .otherFamilyViolence, .acquaintanceViolence,
    ] {
      #expect((0.78...0.92).contains(expectedMaleShare(offence)), "\(offence)")
    }
    #expect(expectedMaleShare(.sexPurchase) > 0.98)
    let adultMen = county.persons.filter { $0.sex == .man && $0.age >= 18 }
    let rate =
      adultMen.reduce(0) { $0 + county.model.probability(.partnerViolence, stratum: $1.stratum) }
      / Double(adultMen.count)
    #expect((0.002...0.004).contains(rate), "partner violence among adult men: \(rate)")
  }

  @Test func repetitionAndRecidivismMatchTheModel() {
    let county = TestCounties.large
    let people = Dictionary(uniqueKeysWithValues: county.persons.map { ($0.lopnr, $0) })
    var followUp: Set<String> = []
    for event in county.suspicions where event.date.year == 2018 {
      followUp.insert("\(event.lopnr)|\(event.offence.rawValue)")
    }
    var repeated = BernoulliSum()
    var recidivists = BernoulliSum()
    var observedRepeated = 0
    var observedRecidivists = 0
    for suspect in county.suspects {
      let person = people[suspect.lopnr]!
      let group = AgeGroup(age: person.age)!
      let parameters = county.model.parameters(for: suspect.offence)
      repeated.add(parameters.repetition.repeatProbability(sex: person.sex, ageGroup: group))
      if suspect.suspicions >= 2 { observedRepeated += 1 }
      recidivists.add(
        parameters.recidivism.probability(
          sex: person.sex, ageGroup: group, repeated: suspect.suspicions >= 2))
      if followUp.contains("\(suspect.lopnr)|\(suspect.offence.rawValue)") {
        observedRecidivists += 1
      }
    }
    repeated.check(observedRepeated, "suspects with two or more suspicions")
    recidivists.check(observedRecidivists, "suspects suspected again in the follow-up year")
    // Repeat offending between 20 and 35 %, as the brief asks.
    let share = repeated.mean / Double(county.suspects.count)
    #expect((0.20...0.35).contains(share), "expected repeat share \(share)")
  }

  @Test func demographyMatchesTheModel() {
    let county = TestCounties.large
    let demography = county.model.demography
    let ages = Array(demography.ageRange)
    let ageProbabilities = demography.ageProbabilities
    var domestic = BernoulliSum()
    var men = BernoulliSum()
    var missingEducation = BernoulliSum()
    var stockholm = BernoulliSum()
    let municipalities = demography.municipalities
    let stockholmIndex = municipalities.firstIndex { $0.code == "0180" }!
    func municipalityShare(_ foreign: Bool) -> Double {
      let weights = municipalities.map {
        $0.population * (foreign ? $0.foreignBornShare : 1 - $0.foreignBornShare)
      }
      return weights[stockholmIndex] / weights.reduce(0, +)
    }
    for person in county.persons {
      domestic.add(1 - demography.foreignBornShare[AgeGroup(age: person.age)!])
      men.add(demography.maleShare(age: person.age))
      let birth = Birth(birthRegion: person.trueBirthRegion)
      missingEducation.add(
        demography.education.missingProbability(ageGroup: AgeGroup(age: person.age)!, birth: birth))
      stockholm.add(municipalityShare(birth == .foreign))
    }
    domestic.check(county.persons.filter { $0.trueBirthRegion == 1 }.count, "born in Sweden")
    men.check(county.persons.filter { $0.sex == .man }.count, "men")
    missingEducation.check(
      county.persons.filter { $0.education == nil }.count, "missing education")
    stockholm.check(
      county.persons.filter { $0.municipality == "0180" }.count, "residents of Stockholm")
    // The age pyramid: persons aged 25–34, against the model's share.
    var young = 0.0
    for (age, p) in zip(ages, ageProbabilities) where (25...34).contains(age) { young += p }
    let n = Double(county.persons.count)
    let observed = Double(county.persons.filter { (25...34).contains($0.age) }.count)
    #expect(abs(observed - n * young) < Self.z * (n * young * (1 - young)).squareRoot())
    // Stockholm-like shares: about 68 % born in Sweden, 3–5 % education missing.
    #expect((0.66...0.71).contains(domestic.mean / n))
    #expect((0.03...0.05).contains(missingEducation.mean / n))
    #expect((0.38...0.44).contains(stockholm.mean / n))
  }

  /// With σ = 0 a logit with the model's terms is correctly specified, so the maximum
  /// likelihood estimates from the generated data must agree with the true coefficients: the
  /// Wald statistic (β̂ − β)ᵀ I (β̂ − β) is χ² with 19 degrees of freedom (0.999 quantile 43.82).
  /// Intercepts are raised so that every cell of women aged 15–17 has events.
  @Test(arguments: [(OffenceType.partnerViolence, 3.0), (.acquaintanceViolence, 1.5)])
  func fixedEffectsLogitRecoversTheTrueCoefficients(offence: OffenceType, raise: Double) throws {
    var configuration = CountyConfiguration(persons: 200_000, seed: 21)
    configuration.setStratumStandardDeviation(0)
    configuration[offence].intercept += raise
    let county = try CountyGenerator(configuration: configuration).generate()
    let truth = county.model.coefficients(for: offence)
    let names = truth.map(\.term)
    var trials = Array(repeating: 0.0, count: Stratum.count)
    var events = Array(repeating: 0.0, count: Stratum.count)
    let people = Dictionary(
      uniqueKeysWithValues: county.persons.map { ($0.lopnr, $0.stratum.index) })
    for person in county.persons { trials[person.stratum.index] += 1 }
    for suspect in county.suspects where suspect.offence == offence {
      events[people[suspect.lopnr]!] += 1
    }
    let design = Stratum.all.map { stratum in
      let active = Set(activeTerms(of: stratum))
      return names.map { active.contains($0) ? 1.0 : 0.0 }
    }
    let fit = GroupedLogit(design: design, events: events, trials: trials)
    let wald = fit.waldStatistic(against: truth.map(\.value))
    #expect(wald < 43.82, "Wald χ²(19) = \(wald) for \(offence.rawValue)")
    // The test has power: shifting the utrikes effect by 0.5 is detected.
    var wrong = truth.map(\.value)
    wrong[names.firstIndex(of: "fodelse: utrikes")!] += 0.5
    #expect(fit.waldStatistic(against: wrong) > 43.82, "\(fit.waldStatistic(against: wrong))")
  }

  @Test func suspicionDatesSpreadOverThePeriod() {
    // Among suspects aged 17 or more (eligible for the whole period), the share of study-period
    // suspicions dated 2016 is 366/731.
    let county = TestCounties.large
    let adults = Set(county.persons.filter { $0.age >= 17 }.map(\.lopnr))
    let dates = county.suspicions.filter { adults.contains($0.lopnr) && $0.date.year < 2018 }
    let p = 366.0 / 731.0
    let n = Double(dates.count)
    let observed = Double(dates.filter { $0.date.year == 2016 }.count)
    #expect(abs(observed - n * p) < Self.z * (n * p * (1 - p)).squareRoot())
  }
}
