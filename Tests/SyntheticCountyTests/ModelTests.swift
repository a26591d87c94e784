import Foundation
import StatsTestSupport
import Testing

@testable import SyntheticCounty

@Suite struct ModelTests {
  @Test func strataAreTheFullFactorialInIndexOrder() {
    #expect(Stratum.count == 112)
    #expect(Stratum.all.enumerated().allSatisfy { $0.offset == $0.element.index })
    #expect(Set(Stratum.all).count == 112)
    #expect(Stratum.all[0].key == "1|15-17|forgymnasial|inrikes")
    #expect(Stratum.all[111].key == "2|65+|saknas|utrikes")
  }

  @Test func groupingsFollowTheCodebook() {
    #expect(AgeGroup(age: 14) == nil)
    #expect(AgeGroup(age: 15) == .years15to17)
    #expect(AgeGroup(age: 24) == .years18to24)
    #expect(AgeGroup(age: 65) == .years65plus)
    #expect(AgeGroup.allCases.allSatisfy { AgeGroup.allCases[$0.index] == $0 })
    #expect(EducationLevel(sun2000: 2) == .compulsory)
    #expect(EducationLevel(sun2000: 3) == .upperSecondary)
    #expect(EducationLevel(sun2000: 7) == .postSecondary)
    #expect(EducationLevel(sun2000: nil) == .missing)
    #expect(Birth(birthRegion: 1) == .domestic && Birth(birthRegion: 6) == .foreign)
  }

  @Test func zeroStandardDeviationTurnsTheRandomEffectsOff() throws {
    var configuration = CountyConfiguration(persons: 100)
    configuration.setStratumStandardDeviation(0)
    let model = try CountyModel(configuration: configuration)
    #expect(model.stratumEffects.allSatisfy { $0.allSatisfy { $0 == 0 && $0.sign == .plus } })
    for offence in OffenceType.allCases {
      #expect(model.variancePartition(for: offence).vpc == 0)
    }
  }

  @Test func defaultVPCFollowsFromSigma() throws {
    let model = try CountyModel(configuration: CountyConfiguration())
    for offence in OffenceType.allCases {
      let sigma = model.parameters(for: offence).stratumStandardDeviation
      let partition = model.variancePartition(for: offence)
      expectApproximatelyEqual(
        partition.vpc, sigma * sigma / (sigma * sigma + Double.pi * Double.pi / 3),
        relative: 1e-15, "VPC of \(offence)")
      #expect(partition.mainEffectsModelVPC >= partition.vpc)
    }
  }

  @Test func linearPredictorSumsTheNamedCoefficients() throws {
    let model = try CountyModel(configuration: CountyConfiguration(seed: 3))
    for offence in OffenceType.allCases {
      let coefficients = Dictionary(
        uniqueKeysWithValues: model.coefficients(for: offence).map { ($0.term, $0.value) })
      #expect(coefficients.count == 19)
      for stratum in Stratum.all {
        let terms = activeTerms(of: stratum)
        let eta =
          terms.reduce(0) { $0 + coefficients[$1]! }
          + model.stratumEffect(offence, stratum: stratum)
        expectApproximatelyEqual(
          model.linearPredictor(offence, stratum: stratum), eta, relative: 1e-14, absolute: 1e-14,
          "\(offence) \(stratum.key)")
      }
    }
  }

  @Test func interactionVarianceIsZeroWithoutInteractions() throws {
    var configuration = CountyConfiguration()
    configuration[.partnerViolence].womanByForeign = 0
    configuration[.partnerViolence].womanByAgeGroup = .zero
    let model = try CountyModel(configuration: configuration)
    #expect(model.variancePartition(for: .partnerViolence).interactionVariance == 0)
    // A pure main effect is absorbed completely by the main-effects projection.
    let mainOnly = Stratum.all.map { Double($0.ageGroup.index) * 0.3 + ($0.sex == .woman ? 1 : 0) }
    expectApproximatelyEqual(
      CountyModel.mainEffectsResidualVariance(mainOnly), 0, relative: 0, absolute: 1e-28,
      "residual of main effects")
    // A kon × fodelse interaction ±c/4 pattern: residual ±c/4 everywhere, variance c²/16.
    let c = 0.8
    let interaction = Stratum.all.map { $0.sex == .woman && $0.birth == .foreign ? c : 0 }
    expectApproximatelyEqual(
      CountyModel.mainEffectsResidualVariance(interaction), c * c / 16, relative: 1e-12,
      "residual of a 2 × 2 interaction")
  }

  @Test func educationProbabilitiesSumToOne() {
    let education = Demography.stockholm2016.education
    for sex in Sex.allCases {
      for group in AgeGroup.allCases {
        for region in 1...9 {
          let p = Demography.stockholm2016.educationLevelProbabilities(
            sex: sex, ageGroup: group, birthRegion: region)
          #expect(p.count == 7 && p.allSatisfy { $0 > 0 })
          expectApproximatelyEqual(p.reduce(0, +), 1, relative: 1e-12, "sum")
        }
      }
    }
    // Men born in Sweden reproduce the reference cumulative shares.
    let p = education.levelProbabilities(sex: .man, ageGroup: .years25to34, birth: .domestic)
    expectApproximatelyEqual(p[0] + p[1], 0.08, relative: 1e-12, "P(level ≤ 2)")
  }

  @Test func invalidConfigurationsAreRejectedWithASentence() {
    func error(_ change: (inout CountyConfiguration) -> Void) -> CountyError? {
      var configuration = CountyConfiguration()
      change(&configuration)
      do {
        _ = try CountyGenerator(configuration: configuration)
        return nil
      } catch {
        return error
      }
    }
    #expect(error { $0.persons = 0 }?.description.contains("persons is 0") == true)
    #expect(
      error { $0[.sexPurchase].stratumStandardDeviation = -1 }?.description
        .contains("offences[sexkop].stratumStandardDeviation") == true)
    #expect(error { $0.offences.swapAt(0, 1) } != nil)
    #expect(error { $0.demography.ageBands[0].lowest = 14 } != nil)
    #expect(error { $0.demography.ageBands.remove(at: 3) } != nil)
    #expect(error { $0[.partnerViolence].codes[0].code = "37" } != nil)
    #expect(error { $0[.partnerViolence].repetition.shape = 0 } != nil)
    #expect(error { $0.demography.education.referenceCumulative.years15to17 = [0.5, 0.4] } != nil)
    #expect(error { _ in } == nil)
  }

  @Test func writingIntoAFileFailsWithATypedError() throws {
    let directory = temporaryDirectory("county-error")
    let blocker = directory.appendingPathComponent("not-a-directory")
    try Data("x".utf8).write(to: blocker)
    let generator = try CountyGenerator(configuration: CountyConfiguration(persons: 10))
    #expect(throws: CountyError.self) { try generator.write(to: blocker) }
  }
}
