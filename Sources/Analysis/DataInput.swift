import Foundation
import Microdata

/// A data file to read, with how to read it: the codebook and the CSV dialect overrides.
///
/// Shared by the subcommands' `InputOptions` and the data section of a report recipe.
public struct DataInput: Sendable, Equatable, Codable {
  /// The file (`.csv`, `.tsv`, `.txt`, optionally `.gz`).
  public var path: String
  /// A codebook file; `nil` is the canonical codebook shipped with Strata.
  public var codebook: String?
  /// `;`, `,`, `tab` or `|`; `nil` detects it.
  public var delimiter: String?
  /// `utf8`, `latin1` or `windows1252`; `nil` detects it.
  public var encoding: String?
  /// What to do with a bad row: `strict` (fail) or `skip` (exclude and count).
  public var onError: LoadOptions.ErrorPolicy = .strict

  public init(
    path: String, codebook: String? = nil, delimiter: String? = nil, encoding: String? = nil,
    onError: LoadOptions.ErrorPolicy = .strict
  ) {
    self.path = path
    self.codebook = codebook
    self.delimiter = delimiter
    self.encoding = encoding
    self.onError = onError
  }

  /// The same reading options for another file (e.g. the population next to the suspects).
  public func withPath(_ other: String) -> DataInput {
    var copy = self
    copy.path = other
    return copy
  }

  /// The codebook this input is read through.
  package func loadCodebook() throws -> Codebook {
    guard let codebook else { return .canonical }
    return try Codebook(contentsOf: URL(fileURLWithPath: codebook))
  }

  /// The load options for this input.
  package func loadOptions(variables: [String]? = nil) throws -> LoadOptions {
    var options = LoadOptions()
    if let delimiter {
      guard let character = LoadOptions.delimiter(named: delimiter) else {
        throw JobError.invalidOption("unknown delimiter `\(delimiter)` (use ; , tab or |)")
      }
      options.delimiter = character
    }
    if let encoding {
      guard let value = TextEncoding(name: encoding) else {
        throw JobError.invalidOption(
          "unknown encoding `\(encoding)` (use utf8, latin1 or windows1252)")
      }
      options.encoding = value
    }
    options.errorPolicy = onError
    options.variables = variables
    return options
  }

  /// Reads the file, applies `filter`, and returns the dataset with the warnings an analyst
  /// must see (rows excluded by reason, rows removed by the filter). Inside a report run the
  /// file is read once and shared (`DatasetCache`).
  package func load(filter: String? = nil, variables: [String]? = nil) throws -> LoadedData {
    if let cache = DatasetCache.current { return try cache.load(self, filter: filter) }
    return try loadUncached(filter: filter, variables: variables)
  }

  /// Reads the whole file and indexes it by `key` (e.g. a person register by `lopnr`); inside a
  /// report run both are done once and shared (`DatasetCache`).
  /// - Throws: what `load` throws; `MicrodataError.duplicateKey` (a key given twice) and
  ///   `InputError.unknownVariable` naming the file.
  package func loadIndexed(key: String) throws -> (LoadedData, KeyIndex) {
    if let cache = DatasetCache.current { return try cache.indexed(self, key: key) }
    let loaded = try loadUncached()
    let index = try TabulationRequest.naming(loaded.dataset) { () throws(MicrodataError) in
      try KeyIndex(loaded.dataset, key: key)
    }
    return (loaded, index)
  }

  /// Reads the file without the report cache.
  package func loadUncached(filter: String? = nil, variables: [String]? = nil) throws -> LoadedData
  {
    let codebook = try loadCodebook()
    var dataset = try Dataset.load(
      contentsOf: URL(fileURLWithPath: path), codebook: codebook,
      options: try loadOptions(variables: variables))
    var warnings = dataset.loadReport.exclusionWarnings
    if let filter, !filter.trimmingCharacters(in: .whitespaces).isEmpty {
      let before = dataset.rowCount
      dataset = try dataset.filtered(by: RowFilter(parsing: filter))
      if dataset.rowCount == 0 && before > 0 {
        warnings.append("the filter `\(filter)` leaves no rows of \(path)")
      }
    }
    return LoadedData(dataset: dataset, warnings: warnings, filter: filter)
  }
}

/// A dataset read for an analysis, with its warnings.
public struct LoadedData: Sendable {
  public var dataset: Dataset
  public var warnings: [String]
  public var filter: String?
}

extension LoadReport {
  /// One sentence per reason rows were excluded or values set missing, for stderr and JSON.
  public var exclusionWarnings: [String] {
    issues.map { issue in
      let what = issue.action == .excluded ? "rows excluded" : "values set to missing"
      let variable = issue.variable.map { " in `\($0)`" } ?? ""
      return
        "\(source): \(issue.count) \(what) (\(issue.kind)\(variable)); first at line \(issue.firstLine): \(issue.first)"
    }
  }
}
