import Distributions
import Microdata

extension RateTable {
  /// Joins suspect counts to population counts over the same variables.
  ///
  /// The population table may list its dimensions in another order and its levels in another
  /// order; they are matched by variable name and level code. Population levels that the
  /// suspect table lacks are left out (and noted in ``warnings``).
  ///
  /// - Parameters:
  ///   - suspects: counts of suspects (or suspicions) per cell.
  ///   - population: population per cell, e.g. `CrossTab(factors, weight: .integers(name:
  ///     "antal", antal))` over an SCB-style aggregate, or an unweighted table of a person file.
  ///   - options: see ``RateOptions``.
  /// - Throws: `TabulationError.dimensionMismatch`, `.levelMissingFromPopulation`,
  ///   `.populationMissing`, `.zeroPopulation` (unless missing population is allowed),
  ///   `.countAbovePopulation` for a count of persons above its population (see
  ///   ``CountUnit``; counts of events may exceed it), `.invalidOption`.
  public init(suspects: CrossTab, population: CrossTab, options: RateOptions = RateOptions())
    throws(TabulationError)
  {
    try Rate.validate(per: options.per, level: options.level)
    var warnings: [String] = []
    let aligned = try Self.align(population, to: suspects, warnings: &warnings)
    if suspects.weightName != nil {
      warnings.append(
        "Rates of a weighted count (\(suspects.weightName!)) treat it as a Poisson count; "
          + "suspicions cluster within persons, so the intervals are too narrow.")
    }

    // A count of persons cannot exceed its population; one of events can (see CountUnit).
    let persons = (options.unit ?? (suspects.weightName == nil ? .persons : .events)) == .persons

    // Cells with suspects but no usable population, or (persons) more than it.
    var unmatched: [UnmatchedCell] = []
    var unmatchedIndicator = [Double](repeating: 0, count: suspects.cellCount)
    for cell in suspects.counts.indices where suspects.counts[cell] > 0 {
      let indices = suspects.levelIndices(ofCell: cell)
      let name = suspects.describe(levelIndices: indices)
      let reason: UnmatchedCell.Reason
      if aligned.records[cell] == 0 {
        guard options.allowMissingPopulation else {
          throw .populationMissing(cell: name, count: suspects.counts[cell])
        }
        reason = .missing
      } else if aligned.counts[cell] <= 0 {
        guard options.allowMissingPopulation else {
          throw .zeroPopulation(cell: name, count: suspects.counts[cell])
        }
        reason = .zero
      } else {
        if persons && suspects.counts[cell] > aligned.counts[cell] {
          throw .countAbovePopulation(
            cell: name, count: suspects.counts[cell], population: aligned.counts[cell])
        }
        continue
      }
      unmatchedIndicator[cell] = 1
      unmatched.append(
        UnmatchedCell(
          codes: indices.enumerated().map {
            suspects.dimensions[$0.offset].levels[$0.element].code
          },
          count: suspects.counts[cell], reason: reason))
    }
    let covers = CrossTab.extend(unmatchedIndicator, shape: suspects.shape)
    let unmatchedSuspects = unmatched.reduce(0) { $0 + $1.count }
    let matchedTotal = suspects.total - unmatchedSuspects
    let populationTotal = aligned.total

    var entries: [RateEntry] = []
    entries.reserveCapacity(suspects.extended.count)
    for position in suspects.extended.indices {
      let x = suspects.extended[position]
      let n = aligned.extended[position]
      let name = suspects.describe(levelIndices: suspects.extendedCoordinates(position))
      guard covers[position] == 0, n > 0 else {
        entries.append(
          RateEntry(
            count: x, population: n, rate: nil, representationRatio: nil,
            representationInterval: nil))
        continue
      }
      let rate = try Rate(
        count: x, population: n, per: options.per, level: options.level, cell: name)
      var ratio: Double?
      var interval: Interval?
      if matchedTotal > 0 && populationTotal > 0 {
        let populationShare = n / populationTotal
        ratio = (x / matchedTotal) / populationShare
        if x == x.rounded(), matchedTotal == matchedTotal.rounded(), matchedTotal < 1e15 {
          let limits = ProportionInterval.clopperPearson(
            successes: Int(x), trials: Int(matchedTotal), level: options.level)
          interval = Interval(limits).scaled(by: 1 / populationShare)
        }
      }
      entries.append(
        RateEntry(
          count: x, population: n, rate: rate, representationRatio: ratio,
          representationInterval: interval))
    }
    self.suspects = suspects
    self.population = aligned
    self.options = options
    self.entries = entries
    self.cells = suspects.counts.indices.map { cell in
      entries[suspects.extendedPosition(suspects.levelIndices(ofCell: cell).map { $0 })]
    }
    self.total = entries[entries.count - 1]
    self.unmatched = unmatched
    self.warnings = warnings
  }

  /// The population table rearranged to the suspect table's dimension and level order.
  static func align(_ population: CrossTab, to suspects: CrossTab, warnings: inout [String])
    throws(TabulationError) -> CrossTab
  {
    guard Set(population.variables) == Set(suspects.variables),
      population.variables.count == suspects.variables.count
    else {
      throw .dimensionMismatch(expected: suspects.variables, found: population.variables)
    }
    if population.dimensions == suspects.dimensions { return population }
    // For each population dimension: the suspect dimension and the level map.
    var targetDimension: [Int] = []
    var levelMap: [[Int?]] = []
    for dimension in population.dimensions {
      let d = try suspects.dimensionIndex(of: dimension.name)
      targetDimension.append(d)
      let codes = suspects.dimensions[d].codes
      let map = dimension.codes.map { codes.firstIndex(of: $0) }
      for (code, target) in zip(dimension.codes, map) where target == nil {
        warnings.append(
          "The population level '\(code)' of \(dimension.name) is not in the suspect table and "
            + "is left out.")
      }
      levelMap.append(map)
      let present = Set(dimension.codes)
      for code in codes where !present.contains(code) {
        throw .levelMissingFromPopulation(variable: dimension.name, code: code)
      }
    }
    var counts = [Double](repeating: 0, count: suspects.cellCount)
    var records = [Int64](repeating: 0, count: suspects.cellCount)
    let strides = suspects.strides
    cells: for cell in population.counts.indices {
      let indices = population.levelIndices(ofCell: cell)
      var target = 0
      for (j, i) in indices.enumerated() {
        guard let mapped = levelMap[j][i] else { continue cells }
        target += mapped * strides[targetDimension[j]]
      }
      counts[target] += population.counts[cell]
      records[target] += population.records[cell]
    }
    return CrossTab(
      dimensions: suspects.dimensions, counts: counts, records: records,
      weightName: population.weightName, tabulatedRows: population.tabulatedRows,
      excluded: population.excluded)
  }
}
