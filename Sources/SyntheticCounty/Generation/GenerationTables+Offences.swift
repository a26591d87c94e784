import Microdata

extension GenerationTables {
  /// Draws whether a person is suspected of an offence in the study period and, if so, the
  /// suspect row; the person's suspicions (study period and follow-up year) are appended to
  /// `events`, unsorted.
  ///
  /// Draws, in order: suspected (one uniform); the number of further suspicions (negative
  /// binomial); each study-period date, uniform over the days from the later of the period's
  /// start and the 15th birthday to the period's end; each date's offence code; recidivism
  /// (one uniform) and, for recidivists, 1 + Poisson(λ) follow-up dates, uniform over the
  /// follow-up year, with their codes.
  @inline(__always)
  func drawOffence(
    _ offence: Int, person: Person, stratum: Int, random: inout Xoshiro256StarStar,
    events: inout [Suspicion]
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
    for _ in 0..<count {
      let day = random.integer(in: eligibleFrom...studyEnd)
      first = min(first, day)
      events.append(suspicion(offence, person.lopnr, day, &random))
    }
    let repeated = count >= 2
    if random.uniform() < recidivismProbability[offence][sexGroup * 2 + (repeated ? 1 : 0)] {
      let followUps = 1 + random.poisson(mean: followUpAdditionalMean[offence])
      for _ in 0..<followUps {
        let day = random.integer(in: followUpStart...followUpEnd)
        events.append(suspicion(offence, person.lopnr, day, &random))
      }
    }
    let firstDate = CalendarDay(dayNumber: first)
    return Suspect(
      lopnr: person.lopnr, year: firstDate.year, sex: person.sex,
      age: person.birthDate.age(on: firstDate), education: person.education,
      birthRegion: person.birthRegion, offence: OffenceType.ordered[offence], suspicions: count)
  }

  @inline(__always)
  private func suspicion(
    _ offence: Int, _ lopnr: Int, _ day: Int, _ random: inout Xoshiro256StarStar
  ) -> Suspicion {
    let code = codes[offence][codeCumulative[offence].firstIndex(above: random.uniform())]
    return Suspicion(
      lopnr: lopnr, date: CalendarDay(dayNumber: day), code: code,
      offence: OffenceType.ordered[offence])
  }
}
