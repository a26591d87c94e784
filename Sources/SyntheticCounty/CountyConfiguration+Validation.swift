extension CountyConfiguration {
  /// Checks every parameter the generator relies on.
  ///
  /// - Throws: `CountyError.invalidConfiguration` naming the first offending parameter.
  public func validate() throws(CountyError) {
    try check(
      "persons", persons, (1...Self.maximumPersons).contains(persons),
      "must be between 1 and \(Self.maximumPersons)")
    try check(
      "referenceYear", referenceYear, Self.referenceYears.contains(referenceYear),
      "must be between \(Self.referenceYears.lowerBound) and \(Self.referenceYears.upperBound)")
    try validateDemography()
    try check(
      "offences", offences.map(\.offence.rawValue).joined(separator: ","),
      offences.map(\.offence) == OffenceType.allCases,
      "must list each offence type once, in the order \(OffenceType.allCases.map(\.rawValue))")
    for parameters in offences { try validate(parameters) }
    if let problem = victims.problem {
      throw .invalidConfiguration(parameter: "victims", value: "", requirement: problem)
    }
  }

  private func validateDemography() throws(CountyError) {
    let d = demography
    try check("demography.ageBands", d.ageBands.count, !d.ageBands.isEmpty, "must not be empty")
    var next = d.ageBands[0].lowest
    try check("demography.ageBands[0].lowest", next, next >= 15, "must be at least 15")
    for (i, band) in d.ageBands.enumerated() {
      try check(
        "demography.ageBands[\(i)]", "\(band.lowest)–\(band.highest)",
        band.lowest == next && band.highest >= band.lowest,
        "must continue the previous band without gaps")
      try check(
        "demography.ageBands[\(i)].persons", band.persons,
        band.persons >= 0 && band.persons.isFinite, "must be finite and non-negative")
      try checkShare("demography.ageBands[\(i)].maleShare", band.maleShare)
      next = band.highest + 1
    }
    try check(
      "demography.ageBands", "a total of 0", d.ageBands.reduce(0) { $0 + $1.persons } > 0,
      "must hold some persons")
    for group in AgeGroup.allCases {
      try checkShare("demography.foreignBornShare[\(group.rawValue)]", d.foreignBornShare[group])
    }
    let codes = d.birthRegionShares.map(\.code)
    try check(
      "demography.birthRegionShares", codes.map(String.init).joined(separator: ","),
      !codes.isEmpty && Set(codes).count == codes.count && codes.allSatisfy { (2...9).contains($0) }
        && d.birthRegionShares.allSatisfy {
          $0.share >= 0 && $0.share.isFinite && $0.educationShift.isFinite
        }
        && d.birthRegionShares.reduce(0) { $0 + $1.share } > 0,
      "must give distinct codes 2–9 with non-negative shares summing to more than 0 and finite education shifts"
    )
    try checkShare("demography.missingBirthRegionShare", d.missingBirthRegionShare)
    let e = d.education
    for group in AgeGroup.allCases {
      let c = e.referenceCumulative[group]
      try check(
        "demography.education.referenceCumulative[\(group.rawValue)]", c,
        c.count == 6 && c.allSatisfy { $0 > 0 && $0 < 1 } && zip(c, c.dropFirst()).allSatisfy(<),
        "must be six strictly increasing probabilities between 0 and 1")
      try check(
        "demography.education.womanShift[\(group.rawValue)]", e.womanShift[group],
        e.womanShift[group].isFinite, "must be finite")
      try check(
        "demography.education.missingShare[\(group.rawValue)]", e.missingShare[group],
        e.missingShare[group] >= 0 && e.missingShare[group] < 1, "must be in [0, 1)")
    }
    try check(
      "demography.education.foreignShift", e.foreignShift, e.foreignShift.isFinite,
      "must be finite")
    try check(
      "demography.education.foreignMissingOddsRatio", e.foreignMissingOddsRatio,
      e.foreignMissingOddsRatio > 0 && e.foreignMissingOddsRatio.isFinite,
      "must be positive and finite")
    try check(
      "demography.municipalities", d.municipalities.count,
      !d.municipalities.isEmpty
        && d.municipalities.allSatisfy {
          $0.code.utf8.count == 4 && $0.code.utf8.allSatisfy { (48...57).contains($0) }
            && $0.population >= 0 && $0.population.isFinite
            && (0...1).contains($0.foreignBornShare)
        }
        && d.municipalities.reduce(0) { $0 + $1.population } > 0,
      "must list municipalities with four-digit codes, non-negative sizes and shares in [0, 1]")
  }

  private func validate(_ p: OffenceParameters) throws(CountyError) {
    let name = "offences[\(p.offence.rawValue)]"
    let effects =
      [p.intercept, p.woman, p.foreign, p.womanByForeign]
      + AgeGroup.allCases.flatMap { [p.ageGroup[$0], p.womanByAgeGroup[$0]] }
      + EducationLevel.allCases.map { p.education[$0] }
    try check(
      "\(name) effects", effects, effects.allSatisfy(\.isFinite), "must all be finite")
    try check(
      "\(name).stratumStandardDeviation", p.stratumStandardDeviation,
      p.stratumStandardDeviation >= 0 && p.stratumStandardDeviation.isFinite,
      "must be finite and non-negative")
    let r = p.repetition
    try check(
      "\(name).repetition", r.intercept,
      ([r.intercept, r.woman] + AgeGroup.allCases.map { r.ageGroup[$0] }).allSatisfy(\.isFinite)
        && r.shape > 0 && !r.shape.isNaN,
      "must have finite effects and a positive shape")
    let c = p.recidivism
    try check(
      "\(name).recidivism", c.intercept,
      ([c.intercept, c.woman, c.repeated] + AgeGroup.allCases.map { c.ageGroup[$0] })
        .allSatisfy(\.isFinite) && c.additionalMean >= 0 && c.additionalMean.isFinite,
      "must have finite effects and a finite, non-negative additional mean")
    try check(
      "\(name).codes", p.codes.map(\.code).joined(separator: ","),
      !p.codes.isEmpty
        && p.codes.allSatisfy {
          $0.code.utf8.count == 4 && $0.code.utf8.allSatisfy { (48...57).contains($0) }
            && $0.weight >= 0 && $0.weight.isFinite
        } && p.codes.reduce(0) { $0 + $1.weight } > 0,
      "must list four-digit codes with non-negative weights summing to more than 0")
  }

  private func checkShare(_ parameter: String, _ value: Double) throws(CountyError) {
    try check(parameter, value, (0...1).contains(value), "must be a share between 0 and 1")
  }

  private func check(
    _ parameter: String, _ value: some Any, _ condition: Bool, _ requirement: String
  ) throws(CountyError) {
    if !condition {
      throw .invalidConfiguration(
        parameter: parameter, value: "\(value)", requirement: requirement)
    }
  }
}
