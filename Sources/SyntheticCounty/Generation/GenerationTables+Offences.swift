import Microdata

extension GenerationTables {
  /// Draws whether a person is suspected of an offence in the study period and, if so, the
  /// suspect row; the person's suspicions (study period and follow-up year) are appended to
  /// `events`, unsorted.
  ///
  /// Draws from `random`, in order: suspected (one uniform); the number of further suspicions
  /// (negative binomial); each study-period date, uniform over the days from the later of the
  /// period's start and the 15th birthday to the period's end; each date's offence variant;
  /// recidivism (one uniform) and, for recidivists, 1 + Poisson(λ) follow-up dates, uniform
  /// over the follow-up year, with their variants. The injured parties come from `victims`
  /// (stream 2), so the draws above are those of a county without victims.
  @inline(__always)
  func drawOffence(
    _ offence: Int, person: Person, stratum: Int, random: inout Xoshiro256StarStar,
    victims: inout Xoshiro256StarStar, events: inout [Suspicion]
  ) -> Suspect? {
    guard random.uniform() < suspicionProbability[offence][stratum] else { return nil }
    let group = AgeGroup(age: person.age)!.index
    let sexGroup = (person.sex.rawValue - 1) * 7 + group
    let count =
      1
      + random.negativeBinomial(
        mean: repetitionMean[offence][sexGroup], shape: repetitionShape[offence])
    let eligibleFrom = max(studyStart, person.birthDate.birthday(years: 15).dayNumber)
    var first = Int.max
    // One partner for the study period, another for the follow-up year.
    var partner = partnerVictim(offence, person, &victims)
    for _ in 0..<count {
      let day = random.integer(in: eligibleFrom...studyEnd)
      first = min(first, day)
      events.append(suspicion(offence, person.lopnr, day, partner, &random, &victims))
    }
    let repeated = count >= 2
    if random.uniform() < recidivismProbability[offence][sexGroup * 2 + (repeated ? 1 : 0)] {
      let followUps = 1 + random.poisson(mean: followUpAdditionalMean[offence])
      partner = partnerVictim(offence, person, &victims)
      for _ in 0..<followUps {
        let day = random.integer(in: followUpStart...followUpEnd)
        events.append(suspicion(offence, person.lopnr, day, partner, &random, &victims))
      }
    }
    let firstDate = CalendarDay(dayNumber: first)
    return Suspect(
      lopnr: person.lopnr, year: firstDate.year, sex: person.sex,
      age: person.birthDate.age(on: firstDate), education: person.education,
      birthRegion: person.birthRegion, offence: OffenceType.ordered[offence], suspicions: count)
  }

  /// The partner of a partner-violence suspect (nil for other offences): of the suspect's own
  /// sex with the probability of `VictimParameters.sameSexLogOdds`.
  @inline(__always)
  private func partnerVictim(
    _ offence: Int, _ person: Person, _ victims: inout Xoshiro256StarStar
  ) -> Victim? {
    guard OffenceType.ordered[offence] == .partnerViolence else { return nil }
    let p = logistic(
      self.victims.sameSexLogOdds(
        sex: person.sex, age: person.age, foreign: person.trueBirthRegion != 1))
    let sameSex = victims.uniform() < p
    let sex: Sex = sameSex ? person.sex : (person.sex == .man ? .woman : .man)
    return Victim(sex: sex, child: false, relation: .partner)
  }

  /// The injured party of a suspicion of another offence than partner violence.
  @inline(__always)
  private func otherVictim(_ offence: OffenceType, _ victims: inout Xoshiro256StarStar)
    -> Victim?
  {
    let v = self.victims
    switch offence {
    case .partnerViolence, .sexPurchase:
      return nil
    case .childViolence:
      return Victim(
        sex: victims.uniform() < v.childGirlShare ? .woman : .man, child: true, relation: .child)
    case .otherFamilyViolence:
      let sex: Sex = victims.uniform() < v.otherRelativeWomanShare ? .woman : .man
      let relation = [Relation.parent, .sibling, .otherRelative][
        otherRelativeCumulative.firstIndex(above: victims.uniform())]
      return Victim(sex: sex, child: false, relation: relation)
    case .acquaintanceViolence:
      let sex: Sex = victims.uniform() < v.acquaintanceWomanShare ? .woman : .man
      let relation: Relation = victims.uniform() < v.strangerShare ? .stranger : .acquaintance
      return Victim(sex: sex, child: false, relation: relation)
    }
  }

  @inline(__always)
  private func suspicion(
    _ offence: Int, _ lopnr: Int, _ day: Int, _ partner: Victim?,
    _ random: inout Xoshiro256StarStar, _ victims: inout Xoshiro256StarStar
  ) -> Suspicion {
    let type = OffenceType.ordered[offence]
    let variant = codes[offence][codeCumulative[offence].firstIndex(above: random.uniform())]
    let victim = partner ?? otherVictim(type, &victims)
    let newList = day >= VictimCodes.newListStart.dayNumber
    return Suspicion(
      lopnr: lopnr, date: CalendarDay(dayNumber: day),
      code: VictimCodes.code(offence: type, variant: variant, victim: victim, newList: newList),
      offence: type, victim: victim,
      recordedRelation: VictimCodes.carriesRelation(offence: type, newList: newList)
        ? victim?.relation : nil)
  }
}
