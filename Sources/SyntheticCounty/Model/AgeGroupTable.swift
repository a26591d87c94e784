/// One value per age group, written in JSON with the codebook's age-group codes as keys.
public struct AgeGroupTable<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
  public var years15to17: Value
  public var years18to24: Value
  public var years25to34: Value
  public var years35to44: Value
  public var years45to54: Value
  public var years55to64: Value
  public var years65plus: Value

  /// The values in `AgeGroup.allCases` order (exactly seven).
  public init(_ values: [Value]) {
    precondition(values.count == 7, "an age-group table needs 7 values, got \(values.count)")
    years15to17 = values[0]
    years18to24 = values[1]
    years25to34 = values[2]
    years35to44 = values[3]
    years45to54 = values[4]
    years55to64 = values[5]
    years65plus = values[6]
  }

  /// The values in `AgeGroup.allCases` order.
  public var values: [Value] {
    [years15to17, years18to24, years25to34, years35to44, years45to54, years55to64, years65plus]
  }

  public subscript(group: AgeGroup) -> Value {
    get {
      switch group {
      case .years15to17: years15to17
      case .years18to24: years18to24
      case .years25to34: years25to34
      case .years35to44: years35to44
      case .years45to54: years45to54
      case .years55to64: years55to64
      case .years65plus: years65plus
      }
    }
    set {
      switch group {
      case .years15to17: years15to17 = newValue
      case .years18to24: years18to24 = newValue
      case .years25to34: years25to34 = newValue
      case .years35to44: years35to44 = newValue
      case .years45to54: years45to54 = newValue
      case .years55to64: years55to64 = newValue
      case .years65plus: years65plus = newValue
      }
    }
  }

  enum CodingKeys: String, CodingKey {
    case years15to17 = "15-17"
    case years18to24 = "18-24"
    case years25to34 = "25-34"
    case years35to44 = "35-44"
    case years45to54 = "45-54"
    case years55to64 = "55-64"
    case years65plus = "65+"
  }
}
