import Testing

@testable import Tabulation

/// The integer-programming attacker in the test suite: linked-table suppression is audited
/// with ``DisclosureAudit`` (GLPK's branch-and-cut over the cover table, with every published
/// figure, every suppressed figure ≥ 1 and published zeros), and today's per-table method is
/// shown to leak under the same attacker.
@Suite("Linked-table suppression against the integer-programming attacker")
struct LinkedSuppressionTests {
  /// Every table of a population: the full cross plus all its 1- and 2-way margins as tables.
  static func tablesWithMargins(_ variables: Int) -> [[Int]] {
    let all = Array(0..<variables)
    var tables = [all]
    for d in all { tables.append([d]) }
    if variables == 3 { tables += [[0, 1], [0, 2], [1, 2]] }
    return tables
  }

  /// The suppressed figures when each table is suppressed on its own with today's method
  /// (``CrossTab/suppression(_:)``): a figure is hidden only if every table that shows it hides
  /// it, since the attacker reads all tables.
  static func perTableSuppressed(_ linked: LinkedTables, cover: CoverTable, threshold: Double)
    throws -> Set<Int>
  {
    var shown = Set<Int>()
    var hidden = Set<Int>()
    for table in linked.tables {
      var counts = [Double](repeating: 0, count: table.shape.reduce(1, *))
      let strides = CrossTab.strides(of: table.shape)
      for cell in 0..<cover.cellCount {
        let levels = cover.levelIndices(ofCell: cell)
        let index = table.dimensions.indices.reduce(0) {
          $0 + levels[table.dimensions[$1]] * strides[$1]
        }
        counts[index] += Double(cover.counts[cell])
      }
      let dimensions = table.dimensions.enumerated().map { j, d in
        CrossTab.Dimension(name: "v\(d)", levels: levels(table.shape[j], prefix: "v\(d)_"))
      }
      let crossTab = try CrossTab(dimensions: dimensions, counts: counts)
      let suppression = crossTab.suppression(DisclosureControl(threshold: threshold))
      for (position, figure) in table.figures.enumerated() {
        if suppression.isSuppressed(extended: position) {
          hidden.insert(figure)
        } else {
          shown.insert(figure)
        }
      }
    }
    return hidden.subtracting(shown)
  }

  // MARK: The solver wrapper

  @Test("GLPK: integer and continuous optima differ where they should; infeasibility is seen")
  func linearProgram() {
    // max x + y  s.t. 2x + 2y ≤ 5: 2.5 over the reals, 2 over the integers.
    for integer in [false, true] {
      var program = LinearProgram()
      let x = program.addVariable(integer: integer)
      let y = program.addVariable(integer: integer)
      program.objective = [1, 1]
      program.addConstraint([(x, -2), (y, -2)], .atLeast, -5)
      guard case .optimal(let objective, _) = program.solve(.maximize) else {
        Issue.record("not solved")
        continue
      }
      #expect(objective == (integer ? 2 : 2.5))
    }
    var infeasible = LinearProgram()
    let x = infeasible.addVariable(lower: 2, upper: 3, integer: true)
    infeasible.addConstraint([(x, 1)], .equal, 1)
    guard case .infeasible = infeasible.solve(.minimize) else {
      Issue.record("infeasible program not recognised")
      return
    }
  }

  @Test("a constraint's terms are sorted, repeated variables summed and zero terms dropped")
  func constraintTerms() {
    var program = LinearProgram()
    let x = program.addVariable(integer: true)
    let y = program.addVariable(integer: true)
    let z = program.addVariable(integer: true)
    program.addConstraint([(z, 1), (x, 2), (y, 1), (x, 1), (y, -1)], .atLeast, 3)
    program.addConstraint([(x, 1), (y, 1)], .equal, 2)
    let first = program.constraints[0].terms
    #expect(first.map(\.variable) == [x, z])
    #expect(first.map(\.coefficient) == [3, 1])
    #expect(program.constraints[1].terms.map(\.variable) == [x, y])
    // min 3x + z subject to 3x + z ≥ 3, x + y = 2: x = 1 (y = 1) or z = 3, both cost 3.
    program.objective = [3, 0, 1]
    guard case .optimal(let objective, let values) = program.solve(.minimize) else {
      Issue.record("not solved")
      return
    }
    #expect(objective == 3)
    #expect(3 * values[x] + values[z] >= 3 && values[x] + values[y] == 2)
  }

  @Test("the dive before branch and cut finds the optimum that branch and cut and enumeration find")
  func diveFindsTheOptimum() {
    var generator = SplitMix64(seed: 20_261_204)
    var divable = 0
    var objectiveFractional = 0
    for _ in 0..<300 {
      let n = Int.random(in: 3...5, using: &generator)
      var program = LinearProgram()
      for _ in 0..<n { program.addVariable(lower: 0, upper: 3, integer: true) }
      // Constraints through a random integer point, so that the program is feasible.
      let point = (0..<n).map { _ in Int.random(in: 0...3, using: &generator) }
      var rows: [(coefficients: [Int], relation: LinearProgram.Constraint.Relation, bound: Int)] =
        []
      for _ in 0..<Int.random(in: 2...4, using: &generator) {
        let coefficients = (0..<n).map { _ in Int.random(in: -2...2, using: &generator) }
        let value = zip(coefficients, point).reduce(0) { $0 + $1.0 * $1.1 }
        let equal = Bool.random(using: &generator)
        let bound = equal ? value : value - Int.random(in: 0...2, using: &generator)
        rows.append((coefficients, equal ? .equal : .atLeast, bound))
        program.addConstraint(
          coefficients.enumerated().map { ($0.offset, Double($0.element)) },
          equal ? .equal : .atLeast, Double(bound))
      }
      // An objective over one or two variables, as the witness programs' suppression costs.
      let objective = (0..<n).map { j in j < 2 ? Int.random(in: 1...3, using: &generator) : 0 }
      program.objective = objective.map(Double.init)
      // Every integer point, for the true optimum.
      var best: [LinearProgram.Sense: Int] = [:]
      var x = [Int](repeating: 0, count: n)
      repeat {
        let holds = rows.allSatisfy { row in
          let value = zip(row.coefficients, x).reduce(0) { $0 + $1.0 * $1.1 }
          return row.relation == .equal ? value == row.bound : value >= row.bound
        }
        if holds {
          let value = zip(objective, x).reduce(0) { $0 + $1.0 * $1.1 }
          best[.minimize] = min(best[.minimize] ?? value, value)
          best[.maximize] = max(best[.maximize] ?? value, value)
        }
        var j = 0
        while j < n {
          x[j] += 1
          if x[j] <= 3 { break }
          x[j] = 0
          j += 1
        }
      } while x.contains(where: { $0 != 0 })
      var relaxation = LinearProgram()
      for _ in 0..<n { relaxation.addVariable(lower: 0, upper: 3) }
      for row in rows {
        relaxation.addConstraint(
          row.coefficients.enumerated().map { ($0.offset, Double($0.element)) }, row.relation,
          Double(row.bound))
      }
      relaxation.objective = program.objective
      for sense in [LinearProgram.Sense.minimize, .maximize] {
        // The dive's two cases: the objective's variables integral in the relaxation and
        // another fractional, or an objective variable fractional (branch and cut over the
        // objective's variables first).
        if case .optimal(_, let values) = relaxation.solve(sense) {
          let fractional = values.map { abs($0 - $0.rounded()) > 1e-7 }
          if !fractional[0] && !fractional[1] && fractional.contains(true) { divable += 1 }
          if fractional[0] || fractional[1] { objectiveFractional += 1 }
        }
        var branchAndCut = program
        branchAndCut.divesFirst = false
        for candidate in [program, branchAndCut] {
          guard case .optimal(let value, let values) = candidate.solve(sense) else {
            Issue.record("not solved: \(rows)")
            continue
          }
          #expect(Int(value.rounded()) == best[sense], "\(sense) \(rows) \(objective)")
          #expect(values.allSatisfy { $0 == $0.rounded() })
          let point = values.map { Int($0) }
          #expect(
            rows.allSatisfy { row in
              let value = zip(row.coefficients, point).reduce(0) { $0 + $1.0 * $1.1 }
              return row.relation == .equal ? value == row.bound : value >= row.bound
            })
        }
      }
    }
    // The dive has something to do in both cases.
    #expect(divable >= 30)
    #expect(objectiveFractional >= 30)
  }

  // MARK: The attacker

  @Test("the audit's ranges agree with enumerating every integer table")
  func auditAgreesWithEnumeration() throws {
    var generator = SplitMix64(seed: 42)
    for _ in 0..<25 {
      let counts = (0..<4).map { _ in Int.random(in: 0...4, using: &generator) }
      let cover = try CoverTable(shape: [2, 2], counts: counts)
      let linked = try LinkedTables(cover: cover, tables: [[0, 1]])
      // A random non-zero set of suppressed figures (zeros stay published).
      let suppressed = Set(
        linked.values.indices.filter {
          linked.values[$0] > 0 && Int.random(in: 0..<3, using: &generator) == 0
        })
      let ranges = DisclosureAudit.ranges(linked, suppressed: suppressed)
      // Every table with cells 0…(largest figure): exhaustive when the total is published (no
      // cell can exceed it); otherwise a search box, inside which the audit must be as wide.
      let cap = linked.values.max() ?? 0
      var low = [Int: Int]()
      var high = [Int: Int]()
      for a in 0...cap {
        for b in 0...cap {
          for c in 0...cap {
            for d in 0...cap {
              let cells = [a, b, c, d]
              let sums = linked.figures.map { $0.cells.reduce(0) { $0 + cells[$1] } }
              let consistent = sums.indices.allSatisfy {
                suppressed.contains($0) ? sums[$0] >= 1 : sums[$0] == linked.values[$0]
              }
              guard consistent else { continue }
              for f in suppressed {
                low[f] = min(low[f] ?? .max, sums[f])
                high[f] = max(high[f] ?? .min, sums[f])
              }
            }
          }
        }
      }
      let totalPublished = !suppressed.contains(linked.values.count - 1)
      for f in suppressed {
        let range = try #require(ranges[f])
        let message = Comment(rawValue: "\(counts) suppressed \(suppressed.sorted()) figure \(f)")
        #expect(range.lowerBound == low[f], message)
        if totalPublished {
          #expect(range.upperBound == high[f], message)
        } else {
          #expect(range.upperBound >= high[f]!, message)
        }
      }
    }
  }

  // MARK: (a) The engine on generated linked tables

  @Test("generated linked tables: no pinned suppressed figure, every primary reaches 5")
  func generatedTablesAreProtected() throws {
    var generator = SplitMix64(seed: 20_261_203)
    var primaryOnlyLeaks = 0
    var withPrimaries = 0
    for _ in 0..<16 {
      let variables = Int.random(in: 2...3, using: &generator)
      let shape = (0..<variables).map { _ in Int.random(in: 2...3, using: &generator) }
      let counts = (0..<shape.reduce(1, *)).map { _ -> Int in
        switch Int.random(in: 0..<20, using: &generator) {
        case 0..<3: return 0
        case 3..<12: return Int.random(in: 1...4, using: &generator)
        default: return Int.random(in: 5...40, using: &generator)
        }
      }
      let cover = try CoverTable(shape: shape, counts: counts)
      let linked = try LinkedTables(cover: cover, tables: Self.tablesWithMargins(variables))
      let result = linked.suppress(threshold: 5)
      for (figure, value) in linked.values.enumerated() {
        #expect(result.primary.contains(figure) == (value >= 1 && value < 5))
        if value == 0 { #expect(!result.suppressed.contains(figure), "zeros are published") }
      }
      let findings = DisclosureAudit.findings(linked, suppressed: result.suppressed, threshold: 5)
      // The same attacker catches primary suppression alone; where it does not, the engine
      // adds nothing.
      if !DisclosureAudit.findings(linked, suppressed: result.primary, threshold: 5).isEmpty {
        primaryOnlyLeaks += 1
      } else {
        #expect(result.secondary.isEmpty)
      }
      #expect(findings.isEmpty, "cover \(shape) \(counts): \(findings)")
      #expect(result.isOptimalPerStep)
      if !result.primary.isEmpty { withPrimaries += 1 }
    }
    #expect(withPrimaries >= 12)
    #expect(primaryOnlyLeaks >= withPrimaries - 2)
  }

  @Test("a cover of more than 1 000 cells (neighbourhood programs only) passes the audit")
  func largeCoverIsProtectedByNeighbourhoodPrograms() throws {
    var generator = SplitMix64(seed: 20_261_204)
    let shape = [6, 12, 15]
    let counts = (0..<shape.reduce(1, *)).map { _ -> Int in
      switch Int.random(in: 0..<100, using: &generator) {
      case 0..<4: return 0
      case 4..<9: return Int.random(in: 1...4, using: &generator)
      default: return Int.random(in: 5...60, using: &generator)
      }
    }
    let cover = try CoverTable(shape: shape, counts: counts)
    #expect(counts.count > LinkedSuppression.globalCheckCells)
    let linked = try LinkedTables(cover: cover, tables: Self.tablesWithMargins(3))
    let result = linked.suppress(threshold: 5)
    #expect(result.primary.count >= 40)
    for (figure, value) in linked.values.enumerated() where value == 0 {
      #expect(!result.suppressed.contains(figure), "zeros are published")
    }
    let findings = DisclosureAudit.findings(linked, suppressed: result.suppressed, threshold: 5)
    #expect(findings.isEmpty, "\(findings.prefix(5))")
    // Not a blanket: most inner cells stay published.
    #expect(result.informationLoss.figuresHidden * 4 < linked.publishedCount)
  }

  // MARK: (b) Today's per-table method leaks; the linked engine does not

  /// Counts of kön (2) × födelse (2) × åldersgrupp (3), found by a seeded search for a cover
  /// whose three-way table is safe on its own under today's method but not next to the
  /// åldersgrupp table; see ``linkedTablesLeak()``.
  static let linkedCover = [1, 4, 3, 3, 17, 28, 1, 9, 24, 9, 6, 24]

  @Test("linked tables: a 3-way table's suppressed margins are published by a 1-way table")
  func linkedTablesLeak() throws {
    let cover = try CoverTable(shape: [2, 2, 3], counts: Self.linkedCover)
    // Today, the three-way table alone: it passes the integer-programming audit…
    let alone = try LinkedTables(cover: cover, tables: [[0, 1, 2]])
    let oldAlone = try Self.perTableSuppressed(alone, cover: cover, threshold: 5)
    #expect(DisclosureAudit.findings(alone, suppressed: oldAlone, threshold: 5).isEmpty)
    // …and hides age margins (kön and födelse summed over) of 9 and 13 persons…
    let hiddenAgeMargins = (0..<3).filter {
      oldAlone.contains(alone.figure(table: 0, levels: [nil, nil, $0]))
    }
    #expect(!hiddenAgeMargins.isEmpty)
    // …which the åldersgrupp table of the same population publishes: cells follow exactly.
    let linked = try LinkedTables(cover: cover, tables: [[0, 1, 2], [2]])
    let old = try Self.perTableSuppressed(linked, cover: cover, threshold: 5)
    for age in hiddenAgeMargins {
      #expect(!old.contains(linked.figure(table: 1, levels: [age])))
    }
    let oldFindings = DisclosureAudit.findings(linked, suppressed: old, threshold: 5)
    #expect(oldFindings.contains { $0.kind == .pinned && $0.value < 5 })
    // The linked engine suppresses the figure once, for both tables.
    let result = linked.suppress(threshold: 5)
    #expect(DisclosureAudit.findings(linked, suppressed: result.suppressed, threshold: 5).isEmpty)
  }

  @Test("the ≥ 1 rule: N + E = 2 with both suppressed pins both to 1")
  func atLeastOneLeak() throws {
    // kön (2) × födelseregion (N, E, other): the men's row has N = 1, E = 1.
    let counts = [1, 1, 40, 10, 12, 30]
    let table = try expandedTable(counts, shape: [2, 3])
    let suppression = table.suppression(DisclosureControl(threshold: 5))
    // Today's audit works over the reals without ≥ 1 and finds nothing determined…
    #expect(suppression.isSuppressed(at: [0, 0]) && suppression.isSuppressed(at: [0, 1]))
    let cover = try CoverTable(shape: [2, 3], counts: counts)
    let linked = try LinkedTables(cover: cover, tables: [[0, 1]])
    let old = try Self.perTableSuppressed(linked, cover: cover, threshold: 5)
    let n = linked.figure(table: 0, levels: [0, 0])
    let e = linked.figure(table: 0, levels: [0, 1])
    // `CrossTabSummary` (the `strata tabulate` JSON) publishes exactly this pattern.
    let summary = try CrossTabSummary(table)
    for (i, record) in summary.cells.enumerated() {
      let figure = linked.figure(table: 0, levels: [i / 3, i % 3])
      #expect(record.suppressed == old.contains(figure))
    }
    // …but with x ≥ 1 for every `..` over the integers, both are 1.
    let ranges = DisclosureAudit.ranges(linked, suppressed: old)
    #expect(ranges[n] == 1...1)
    #expect(ranges[e] == 1...1)
    #expect(!DisclosureAudit.findings(linked, suppressed: old, threshold: 5).isEmpty)
    // The linked engine reaches the threshold for both.
    let result = linked.suppress(threshold: 5)
    let fixed = DisclosureAudit.ranges(linked, suppressed: result.suppressed)
    #expect(fixed[n].map { $0.upperBound >= 5 } == true)
    #expect(fixed[e].map { $0.upperBound >= 5 } == true)
    #expect(DisclosureAudit.findings(linked, suppressed: result.suppressed, threshold: 5).isEmpty)
  }

  // MARK: (c) Cost

  @Test("a total of 295 is not hidden when inner cells can protect the primary")
  func largeTotalIsKept() throws {
    // One table, three cells and their total 295: the 2 is protected by the 143, not the total.
    let cover = try CoverTable(shape: [3], counts: [2, 150, 143])
    let linked = try LinkedTables(cover: cover, tables: [[0]])
    let result = linked.suppress(threshold: 5)
    let total = linked.figure(table: 0, levels: [nil])
    #expect(linked.values[total] == 295)
    #expect(
      result.suppressed == [
        linked.figure(table: 0, levels: [0]), linked.figure(table: 0, levels: [2]),
      ])
    // Two-way: primaries in both rows; inner cells close the cycle, the total stays.
    let twoWay = try CoverTable(shape: [2, 3], counts: [1, 60, 80, 3, 70, 81])
    let linked2 = try LinkedTables(cover: twoWay, tables: [[0, 1], [0]])
    let result2 = linked2.suppress(threshold: 5)
    let total2 = linked2.figure(table: 0, levels: [nil, nil])
    #expect(linked2.values[total2] == 295)
    #expect(!result2.suppressed.contains(total2))
    #expect(DisclosureAudit.findings(linked2, suppressed: result2.suppressed, threshold: 5).isEmpty)
  }

  @Test("the upper protection level is configurable")
  func configurableRule() throws {
    let cover = try CoverTable(shape: [3], counts: [2, 150, 143])
    let linked = try LinkedTables(cover: cover, tables: [[0]])
    let wide = ProtectionRule(upperProtection: .absolute(10))
    #expect(wide.requiredMaximum(value: 2, threshold: 5) == 12)
    let result = linked.suppress(threshold: 5, rule: wide)
    let cell = linked.figure(table: 0, levels: [0])
    let range = try #require(DisclosureAudit.ranges(linked, suppressed: result.suppressed)[cell])
    #expect(range.upperBound >= 12)
    #expect(
      ProtectionRule(upperProtection: .percent(50)).requiredMaximum(value: 3, threshold: 5) == 5)
  }
}

extension LinkedSuppressionTests {
  @Test("tables named by variables; each table's suppression in the one-table form")
  func crossTabEntryPoint() throws {
    let names = ["kon", "fodelse", "aldersgrupp"]
    let cover = try expandedTable(Self.linkedCover, shape: [2, 2, 3], names: names)
    let linked = try LinkedTables(cover: cover, tables: [names, ["aldersgrupp"]])
    let result = linked.suppress(threshold: 5)
    let threeWay = linked.suppression(table: 0, result)
    let ages = linked.suppression(table: 1, result)
    for age in 0..<3 {
      // The same figure has one status in both tables.
      #expect(threeWay.status(at: [nil, nil, age]) == ages.status(at: [age]))
    }
    #expect(threeWay.primaryCount == result.primary.count)
    #expect(throws: TabulationError.self) {
      try LinkedTables(cover: cover, tables: [["aldersgrup"]])
    }
    do {
      _ = try LinkedTables(cover: cover, tables: [["aldersgrup"]])
    } catch {
      guard case .unknownVariable(_, _, let suggestion) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(suggestion == "aldersgrupp")
    }
  }
}
