import Foundation

extension Dataset {
  /// Reads a delimited file (optionally gzip-compressed) through a codebook into a columnar
  /// dataset.
  ///
  /// The delimiter (`;` `,` tab `|`), the encoding (UTF-8 with or without BOM, else
  /// Windows-1252) and gzip compression are detected unless `options` says otherwise. The whole
  /// file is read into memory and parsed on all cores; for files larger than memory use
  /// `DatasetReader`.
  /// - Parameters:
  ///   - url: a `.csv`, `.tsv`, `.txt` file, or any of them gzip-compressed.
  ///   - codebook: the variables, codes and groupings (e.g. `Codebook.canonical`).
  ///   - options: see `LoadOptions` (defaults: detect everything, strict errors, parallel).
  /// - Throws: `MicrodataError` naming file, line, column, value and what was expected:
  ///   `.fileNotReadable`, `.emptyFile`, `.corruptCompressedFile`, `.unterminatedQuote`,
  ///   `.malformedQuotedField`, `.wrongColumnCount`, `.undecodableBytes`, `.unknownCode`,
  ///   `.outOfRange`, `.unparseableValue`, `.missingRequiredValue`, `.missingRequiredColumn`,
  ///   `.duplicateKey`, `.invalidOption`, `.recordTooLong`, `.tooLargeForMemory` (use
  ///   `DatasetReader` then), `.duplicateHeaderName`, `.mixedEncoding` (in strict mode the first problem; in the other
  ///   modes only file-level ones, the rest is counted in `loadReport`); `.codeNotInList` and
  ///   `.contradictingCode` from the codebook's code lists (`applyingCodeLists()`).
  /// - Complexity: O(bytes); about 40 MB of memory for 2 million rows of 7 columns.
  public static func load(
    contentsOf url: URL, codebook: Codebook, options: LoadOptions = .init()
  ) throws(MicrodataError) -> Dataset {
    let input = try InputFile(url: url, compression: options.compression)
    let loader = CSVLoader(codebook: codebook, options: options, file: input.name)
    // The byte buffer is freed when this closure returns, before the columns are assembled.
    let parsed = try { () throws(MicrodataError) in
      let buffer = try input.readAll(options: options)
      return try loader.parseWhole(buffer)
    }()
    return try loader.finish(
      parts: parsed.parts, preamble: parsed.preamble, compressed: input.compressed,
      firstLine: 1 + parsed.preamble.headerLineBreaks, placed: parsed.placed
    ).applyingCodeLists()
  }

  /// Reads delimited text held in memory (e.g. raw bytes from a download or a test).
  /// - Parameter source: the name used in error messages.
  public static func load(
    bytes: [UInt8], source: String = "data", codebook: Codebook, options: LoadOptions = .init()
  ) throws(MicrodataError) -> Dataset {
    let loader = CSVLoader(codebook: codebook, options: options, file: source)
    let parsed = try { () throws(MicrodataError) in
      let buffer = ByteBuffer(capacity: bytes.count + 1)
      bytes.withUnsafeBytes { buffer.append($0) }
      buffer.terminate()
      return try loader.parseWhole(buffer)
    }()
    return try loader.finish(
      parts: parsed.parts, preamble: parsed.preamble, compressed: false,
      firstLine: 1 + parsed.preamble.headerLineBreaks, placed: parsed.placed
    ).applyingCodeLists()
  }

  /// Reads delimited text, e.g. `Dataset(csv: "kon;alder\n1;34\n", codebook: .canonical)`.
  public init(
    csv text: String, codebook: Codebook = .canonical, options: LoadOptions = .init(),
    source: String = "data"
  ) throws(MicrodataError) {
    self = try Dataset.load(
      bytes: Array(text.utf8), source: source, codebook: codebook, options: options)
  }
}
