// Texts of the report's index page, its data section and workbook contents sheet (used by
// `Reports`).

extension Message {
  // MARK: Header

  /// "Skapad " / "Created ", before the timestamp.
  public static let createdPrefix = Message("report.meta.created", sv: "Skapad ", en: "Created ")
  /// " med strata " / " with strata ", before the version.
  public static let withStrata = Message(
    "report.meta.with_strata", sv: " med strata ", en: " with strata ")
  /// "analys"/"analyser" or "analysis"/"analyses" after a count.
  public static func analysesNoun(count: Int) -> Message {
    Message(
      "report.meta.analyses", sv: count == 1 ? "analys" : "analyser",
      en: count == 1 ? "analysis" : "analyses")
  }
  /// "2 misslyckades" / "2 failed".
  public static func failedCount(_ count: Int) -> Message {
    Message("report.meta.failed", sv: "\(count) misslyckades", en: "\(count) failed")
  }
  /// "urval av 12 analyser (--only)".
  public static func selectionOfAnalyses(planned: Int) -> Message {
    Message(
      "report.meta.only", sv: "urval av \(planned) analyser (--only)",
      en: "a selection of \(planned) analyses (--only)")
  }

  // MARK: Contents and sections

  /// "Innehåll" / "Contents".
  public static let contents = Message("report.contents", sv: "Innehåll", en: "Contents")
  /// "Data".
  public static let dataHeading = Message(
    "report.data", sv: "Bilaga: metod och data", en: "Appendix: methods and data")
  /// The introduction of the appendix.
  public static let appendixIntro = Message(
    "report.data.intro",
    sv:
      "Bilagan redovisar de datafiler som analyserna bygger på, hur många rader som lästes och hur många som inte ingår, urvalet för hela rapporten, kodboken, regeln för röjandeskydd och de filer som rapporten skrev för varje analys.",
    en:
      "The appendix lists the data files the analyses are based on, how many rows were read and how many are left out, the selection for the whole report, the codebook, the disclosure-control rule and the files the report wrote for each analysis."
  )
  /// "Filer per analys" / "Files per analysis".
  public static let filesPerAnalysis = Message(
    "report.data.files_per_analysis", sv: "Filer per analys", en: "Files per analysis")
  /// " (misslyckades)" / " (failed)", after a failed analysis in the contents.
  public static let failedMark = Message(
    "report.failed_mark", sv: " (misslyckades)", en: " (failed)")
  /// "Kontroll mot publicerade uppgifter" / "Check against published figures".
  public static let checkAgainstPublished = Message(
    "report.checks", sv: "Kontroll mot publicerade uppgifter",
    en: "Check against published figures")
  /// "Teckenförklaring" / "Symbols".
  public static let symbolsHeading = Message("report.legend", sv: "Teckenförklaring", en: "Symbols")
  /// "2 analyser kunde inte genomföras:".
  public static func analysesFailed(count: Int) -> Message {
    Message(
      "report.failures",
      sv: count == 1
        ? "1 analys kunde inte genomföras:" : "\(count) analyser kunde inte genomföras:",
      en: count == 1 ? "1 analysis could not be run:" : "\(count) analyses could not be run:")
  }
  /// "urval: " / "selection: ", before an analysis's filter.
  public static let selectionPrefix = Message(
    "report.analysis.selection", sv: "urval: ", en: "selection: ")
  /// "Analysen misslyckades:" / "The analysis failed:".
  public static let analysisFailed = Message(
    "report.analysis.failed", sv: "Analysen misslyckades:", en: "The analysis failed:")
  /// "Varningar" / "Warnings".
  public static let warnings = Message("report.analysis.warnings", sv: "Varningar", en: "Warnings")
  /// "Filer: " / "Files: ".
  public static let filesPrefix = Message("report.analysis.files", sv: "Filer: ", en: "Files: ")

  // MARK: Legend and footer

  /// "Värdet är noll (inga fall)." / "The value is zero (no cases)."
  public static let zeroLegend = Message(
    "report.legend.zero", sv: "Värdet är noll (inga fall).", en: "The value is zero (no cases).")
  /// "0,0" / "0.0", the symbol of a value that rounds to zero.
  public static let roundedZeroSymbol = Message(
    "report.legend.rounded_zero_symbol", sv: "0,0", en: "0.0")
  /// "Mindre än hälften av den minsta enhet som visas."
  public static let lessThanHalfUnitLegend = Message(
    "report.legend.rounded_zero", sv: "Mindre än hälften av den minsta enhet som visas.",
    en: "Less than half of the smallest unit shown.")
  /// "Skapad av strata report från receptet " / "Made by strata report from the recipe ".
  public static let madeFromRecipe = Message(
    "report.footer", sv: "Skapad av strata report från receptet ",
    en: "Made by strata report from the recipe ")

  // MARK: Data section

  /// "Datafiler" / "Data files".
  public static let dataFiles = Message("report.data.title", sv: "Datafiler", en: "Data files")
  /// "Namn" / "Name".
  public static let name = Message("report.data.name", sv: "Namn", en: "Name")
  /// "Fil" / "File".
  public static let file = Message("report.data.file", sv: "Fil", en: "File")
  /// "Rader lästa" / "Rows read".
  public static let rowsRead = Message("report.data.rows_read", sv: "Rader lästa", en: "Rows read")
  /// "Rader uteslutna" / "Rows excluded".
  public static let rowsExcluded = Message(
    "report.data.rows_excluded", sv: "Rader uteslutna", en: "Rows excluded")
  /// "Rader i analyserna" / "Rows analysed".
  public static let rowsAnalysed = Message(
    "report.data.rows_analysed", sv: "Rader i analyserna", en: "Rows analysed")
  /// "Uteslutna rader och ersatta värden" / "Excluded rows and replaced values".
  public static let excludedAndReplaced = Message(
    "report.data.issues", sv: "Uteslutna rader och ersatta värden",
    en: "Excluded rows and replaced values")
  /// "inte läst i denna körning" / "not read in this run".
  public static let notReadInThisRun = Message(
    "report.data.not_read", sv: "inte läst i denna körning", en: "not read in this run")
  /// "rader uteslutna" / "rows excluded", inside a sentence.
  public static let rowsExcludedInline = Message(
    "report.data.issue.excluded", sv: "rader uteslutna", en: "rows excluded")
  /// "värden satta som saknade" / "values set to missing".
  public static let valuesSetMissing = Message(
    "report.data.issue.set_missing", sv: "värden satta som saknade", en: "values set to missing")
  /// Why rows were excluded or values replaced while a file was read, for a `LoadReport`
  /// issue's `kind` (`MicrodataError.kind`): "okänd kod" / "unknown code".
  public static func loadIssue(kind: String) -> Message {
    let (sv, en): (String, String) =
      switch kind {
      case "unterminatedQuote": ("citattecken som inte avslutas", "unterminated quote")
      case "malformedQuotedField": ("felaktigt citerat fält", "malformed quoted field")
      case "wrongColumnCount": ("fel antal kolumner", "wrong number of columns")
      case "undecodableBytes": ("tecken som inte kan avkodas", "bytes that cannot be decoded")
      case "unknownCode": ("okänd kod", "unknown code")
      case "outOfRange": ("värde utanför det tillåtna intervallet", "value out of range")
      case "unparseableValue": ("värde som inte kan tolkas", "value that cannot be read")
      case "missingRequiredValue": ("obligatoriskt värde saknas", "required value missing")
      case "duplicateKey": ("dubblerad nyckel", "duplicate key")
      case "codeNotInList": ("kod som inte finns i kodlistan", "code not in the code list")
      case "contradictingCode": ("värde som motsäger koden", "value contradicting the code")
      case "missingMarker": ("värde markerat som saknat (NA)", "value marked missing (NA)")
      case "mixedEncoding": ("blandad teckenkodning", "mixed encoding")
      case "recordTooLong": ("för lång rad", "line too long")
      default: ("annat fel i filen", "other problem in the file")
      }
    return Message("report.data.issue.kind", sv: sv, en: en)
  }
  /// "första på rad" / "first on line".
  public static let firstOnLine = Message(
    "report.data.issue.first_line", sv: "första på rad", en: "first on line")
  /// The note on rows excluded per analysis.
  public static let exclusionPerAnalysisNote = Message(
    "report.data.note",
    sv:
      "Rader under 15 år eller med saknade värden i en analys variabler utesluts i respektive analys och redovisas under den.",
    en:
      "Rows under 15 years of age or with missing values in an analysis's variables are excluded in that analysis and reported under it."
  )
  /// "alla filer" / "every file".
  public static let everyFile = Message(
    "report.data.every_file", sv: "alla filer", en: "every file")
  /// "Urval för hela rapporten:" / "Selection for the whole report:".
  public static let selectionForReport = Message(
    "report.data.selection", sv: "Urval för hela rapporten:", en: "Selection for the whole report:")
  /// "den kanoniska kodboken" / "the canonical codebook".
  public static let canonicalCodebook = Message(
    "report.data.canonical_codebook", sv: "den kanoniska kodboken", en: "the canonical codebook")
  /// "Kodbok: " / "Codebook: ".
  public static let codebookPrefix = Message(
    "report.data.codebook", sv: "Kodbok: ", en: "Codebook: ")

  // MARK: Workbook contents sheet

  /// "Blad" / "Sheet".
  public static let sheet = Message("report.workbook.sheet", sv: "Blad", en: "Sheet")
  /// "Tabell" / "Table".
  public static let table = Message("report.workbook.table", sv: "Tabell", en: "Table")
  /// "Analys" / "Analysis".
  public static let analysis = Message("report.workbook.analysis", sv: "Analys", en: "Analysis")
}
