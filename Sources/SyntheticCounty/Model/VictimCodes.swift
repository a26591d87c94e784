import Microdata

/// The synthetic county's offence code list: which `brottskod` a suspicion gets from its offence
/// variant (the code `OffenceParameters.codes` draws, which is the code for a woman, a girl or an
/// acquaintance) and its injured party, in two periods like Brå's lists: up to 31 December 2017 and
/// from 1 January 2018 (the follow-up year of the default reference year 2016), when the codes of
/// violence against another relative start to distinguish parent, sibling and other relative.
///
/// These are illustrative codes in the style of Brå's code list, **not** Brå's; the canonical
/// codebook (`datasets/codebook.yaml`, `code_lists: brottskod`) carries the same list, which
/// `VictimCodeListTests` checks.
public enum VictimCodes {
  /// The first day of the second list, as in the canonical codebook.
  public static let newListStart = CalendarDay(year: 2018, month: 1, day: 1)!

  /// Codes for a male injured party (or a boy), by the variant's code.
  static let male: [String: String] = [
    "0375": "0386", "0376": "0387", "0377": "0388", "0401": "0403",
    "0371": "0391", "0372": "0392", "0373": "0393", "0374": "0394",
    "0379": "0395", "0380": "0396", "0381": "0397", "0402": "0404",
    "0383": "0389", "0384": "0390", "0385": "0398",
  ]
  /// vbek codes for a stranger, woman and man, by the variant's code.
  static let stranger: [String: (woman: String, man: String)] = [
    "0383": ("0422", "0425"), "0384": ("0423", "0426"), "0385": ("0424", "0427"),
  ]
  /// vnr_ovrig variants that are aggravated (grov) in the new list.
  static let aggravatedOther: Set<String> = ["0381", "0402"]

  /// The code of a suspicion.
  /// - Parameters:
  ///   - variant: the drawn variant code of the offence (`OffenceParameters.codes`).
  ///   - newList: whether the date falls in the second period (the follow-up year).
  public static func code(
    offence: OffenceType, variant: String, victim: Victim?, newList: Bool
  ) -> String {
    guard let victim else { return variant }
    let man = victim.sex == .man
    switch offence {
    case .partnerViolence, .childViolence:
      return man ? male[variant] ?? variant : variant
    case .otherFamilyViolence:
      guard newList else { return man ? male[variant] ?? variant : variant }
      let severity = aggravatedOther.contains(variant) ? 1 : 0
      let relation =
        [Relation.parent, .sibling, .otherRelative].firstIndex(of: victim.relation) ?? 2
      return "0\(410 + severity * 6 + relation * 2 + (man ? 1 : 0))"
    case .acquaintanceViolence:
      if victim.relation == .stranger, let codes = stranger[variant] {
        return man ? codes.man : codes.woman
      }
      return man ? male[variant] ?? variant : variant
    case .sexPurchase:
      return variant
    }
  }

  /// Whether a suspicion's code carries its relation: not for vnr_ovrig in the first period.
  public static func carriesRelation(offence: OffenceType, newList: Bool) -> Bool {
    offence != .otherFamilyViolence || newList
  }
}
