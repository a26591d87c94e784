// The four dimensions of the intersectional strata, with the codes of the canonical codebook's
// groupings (`kon`, `aldersgrupp`, `utbildningsniva`, `fodelse`). The first case of each is the
// reference level of the model's dummy coding, as in the codebook.

/// Sex (`kon`): 1 = man, 2 = kvinna. Men are the reference level.
public enum Sex: Int, CaseIterable, Codable, Sendable, Hashable {
  case man = 1
  case woman = 2

  /// The code as written in the files (`"1"`, `"2"`).
  public var code: String { String(rawValue) }
}

/// The age groups of the codebook's `aldersgrupp` grouping; 15–17 is the reference level.
public enum AgeGroup: String, CaseIterable, Codable, Sendable, Hashable {
  case years15to17 = "15-17"
  case years18to24 = "18-24"
  case years25to34 = "25-34"
  case years35to44 = "35-44"
  case years45to54 = "45-54"
  case years55to64 = "55-64"
  case years65plus = "65+"

  /// The group of an age in completed years, or `nil` under 15 (outside every group).
  public init?(age: Int) {
    switch age {
    case ..<15: return nil
    case 15...17: self = .years15to17
    case 18...24: self = .years18to24
    case 25...34: self = .years25to34
    case 35...44: self = .years35to44
    case 45...54: self = .years45to54
    case 55...64: self = .years55to64
    default: self = .years65plus
    }
  }

  /// The position in `allCases`.
  public var index: Int {
    switch self {
    case .years15to17: 0
    case .years18to24: 1
    case .years25to34: 2
    case .years35to44: 3
    case .years45to54: 4
    case .years55to64: 5
    case .years65plus: 6
    }
  }
}

/// The education level (`utbildningsniva`) grouping SUN 2000 levels; förgymnasial is the
/// reference level and missing education is a category of its own.
public enum EducationLevel: String, CaseIterable, Codable, Sendable, Hashable {
  /// SUN 2000 levels 1–2.
  case compulsory = "forgymnasial"
  /// SUN 2000 levels 3–4.
  case upperSecondary = "gymnasial"
  /// SUN 2000 levels 5–7.
  case postSecondary = "eftergymnasial"
  /// Uppgift saknas.
  case missing = "saknas"

  /// The level of a SUN 2000 code 1–7, or `.missing` for `nil`.
  public init(sun2000 level: Int?) {
    switch level {
    case .none: self = .missing
    case .some(...2): self = .compulsory
    case .some(3...4): self = .upperSecondary
    default: self = .postSecondary
    }
  }

  /// The position in `allCases`.
  public var index: Int {
    switch self {
    case .compulsory: 0
    case .upperSecondary: 1
    case .postSecondary: 2
    case .missing: 3
    }
  }
}

/// Birth in or outside Sweden (`fodelse`): inrikes (fodelseland 1) is the reference level.
public enum Birth: String, CaseIterable, Codable, Sendable, Hashable {
  case domestic = "inrikes"
  case foreign = "utrikes"

  /// The group of a `fodelseland` code 1–9.
  public init(birthRegion code: Int) {
    self = code == 1 ? .domestic : .foreign
  }

  /// The position in `allCases`.
  public var index: Int { self == .domestic ? 0 : 1 }
}
