// The attacker's integer program over a cover table (see `DisclosureAudit` for the threat
// model). Variables are the cover cells that no published zero pins to 0; every published
// figure is an equality, every suppressed figure is `≥ 1` (an implied figure below the threshold
// counts as suppressed; one at or above it is not known to the attacker and adds nothing).

/// What an attacker knows about the cover table once a set of figures is suppressed.
struct AttackerModel {
  let tables: LinkedTables
  let suppressed: Set<Int>
  /// The variable of each cover cell, `nil` for a cell inside a published zero.
  let variable: [Int?]
  /// The attacker's program without an objective, over the whole population: built on first
  /// use, because the neighbourhood checks (`localExtremeTable`) that decide most figures of a
  /// large cover never need it.
  var program: LinearProgram {
    if let built = cache.program { return built }
    let built = Self.program(tables, suppressed: suppressed, variable: variable, bound: bound)
    cache.program = built
    return built
  }
  private final class Cache { var program: LinearProgram? }
  private let cache = Cache()

  /// Each cell's upper bound: the smallest published figure containing it.
  let bound: [Int]

  /// A cell no published figure bounds is bounded by this (the attacker learns nothing about
  /// it); a range whose upper end reaches it is unbounded in effect.
  static let openEnd = 1 << 30

  init(_ tables: LinkedTables, suppressed: Set<Int>) {
    self.tables = tables
    self.suppressed = suppressed
    let cellCount = tables.cover.count
    var knownZero = [Bool](repeating: false, count: cellCount)
    var bound = [Int](repeating: Self.openEnd, count: cellCount)
    for (f, figure) in tables.figures.enumerated()
    where !suppressed.contains(f) && !tables.isImplied(f) {
      for cell in figure.cells {
        if tables.values[f] == 0 { knownZero[cell] = true }
        bound[cell] = min(bound[cell], tables.values[f])
      }
    }
    var variable = [Int?](repeating: nil, count: cellCount)
    var count = 0
    for cell in 0..<cellCount where !knownZero[cell] {
      variable[cell] = count
      count += 1
    }
    self.variable = variable
    self.bound = bound
  }

  /// The attacker's program: one variable per cell outside the published zeros (numbered as in
  /// `variable`), bounded by `bound`.
  private static func program(
    _ tables: LinkedTables, suppressed: Set<Int>, variable: [Int?], bound: [Int]
  ) -> LinearProgram {
    var program = LinearProgram()
    program.startsFromCrashBasis = true
    for cell in variable.indices where variable[cell] != nil {
      program.addVariable(lower: 0, upper: Double(bound[cell]), integer: true)
    }
    for (f, figure) in tables.figures.enumerated() {
      let terms = figure.cells.compactMap { variable[$0].map { (variable: $0, coefficient: 1.0) } }
      if terms.isEmpty { continue }
      if suppressed.contains(f) {
        // `..` ≥ 1: a true zero is printed. A figure suppressed although it is 0 (a MAIHDA
        // stratum hidden for its small population) carries no such knowledge.
        program.addConstraint(terms, .atLeast, tables.values[f] >= 1 ? 1 : 0)
      } else if !tables.isImplied(f) {
        program.addConstraint(terms, .equal, Double(tables.values[f]))
      }
    }
    return program
  }

  /// A table the attacker cannot rule out that takes `figure` as far as it goes when only the
  /// cells marked `near` may differ from the truth (the others keep their true counts), with
  /// the figure's value there; nil when the solver finds none. A restriction of the attacker's
  /// program: the value is a proved lower bound of the attacker's maximum (upper bound of the
  /// minimum), found in a program the size of the neighbourhood.
  /// - Parameters:
  ///   - figuresOfCell: the figures that contain each cover cell.
  ///   - target: the value the caller needs (at least it when maximising, at most it when
  ///     minimising): nil when the program's relaxation shows it out of reach.
  func localExtremeTable(
    of figure: Int, _ sense: LinearProgram.Sense, near: [Bool], figuresOfCell: [[Int]],
    reaching target: Int, timeLimit: Double
  ) -> (value: Int, table: [Int])? {
    let cover = tables.cover
    var local = LinearProgram()
    local.startsFromCrashBasis = true
    var localVariable = [Int?](repeating: nil, count: cover.count)
    var touched = Set<Int>()
    for cell in cover.indices where near[cell] && variable[cell] != nil {
      localVariable[cell] = local.addVariable(
        lower: 0, upper: Double(bound[cell]), integer: true)
      touched.formUnion(figuresOfCell[cell])
    }
    func terms(_ g: Int) -> (sum: [(variable: Int, coefficient: Double)], fixed: Int) {
      tables.terms(of: g, variables: localVariable)
    }
    for g in touched.sorted() {
      let (sum, fixed) = terms(g)
      if suppressed.contains(g) {
        local.addConstraint(sum, .atLeast, Double((tables.values[g] >= 1 ? 1 : 0) - fixed))
      } else if !tables.isImplied(g) {
        local.addConstraint(sum, .equal, Double(tables.values[g] - fixed))
      }
    }
    // The figure's cells outside the neighbourhood keep their true counts.
    let (own, fixed) = terms(figure)
    if own.isEmpty { return nil }
    for term in own { local.objective[term.variable] = 1 }
    let values: [Double]
    switch local.solve(sense, timeLimit: timeLimit, reaching: Double(target - fixed)) {
    case .optimal(_, let solution), .feasible(_, let solution): values = solution
    case .infeasible, .unsolved, .outOfReach: return nil
    }
    let table = tables.table(values, variables: localVariable)
    return (tables.figures[figure].cells.reduce(0) { $0 + table[$1] }, table)
  }

  /// The attacker's smallest or largest value of a figure, and whether it is proved optimal.
  /// Without proof the value is the best found, between the true value and the true extreme.
  func extreme(of figure: Int, _ sense: LinearProgram.Sense, timeLimit: Double) -> (
    value: Int, exact: Bool
  ) {
    let result = extremeTable(of: figure, sense, timeLimit: timeLimit)
    return (result.value, result.exact)
  }

  /// ``extreme(of:_:timeLimit:)`` with the table the solver found (one count per cover cell),
  /// a table the attacker cannot rule out; `nil` when the solver returned none.
  func extremeTable(of figure: Int, _ sense: LinearProgram.Sense, timeLimit: Double) -> (
    value: Int, exact: Bool, table: [Int]?
  ) {
    var program = program
    var constant = true
    for cell in tables.figures[figure].cells {
      if let j = variable[cell] {
        program.objective[j] = 1
        constant = false
      }
    }
    if constant { return (0, true, nil) }
    switch program.solve(sense, timeLimit: timeLimit) {
    case .optimal(let objective, let values):
      return (Int(objective.rounded()), true, table(values))
    case .feasible(let objective, let values):
      // The true table is feasible too: take the better of the two points.
      let found = Int(objective.rounded())
      let truth = tables.values[figure]
      return (sense == .minimize ? min(found, truth) : max(found, truth), false, table(values))
    case .infeasible, .unsolved, .outOfReach:
      // The true table is always feasible, so this is a solver failure. The true value is a
      // feasible point: reporting it keeps every range inside the true one, so an audit never
      // misses a breach and the selection protects rather than trusts.
      return (tables.values[figure], false, nil)
    }
  }

  /// A solver's variable values as one count per cover cell (0 inside a published zero).
  func table(_ values: [Double]) -> [Int] { tables.table(values, variables: variable) }

  /// The attacker's feasible range of a figure, and whether both ends are proved.
  func range(of figure: Int, timeLimit: Double) -> (range: ClosedRange<Int>, exact: Bool) {
    let low = extreme(of: figure, .minimize, timeLimit: timeLimit)
    let high = extreme(of: figure, .maximize, timeLimit: timeLimit)
    return (low.value...max(low.value, high.value), low.exact && high.exact)
  }
}
