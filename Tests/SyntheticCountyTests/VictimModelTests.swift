import Foundation
import Microdata
import Testing

@testable import SyntheticCounty

/// The injured parties the generator draws (`VictimParameters`, `VictimCodes`).
@Suite struct VictimModelTests {
  @Test func everySuspicionHasTheInjuredPartyItsOffenceImplies() {
    let county = TestCounties.large
    var partner: [Int: (study: Sex?, followUp: Sex?)] = [:]
    let followUpStart = county.model.followUpPeriod.lowerBound
    for suspicion in county.suspicions {
      switch suspicion.offence {
      case .sexPurchase:
        #expect(suspicion.victim == nil && suspicion.recordedRelation == nil)
      case .childViolence:
        #expect(suspicion.victim?.child == true && suspicion.victim?.relation == .child)
      case .partnerViolence:
        let victim = suspicion.victim!
        #expect(!victim.child && victim.relation == .partner)
        // One partner per suspect in the study period, another drawn for the follow-up year.
        var seen = partner[suspicion.lopnr] ?? (nil, nil)
        if suspicion.date < followUpStart {
          #expect(seen.study == nil || seen.study == victim.sex)
          seen.study = victim.sex
        } else {
          #expect(seen.followUp == nil || seen.followUp == victim.sex)
          seen.followUp = victim.sex
        }
        partner[suspicion.lopnr] = seen
      case .otherFamilyViolence:
        let relation = suspicion.victim!.relation
        #expect([Relation.parent, .sibling, .otherRelative].contains(relation))
        // The first period's codes do not say which relative.
        let newList = suspicion.date >= VictimCodes.newListStart
        #expect(suspicion.recordedRelation == (newList ? relation : nil))
      case .acquaintanceViolence:
        #expect([Relation.acquaintance, .stranger].contains(suspicion.victim!.relation))
      }
    }
    #expect(partner.count > 300)
  }

  @Test func sameSexPartnersFollowTheModel() {
    let v = VictimParameters.defaults
    #expect(v.sameSexLogOdds(sex: .man, age: 30, foreign: false) == -3.9)
    #expect(v.sameSexLogOdds(sex: .woman, age: 40, foreign: true) == -3.9 + 2.2 - 0.5 - 0.4)
    #expect(v.sameSexLogOdds(sex: .man, age: 55, foreign: false) == -3.9 - 0.9)
    #expect(
      v.sameSexCoefficients.map(\.term) == [
        "(Intercept)", "kon: 2", "aldersgrupp3: 35-54", "aldersgrupp3: 55+", "fodelse: utrikes",
      ])
  }

  @Test func codesCarryTheInjuredParty() {
    let woman = Victim(sex: .woman, child: false, relation: .partner)
    let man = Victim(sex: .man, child: false, relation: .partner)
    #expect(
      VictimCodes.code(offence: .partnerViolence, variant: "0375", victim: woman, newList: false)
        == "0375")
    #expect(
      VictimCodes.code(offence: .partnerViolence, variant: "0401", victim: man, newList: true)
        == "0403")
    let brother = Victim(sex: .man, child: false, relation: .sibling)
    #expect(
      VictimCodes.code(
        offence: .otherFamilyViolence, variant: "0379", victim: brother, newList: false) == "0395")
    #expect(
      VictimCodes.code(
        offence: .otherFamilyViolence, variant: "0381", victim: brother, newList: true) == "0419")
    let stranger = Victim(sex: .woman, child: false, relation: .stranger)
    #expect(
      VictimCodes.code(
        offence: .acquaintanceViolence, variant: "0385", victim: stranger, newList: false) == "0424"
    )
    #expect(
      VictimCodes.code(offence: .sexPurchase, variant: "0664", victim: nil, newList: false)
        == "0664")
  }

  @Test func invalidVictimParametersAreConfigurationErrors() {
    var configuration = CountyConfiguration(persons: 100, seed: 1)
    configuration.victims.strangerShare = 1.5
    #expect(throws: CountyError.self) { try CountyGenerator(configuration: configuration) }
    configuration.victims = .defaults
    configuration.victims.otherRelativeRelationShares = [1, 1]
    #expect(throws: CountyError.self) { try CountyGenerator(configuration: configuration) }
  }
}
