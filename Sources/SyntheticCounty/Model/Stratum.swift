/// One intersectional stratum: kon × aldersgrupp × utbildningsniva × fodelse.
///
/// There are 2 · 7 · 4 · 2 = 112 strata. Their index runs with `fodelse` fastest:
///
/// ```
/// index = ((kon · 7 + aldersgrupp) · 4 + utbildningsniva) · 2 + fodelse
/// ```
///
/// (each dimension by its position in `allCases`), so `Stratum.all[i].index == i`.
public struct Stratum: Sendable, Hashable, Codable {
  public var sex: Sex
  public var ageGroup: AgeGroup
  public var education: EducationLevel
  public var birth: Birth

  public init(sex: Sex, ageGroup: AgeGroup, education: EducationLevel, birth: Birth) {
    self.sex = sex
    self.ageGroup = ageGroup
    self.education = education
    self.birth = birth
  }

  /// The number of strata, 112.
  public static let count =
    Sex.allCases.count * AgeGroup.allCases.count * EducationLevel.allCases.count
    * Birth.allCases.count

  /// All strata in index order.
  public static let all: [Stratum] = {
    var strata: [Stratum] = []
    strata.reserveCapacity(count)
    for sex in Sex.allCases {
      for ageGroup in AgeGroup.allCases {
        for education in EducationLevel.allCases {
          for birth in Birth.allCases {
            strata.append(
              Stratum(sex: sex, ageGroup: ageGroup, education: education, birth: birth))
          }
        }
      }
    }
    return strata
  }()

  /// The stratum's position in `Stratum.all`.
  public var index: Int {
    Self.index(sex: sex, ageGroup: ageGroup.index, education: education.index, birth: birth.index)
  }

  @inline(__always)
  static func index(sex: Sex, ageGroup: Int, education: Int, birth: Int) -> Int {
    (((sex.rawValue - 1) * 7 + ageGroup) * 4 + education) * 2 + birth
  }

  /// A readable key such as `1|25-34|gymnasial|utrikes`.
  public var key: String {
    "\(sex.code)|\(ageGroup.rawValue)|\(education.rawValue)|\(birth.rawValue)"
  }
}
