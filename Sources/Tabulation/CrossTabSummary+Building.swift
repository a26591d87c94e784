import Microdata

extension CrossTabSummary {
  /// Summarises a table for publication.
  ///
  /// - Parameters:
  ///   - table: the counts (suspects, or suspicions when weighted).
  ///   - population: the population over the same variables, for rates; see ``RateTable``.
  ///   - options: see ``CrossTabSummaryOptions``.
  /// - Throws: the errors of ``RateTable``, ``TableLayout`` and ``AssociationTest`` (a test of a
  ///   table with fewer than two non-empty rows or columns is left out with a warning instead),
  ///   and `.invalidOption` when a variable is named like a record field.
  public init(
    _ table: CrossTab, population: CrossTab? = nil,
    options: CrossTabSummaryOptions = CrossTabSummaryOptions()
  ) throws(TabulationError) {
    for name in table.variables where SummaryRecord.reservedNames.contains(name) {
      throw .invalidOption(
        name: "variable", value: name, reason: "the name is reserved for a field of the output")
    }
    let layout = options.layout ?? table.defaultLayout
    let resolved = try table.resolve(layout)
    let order = resolved.rows + resolved.columns
    let rates = try population.map { p throws(TabulationError) in
      try RateTable(suspects: table, population: p, options: options.rates)
    }
    let suppression = table.suppression(options.disclosure)
    let conditioning = options.percent.map { table.conditioningDimensions($0, layout: resolved) }

    func record(_ position: Int) -> SummaryRecord {
      let coordinates = table.extendedCoordinates(position)
      let keys = order.compactMap { d in
        coordinates[d].map {
          SummaryRecord.Key(
            variable: table.dimensions[d].name, code: table.dimensions[d].levels[$0].code)
        }
      }
      var record = SummaryRecord(keys: keys)
      if suppression.isSuppressed(extended: position) { return record.suppressedCopy() }
      record.count = table.extended[position]
      if let conditioning {
        record.percent = table.percent(atExtended: position, conditioningOn: conditioning)
      }
      if let entry = rates?.entries[position] {
        record.population = entry.population
        record.rate = entry.rate?.rate
        record.rateCI = entry.rate?.interval
        record.representationRatio = entry.representationRatio
        record.representationCI = entry.representationInterval
      }
      return record
    }

    // Cells in layout order, margins by subset, then the total.
    let strides = table.extendedStrides
    func position(_ levelIndices: [Int?]) -> Int {
      table.shape.indices.reduce(0) { $0 + (levelIndices[$1] ?? table.shape[$1]) * strides[$1] }
    }
    func records(keeping kept: [Int]) -> [SummaryRecord] {
      let keptInOrder = order.filter { kept.contains($0) }
      return CrossTab.combinations(keptInOrder.map { table.shape[$0] }).map { key in
        var indices = [Int?](repeating: nil, count: table.shape.count)
        for (j, d) in keptInOrder.enumerated() { indices[d] = key[j] }
        return record(position(indices))
      }
    }
    let n = table.shape.count
    cells = records(keeping: Array(0..<n))
    margins =
      n >= 2
      ? (1..<((1 << n) - 1)).flatMap { mask in
        records(keeping: (0..<n).filter { mask & (1 << $0) != 0 })
      } : []
    total = record(table.extended.count - 1)

    var warnings = table.excluded.warnings
    warnings += rates?.warnings ?? []
    if suppression.primaryCount > 0 {
      let primary = suppression.primaryCount
      let secondary = suppression.secondaryCount
      warnings.append(
        Self.suppressionWarning(
          primary: primary, secondary: secondary, threshold: options.disclosure.threshold))
    }
    var test: TestSummary?
    var testWithheld: Bool?
    if options.includeTest && suppression.primaryCount + suppression.secondaryCount > 0 {
      // A test statistic is a function of the cells: withheld when any entry is suppressed.
      testWithheld = true
      warnings.append(Self.testWithheldWarning)
    } else if options.includeTest {
      if resolved.columns.isEmpty || resolved.rows.isEmpty {
        warnings.append("No test of association: the table needs row and column variables.")
      } else {
        do {
          let association = try table.associationTest(
            rows: layout.rows, columns: layout.columns, correction: options.correction)
          warnings += association.warnings
          test = TestSummary(
            chi2: association.chiSquared, df: association.degreesOfFreedom,
            pValue: association.pValue, cramersV: association.cramersV,
            g2: association.likelihoodRatio, g2PValue: association.likelihoodRatioPValue,
            n: association.n, correction: association.correction)
          if resolved.rows.count == 1, resolved.columns.count == 1,
            table.shape[resolved.rows[0]] == 2, table.shape[resolved.columns[0]] == 2,
            let fisher = try? table.fisherExactTest(row: layout.rows[0], column: layout.columns[0])
          {
            test?.fisherPValue = fisher.pValue
            test?.fisherMethod = .exact
            test?.oddsRatio = fisher.oddsRatio
            test?.oddsRatioCI = fisher.interval
          } else if let method = options.fisher {
            // A table too large for the exact algorithm is an error with advice, not a warning:
            // the analyst asked for this test.
            test?.setFisher(
              try table.fisherExactTableTest(
                rows: layout.rows, columns: layout.columns, method: method))
          }
        } catch {
          if case .exactTestTooLarge = error { throw error }
          warnings.append("No test of association: \(error.description)")
        }
      }
    }
    self.rows = layout.rows
    self.cols = layout.columns
    self.weight = table.weightName
    self.per = rates == nil ? nil : options.rates.per
    self.percentBase = options.percent
    self.test = test
    self.testWithheld = testWithheld
    self.suppression = SuppressionSummary(
      threshold: options.disclosure.threshold, primary: suppression.primaryCount,
      secondary: suppression.secondaryCount)
    self.unmatched = rates.map(\.unmatched)
    self.excluded = table.excluded
    self.labels = Dictionary(
      uniqueKeysWithValues: table.dimensions.map { dimension in
        (
          dimension.name,
          Dictionary(
            dimension.levels.map { ($0.code, $0.label(options.language)) },
            uniquingKeysWith: { first, _ in first })
        )
      })
    self.warnings = warnings
  }

  /// The analyst's warning that a table hides entries: `primary` below the threshold and
  /// `secondary` more that would reveal them.
  package static func suppressionWarning(primary: Int, secondary: Int, threshold: Double)
    -> String
  {
    if primary == 0 {
      return "\(secondary) \(secondary == 1 ? "entry" : "entries") suppressed that would "
        + "reveal, with other tables of the same population, counts below \(format(threshold))."
    }
    let revealing =
      secondary == 0
      ? "" : ", and \(secondary) more that would reveal \(primary == 1 ? "it" : "them")"
    return "\(primary) \(primary == 1 ? "entry" : "entries") below \(format(threshold)) "
      + "suppressed\(revealing)."
  }

  /// The warning when a test of association is withheld.
  package static let testWithheldWarning =
    "The test of association is withheld: the table has suppressed entries, and a test "
    + "statistic is computed from the cells and could reveal them."

  static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }
}
