import Microdata

extension GenerationTables {
  /// Draws one resident (see `Demography` for the model). The order of the draws is fixed:
  /// age, birth day, sex, birth abroad, region of birth, recorded region missing, education
  /// missing, education level, municipality.
  @inline(__always)
  func drawPerson(lopnr: Int, random: inout Xoshiro256StarStar) -> Person {
    let ageIndex = ageTable.sample(&random)
    let age = lowestAge + ageIndex
    let birthYear = referenceYear - age
    let january1 = CalendarDay(year: birthYear, month: 1, day: 1)!.dayNumber
    let daysInYear = CalendarDay.isLeapYear(birthYear) ? 366 : 365
    let birthDate = CalendarDay(dayNumber: january1 + random.integer(in: 0...(daysInYear - 1)))
    let sex: Sex = random.bernoulli(maleShare[ageIndex]) ? .man : .woman
    let group = AgeGroup(age: age)!.index
    let foreign = random.bernoulli(foreignShare[group])
    let region = foreign ? regionCodes[regionCumulative.firstIndex(above: random.uniform())] : 1
    let recordedRegion: Int? = random.bernoulli(missingBirthRegion) ? nil : region
    let e = Self.educationIndex(sex: sex, ageGroup: group, birthRegion: region)
    let education: Int? =
      random.bernoulli(educationMissing[e])
      ? nil : educationCumulative[e].firstIndex(above: random.uniform()) + 1
    let municipality = municipalityCodes[municipalityTables[foreign ? 1 : 0].sample(&random)]
    return Person(
      lopnr: lopnr, sex: sex, age: age, birthDate: birthDate, education: education,
      birthRegion: recordedRegion, trueBirthRegion: region, municipality: municipality)
  }
}
