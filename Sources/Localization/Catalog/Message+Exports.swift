// Texts of data exports: the columns and sidecars of tidy CSV files.

extension Message {
  /// The label of a tidy CSV file's `suppressed` column.
  public static let suppressedColumn = Message(
    "export.suppressed_column",
    sv: "Uppgiften redovisas inte (för få observationer); värdena är då tomma",
    en: "Not shown (too few observations); the values are then empty")
}

extension Message {
  /// The note of a table a page shows only in part (the highest and lowest ranked rows).
  public static func pageExcerptNote(shown: Int, total: Int) -> Message {
    Message(
      "table.page_excerpt",
      sv:
        "Sidan visar \(shown) av tabellens \(total) rader: de högst och lägst rangordnade. Hela tabellen finns i arbetsboken (tables.xlsx) och i CSV-filen.",
      en:
        "The page shows \(shown) of the table's \(total) rows: the highest and lowest ranked. The full table is in the workbook (tables.xlsx) and the CSV file."
    )
  }
}
