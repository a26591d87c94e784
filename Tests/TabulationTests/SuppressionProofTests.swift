import Testing

@testable import Tabulation

/// Proves, table by table, that no suppressed entry can be recovered: for every suppressed cell
/// or margin, an integer table consistent with the published cells, the published margins and
/// non-negativity is exhibited in which that entry has a different value than in the true table
/// (so its smallest and largest feasible values differ).
///
/// The witness search is a depth-first enumeration of the suppressed cells, each in
/// `0…(largest true cell + 2)`, with the entry pinned to its true value ± 1 (then ± 2, …), and
/// pruned by the published margins: partial sums may neither exceed a margin nor fall short of
/// it with the remaining cells at the cap. A search that finds nothing is exhaustive, so an entry
/// reported as determined really has no other value in the box.
@Suite("Secondary suppression protects every suppressed entry")
struct SuppressionProofTests {
  /// A table, its suppression, and the equations its published entries impose.
  struct Problem {
    let counts: [Int]
    let shape: [Int]
    /// Cells under every extended position.
    let under: [[Int]]
    /// Suppressed extended positions, and the suppressed cells (the unknowns).
    let suppressedPositions: [Int]
    let unknownCells: [Int]
    let cap: Int

    init(counts: [Int], shape: [Int], suppression: Suppression) {
      self.counts = counts
      self.shape = shape
      let extendedShape = shape.map { $0 + 1 }
      let extendedStrides = CrossTab.strides(of: extendedShape)
      let cellStrides = CrossTab.strides(of: shape)
      var under = [[Int]](repeating: [], count: extendedShape.reduce(1, *))
      for cell in counts.indices {
        let indices = shape.indices.map { (cell / cellStrides[$0]) % shape[$0] }
        for mask in 0..<(1 << shape.count) {
          var position = 0
          for d in shape.indices {
            position += (mask & (1 << d) != 0 ? shape[d] : indices[d]) * extendedStrides[d]
          }
          under[position].append(cell)
        }
      }
      self.under = under
      suppressedPositions = under.indices.filter { position in
        let coordinates: [Int?] = shape.indices.map {
          let i = (position / extendedStrides[$0]) % extendedShape[$0]
          return i == shape[$0] ? nil : i
        }
        return suppression.isSuppressed(at: coordinates)
      }
      unknownCells = counts.indices.filter { suppression.isSuppressed(cell: $0) }
      cap = (counts.max() ?? 0) + 2
    }

    func trueValue(_ position: Int) -> Int { under[position].reduce(0) { $0 + counts[$1] } }

    /// Whether some feasible table gives `position` the value `target`; `nil` if the node budget
    /// ran out.
    func witness(position: Int, value target: Int) -> Bool? {
      // The pinned entry's own cells first, so that the search starts where it must change.
      let pinned = Set(under[position])
      let unknownCells =
        self.unknownCells.filter { pinned.contains($0) }
        + self.unknownCells.filter { !pinned.contains($0) }
      var unknownIndex = [Int: Int]()
      for (j, cell) in unknownCells.enumerated() { unknownIndex[cell] = j }
      // Constraints: every published entry that involves an unknown, plus the pinned entry.
      var values: [Int] = []
      var constants: [Int] = []
      var membership = [[Int]](repeating: [], count: unknownCells.count)
      var remaining: [Int] = []
      let suppressed = Set(suppressedPositions)
      for p in under.indices where !suppressed.contains(p) || p == position {
        var constant = 0
        var members = 0
        for cell in under[p] {
          if let j = unknownIndex[cell] {
            membership[j].append(values.count)
            members += 1
          } else {
            constant += counts[cell]
          }
        }
        if members == 0 { continue }
        values.append(p == position ? target : trueValue(p))
        constants.append(constant)
        remaining.append(members)
      }
      var partial = [Int](repeating: 0, count: values.count)
      let order = unknownCells.map { cell in
        (0...cap).sorted { (abs($0 - counts[cell]), $0) < (abs($1 - counts[cell]), $1) }
      }
      var nodes = 0
      let budget = 5_000_000
      var found = false
      func search(_ j: Int) -> Bool {
        nodes += 1
        if nodes > budget { return false }
        if j == unknownCells.count {
          found = true
          return true
        }
        for v in order[j] {
          var ok = true
          for c in membership[j] {
            partial[c] += v
            remaining[c] -= 1
            let sum = partial[c] + constants[c]
            if sum > values[c] || sum + remaining[c] * cap < values[c] { ok = false }
          }
          if ok, !search(j + 1) { return false }
          for c in membership[j] {
            partial[c] -= v
            remaining[c] += 1
          }
          if found { return true }
        }
        return true
      }
      guard search(0) else { return nil }
      return found
    }
  }

  /// Suppresses `counts` (threshold 5) and checks every suppressed entry.
  static func checkProtected(_ counts: [Int], shape: [Int]) throws {
    let table = try expandedTable(counts, shape: shape)
    let suppression = table.suppression(DisclosureControl(threshold: 5))
    // Primary suppression is exactly the non-zero entries below 5.
    for position in table.extended.indices {
      let coordinates = table.extendedCoordinates(position)
      let value = table.extended[position]
      if value > 0 && value < 5 {
        #expect(suppression.status(at: coordinates) == .primary)
      } else if value == 0 {
        #expect(!suppression.isSuppressed(at: coordinates), "zeros are published")
      } else if suppression.isSuppressed(at: coordinates) {
        #expect(suppression.status(at: coordinates) == .secondary)
      }
    }
    guard let exposed = exposedEntries(counts: counts, shape: shape, suppression: suppression)
    else {
      Issue.record("search budget exceeded for \(counts) \(shape)")
      return
    }
    for position in exposed {
      let message =
        "table \(shape) \(counts): suppressed entry \(table.extendedCoordinates(position)) "
        + "is determined"
      Issue.record(Comment(rawValue: message))
    }
  }

  /// The suppressed extended positions that have no other feasible value than their true one
  /// (`nil` if a search ran out of budget).
  static func exposedEntries(counts: [Int], shape: [Int], suppression: Suppression) -> [Int]? {
    let problem = Problem(counts: counts, shape: shape, suppression: suppression)
    // Sanity check of the search: the true value of a suppressed entry is feasible.
    if let position = problem.suppressedPositions.first {
      precondition(problem.witness(position: position, value: problem.trueValue(position)) == true)
    }
    var exposed: [Int] = []
    for position in problem.suppressedPositions {
      let truth = problem.trueValue(position)
      let limit = problem.cap * max(1, problem.under[position].count)
      var protected = false
      search: for delta in 1...limit {
        for value in [truth + delta, truth - delta] where value >= 0 && value <= limit {
          guard let found = problem.witness(position: position, value: value) else { return nil }
          if found {
            protected = true
            break search
          }
        }
      }
      if !protected { exposed.append(position) }
    }
    return exposed
  }

  @Test("the proof detects exposed entries when secondary suppression is off or incomplete")
  func proofCanFail() throws {
    // Primary suppression only: the 2 is the row margin minus the published 20.
    let simple = try expandedTable([2, 20, 30, 40], shape: [2, 2])
    let primaryOnly = simple.suppression(DisclosureControl(threshold: 5, secondary: false))
    #expect(
      Self.exposedEntries(counts: [2, 20, 30, 40], shape: [2, 2], suppression: primaryOnly)
        == [0])
    // The line rule alone leaves the bridge cell of two suppressed cycles exposed.
    let counts = Self.bridgeTable
    let table = try expandedTable(counts, shape: [4, 4])
    var engine = SecondarySuppression(
      shape: table.shape, values: table.extended,
      status: table.extended.map { $0 > 0 && $0 < 5 ? .primary : .published })
    engine.applyLineRule()
    let lineRuleOnly = Suppression(
      control: DisclosureControl(), status: engine.status, shape: [4, 4])
    let exposed = try #require(
      Self.exposedEntries(counts: counts, shape: [4, 4], suppression: lineRuleOnly))
    #expect(exposed.map { table.extendedCoordinates($0) } == [[1, 2]])
    #expect(engine.audit() == exposed)
  }

  /// Two 2 × 2 blocks of small cells joined by one small cell (row 1, column 2): every row and
  /// column has 0 or ≥ 2 suppressed cells, but the bridge is determined by the margins.
  static let bridgeTable = [
    1, 1, 0, 0,
    1, 1, 1, 0,
    0, 0, 1, 1,
    0, 0, 1, 1,
  ].map { $0 == 1 ? 2 : 20 }

  @Test("all 2 × 2 tables with counts 0…6")
  func allTwoByTwo() throws {
    for code in 0..<2401 {
      var rest = code
      let counts = (0..<4).map { _ in
        defer { rest /= 7 }
        return rest % 7
      }
      try Self.checkProtected(counts, shape: [2, 2])
    }
  }

  @Test("all 2 × 3 tables with counts in {0, 1, 4, 5, 9}")
  func allTwoByThree() throws {
    let values = [0, 1, 4, 5, 9]
    for code in 0..<15_625 {
      var rest = code
      let counts = (0..<6).map { _ in
        defer { rest /= 5 }
        return values[rest % 5]
      }
      try Self.checkProtected(counts, shape: [2, 3])
    }
  }

  /// A count that is zero, small (below the threshold) or larger, as in register tables.
  static func randomCount(_ rng: inout SplitMix64) -> Int {
    let u = Double.random(in: 0..<1, using: &rng)
    if u < 0.15 { return 0 }
    if u < 0.55 { return Int.random(in: 1...4, using: &rng) }
    return Int.random(in: 5...15, using: &rng)
  }

  @Test(
    "random two-way and three-way tables",
    arguments: [
      [3, 3], [3, 4], [4, 4], [2, 5], [2, 2, 2], [2, 2, 3],
    ])
  func randomTables(shape: [Int]) throws {
    var rng = SplitMix64(seed: UInt64(shape.reduce(17) { $0 * 31 + $1 }))
    let tables = shape.count == 2 && shape.reduce(1, *) <= 9 ? 1500 : 300
    for _ in 0..<tables {
      let counts = (0..<shape.reduce(1, *)).map { _ in Self.randomCount(&rng) }
      try Self.checkProtected(counts, shape: shape)
    }
  }

  @Test("a bridge between two suppressed cycles is protected after the audit")
  func bridge() throws {
    try Self.checkProtected(Self.bridgeTable, shape: [4, 4])
    let table = try expandedTable(Self.bridgeTable, shape: [4, 4])
    #expect(table.suppression().secondaryCount > 0)
  }

  @Test("four-way tables: every line has 0 or ≥ 2 suppressed entries and none is determined")
  func fourWay() throws {
    var rng = SplitMix64(seed: 2024)
    let shape = [7, 2, 4, 2]
    for _ in 0..<20 {
      let counts = (0..<shape.reduce(1, *)).map { _ in Self.randomCount(&rng) }
      let table = try expandedTable(counts, shape: shape)
      let suppression = table.suppression()
      // Every line along every dimension, margins included, from the coordinates.
      for d in shape.indices {
        for position in table.extended.indices where table.extendedCoordinates(position)[d] == 0 {
          var coordinates = table.extendedCoordinates(position)
          var suppressed = 0
          for i in 0...shape[d] {
            coordinates[d] = i == shape[d] ? nil : i
            if suppression.isSuppressed(at: coordinates) { suppressed += 1 }
          }
          #expect(suppressed != 1, "a line with one suppressed entry")
        }
      }
      let engine = SecondarySuppression(
        shape: shape, values: table.extended,
        status: table.extended.indices.map {
          suppression.status(at: table.extendedCoordinates($0))
        })
      #expect(engine.audit().isEmpty)
    }
  }

  @Test("threshold 0 turns suppression off; zeros stay published")
  func off() throws {
    let table = try expandedTable([0, 1, 2, 30], shape: [2, 2])
    #expect(table.suppression(.off).primaryCount == 0)
    let on = table.suppression()
    #expect(!on.isSuppressed(cell: 0))
    #expect(on.isSuppressed(cell: 1) && on.isSuppressed(cell: 2))
  }
}

@Suite("Disclosure control of weighted tables")
struct WeightedSuppressionTests {
  @Test("few persons behind many suspicions are suppressed unless rows are aggregates")
  func protectRows() throws {
    // Cell (1, 1): 2 persons with 9 suspicions in all; other cells have many persons.
    let a: [Int32] = [0, 0] + Array(repeating: 0, count: 10) + Array(repeating: 1, count: 20)
    let b: [Int32] =
      [0, 0] + Array(repeating: 1, count: 10) + Array(repeating: 0, count: 10)
      + Array(repeating: 1, count: 10)
    let w = [4, 5] + Array(repeating: 1, count: 30)
    let table = try CrossTab(
      [factor("a", levels: 2, a), factor("b", levels: 2, b)],
      weight: .integers(name: "antal_misstankar", w))
    #expect(table.counts == [9, 10, 10, 10])
    #expect(table.suppression().status(at: [0, 0]) == .primary)
    #expect(!table.suppression(DisclosureControl(protectRows: false)).isSuppressed(at: [0, 0]))
  }
}
