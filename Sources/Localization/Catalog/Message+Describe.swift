// Texts of the plain-text description of a dataset.

extension Message {
  /// "Grupperingar" / "Groupings", the heading of the groupings.
  public static let groupings = Message("describe.groupings", sv: "Grupperingar", en: "Groupings")
}

extension Message {
  /// "suspects.csv: 788 rader (788 lästa, 0 uteslutna), UTF-8, avgränsare ;".
  public static func describeHeader(
    source: String, rows: String, read: String, excluded: String, encoding: String,
    delimiter: String
  ) -> Message {
    Message(
      "describe.header",
      sv:
        "\(source): \(rows) rader (\(read) lästa, \(excluded) uteslutna), \(encoding), avgränsare \(delimiter)",
      en:
        "\(source): \(rows) rows (\(read) read, \(excluded) excluded), \(encoding), delimiter \(delimiter)"
    )
  }
  /// Columns of the file the codebook does not declare.
  public static func describeUndeclaredColumns(_ columns: String) -> Message {
    Message(
      "describe.undeclared_columns", sv: "Kolumner som kodboken inte beskriver: \(columns)",
      en: "Undeclared columns: \(columns)")
  }
  /// Variables of the codebook the file lacks.
  public static func describeAbsentVariables(_ variables: String) -> Message {
    Message(
      "describe.absent_variables", sv: "Kodbokens variabler som saknas i filen: \(variables)",
      en: "Codebook variables not in the file: \(variables)")
  }
  /// "rader uteslutna" / "rows excluded", what a reading problem did.
  public static let describeRowsExcluded = Message(
    "describe.rows_excluded", sv: "rader uteslutna", en: "rows excluded")
  /// "värden satta som saknade" / "values set missing".
  public static let describeValuesSetMissing = Message(
    "describe.values_set_missing", sv: "värden satta som saknade", en: "values set missing")
  /// "från persons.csv" / "from persons.csv", a variable joined from another file.
  public static func describeFrom(_ source: String) -> Message {
    Message("describe.from", sv: "från \(source)", en: "from \(source)")
  }
  /// "categorical, kolumn kon" / "categorical, column kon" (the codebook's type keyword).
  public static func describeColumn(kind: String, column: String) -> Message {
    Message(
      "describe.column", sv: "\(kind), kolumn \(column)", en: "\(kind), column \(column)")
  }
  /// "categorical, ej i kodboken, kolumn x".
  public static func describeUndeclaredColumn(kind: String, column: String) -> Message {
    Message(
      "describe.undeclared_column", sv: "\(kind), ej i kodboken, kolumn \(column)",
      en: "\(kind), undeclared, column \(column)")
  }
  /// "min 15, max 94, medelvärde 37.02".
  public static func describeRange(minimum: String, maximum: String, mean: String) -> Message {
    Message(
      "describe.range", sv: "min \(minimum), max \(maximum), medelvärde \(mean)",
      en: "min \(minimum), max \(maximum), mean \(mean)")
  }
  /// "2016-01-01 till 2018-12-31".
  public static func describeDates(first: String, last: String) -> Message {
    Message("describe.dates", sv: "\(first) till \(last)", en: "\(first) to \(last)")
  }
  /// "63 olika" / "63 distinct".
  public static func describeDistinct(_ count: String) -> Message {
    Message("describe.distinct", sv: "\(count) olika", en: "\(count) distinct")
  }
  /// "saknas 0" / "missing 0".
  public static func describeMissing(_ count: String) -> Message {
    Message("describe.missing", sv: "saknas \(count)", en: "missing \(count)")
  }
  /// "utanför kodlistan 3" / "outside 3".
  public static func describeOutside(_ count: String) -> Message {
    Message("describe.outside", sv: "utanför kodlistan \(count)", en: "outside \(count)")
  }
  /// "utanför intervallet 2" / "out of range 2".
  public static func describeOutOfRange(_ count: String) -> Message {
    Message(
      "describe.out_of_range", sv: "utanför intervallet \(count)", en: "out of range \(count)")
  }
  /// "ogiltiga 1" / "invalid 1".
  public static func describeInvalid(_ count: String) -> Message {
    Message("describe.invalid", sv: "ogiltiga \(count)", en: "invalid \(count)")
  }
}
