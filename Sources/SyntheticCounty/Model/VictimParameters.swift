/// The true model of who the violence is against: the injured party (målsägande) of every
/// suspicion, its sex, whether it is a child, and its relation to the suspect.
///
/// ```
/// vnr_partner  relation partner, adult; logit P(partner of the suspect's own sex) =
///              γ₀ + γ_kvinna·[kon = 2] + γ_ålder[aldersgrupp3] + γ_utrikes·[fodelse = utrikes]
///              (kon, age on 31 December of the reference year and true birth of the suspect);
///              one partner per suspect for the study period, a new one for the follow-up year
/// vnr_barn     relation barn, a child; a girl with probability `childGirlShare`
/// vnr_ovrig    adult; a woman with probability `otherRelativeWomanShare`; relation foralder,
///              syskon or annan_slakting with `otherRelativeRelationShares`
/// vbek         adult; a woman with probability `acquaintanceWomanShare`; a stranger (obekant)
///              with probability `strangerShare`, else an acquaintance (bekant)
/// sexkop       no injured person
/// ```
/// Every suspicion's victim is drawn from its own random stream (stream 2 of the seed), so
/// the persons, suspects, dates and offence variants are those of a county without victims.
public struct VictimParameters: Codable, Sendable, Equatable {
  /// γ₀: log-odds that a male suspect aged 15–34 born in Sweden has a partner of his own sex.
  public var sameSexIntercept: Double
  /// γ for kon = 2 (kvinna).
  public var sameSexWoman: Double
  /// γ for aldersgrupp3 = 35-54 (against 15-34).
  public var sameSexAge35to54: Double
  /// γ for aldersgrupp3 = 55+ (against 15-34).
  public var sameSexAge55plus: Double
  /// γ for fodelse = utrikes.
  public var sameSexForeign: Double
  /// P(the child is a girl) for vnr_barn.
  public var childGirlShare: Double
  /// P(the relative is a woman) for vnr_ovrig.
  public var otherRelativeWomanShare: Double
  /// P(foralder), P(syskon), P(annan_slakting) for vnr_ovrig.
  public var otherRelativeRelationShares: [Double]
  /// P(the injured party is a woman) for vbek.
  public var acquaintanceWomanShare: Double
  /// P(the injured party is a stranger) for vbek.
  public var strangerShare: Double

  public init(
    sameSexIntercept: Double = -3.9, sameSexWoman: Double = 2.2, sameSexAge35to54: Double = -0.5,
    sameSexAge55plus: Double = -0.9, sameSexForeign: Double = -0.4, childGirlShare: Double = 0.47,
    otherRelativeWomanShare: Double = 0.6,
    otherRelativeRelationShares: [Double] = [0.45, 0.35, 0.2],
    acquaintanceWomanShare: Double = 0.3, strangerShare: Double = 0.35
  ) {
    self.sameSexIntercept = sameSexIntercept
    self.sameSexWoman = sameSexWoman
    self.sameSexAge35to54 = sameSexAge35to54
    self.sameSexAge55plus = sameSexAge55plus
    self.sameSexForeign = sameSexForeign
    self.childGirlShare = childGirlShare
    self.otherRelativeWomanShare = otherRelativeWomanShare
    self.otherRelativeRelationShares = otherRelativeRelationShares
    self.acquaintanceWomanShare = acquaintanceWomanShare
    self.strangerShare = strangerShare
  }

  /// The defaults (documented in `datasets/README.md`).
  public static let defaults = VictimParameters()

  /// The log-odds that a partner-violence suspect's partner is of the suspect's own sex.
  public func sameSexLogOdds(sex: Sex, age: Int, foreign: Bool) -> Double {
    var eta = sameSexIntercept
    if sex == .woman { eta += sameSexWoman }
    if age >= 55 {
      eta += sameSexAge55plus
    } else if age >= 35 {
      eta += sameSexAge35to54
    }
    if foreign { eta += sameSexForeign }
    return eta
  }

  /// The true coefficients of `samkonad ~ kon + aldersgrupp3 + fodelse` among partner-violence
  /// suspects, named as a fitted logit names them.
  public var sameSexCoefficients: [TrueCoefficient] {
    [
      TrueCoefficient(term: "(Intercept)", value: sameSexIntercept),
      TrueCoefficient(term: "kon: 2", value: sameSexWoman),
      TrueCoefficient(term: "aldersgrupp3: 35-54", value: sameSexAge35to54),
      TrueCoefficient(term: "aldersgrupp3: 55+", value: sameSexAge55plus),
      TrueCoefficient(term: "fodelse: utrikes", value: sameSexForeign),
    ]
  }

  /// The first invalid parameter, described, or nil.
  var problem: String? {
    let shares = [childGirlShare, otherRelativeWomanShare, acquaintanceWomanShare, strangerShare]
    if shares.contains(where: { !($0 >= 0 && $0 <= 1) }) {
      return "victim shares must lie between 0 and 1"
    }
    if otherRelativeRelationShares.count != 3
      || otherRelativeRelationShares.contains(where: { !($0 >= 0 && $0.isFinite) })
      || otherRelativeRelationShares.reduce(0, +) <= 0
    {
      return
        "otherRelativeRelationShares must be three nonnegative weights (foralder, syskon, annan_slakting)"
    }
    let logits = [
      sameSexIntercept, sameSexWoman, sameSexAge35to54, sameSexAge55plus, sameSexForeign,
    ]
    if logits.contains(where: { !$0.isFinite }) { return "same-sex coefficients must be finite" }
    return nil
  }
}

/// The suspect's relation to the injured party (`relation` of `suspicions.csv`).
public enum Relation: String, CaseIterable, Codable, Sendable, Hashable {
  case partner
  case child = "barn"
  case parent = "foralder"
  case sibling = "syskon"
  case otherRelative = "annan_slakting"
  case acquaintance = "bekant"
  case stranger = "obekant"
}

/// The injured party of one suspicion as the model drew it.
public struct Victim: Sendable, Equatable {
  /// The injured party's sex.
  public var sex: Sex
  /// Whether the injured party is a child (under 18).
  public var child: Bool
  public var relation: Relation
}
