import Analysis
import Foundation
import Microdata

extension ShareResult {
  /// The analysis's JSON: one object per cell and numerator, keyed by the `by` variables'
  /// codes, with `count`, `total`, `share`, `percent` and `ci` (of the share), or
  /// `"suppressed": true` and no values that could reveal a suppressed count.
  ///
  /// ```json
  /// {"analysis": "share", "by": ["grupp", "ar"], "denominator": "personer",
  ///  "numerators": ["aterfall_1ar"], "level": 0.95,
  ///  "cells": [{"grupp": "Kvinnor", "ar": "2004", "numerator": "aterfall_1ar",
  ///             "count": 2650, "total": 14929, "share": 0.1775, "percent": 17.75,
  ///             "ci": [0.1714, 0.1837], "suppressed": false}],
  ///  "excluded": {"rows": 0, "missing": {}}, "warnings": []}
  /// ```
  func json(warnings: [String]) throws -> Data {
    var cellObjects: [JSONObject] = []
    for cell in cells {
      for (k, numerator) in numerators.enumerated() {
        var object = JSONObject()
        for (d, dimension) in dimensions.enumerated() {
          object[dimension.name] = .string(dimension.codes[cell.levels[d]])
        }
        object["numerator"] = .string(numerator)
        let count = cell.counts[k]
        let hidden = isSuppressed(cell.total) || isSuppressed(count)
        object["suppressed"] = .bool(hidden)
        if !isSuppressed(cell.total) { object["total"] = .number(cell.total) }
        if !hidden {
          object["count"] = .number(count)
          if cell.total > 0 {
            object["share"] = .number(count / cell.total)
            object["percent"] = .number(100 * count / cell.total)
          }
          if let interval = cell.intervals[k] {
            object["ci"] = .array([.number(interval.lower), .number(interval.upper)])
          }
        }
        cellObjects.append(object)
      }
    }
    var missing = JSONObject()
    for (name, count) in excludedMissing { missing[name] = .number(Double(count)) }
    var excluded = JSONObject()
    excluded["rows"] = .number(Double(excludedRows))
    excluded["missing"] = .object(missing)
    var root = JSONObject()
    root["analysis"] = .string("share")
    root["by"] = .array(dimensions.map { .string($0.name) })
    root["denominator"] = .string(denominator)
    root["numerators"] = .array(numerators.map { .string($0) })
    root["level"] = .number(level)
    root["suppress"] = .number(Double(suppress))
    root["cells"] = .array(cellObjects.map { .object($0) })
    root["excluded"] = .object(excluded)
    root["warnings"] = .array(warnings.map { .string($0) })
    return try JSONValue.object(root).encoded()
  }

  /// The publication table: one row per cell, the denominator, then count and percentage per
  /// numerator under a spanning header.
  func table(_ job: ShareRequest) throws -> ReportTable {
    let language = job.language
    let denominatorLabel = label(denominator, language).lowercased()
    let title = job.title ?? language.text(.shareTitle(denominator: denominatorLabel))
    var groups = [HeaderSpan("", span: 1)]
    var columns = [ReportColumn(label(denominator, language), role: .count)]
    for numerator in numerators {
      groups.append(HeaderSpan(label(numerator, language), span: 2))
      columns.append(ReportColumn(language.text(.shareNumber), role: .count))
      columns.append(ReportColumn(language.text(.perCent), role: .percent))
    }
    var table = ReportTable(
      title: title, language: language, stubHeaders: dimensions.map { label($0.name, language) },
      columnGroups: numerators.isEmpty ? [] : [groups], columns: columns)
    for cell in cells {
      let labels = zip(dimensions, cell.levels).map { $0.levels[$1].label(language) }
      var row: [ReportCell] = [isSuppressed(cell.total) ? .suppressed : .count(cell.total)]
      for count in cell.counts {
        if isSuppressed(cell.total) || isSuppressed(count) {
          row += [.suppressed, .suppressed]
        } else {
          row.append(.count(count))
          row.append(cell.total > 0 ? .percent(100 * count / cell.total) : .missing)
        }
      }
      try table.appendRow(labels, row)
    }
    table.footnotes.append(
      .note(
        language.text(
          .shareFormulaNote(denominator: denominatorLabel, level: percentText(level)))))
    return table
  }

  private func percentText(_ level: Double) -> String {
    NumberFormat(language: .sv, style: .plain).string(100 * level, decimals: 0) + " %"
  }
}

extension ShareResult: PublishableResult {
  /// The contract JSON and the table of shares.
  public func publication() throws -> AnalysisPublication {
    guard let request else { preconditionFailure("a ShareResult is published from its request") }
    return try AnalysisPublication(
      json: try json(warnings: warnings), tables: [try table(request)], charts: [],
      warnings: warnings
    ).titled(request.title).disclosed(threshold: request.suppress, language: request.language)
  }
}
