/// A cell encodes as one small object whose key names its content:
///
/// ```
/// {"number": 132.6, "kind": "rate", "decimals": 1, "flags": ["uncertain"], "notes": ["a"]}
/// {"text": "ref."}
/// {"suppressed": true}          (never a value)
/// {"cannot_occur": true}
/// {"missing": true}
/// ```
extension ReportCell: Codable {
  enum CodingKeys: String, CodingKey {
    case number, kind, decimals, text, suppressed
    case cannotOccur = "cannot_occur"
    case missing, flags, notes
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let flags = try container.decodeIfPresent(CellFlags.self, forKey: .flags) ?? []
    let notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
    let content: Content
    if let value = try container.decodeIfPresent(Double.self, forKey: .number) {
      let kind = try container.decode(NumberKind.self, forKey: .kind)
      let decimals = try container.decodeIfPresent(Int.self, forKey: .decimals)
      content = .number(ReportNumber(value, kind: kind, decimals: decimals))
    } else if let text = try container.decodeIfPresent(String.self, forKey: .text) {
      content = .text(text)
    } else if try container.decodeIfPresent(Bool.self, forKey: .suppressed) == true {
      content = .suppressed
    } else if try container.decodeIfPresent(Bool.self, forKey: .cannotOccur) == true {
      content = .cannotOccur
    } else if try container.decodeIfPresent(Bool.self, forKey: .missing) == true {
      content = .missing
    } else {
      throw DecodingError.dataCorruptedError(
        forKey: .number, in: container,
        debugDescription: "A cell needs one of number, text, suppressed, cannot_occur, missing.")
    }
    self.init(content, flags: flags, notes: notes)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch content {
    case .number(let number):
      try container.encode(number.value, forKey: .number)
      try container.encode(number.kind, forKey: .kind)
      try container.encodeIfPresent(number.decimals, forKey: .decimals)
    case .text(let text): try container.encode(text, forKey: .text)
    case .suppressed: try container.encode(true, forKey: .suppressed)
    case .cannotOccur: try container.encode(true, forKey: .cannotOccur)
    case .missing: try container.encode(true, forKey: .missing)
    }
    if !flags.isEmpty { try container.encode(flags, forKey: .flags) }
    if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
  }
}
