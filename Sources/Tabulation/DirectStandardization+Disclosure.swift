extension DirectStandardization {
  /// The groups (codes of ``groupVariables``, `nil` = all levels) whose standardised rate must
  /// be withheld under a disclosure-control policy: those with a primarily suppressed stratum
  /// cell (group × stratum, e.g. kön × åldersgrupp, summed over every other variable).
  ///
  /// A directly standardised rate `Σ_s w_s x_s / N_s` is a weighted sum of the group's stratum
  /// counts with known weights (the populations are public). Printed to full precision it
  /// typically admits one split of the group's count over the strata, so a small stratum count
  /// would be published through it. A group whose stratum counts are all 0 or at least the
  /// threshold reveals no small count that way.
  ///
  /// - Parameters:
  ///   - table: the counts over the group variables and the stratum (other variables are summed
  ///     over), before the stratum is collapsed.
  ///   - control: the policy; a weighted table also judges the input rows behind each count
  ///     (``DisclosureControl/protectRows``).
  /// - Throws: the error of ``CrossTab/dimensionIndex(of:)`` when `table` lacks a group
  ///   variable or the stratum.
  public func groupsWithSmallStrata(in table: CrossTab, control: DisclosureControl)
    throws(TabulationError) -> Set<[String?]>
  {
    guard control.isActive else { return [] }
    let stratumDimension = try table.dimensionIndex(of: stratum)
    var groupDimensions: [Int] = []
    for name in groupVariables { groupDimensions.append(try table.dimensionIndex(of: name)) }
    let judgeRows = control.protectRows && table.weightName != nil
    // Counts and input rows per group cell (every group variable at a level) and stratum level.
    var sums: [[String]: (count: Double, rows: Int64)] = [:]
    for cell in 0..<table.cellCount {
      let levels = table.levelIndices(ofCell: cell)
      let key =
        groupDimensions.map { table.dimensions[$0].levels[levels[$0]].code }
        + [table.dimensions[stratumDimension].levels[levels[stratumDimension]].code]
      let old = sums[key] ?? (0, 0)
      sums[key] = (old.count + table.counts[cell], old.rows + table.records[cell])
    }
    func isPrimary(_ count: Double, _ rows: Int64) -> Bool {
      control.isBelowThreshold(count)
        || (judgeRows && count > 0 && control.isBelowThreshold(Double(rows)))
    }
    var withheld: Set<[String?]> = []
    for entry in entries {
      var byStratum: [String: (count: Double, rows: Int64)] = [:]
      for (key, value) in sums
      where zip(entry.codes, key).allSatisfy({ code, level in code == nil || code == level }) {
        let old = byStratum[key[key.count - 1]] ?? (0, 0)
        byStratum[key[key.count - 1]] = (old.count + value.count, old.rows + value.rows)
      }
      if byStratum.values.contains(where: { isPrimary($0.count, $0.rows) }) {
        withheld.insert(entry.codes)
      }
    }
    return withheld
  }
}
