// Texts of `strata check` and the report's check section: the statuses of figure checks and
// the check table (used by `Reports`).

extension Message {
  // MARK: Statuses

  /// "stämmer" / "reproduced".
  public static let checkReproduced = Message(
    "check.status.reproduced", sv: "stämmer", en: "reproduced")
  /// "AVVIKER" / "MISMATCH".
  public static let checkMismatch = Message("check.status.mismatch", sv: "AVVIKER", en: "MISMATCH")
  /// "känd avvikelse: …" with its reason.
  public static func checkKnownMismatch(reason: String) -> Message {
    Message(
      "check.status.known_mismatch", sv: "känd avvikelse: \(reason)",
      en: "known mismatch: \(reason)")
  }
  /// "stämmer, men är markerad som känd avvikelse: …" with its reason.
  public static func checkUnexpectedMatch(reason: String) -> Message {
    Message(
      "check.status.unexpected_match", sv: "stämmer, men är markerad som känd avvikelse: \(reason)",
      en: "reproduced, but marked as a known mismatch: \(reason)")
  }
  /// "UNDERTRYCKT i resultatet" / "SUPPRESSED in the output".
  public static let checkSuppressed = Message(
    "check.status.suppressed", sv: "UNDERTRYCKT i resultatet", en: "SUPPRESSED in the output")
  /// "SAKNAS: …" with the reason.
  public static func checkNotFound(reason: String) -> Message {
    Message("check.status.not_found", sv: "SAKNAS: \(reason)", en: "NOT FOUND: \(reason)")
  }
  /// "ANALYSEN MISSLYCKADES: …" with the reason.
  public static func checkAnalysisFailed(reason: String) -> Message {
    Message(
      "check.status.analysis_failed", sv: "ANALYSEN MISSLYCKADES: \(reason)",
      en: "ANALYSIS FAILED: \(reason)")
  }

  // MARK: Check table

  /// "Analys" / "Analysis", the stub header naming the analysis a figure comes from.
  public static let checkAnalysis = Message("check.column.analysis", sv: "Analys", en: "Analysis")
  /// "Publicerat" / "Published".
  public static let published = Message("check.column.published", sv: "Publicerat", en: "Published")
  /// "Beräknat" / "Computed".
  public static let computed = Message("check.column.computed", sv: "Beräknat", en: "Computed")
  /// "Avrundat" / "Rounded".
  public static let rounded = Message("check.column.rounded", sv: "Avrundat", en: "Rounded")
  /// "Avrundning" / "Rounding".
  public static let rounding = Message("check.column.rounding", sv: "Avrundning", en: "Rounding")
  /// The summary of a set of checks: "10 av 12 uppgifter stämmer; 1 kända avvikelser; 1 fel."
  public static func checkSummary(reproduced: Int, total: Int, known: Int, failures: Int)
    -> Message
  {
    Message(
      "check.summary",
      sv: "\(reproduced) av \(total) uppgifter stämmer; \(known) kända avvikelser; "
        + (failures == 0 ? "inga fel." : "\(failures) fel."),
      en: "\(reproduced) of \(total) figures reproduce; \(known) known mismatches; "
        + (failures == 0 ? "no failures." : "\(failures) failures."))
  }
}
