// Texts of disclosure control that apply to every analysis: the warning on internal (not
// disclosure-protected) output, small counts in side fields, and withheld derived figures.

extension Message {
  /// The warning every human format of an internal output (`--suppress 0`) carries.
  public static let notDisclosureProtected = Message(
    "disclosure.not_protected",
    sv: "Ej röjandeskyddad: innehåller små tal. Får inte publiceras.",
    en: "Not disclosure-protected: contains small counts. Not for publication.")
  /// "färre än 5" / "fewer than 5": a count in a side field (rows excluded) that is too small
  /// to publish; `threshold` is formatted.
  public static func fewerThan(threshold: String) -> Message {
    Message(
      "disclosure.fewer_than", sv: "färre än \(threshold)", en: "fewer than \(threshold)")
  }
  /// The note that replaces a test of association of a table with suppressed entries;
  /// `tested` names the two variables.
  public static func testWithheldNote(tested: String) -> Message {
    Message(
      "disclosure.test_withheld",
      sv: "Test av samband (\(tested)) redovisas inte: tabellen har uppgifter som inte "
        + "redovisas (..), och en teststorhet räknas fram ur tabellens celler och kan avslöja dem.",
      en: "The test of association (\(tested)) is not shown: the table has entries that are not "
        + "shown (..), and a test statistic is computed from the table's cells and could reveal "
        + "them.")
  }
  /// The note on standardised rates withheld because a stratum count of the group is small;
  /// `stratum` is the stratum variable (lower case), `threshold` is formatted.
  public static func standardizedWithheldNote(stratum: String, threshold: String) -> Message {
    Message(
      "disclosure.standardized_withheld",
      sv: "Standardiserade tal redovisas inte (..) för en grupp där antalet i någon grupp av "
        + "\(stratum) är under \(threshold): talet skulle avslöja fördelningen över \(stratum).",
      en: "Standardised rates are not shown (..) for a group in which the count of some group of "
        + "\(stratum) is below \(threshold): the rate would reveal the split by \(stratum).")
  }
}
