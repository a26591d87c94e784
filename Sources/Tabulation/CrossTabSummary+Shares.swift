extension CrossTabSummary {
  /// The total count of the cells that have a population (the total without the cells listed in
  /// `unmatched`): the base of the shares behind representation ratios. `nil` when the total is
  /// suppressed.
  public var matchedCount: Double? {
    guard let total = total.count else { return nil }
    let unmatchedCount = (unmatched ?? []).reduce(0) { $0 + $1.count }
    let matched = total - unmatchedCount
    return matched > 0 ? matched : nil
  }

  /// `N_e / N`: an entry's share of the population (a fraction); `nil` for a suppressed entry
  /// or without a population.
  public func populationShare(of record: SummaryRecord) -> Double? {
    guard !record.suppressed, let population = record.population,
      let total = total.population, total > 0
    else { return nil }
    return population / total
  }

  /// An entry's share of the count of the cells that have a population (a fraction), so that
  /// `countShare / populationShare` is the representation ratio; `nil` for a suppressed entry,
  /// an entry without a representation ratio, or a suppressed total.
  public func countShare(of record: SummaryRecord) -> Double? {
    guard populationShare(of: record) != nil, record.representationRatio != nil,
      let count = record.count, let matched = matchedCount
    else { return nil }
    return count / matched
  }
}
