import Tabulation

extension SummaryRecord {
  /// The value of `measure` in this record (a suppressed record has none).
  func figure(_ measure: FigureMeasure) -> Double? {
    switch measure {
    case .count: count
    case .population: population
    case .rate: rate
    case .rateLower: rateCI?.lower
    case .rateUpper: rateCI?.upper
    case .percent: percent
    case .representationRatio: representationRatio
    case .representationLower: representationCI?.lower
    case .representationUpper: representationCI?.upper
    case .persons, .suspects: persons.map(Double.init)
    case .repeaters: repeaters.map(Double.init)
    case .recidivists: recidivists.map(Double.init)
    case .censored: censored.map(Double.init)
    case .share: share
    case .shareLower: shareCI?.lower
    case .shareUpper: shareCI?.upper
    case .km: km
    case .kmLower: kmCI?.lower
    case .kmUpper: kmCI?.upper
    default: nil
    }
  }

  /// Whether this record is the cell: exactly its variables, with these codes.
  func isCell(_ cell: [CellCoordinate]) -> Bool {
    keys.count == cell.count
      && cell.allSatisfy { coordinate in
        keys.contains { $0.variable == coordinate.variable && $0.code == coordinate.code }
      }
  }
}

/// Looks a figure up among records (cells, margins, total; an empty cell is the total), with
/// `extra` for measures that are not fields of the record (shares of a cross-tabulation).
func lookUp(
  _ measure: FigureMeasure, at cell: [CellCoordinate], in records: [SummaryRecord],
  extra: (SummaryRecord) -> Double? = { _ in nil }
) -> FigureLookup {
  guard let record = records.first(where: { $0.isCell(cell) }) else {
    let variables = Set(cell.map(\.variable))
    let near = records.filter { Set($0.keys.map(\.variable)) == variables }
    guard !near.isEmpty else {
      return .notFound(
        "no cell, group or margin has exactly the variables "
          + cell.map(\.variable).joined(separator: ", "))
    }
    let codes = cell.map { coordinate in
      let seen = Set(near.compactMap { $0.code(of: coordinate.variable) }).sorted()
      return "\(coordinate.variable): \(seen.prefix(12).joined(separator: ", "))"
    }
    return .notFound("no cell has these codes (there are: \(codes.joined(separator: "; ")))")
  }
  if record.suppressed { return .suppressed }
  guard let value = record.figure(measure) ?? extra(record) else {
    return .notFound("the cell has no `\(measure.rawValue)`")
  }
  return .value(value)
}

extension TabulationResult: FigureSource {
  public func figure(_ measure: FigureMeasure, at cell: [CellCoordinate]) -> FigureLookup {
    lookUp(measure, at: cell, in: summary.cells + summary.margins + [summary.total]) { record in
      switch measure {
      case .populationShare: summary.populationShare(of: record)
      case .countShare: summary.countShare(of: record)
      default: nil
      }
    }
  }
}

extension RepeatOffendingResult: FigureSource {
  public func figure(_ measure: FigureMeasure, at cell: [CellCoordinate]) -> FigureLookup {
    lookUp(measure, at: cell, in: summary.groups + summary.margins + [summary.total])
  }
}

extension RecidivismResult: FigureSource {
  public func figure(_ measure: FigureMeasure, at cell: [CellCoordinate]) -> FigureLookup {
    lookUp(measure, at: cell, in: summary.groups + [summary.total])
  }
}
