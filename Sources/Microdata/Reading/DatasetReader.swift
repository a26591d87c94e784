import Foundation

/// Reads a file chunk by chunk with bounded memory, for files larger than memory (a national
/// register extract) or for aggregating while reading.
///
/// ```swift
/// var totals = [Double](repeating: 0, count: 2)
/// let report = try DatasetReader(contentsOf: url, codebook: .canonical)
///   .forEachChunk(rowsPerChunk: 500_000) { chunk in
///     let sex = try chunk.factor("kon")
///     for c in sex.codes where c >= 0 { totals[Int(c)] += 1 }
///   }
/// ```
/// Each chunk is a `Dataset` of at most `rowsPerChunk` rows with the file's source lines.
/// Memory holds one block of the file (8 MiB) plus at most one record
/// (`LoadOptions.maximumRecordBytes`, 1 MiB by default) and one chunk.
/// The encoding is detected from the first block; a UTF-8 file with invalid bytes later on
/// reports them as `undecodableBytes` (pass `encoding` to read a Windows-1252 file whose first
/// block is pure ASCII). Columns whose type is inferred (undeclared, or categorical without
/// codes) are typed per chunk; `unique` variables are checked per chunk.
public struct DatasetReader: Sendable {
  public let url: URL
  public let codebook: Codebook
  public let options: LoadOptions
  /// Bytes read from the file at a time.
  let blockSize: Int

  public init(contentsOf url: URL, codebook: Codebook, options: LoadOptions = .init()) {
    self.init(url: url, codebook: codebook, options: options, blockSize: 8 << 20)
  }

  init(url: URL, codebook: Codebook, options: LoadOptions, blockSize: Int) {
    self.url = url
    self.codebook = codebook
    self.options = options
    self.blockSize = max(64, blockSize)
  }

  /// Calls `body` with consecutive chunks of the file, in order.
  /// - Returns: the report over the whole file (rows read and kept, problems by kind).
  /// - Throws: a `MicrodataError` as `Dataset.load` throws it (in strict mode the first
  ///   problem, with its line), or whatever `body` throws.
  @discardableResult
  public func forEachChunk(rowsPerChunk: Int = 100_000, _ body: (Dataset) throws -> Void) throws
    -> LoadReport
  {
    let input = try InputFile(url: url, compression: options.compression)
    var source = try input.source()
    let loader = CSVLoader(codebook: codebook, options: options, file: input.name)
    let buffer = ByteBuffer(capacity: blockSize * 2)
    var atEnd = false

    func fill() throws(MicrodataError) {
      buffer.reserve(blockSize)
      let n = try source.read(into: buffer.base + buffer.count, maximum: blockSize)
      if n == 0 { atEnd = true } else { buffer.count += n }
      buffer.terminate()
    }

    // Enough bytes for the header and dialect detection.
    // (A header without a line break stops at `maximumRecordBytes`, and `preamble` reports it.)
    repeat {
      try fill()
    } while !atEnd && (buffer.count < 1 << 16 || !containsLineBreak(buffer))
      && buffer.count <= options.maximumRecordBytes
    var preamble = try loader.preamble(
      UnsafePointer(buffer.base), count: buffer.count, complete: atEnd)
    if preamble.dialect.encoding == .utf8 { preamble.validateUTF8 = true }
    buffer.removeFirst(preamble.bodyStart)
    buffer.terminate()

    var line = 1 + preamble.headerLineBreaks
    var chunkLine = line
    var parts: [ParsedPart] = []
    var pendingRows = 0
    var report = LoadReport(
      source: input.name, encoding: preamble.dialect.encoding,
      delimiter: preamble.dialect.delimiterText,
      byteOrderMark: preamble.dialect.byteOrderMark, compressed: input.compressed, rowsRead: 0,
      rowsKept: 0,
      issues: [], columns: [], undeclaredColumns: preamble.planned.undeclared,
      absentVariables: preamble.planned.absent, joins: [])

    func emit() throws {
      guard !parts.isEmpty else { return }
      let chunk = try loader.finish(
        parts: parts, preamble: preamble, compressed: input.compressed, firstLine: chunkLine)
      parts = []
      pendingRows = 0
      chunkLine = line
      report.rowsRead += chunk.loadReport.rowsRead
      report.rowsSkipped += chunk.loadReport.rowsSkipped
      report.rowsKept += chunk.rowCount
      report.columns = chunk.loadReport.columns
      for issue in chunk.loadReport.issues {
        if let k = report.issues.firstIndex(where: {
          $0.kind == issue.kind && $0.variable == issue.variable && $0.action == issue.action
        }) {
          report.issues[k].count += issue.count
        } else {
          report.issues.append(issue)
        }
      }
      // The codebook's code lists (derived variables, checks) apply chunk by chunk.
      if chunk.rowCount > 0 { try body(try chunk.applyingCodeLists()) }
    }

    var position = 0
    while true {
      let end =
        atEnd
        ? buffer.count
        : RecordBoundaries.lastBoundary(
          UnsafePointer(buffer.base), from: position, to: buffer.count,
          delimiter: preamble.dialect.delimiter)
      if end > position {
        let parsed = loader.parse(
          UnsafePointer(buffer.base), cuts: [position, end], preamble: preamble,
          maxRows: rowsPerChunk - pendingRows)[0]
        parts.append(parsed)
        pendingRows += parsed.rows
        line += parsed.lineBreaks
        position = parsed.error == nil ? parsed.stopOffset : end
        if parsed.error != nil || pendingRows >= rowsPerChunk { try emit() }
        if position < end { continue }
      }
      if atEnd { break }
      if buffer.count - position > options.maximumRecordBytes {
        // No record ends within the limit: stop before the buffer grows any further.
        throw MicrodataError.recordTooLong(
          DataLocation(file: input.name, line: line), limit: options.maximumRecordBytes)
      }
      buffer.removeFirst(position)
      position = 0
      try fill()
    }
    try emit()
    return report
  }

  /// Whether the buffer holds a line break (a line feed, or a carriage return for a file that
  /// ends its lines with carriage returns only).
  private func containsLineBreak(_ buffer: ByteBuffer) -> Bool {
    memchr(buffer.base, 0x0A, buffer.count) != nil || memchr(buffer.base, 0x0D, buffer.count) != nil
  }
}
