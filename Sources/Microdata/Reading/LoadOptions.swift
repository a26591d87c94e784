import Foundation

/// How a file is read. Every property has a default that suits a Brå/SCB delivery; the
/// defaults detect the delimiter, encoding and compression and stop at the first bad value.
public struct LoadOptions: Sendable, Equatable {
  /// What to do with a row that breaks the codebook.
  public enum ErrorPolicy: String, Sendable, Equatable, Codable, CaseIterable {
    /// Throw the first problem (default): nothing is analysed from a file with errors.
    case strict
    /// Exclude each bad row and count it by reason in `Dataset.loadReport`.
    case skip
    /// Keep the row, set the bad value to missing, and count it (structural problems such as
    /// a wrong column count still exclude the row). `strata describe` reads files this way.
    case markMissing = "mark-missing"
  }

  /// Whether the input is gzip-compressed.
  public enum Compression: String, Sendable, Equatable, Codable {
    /// Gzip when the file starts with the gzip magic bytes 1F 8B (default).
    case automatic
    case none
    case gzip
  }

  /// The field delimiter; nil (default) detects `;`, `,`, tab or `|` from the first lines.
  public var delimiter: Character?
  /// The text encoding; nil (default) detects UTF-8 (with or without BOM) or Windows-1252.
  public var encoding: TextEncoding?
  /// Default `.strict`.
  public var errorPolicy: ErrorPolicy
  /// Parse large in-memory files on all cores (default true). The result is identical.
  public var parallel: Bool
  /// Default `.automatic`.
  public var compression: Compression
  /// Read only these variables (codebook names, or header names of undeclared columns);
  /// nil (default) reads every column.
  public var variables: [String]?
  /// Variables the file must have in addition to those the codebook marks `required`
  /// (an analysis names what it needs here), checked with "did you mean" suggestions.
  public var requiredVariables: [String]
  /// The longest record (a line, or several when a quoted field holds line breaks), header
  /// included, in bytes; a longer one is `MicrodataError.recordTooLong` naming its line.
  /// Default 1 MiB: a register row is well under 1 KiB, so a longer line is a broken file
  /// (a lost line break, an unclosed quote, a decompression bomb), and the limit keeps the
  /// memory `DatasetReader` needs bounded.
  public var maximumRecordBytes: Int = 1 << 20
  /// The most columns a file may have; more is `MicrodataError.tooManyColumns`. Default 32 767
  /// (Stata/SE's limit on variables): a register extract has tens, and every column costs
  /// memory and time of its own (180 000 one-digit columns, a 1.4 MB file, took 515 MB).
  public var maximumColumns: Int = 32_767
  /// The largest (decompressed) input `Dataset.load` reads into memory; a larger one is
  /// `MicrodataError.tooLargeForMemory`, which suggests `DatasetReader` (`--stream`). `nil`
  /// (default) means a third of the machine's physical memory: loading peaks at about 2.4
  /// times the file, which leaves room for the analysis. A gzip file is checked while it is
  /// decompressed, so a decompression bomb stops at the limit.
  public var maximumInMemoryBytes: Int? = nil
  /// Read only the rows of these keys (see `KeySelection`: a semi-join, e.g. the persons a
  /// suspicions file names out of a population register); nil (default) reads every row.
  public var selection: KeySelection? = nil
  /// Bodies smaller than this are parsed on one thread (tests lower it to exercise splitting).
  var minimumParallelBytes = 1 << 20

  /// `maximumInMemoryBytes`, or a third of physical memory.
  var inMemoryLimit: Int {
    maximumInMemoryBytes ?? Int(clamping: ProcessInfo.processInfo.physicalMemory / 3)
  }

  public init(
    delimiter: Character? = nil, encoding: TextEncoding? = nil, errorPolicy: ErrorPolicy = .strict,
    parallel: Bool = true, compression: Compression = .automatic, variables: [String]? = nil,
    requiredVariables: [String] = []
  ) {
    self.delimiter = delimiter
    self.encoding = encoding
    self.errorPolicy = errorPolicy
    self.parallel = parallel
    self.compression = compression
    self.variables = variables
    self.requiredVariables = requiredVariables
  }

  /// The delimiter an analyst names on a command line: `;`, `,`, `|`, a tab character, or the
  /// words `tab` / `\t`, `semicolon`, `comma`, `pipe`; nil for anything else.
  public static func delimiter(named name: String) -> Character? {
    switch name.lowercased() {
    case ";", "semicolon": ";"
    case ",", "comma": ","
    case "|", "pipe": "|"
    case "\t", "\\t", "tab", "tabb": "\t"
    default:
      name.count == 1 && name.first!.isASCII && !"\"\r\n".contains(name.first!) ? name.first : nil
    }
  }

  /// The delimiter as one ASCII byte.
  func delimiterByte() throws(MicrodataError) -> UInt8? {
    guard let delimiter else { return nil }
    guard let ascii = delimiter.asciiValue, ascii != 0x22, ascii != 0x0A, ascii != 0x0D else {
      throw .invalidOption(
        "The delimiter must be one ASCII character other than a quote or a line end, not `\(delimiter)`."
      )
    }
    return ascii
  }
}
