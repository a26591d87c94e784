/// Counts persons by kon × single year of age × utbildning × fodelseland (as recorded) in a
/// flat array, and lists the nonzero cells in the order of `population.csv`: numerically by
/// kon, alder, utbildning (1–7, then missing) and fodelseland (1–9, then missing).
struct PopulationCounter: Sendable {
  let year: Int
  let lowestAge: Int
  let ages: Int
  private var counts: [Int]

  // utbildning 1–7 at 0…6, missing at 7; fodelseland 1–9 at 0…8, missing at 9.
  private static let educationSlots = 8
  private static let regionSlots = 10

  init(year: Int, ageRange: ClosedRange<Int>) {
    self.year = year
    lowestAge = ageRange.lowerBound
    ages = ageRange.count
    counts = Array(repeating: 0, count: 2 * ages * Self.educationSlots * Self.regionSlots)
  }

  @inline(__always)
  mutating func add(_ person: Person) {
    let e = (person.education ?? 8) - 1
    let r = (person.birthRegion ?? 10) - 1
    let index =
      (((person.sex.rawValue - 1) * ages + person.age - lowestAge) * Self.educationSlots + e)
      * Self.regionSlots + r
    counts[index] += 1
  }

  /// The nonzero cells in file order.
  var cells: [PopulationCell] {
    var result: [PopulationCell] = []
    var index = 0
    for sex in Sex.allCases {
      for age in lowestAge..<(lowestAge + ages) {
        for e in 0..<Self.educationSlots {
          for r in 0..<Self.regionSlots {
            let count = counts[index]
            index += 1
            guard count > 0 else { continue }
            result.append(
              PopulationCell(
                year: year, sex: sex, age: age, education: e == 7 ? nil : e + 1,
                birthRegion: r == 9 ? nil : r + 1, count: count))
          }
        }
      }
    }
    return result
  }
}
