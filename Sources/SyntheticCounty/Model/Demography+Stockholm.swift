// A Stockholm-like county on 31 December 2016.
//
// The numbers are rounded approximations of SCB's published population statistics for
// Stockholm County (Stockholms län) around 2016: residents by five-year age band and sex, the
// foreign-born share by age, the regions of birth of the foreign born, and the population and
// foreign-born share of the 26 municipalities. They make the county look plausible; they are
// not a copy of any table and no analysis should treat them as official figures.

extension Demography {
  /// The default population model: a Stockholm-like county in 2016 (about 68 % born in Sweden,
  /// Stockholm municipality about 41 % of residents).
  public static let stockholm2016 = Demography(
    ageBands: [
      AgeBand(lowest: 15, highest: 19, persons: 115, maleShare: 0.514),
      AgeBand(lowest: 20, highest: 24, persons: 140, maleShare: 0.508),
      AgeBand(lowest: 25, highest: 29, persons: 180, maleShare: 0.503),
      AgeBand(lowest: 30, highest: 34, persons: 185, maleShare: 0.507),
      AgeBand(lowest: 35, highest: 39, persons: 165, maleShare: 0.508),
      AgeBand(lowest: 40, highest: 44, persons: 165, maleShare: 0.506),
      AgeBand(lowest: 45, highest: 49, persons: 165, maleShare: 0.503),
      AgeBand(lowest: 50, highest: 54, persons: 150, maleShare: 0.500),
      AgeBand(lowest: 55, highest: 59, persons: 125, maleShare: 0.495),
      AgeBand(lowest: 60, highest: 64, persons: 115, maleShare: 0.490),
      AgeBand(lowest: 65, highest: 69, persons: 115, maleShare: 0.478),
      AgeBand(lowest: 70, highest: 74, persons: 100, maleShare: 0.463),
      AgeBand(lowest: 75, highest: 79, persons: 65, maleShare: 0.440),
      AgeBand(lowest: 80, highest: 84, persons: 42, maleShare: 0.400),
      AgeBand(lowest: 85, highest: 89, persons: 27, maleShare: 0.340),
      AgeBand(lowest: 90, highest: 94, persons: 11, maleShare: 0.270),
      AgeBand(lowest: 95, highest: 99, persons: 2.5, maleShare: 0.200),
      AgeBand(lowest: 100, highest: 100, persons: 0.3, maleShare: 0.150),
    ],
    foreignBornShare: AgeGroupTable([0.15, 0.24, 0.36, 0.41, 0.36, 0.31, 0.19]),
    birthRegionShares: [
      BirthRegionShare(code: 2, share: 0.110, educationShift: 0.1),  // Norden utom Sverige
      BirthRegionShare(code: 3, share: 0.165, educationShift: 0.5),  // EU utom Norden
      BirthRegionShare(code: 4, share: 0.170, educationShift: -0.1),  // Europa utom EU och Norden
      BirthRegionShare(code: 5, share: 0.110, educationShift: -0.3),  // Afrika
      BirthRegionShare(code: 6, share: 0.360, educationShift: -0.1),  // Asien
      BirthRegionShare(code: 7, share: 0.022, educationShift: 0.9),  // Nordamerika
      BirthRegionShare(code: 8, share: 0.060, educationShift: 0.2),  // Sydamerika
      BirthRegionShare(code: 9, share: 0.003, educationShift: 0.8),  // Oceanien
    ],
    missingBirthRegionShare: 0.0005,
    education: EducationDistribution(
      referenceCumulative: AgeGroupTable([
        [0.40, 0.97, 0.99, 0.998, 0.999, 0.9999],
        [0.02, 0.15, 0.30, 0.80, 0.94, 0.9995],
        [0.02, 0.08, 0.20, 0.45, 0.58, 0.985],
        [0.02, 0.08, 0.22, 0.45, 0.58, 0.97],
        [0.03, 0.10, 0.30, 0.52, 0.65, 0.975],
        [0.04, 0.14, 0.38, 0.56, 0.71, 0.98],
        [0.12, 0.27, 0.52, 0.63, 0.77, 0.985],
      ]),
      womanShift: AgeGroupTable([0.10, 0.45, 0.45, 0.45, 0.35, 0.25, -0.15]),
      foreignShift: -0.45,
      missingShare: AgeGroupTable([0.015, 0.008, 0.005, 0.005, 0.005, 0.008, 0.025]),
      foreignMissingOddsRatio: 15),
    municipalities: [
      Municipality(
        code: "0114", name: "Upplands Väsby", population: 44_000, foreignBornShare: 0.29),
      Municipality(code: "0115", name: "Vallentuna", population: 32_500, foreignBornShare: 0.15),
      Municipality(code: "0117", name: "Österåker", population: 43_500, foreignBornShare: 0.14),
      Municipality(code: "0120", name: "Värmdö", population: 42_000, foreignBornShare: 0.12),
      Municipality(code: "0123", name: "Järfälla", population: 74_000, foreignBornShare: 0.30),
      Municipality(code: "0125", name: "Ekerö", population: 27_500, foreignBornShare: 0.13),
      Municipality(code: "0126", name: "Huddinge", population: 108_000, foreignBornShare: 0.30),
      Municipality(code: "0127", name: "Botkyrka", population: 91_000, foreignBornShare: 0.41),
      Municipality(code: "0128", name: "Salem", population: 16_500, foreignBornShare: 0.24),
      Municipality(code: "0136", name: "Haninge", population: 85_000, foreignBornShare: 0.26),
      Municipality(code: "0138", name: "Tyresö", population: 46_500, foreignBornShare: 0.20),
      Municipality(code: "0139", name: "Upplands-Bro", population: 27_000, foreignBornShare: 0.26),
      Municipality(code: "0140", name: "Nykvarn", population: 10_000, foreignBornShare: 0.13),
      Municipality(code: "0160", name: "Täby", population: 69_000, foreignBornShare: 0.20),
      Municipality(code: "0162", name: "Danderyd", population: 32_500, foreignBornShare: 0.20),
      Municipality(code: "0163", name: "Sollentuna", population: 71_000, foreignBornShare: 0.25),
      Municipality(code: "0180", name: "Stockholm", population: 935_000, foreignBornShare: 0.25),
      Municipality(code: "0181", name: "Södertälje", population: 95_000, foreignBornShare: 0.37),
      Municipality(code: "0182", name: "Nacka", population: 99_000, foreignBornShare: 0.22),
      Municipality(code: "0183", name: "Sundbyberg", population: 47_000, foreignBornShare: 0.33),
      Municipality(code: "0184", name: "Solna", population: 78_000, foreignBornShare: 0.28),
      Municipality(code: "0186", name: "Lidingö", population: 47_000, foreignBornShare: 0.20),
      Municipality(code: "0187", name: "Vaxholm", population: 11_500, foreignBornShare: 0.10),
      Municipality(code: "0188", name: "Norrtälje", population: 59_000, foreignBornShare: 0.11),
      Municipality(code: "0191", name: "Sigtuna", population: 46_000, foreignBornShare: 0.33),
      Municipality(code: "0192", name: "Nynäshamn", population: 27_500, foreignBornShare: 0.14),
    ])
}
