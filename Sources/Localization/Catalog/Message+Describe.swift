// Texts of the plain-text description of a dataset.

extension Message {
  /// "Grupperingar" / "Groupings", the heading of the groupings.
  public static let groupings = Message("describe.groupings", sv: "Grupperingar", en: "Groupings")
}
