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
  /// Derive persons from the file's events (suspicions): one row per person and combination
  /// (`Dataset.personLevel`), joined to a person register; nil reads the file as it is.
  public var personLevel: PersonLevel?

  /// How to derive a person-level table from event-level suspicions: Brå's netto counting per
  /// combination of `by` (e.g. `brottstyp`, `parrelation`), with the persons' variables.
  public struct PersonLevel: Sendable, Equatable, Codable, Hashable {
    /// The person register joined by `lopnr` (read with the same codebook and dialect).
    public var persons: String?
    /// The variables whose combinations a person is counted once in.
    public var by: [String]
    /// The first and last dates (`YYYY-MM-DD`) of the events counted; nil is open.
    public var from: String?
    public var to: String?

    public init(persons: String? = nil, by: [String], from: String? = nil, to: String? = nil) {
      self.persons = persons
      self.by = by
      self.from = from
      self.to = to
    }

    /// The events' period, checked.
    func period() throws -> ClosedRange<CalendarDay>? {
      guard from != nil || to != nil else { return nil }
      func day(_ text: String?, _ fallback: CalendarDay) throws -> CalendarDay {
        guard let text else { return fallback }
        guard let day = CalendarDay(text) else {
          throw JobError.invalidOption("`\(text)` is not a date YYYY-MM-DD")
        }
        return day
      }
      let start = try day(from, CalendarDay(daysSince1970: Int32.min + 1))
      let end = try day(to, CalendarDay(daysSince1970: Int32.max))
      guard start <= end else {
        throw JobError.invalidOption("the period \(from ?? "")…\(to ?? "") ends before it starts")
      }
      return start...end
    }

    /// A short text for messages and the cache key.
    var summary: String {
      "per person by \(by.joined(separator: ",")) \(from ?? "")…\(to ?? "") with \(persons ?? "")"
    }
  }

  public init(
    path: String, codebook: String? = nil, delimiter: String? = nil, encoding: String? = nil,
    onError: LoadOptions.ErrorPolicy = .strict, personLevel: PersonLevel? = nil
  ) {
    self.path = path
    self.codebook = codebook
    self.delimiter = delimiter
    self.encoding = encoding
    self.onError = onError
    self.personLevel = personLevel
  }

  /// The same reading options for another file (e.g. the population next to the suspects).
  public func withPath(_ other: String) -> DataInput {
    var copy = self
    copy.path = other
    copy.personLevel = nil
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
  /// - Parameter events: a file joined to this one and its dataset: only the rows its keys
  ///   name are read in full (`KeySelection`; a register of the whole population joined to
  ///   the persons of a suspicions file), the others are skipped and counted.
  package func loadIndexed(key: String, namedBy events: (input: DataInput, dataset: Dataset)? = nil)
    throws -> (LoadedData, KeyIndex)
  {
    // Without the key in `events` there is nothing to select by (the join reports it).
    let selection = events.flatMap { events in
      (try? events.dataset.keys(key)).map {
        DatasetCache.Selection(input: events.input, keys: KeySelection(variable: key, keys: $0))
      }
    }
    if let cache = DatasetCache.current {
      return try cache.indexed(self, key: key, selection: selection)
    }
    let loaded = try loadUncached(selection: selection?.keys)
    let index = try TabulationRequest.naming(loaded.dataset) { () throws(MicrodataError) in
      try KeyIndex(loaded.dataset, key: key)
    }
    return (loaded, index)
  }

  /// Checks what an analysis needs of the file (the variables of `filter`, and `check`'s) on
  /// its first kept row (a dataset with the header's columns and the codebook's groupings)
  /// before the whole file is read, so that a misspelt name fails in milliseconds rather than
  /// after a load of gigabytes. Only names are checked, with the errors the analysis gives on
  /// the whole file (one row says nothing about the types the whole file's values give an
  /// undeclared column): `check` looks up names only. Only for files of at least
  /// ``preflightBytes`` read outside a report (a report reads each file once for all its
  /// analyses), not derived per person, and read strictly: the first row then either is kept
  /// or stops the load with its error (leaving out bad rows, the first kept row could be
  /// anywhere in the file).
  package func preflight(filter: String?, _ check: (Dataset) throws -> Void) throws {
    guard DatasetCache.current == nil, personLevel == nil, onError == .strict,
      let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
      size >= Self.preflightBytes
    else { return }
    struct Checked: Error {}
    do {
      try DatasetReader(
        contentsOf: URL(fileURLWithPath: path), codebook: try loadCodebook(),
        options: try loadOptions()
      )
      .forEachChunk(rowsPerChunk: 1) { first in
        if let filter, !filter.trimmingCharacters(in: .whitespaces).isEmpty {
          // A name the file lacks: the filter's own error, with its position.
          let parsed = try RowFilter(parsing: filter)
          if parsed.variables.contains(where: { !first.hasVariable($0) }) {
            _ = try first.filtered(by: parsed)
          }
        }
        try check(first)
        throw Checked()
      }
    } catch is Checked {}
  }

  /// Files smaller than this (32 MiB) are read whole before their analysis checks them: they
  /// load in well under a tenth of a second.
  package static let preflightBytes = 32 << 20

  /// Reads the file without the report cache.
  package func loadUncached(
    filter: String? = nil, variables: [String]? = nil, selection: KeySelection? = nil
  ) throws -> LoadedData {
    var dataset: Dataset
    if let personLevel {
      // The file itself comes from the report's cache when there is one: read once, however
      // many per-person datasets derive from it (the model report derives two from the
      // suspicions it also reads as they are).
      var file = self
      file.personLevel = nil
      dataset = try file.load().dataset
      // The register and its index by `lopnr` come from the report's cache when there is one,
      // shared with every other join to it; only the persons the file names are read in full.
      let persons = try personLevel.persons.map {
        try withPath($0).loadIndexed(key: "lopnr", namedBy: (file, dataset))
      }
      dataset = try dataset.personLevel(
        by: personLevel.by, persons: persons?.0.dataset, personsIndex: persons?.1,
        period: try personLevel.period())
    } else {
      var options = try loadOptions(variables: variables)
      options.selection = selection
      dataset = try Dataset.load(
        contentsOf: URL(fileURLWithPath: path), codebook: try loadCodebook(), options: options)
    }
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
  /// One sentence per reason rows were excluded or values set missing, for stderr and JSON;
  /// first one when the file has a header and no data rows (every count from it is 0).
  public var exclusionWarnings: [String] {
    (rowsRead == 0 ? ["\(source): the file has no data rows, only a header"] : [])
      + issues.map { issue in
        let what = issue.action == .excluded ? "rows excluded" : "values set to missing"
        let variable = issue.variable.map { " in `\($0)`" } ?? ""
        return
          "\(source): \(issue.count) \(what) (\(issue.kind)\(variable)); first at line \(issue.firstLine): \(issue.first)"
      }
      + joins.filter { $0.kind == .inner && $0.unmatched > 0 }.map { join in
        "\(source): \(join.unmatched) of \(join.rows) rows have no person in \(join.other) "
          + "(by `\(join.key)`) and were left out."
      }
  }
}
