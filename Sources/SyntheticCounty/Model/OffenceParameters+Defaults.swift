// The default true parameters of the five offence types.
//
// They are invented, not estimated, but chosen to give magnitudes like those in Brå's
// statistics of suspects for a Stockholm-like county over two years: about 0.2–0.4 % of adult
// men suspected of partner violence, fewer for the other types; men 80–90 % of the suspects of
// violence and about 99 % of those of sexköp (so that women's cells are small and nearly
// separated); peak ages 25–44 for violence in the family and 15–24 for violence against
// acquaintances; higher rates with lower education and for persons born abroad, with
// interactions of sex with birth region and age. About a quarter of suspects have two or more
// suspicions in the period. datasets/README.md tabulates every value.

extension OffenceParameters {
  /// The documented default parameters of an offence type.
  public static func defaults(for offence: OffenceType) -> OffenceParameters {
    switch offence {
    case .partnerViolence:
      OffenceParameters(
        offence: offence, intercept: -7.45, woman: -1.75,
        ageGroup: AgeGroupEffects([1.9, 2.4, 2.4, 2.0, 1.3, 0.1]),
        education: EducationEffects(upperSecondary: -0.5, postSecondary: -1.2, missing: -0.1),
        foreign: 0.8, womanByForeign: -0.4,
        womanByAgeGroup: AgeGroupEffects([0.3, 0.1, 0.0, -0.1, -0.2, -0.3]),
        stratumStandardDeviation: 0.25,
        repetition: .defaults(intercept: -0.8),
        recidivism: .defaults(intercept: -1.0),
        codes: [
          OffenceCode(code: "0375", label: "misshandel, ej grov, mot partner, inomhus", weight: 55),
          OffenceCode(code: "0376", label: "misshandel, ej grov, mot partner, utomhus", weight: 15),
          OffenceCode(code: "0377", label: "grov misshandel mot partner", weight: 10),
          OffenceCode(code: "0401", label: "grov kvinnofrids- eller fridskränkning", weight: 20),
        ])
    case .childViolence:
      OffenceParameters(
        offence: offence, intercept: -8.8, woman: -1.35,
        ageGroup: AgeGroupEffects([1.2, 2.6, 2.9, 2.3, 0.9, -0.6]),
        education: EducationEffects(upperSecondary: -0.4, postSecondary: -1.0, missing: 0.0),
        foreign: 0.9, womanByForeign: -0.2,
        womanByAgeGroup: AgeGroupEffects([-0.3, 0.2, 0.1, -0.1, -0.3, -0.3]),
        stratumStandardDeviation: 0.3,
        repetition: .defaults(intercept: -1.05),
        recidivism: .defaults(intercept: -1.4),
        codes: [
          OffenceCode(code: "0371", label: "misshandel, ej grov, mot barn 0–6 år", weight: 30),
          OffenceCode(code: "0372", label: "misshandel, ej grov, mot barn 7–14 år", weight: 45),
          OffenceCode(code: "0373", label: "misshandel, ej grov, mot barn 15–17 år", weight: 15),
          OffenceCode(code: "0374", label: "grov misshandel mot barn", weight: 10),
        ])
    case .otherFamilyViolence:
      OffenceParameters(
        offence: offence, intercept: -6.9, woman: -1.3,
        ageGroup: AgeGroupEffects([0.2, 0.1, -0.1, -0.1, -0.5, -1.3]),
        education: EducationEffects(upperSecondary: -0.4, postSecondary: -1.0, missing: -0.1),
        foreign: 0.6, womanByForeign: -0.3,
        womanByAgeGroup: AgeGroupEffects([0.1, 0.1, 0.2, 0.2, 0.2, 0.3]),
        stratumStandardDeviation: 0.3,
        repetition: .defaults(intercept: -1.0),
        recidivism: .defaults(intercept: -1.2),
        codes: [
          OffenceCode(
            code: "0379", label: "misshandel, ej grov, mot annan närstående, inomhus", weight: 60),
          OffenceCode(
            code: "0380", label: "misshandel, ej grov, mot annan närstående, utomhus", weight: 20),
          OffenceCode(code: "0381", label: "grov misshandel mot annan närstående", weight: 10),
          OffenceCode(code: "0402", label: "grov fridskränkning mot annan närstående", weight: 10),
        ])
    case .acquaintanceViolence:
      OffenceParameters(
        offence: offence, intercept: -5.15, woman: -1.5,
        ageGroup: AgeGroupEffects([0.1, -0.3, -0.7, -1.0, -1.6, -2.9]),
        education: EducationEffects(upperSecondary: -0.6, postSecondary: -1.4, missing: -0.2),
        foreign: 0.7, womanByForeign: -0.5,
        womanByAgeGroup: AgeGroupEffects([-0.2, -0.3, -0.3, -0.3, -0.2, -0.2]),
        stratumStandardDeviation: 0.25,
        repetition: .defaults(intercept: -1.1),
        recidivism: .defaults(intercept: -1.1),
        codes: [
          OffenceCode(code: "0383", label: "misshandel, ej grov, mot bekant, inomhus", weight: 45),
          OffenceCode(code: "0384", label: "misshandel, ej grov, mot bekant, utomhus", weight: 45),
          OffenceCode(code: "0385", label: "grov misshandel mot bekant", weight: 10),
        ])
    case .sexPurchase:
      OffenceParameters(
        offence: offence, intercept: -10.0, woman: -4.6,
        ageGroup: AgeGroupEffects([1.6, 2.4, 2.6, 2.5, 2.0, 0.9]),
        education: EducationEffects(upperSecondary: -0.1, postSecondary: -0.2, missing: -0.3),
        foreign: 0.3, womanByForeign: 0,
        womanByAgeGroup: .zero,
        stratumStandardDeviation: 0.3,
        repetition: .defaults(intercept: -1.4),
        recidivism: .defaults(intercept: -2.2),
        codes: [
          OffenceCode(code: "0664", label: "köp av sexuell tjänst", weight: 90),
          OffenceCode(code: "0665", label: "försök till köp av sexuell tjänst", weight: 10),
        ])
    }
  }
}

extension RepetitionParameters {
  /// The default repetition model with a given intercept: fewer further suspicions for women
  /// and at older ages, geometric counts (shape 1).
  static func defaults(intercept: Double) -> RepetitionParameters {
    RepetitionParameters(
      intercept: intercept, woman: -0.3,
      ageGroup: AgeGroupEffects([0.05, 0.0, -0.1, -0.2, -0.4, -0.7]), shape: 1)
  }
}

extension RecidivismParameters {
  /// The default recidivism model with a given intercept: less recidivism for women and at
  /// older ages, more after repeated suspicions.
  static func defaults(intercept: Double) -> RecidivismParameters {
    RecidivismParameters(
      intercept: intercept, woman: -0.4,
      ageGroup: AgeGroupEffects([0.0, -0.1, -0.2, -0.4, -0.7, -1.2]), repeated: 0.8,
      additionalMean: 0.3)
  }
}
