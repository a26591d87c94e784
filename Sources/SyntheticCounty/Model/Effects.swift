// Log-scale effects of the non-reference levels of a grouping. The reference level's effect is
// zero by construction, so it has no field.

/// Effects of the age groups 18–24 … 65+ relative to the reference 15–17.
public struct AgeGroupEffects: Codable, Sendable, Equatable {
  public var years18to24: Double
  public var years25to34: Double
  public var years35to44: Double
  public var years45to54: Double
  public var years55to64: Double
  public var years65plus: Double

  /// The six effects in `AgeGroup.allCases` order, 18–24 first.
  public init(_ effects: [Double]) {
    precondition(effects.count == 6, "age-group effects need 6 values, got \(effects.count)")
    years18to24 = effects[0]
    years25to34 = effects[1]
    years35to44 = effects[2]
    years45to54 = effects[3]
    years55to64 = effects[4]
    years65plus = effects[5]
  }

  /// No effect in any group.
  public static let zero = AgeGroupEffects([0, 0, 0, 0, 0, 0])

  /// The effect of a group; 0 for the reference 15–17.
  public subscript(group: AgeGroup) -> Double {
    switch group {
    case .years15to17: 0
    case .years18to24: years18to24
    case .years25to34: years25to34
    case .years35to44: years35to44
    case .years45to54: years45to54
    case .years55to64: years55to64
    case .years65plus: years65plus
    }
  }

  enum CodingKeys: String, CodingKey {
    case years18to24 = "18-24"
    case years25to34 = "25-34"
    case years35to44 = "35-44"
    case years45to54 = "45-54"
    case years55to64 = "55-64"
    case years65plus = "65+"
  }
}

/// Effects of the education levels relative to the reference förgymnasial.
public struct EducationEffects: Codable, Sendable, Equatable {
  /// gymnasial (SUN 3–4).
  public var upperSecondary: Double
  /// eftergymnasial (SUN 5–7).
  public var postSecondary: Double
  /// saknas (education missing).
  public var missing: Double

  public init(upperSecondary: Double, postSecondary: Double, missing: Double) {
    self.upperSecondary = upperSecondary
    self.postSecondary = postSecondary
    self.missing = missing
  }

  /// The effect of a level; 0 for the reference förgymnasial.
  public subscript(level: EducationLevel) -> Double {
    switch level {
    case .compulsory: 0
    case .upperSecondary: upperSecondary
    case .postSecondary: postSecondary
    case .missing: missing
    }
  }

  enum CodingKeys: String, CodingKey {
    case upperSecondary = "gymnasial"
    case postSecondary = "eftergymnasial"
    case missing = "saknas"
  }
}
