/// The five offence categories of the canonical data format (`brottstyp`).
///
/// The raw values are the codes written to `suspects.csv` and `suspicions.csv`; the order of
/// `allCases` is the order of rows within a person in those files and of the offences in
/// `truth.json`.
public enum OffenceType: String, CaseIterable, Codable, Sendable, Hashable {
  /// `vnr_partner`: violence against a partner or former partner.
  case partnerViolence = "vnr_partner"
  /// `vnr_barn`: violence against a child in the family.
  case childViolence = "vnr_barn"
  /// `vnr_ovrig`: violence against another close relative.
  case otherFamilyViolence = "vnr_ovrig"
  /// `vbek`: violence against an acquaintance.
  case acquaintanceViolence = "vbek"
  /// `sexkop`: purchase of a sexual service.
  case sexPurchase = "sexkop"

  /// The position of the offence in `allCases` (used to index per-offence arrays).
  public var index: Int {
    switch self {
    case .partnerViolence: 0
    case .childViolence: 1
    case .otherFamilyViolence: 2
    case .acquaintanceViolence: 3
    case .sexPurchase: 4
    }
  }

  /// The offence at a position of `allCases` (a stored array, unlike `allCases` itself).
  static let ordered: [OffenceType] = allCases

  /// The Swedish label of the category.
  public var swedishLabel: String {
    switch self {
    case .partnerViolence: "våld mot partner eller f.d. partner"
    case .childViolence: "våld mot barn i familjen"
    case .otherFamilyViolence: "våld mot annan närstående"
    case .acquaintanceViolence: "våld mot bekant"
    case .sexPurchase: "köp av sexuell tjänst"
    }
  }
}
