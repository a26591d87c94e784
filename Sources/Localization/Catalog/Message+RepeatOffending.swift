// Texts of repeat offending and recidivism tables and charts.

extension Message {
  // MARK: Repeat offending

  /// "Upprepat misstänkta" / "Repeat suspects": the title and the column.
  public static let repeatSuspects = Message(
    "repeat.repeat_suspects", sv: "Upprepat misstänkta", en: "Repeat suspects")
  /// "Upprepat misstänkta efter kön".
  public static func repeatSuspectsBy(variables: String) -> Message {
    Message(
      "repeat.title_by", sv: "Upprepat misstänkta efter \(variables)",
      en: "Repeat suspects by \(variables)")
  }
  /// "Misstänkta" / "Suspects".
  public static let suspects = Message("repeat.suspects", sv: "Misstänkta", en: "Suspects")
  /// The note defining repeat suspects; `level` is formatted (e.g. `95`).
  public static func repeatNote(minimum: Int, level: String) -> Message {
    Message(
      "repeat.note",
      sv:
        "Upprepat misstänkta: misstänkta för minst \(minimum) brott av brottstypen under perioden. "
        + "KI: \(level) % konfidensintervall (Wilson).",
      en: "Repeat suspects: suspected of at least \(minimum) offences of the type in the period. "
        + "CI: \(level) % confidence interval (Wilson).")
  }
  /// "Andel upprepat misstänkta efter kön", the title of the chart.
  public static func repeatShareChartTitle(variables: String) -> Message {
    Message(
      "repeat.chart_title", sv: "Andel upprepat misstänkta efter \(variables)",
      en: "Share of repeat suspects by \(variables)")
  }

  // MARK: Recidivism

  /// The index rule "the first in the period".
  public static let recidivismFirstIndex = Message(
    "recidivism.index.first", sv: "den första i perioden", en: "the first in the period")
  /// The index rule "every suspicion date in the period".
  public static let recidivismEveryIndex = Message(
    "recidivism.index.every", sv: "varje misstankedatum i perioden",
    en: "every suspicion date in the period")
  /// The note defining recidivism; `days` and `level` formatted, `end` a date.
  public static func recidivismNote(days: String, rule: String, end: String, level: String)
    -> Message
  {
    Message(
      "recidivism.note",
      sv: "Återfall: en ny misstanke inom \(days) dagar efter indexmisstanken (\(rule)). Andel "
        + "bland dem som kan följas hela tiden (uppgifterna räcker till \(end)); "
        + "Kaplan–Meier-skattningen använder även de censurerade. KI: \(level) % (Wilson; för "
        + "Kaplan–Meier Greenwood, log-skala).",
      en: "Recidivism: a new suspicion within \(days) days of the index suspicion (\(rule)). "
        + "Share among those followed for the whole window (the data run to \(end)); the "
        + "Kaplan–Meier estimate also uses the censored. CI: \(level) % (Wilson; for "
        + "Kaplan–Meier Greenwood, log scale).")
  }
  /// "Återfall inom 365 dagar".
  public static func recidivismTitle(days: String) -> Message {
    Message(
      "recidivism.title", sv: "Återfall inom \(days) dagar", en: "Recidivism within \(days) days")
  }
  /// "Återfall inom 365 dagar efter kön": the title of the table and the chart.
  public static func recidivismTitleBy(days: String, variables: String) -> Message {
    Message(
      "recidivism.title_by", sv: "Återfall inom \(days) dagar efter \(variables)",
      en: "Recidivism within \(days) days by \(variables)")
  }
  /// "Full uppföljning" / "Full follow-up".
  public static let fullFollowUp = Message(
    "recidivism.full_follow_up", sv: "Full uppföljning", en: "Full follow-up")
  /// "Indexmisstankar" / "Index suspicions".
  public static let indexSuspicions = Message(
    "recidivism.index_suspicions", sv: "Indexmisstankar", en: "Index suspicions")
  /// "Återfall" / "Reoffended".
  public static let reoffended = Message("recidivism.reoffended", sv: "Återfall", en: "Reoffended")
  /// "Kumulativ andel, %" / "Cumulative incidence, %".
  public static let cumulativeIncidence = Message(
    "recidivism.cumulative_incidence", sv: "Kumulativ andel, %", en: "Cumulative incidence, %")
  /// "Censurerade" / "Censored".
  public static let censored = Message("recidivism.censored", sv: "Censurerade", en: "Censored")
}
