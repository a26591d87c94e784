/// Where in an input file a problem sits: the file, the physical line (1-based; the header is
/// line 1) and, when the problem belongs to one field, the column as the file names it.
public struct DataLocation: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  /// The file's name as given (its last path component).
  public var file: String
  /// The 1-based physical line in the file where the problem starts (header = 1).
  public var line: Int
  /// The column's name in the file's header, when the problem belongs to one field.
  public var column: String?

  public init(file: String, line: Int, column: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `persons.csv, line 17, column kon`.
  public var description: String {
    var text = "\(file), line \(line)"
    if let column { text += ", column `\(excerpt(column))`" }
    return text
  }
}

/// Every problem the Microdata module reports: reading, decoding, validating against the
/// codebook, filtering and joining. Each case carries where the problem is and what was
/// expected, and `description` is a sentence written for the analyst.
public enum MicrodataError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file could not be opened or read.
  case fileNotReadable(file: String, reason: String)
  /// The file holds no header (zero bytes, or only blank lines).
  case emptyFile(file: String)
  /// A gzip stream is corrupt or truncated.
  case corruptCompressedFile(file: String, reason: String)
  /// A quoted field is not closed before the end of the file; `location` is where it opened.
  case unterminatedQuote(DataLocation)
  /// A closing quote is followed by something other than a delimiter or a line end.
  case malformedQuotedField(DataLocation, value: String)
  /// A record has another number of fields than the header.
  case wrongColumnCount(DataLocation, found: Int, expected: Int)
  /// Bytes that are not valid in the file's (forced) encoding.
  case undecodableBytes(DataLocation, bytes: String, encoding: TextEncoding)
  /// A value that is not one of the variable's codes nor a missing-value code.
  case unknownCode(DataLocation, variable: String, value: String, expected: [String])
  /// A number outside the variable's valid range.
  case outOfRange(DataLocation, variable: String, value: String, minimum: Double?, maximum: Double?)
  /// A date outside the variable's valid range (`earliest`…`latest`); its `kind` is
  /// `outOfRange` too.
  case dateOutOfRange(
    DataLocation, variable: String, value: String, earliest: CalendarDay?, latest: CalendarDay?)
  /// A value that cannot be read as the variable's type (`expected` names the type).
  case unparseableValue(DataLocation, variable: String, value: String, expected: String)
  /// A missing value in a variable the codebook marks `required`.
  case missingRequiredValue(DataLocation, variable: String)
  /// A variable the codebook or the analysis requires has no column in the file.
  case missingRequiredColumn(
    file: String, variable: String, columns: [String], suggestions: [String])
  /// Two header columns map to the same variable, or the header repeats a name.
  case duplicateColumn(file: String, column: String, variable: String)
  /// A key that must be unique occurs twice.
  case duplicateKey(file: String, variable: String, value: String, firstLine: Int, secondLine: Int)
  /// A name that is neither a variable of the dataset nor a grouping of its codebook.
  case unknownVariable(name: String, suggestions: [String])
  /// A variable used in a way its kind does not allow (e.g. `numeric` on a text column).
  case wrongVariableKind(name: String, kind: VariableKind, expected: String)
  /// A row filter expression that cannot be parsed or evaluated; `position` is 1-based.
  case invalidFilter(expression: String, position: Int, message: String)
  /// A condition that is not a filter (e.g. MAIHDA's outcome) cannot be parsed; `noun` names it.
  case invalidCondition(noun: String, expression: String, position: Int, message: String)
  /// A codebook that cannot be read; `line` is 1-based, 0 when unknown.
  case invalidCodebook(file: String, line: Int, message: String)
  /// A load option that makes no sense (e.g. a non-ASCII delimiter).
  case invalidOption(String)
  /// A record (a line, or several when a quoted field holds line breaks) longer than
  /// `LoadOptions.maximumRecordBytes`; `location` is the line where it starts.
  case recordTooLong(DataLocation, limit: Int)
  /// The (decompressed) file is larger than the in-memory loader accepts
  /// (`LoadOptions.maximumInMemoryBytes`); `bytes` is how much was read before stopping.
  case tooLargeForMemory(file: String, bytes: Int, limit: Int)
  /// The header names two columns alike (ignoring case); `first` and `second` are 1-based.
  case duplicateHeaderName(file: String, name: String, first: Int, second: Int)
  /// The header has more columns than `LoadOptions.maximumColumns`.
  case tooManyColumns(file: String, found: Int, limit: Int)
  /// A file that is UTF-8 in one place and not in another: `invalid` is the first byte that is
  /// not UTF-8, `validUTF8` the first valid multi-byte UTF-8 character.
  case mixedEncoding(
    invalid: DataLocation, bytes: String, validUTF8: DataLocation, character: String)

  /// A code (e.g. `brottskod`) that is in no code list of the codebook for the row's date;
  /// `date` is nil when the row has no date and the list has several periods.
  case codeNotInList(DataLocation, variable: String, code: String, date: String?)
  /// A column that a code list derives (e.g. `malsagande_kon`) whose value contradicts the
  /// meaning of the row's code: `value` is the file's, `expected` the code's.
  case contradictingCode(
    DataLocation, variable: String, value: String, codeVariable: String, code: String,
    expected: String)
  /// Not an error but a note in `LoadReport.issues`: values of a numeric column written `NA`
  /// (R's `write.csv` marks missing values so) were read as missing; `location` is the first.
  case missingMarker(DataLocation, variable: String, marker: String)
  /// A short, stable name of the case, for tests, JSON and exit-code mapping.
  public var kind: String {
    switch self {
    case .fileNotReadable: "fileNotReadable"
    case .emptyFile: "emptyFile"
    case .corruptCompressedFile: "corruptCompressedFile"
    case .unterminatedQuote: "unterminatedQuote"
    case .malformedQuotedField: "malformedQuotedField"
    case .wrongColumnCount: "wrongColumnCount"
    case .undecodableBytes: "undecodableBytes"
    case .unknownCode: "unknownCode"
    case .outOfRange, .dateOutOfRange: "outOfRange"
    case .unparseableValue: "unparseableValue"
    case .missingRequiredValue: "missingRequiredValue"
    case .missingRequiredColumn: "missingRequiredColumn"
    case .duplicateColumn: "duplicateColumn"
    case .duplicateKey: "duplicateKey"
    case .unknownVariable: "unknownVariable"
    case .wrongVariableKind: "wrongVariableKind"
    case .invalidFilter: "invalidFilter"
    case .invalidCondition: "invalidCondition"
    case .invalidCodebook: "invalidCodebook"
    case .invalidOption: "invalidOption"
    case .recordTooLong: "recordTooLong"
    case .tooLargeForMemory: "tooLargeForMemory"
    case .duplicateHeaderName: "duplicateHeaderName"
    case .tooManyColumns: "tooManyColumns"
    case .mixedEncoding: "mixedEncoding"
    case .codeNotInList: "codeNotInList"
    case .contradictingCode: "contradictingCode"
    case .missingMarker: "missingMarker"
    }
  }

  /// The location in a data file, for the cases that have one.
  public var location: DataLocation? {
    switch self {
    case .unterminatedQuote(let l), .malformedQuotedField(let l, _), .wrongColumnCount(let l, _, _),
      .undecodableBytes(let l, _, _), .unknownCode(let l, _, _, _), .outOfRange(let l, _, _, _, _),
      .dateOutOfRange(let l, _, _, _, _), .unparseableValue(let l, _, _, _),
      .missingRequiredValue(let l, _), .recordTooLong(let l, _),
      .mixedEncoding(let l, _, _, _), .codeNotInList(let l, _, _, _),
      .contradictingCode(let l, _, _, _, _, _), .missingMarker(let l, _, _):
      l
    case .duplicateHeaderName(let file, _, _, _), .tooManyColumns(let file, _, _):
      DataLocation(file: file, line: 1)
    case .duplicateKey(let file, _, _, _, let second): DataLocation(file: file, line: second)
    default: nil
    }
  }
}
