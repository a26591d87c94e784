import Foundation
import Microdata

/// Shares data files between the analyses of one report run: each file is read once, each
/// (file, filter) pair filtered once.
///
/// `DataInput.load(filter:variables:)` consults the cache bound to `DatasetCache.current`, so
/// every job that loads through `DataInput` shares data without knowing about the cache:
///
/// ```swift
/// let cache = DatasetCache()
/// DatasetCache.$current.withValue(cache) {
///   for job in jobs { _ = try? job.run() }      // suspects.csv is read once
/// }
/// cache.files                                   // what was read: rows read, excluded, time
/// ```
/// The whole file is kept (all columns, whatever `variables` a job asks for); a 2-million-row
/// person file takes about 40 MB. Thread-safe: a file requested by several threads at once is
/// read by the first, and the others wait for it.
public final class DatasetCache: @unchecked Sendable {
  // The mutable state is guarded by `lock`; loads of distinct files may run concurrently.

  /// The cache of the current report run, if any (task-local: tests run in parallel with
  /// their own caches).
  @TaskLocal public static var current: DatasetCache?

  /// A file read through the cache, for the report's data section.
  public struct FileRecord: Sendable {
    public var input: DataInput
    public var report: LoadReport
    public var rows: Int
    public var seconds: Double
    /// The file whose keys selected the rows read in full (`KeySelection`), if any.
    public var selectedBy: String?
  }

  private let lock = NSCondition()
  private var datasets: [String: Result<Dataset, any Error>] = [:]
  private var loading: Set<String> = []
  private var filtered: [String: LoadedData] = [:]
  private var indexes: [String: Result<KeyIndex, any Error>] = [:]
  private var indexBuilds = 0
  private var records: [FileRecord] = []
  /// Called after a file has been read (for progress lines).
  private let onRead: (@Sendable (FileRecord) -> Void)?

  public init(onRead: (@Sendable (FileRecord) -> Void)? = nil) {
    self.onRead = onRead
  }

  /// How many key indexes were built (a join to a person register indexes it once per report;
  /// two threads asking at the same moment may both build it).
  public var indexesBuilt: Int {
    lock.lock()
    defer { lock.unlock() }
    return indexBuilds
  }

  /// The files read so far, in the order they were first read.
  public var files: [FileRecord] {
    lock.lock()
    defer { lock.unlock() }
    return records
  }

  /// The dataset of `input` filtered by `filter`, read and filtered at most once.
  package func load(_ input: DataInput, filter: String?) throws -> LoadedData {
    let fileKey = Self.key(input)
    let filterText = filter?.trimmingCharacters(in: .whitespaces) ?? ""
    let filterKey = fileKey + "\u{1F}" + filterText
    lock.lock()
    if let hit = filtered[filterKey] {
      lock.unlock()
      return hit
    }
    lock.unlock()
    let dataset = try self.dataset(input, key: fileKey)
    var loaded = LoadedData(
      dataset: dataset, warnings: dataset.loadReport.exclusionWarnings, filter: filter)
    if !filterText.isEmpty {
      loaded.dataset = try dataset.filtered(by: RowFilter(parsing: filterText))
      if loaded.dataset.rowCount == 0 && dataset.rowCount > 0 {
        loaded.warnings.append("the filter `\(filterText)` leaves no rows of \(input.path)")
      }
    }
    lock.lock()
    filtered[filterKey] = loaded
    lock.unlock()
    return loaded
  }

  private func dataset(_ input: DataInput, key: String, selection: Selection? = nil) throws
    -> Dataset
  {
    lock.lock()
    while loading.contains(key) { lock.wait() }
    if let result = datasets[key] {
      lock.unlock()
      return try result.get()
    }
    loading.insert(key)
    lock.unlock()
    let start = Date()
    let result = Result<Dataset, any Error> {
      try input.loadUncached(selection: selection?.keys).dataset
    }
    let seconds = Date().timeIntervalSince(start)
    lock.lock()
    datasets[key] = result
    loading.remove(key)
    var record: FileRecord?
    if case .success(let dataset) = result {
      record = FileRecord(
        input: input, report: dataset.loadReport, rows: dataset.rowCount, seconds: seconds,
        selectedBy: selection.map { URL(fileURLWithPath: $0.input.path).lastPathComponent })
      records.append(record!)
    }
    lock.broadcast()
    lock.unlock()
    if let record { onRead?(record) }
    return try result.get()
  }

  /// Rows of a register selected by the keys of another file (`KeySelection`): the other
  /// file's input (which names the selection in the cache) and its keys.
  package struct Selection {
    var input: DataInput
    var keys: KeySelection
  }

  /// The dataset of `input` with its index by `key`, each read or built at most once (several
  /// joins to one person register share them). With `selection`, only the rows it selects
  /// are read in full (once per register and selecting file).
  package func indexed(_ input: DataInput, key: String, selection: Selection? = nil) throws -> (
    LoadedData, KeyIndex
  ) {
    var fileKey = Self.key(input)
    if let selection { fileKey += "\u{1D}" + Self.key(selection.input) }
    let dataset = try self.dataset(input, key: fileKey, selection: selection)
    let loaded = LoadedData(
      dataset: dataset, warnings: dataset.loadReport.exclusionWarnings, filter: nil)
    let indexKey = fileKey + "\u{1F}" + key
    lock.lock()
    if let hit = indexes[indexKey] {
      lock.unlock()
      return (loaded, try hit.get())
    }
    lock.unlock()
    // Two threads may both build an index at once; the result is the same.
    let result = Result<KeyIndex, any Error> {
      try TabulationRequest.naming(loaded.dataset) { () throws(MicrodataError) in
        try KeyIndex(loaded.dataset, key: key)
      }
    }
    lock.lock()
    indexes[indexKey] = result
    indexBuilds += 1
    lock.unlock()
    return (loaded, try result.get())
  }

  /// The identity of an input: its path and every reading option.
  package static func key(_ input: DataInput) -> String {
    [
      input.path, input.codebook ?? "", input.delimiter ?? "", input.encoding ?? "",
      input.onError.rawValue, input.personLevel?.summary ?? "",
    ].joined(separator: "\u{1E}")
  }
}
