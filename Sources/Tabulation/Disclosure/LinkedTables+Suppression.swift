// Linked-table secondary suppression.
//
// Goals, in priority order: (1) the protection rule holds against the integer-programming
// attacker of `DisclosureAudit`, for all tables of the population together; (2) little is
// hidden, measured in persons; (3) deterministic output.
//
// Method (in the spirit of τ-ARGUS' Modular/HiTaS and sdcTable's SIMPLEHEURISTIC with attacker
// checks: one primary at a time, an exact subproblem per primary):
//
//   1. Primary: every figure with 1 ≤ v < threshold.
//   2. For each primary p in figure order: solve the attacker's max of p. If it is below the
//      required maximum, solve the *witness* program below and suppress the figures it chooses.
//   3. For every suppressed figure (a work list, new secondaries appended): if the attacker's
//      min equals the max, protect it with a witness moving it by one (up, or down when that is
//      cheaper).
//   4. Pruning: the costliest secondaries (up to 40) are tried one by one; a figure whose
//      publication leaves the rule intact (a full audit) is published again.
//
// The witness program for a figure f and a target t: find an integer table y ≥ 0 that agrees
// with every published zero, keeps every suppressed figure ≥ 1, reaches Σ_{c∈f} y_c ≥ t (or
// ≤ t), and differs from the truth only on figures chosen for suppression (binary z_g, with
// |Σ_{c∈g} y_c − v_g| ≤ M z_g), at least cost Σ cost_g z_g. Every other figure moves by at most
// M = |t − v_f| (f's own shift) and every cell by at most 2M: a restriction of the witnesses,
// which costs at most optimality, never safety (any solution is a valid witness), and which is
// always feasible (suppress everything, raise one cell of f by M); it keeps the big-M relaxation
// tight. Bounding it took a 4-variable cover with 180 figures from time-outs to 3 s; M = |t − v_f|
// rather than 2|t − v_f| doubles the relaxation's bound (99.5 → 199 against an optimum of 398 in
// the slowest program of the model report on a 10-million-person county, 5.1 s → 0.17 s) and
// halved the report's linked suppression (11 s → 5.8 s). A published figure's `Σ y ≥ 1` is left
// out where `v − M ≥ 1` implies it. (Deciding the next primary ahead on the second core, from
// the state before the current one's decision, and keeping it when the current one changed
// nothing it read, was measured and dropped: GLPK runs two programs at once at full speed, but a
// witness nearly always suppresses a figure the next primary's programs read, so only 15 of 79
// decisions made ahead on a 10-million-person county (22 of 110 on 2 million) could be kept,
// and linked suppression took as long as on one core. An earlier measurement that two programs
// at once ran twice as slowly was mistaken.) Its solution is an explicit table the attacker cannot rule out, so the bound is proved by
// construction. Suppressing a figure replaces `= v` by `≥ 1` in the attacker's program, a
// relaxation (v ≥ 1; zeros are never suppressed), so a bound once proved stays proved as more
// figures are suppressed; every figure therefore needs to be fixed at most once, and the work
// list terminates.
//
// Locality: a witness may change only the cells near f (`witnessCells`): f's cells and the
// cells reached from them through at most two small figures (≤ 64 cells), at most 400 cells;
// every other cell keeps its true value, and every figure touching a changed cell is in the
// program. A restriction again (any solution is still a valid witness, and raising one cell of
// f while suppressing the figures that contain it stays feasible), which keeps each program
// the size of f's neighbourhood rather than of the whole population: the model report on a
// 2-million-person county spent minutes in whole-population witness programs. The attacker's
// checks in steps 2 and 3 likewise first search the neighbourhood (a table found there is a
// certificate); only when it falls short does the program over the whole population decide.
//
// Cost (see `LinkedTables.suppressionCost`): persons hidden, plus 1 per figure, plus a fraction
// that prefers finer figures on ties.
//
// Where the time goes (the model report of a 10-million-person county, 1.26 s in all): 55
// witness programs 1.05 s, of which 0.63 s their relaxations (about 600 × 500, from GLPK's
// slack basis) and 0.41 s their dives (0.3 s of it 14 branch and cuts over the figures' choices
// whose relaxation left a choice fractional); 78 neighbourhood checks 0.15 s; the 270 checks
// that a suppressed figure is not pinned are all settled by certificates. Measured and dropped:
// the witness in deviation form (y = truth + up − down, which starts at the truth) cuts the
// relaxations to a half with the primal simplex and to a third with the dual, but its dives
// took 3× as long (1.35–1.58 s), and using it only where its relaxation chooses whole figures
// saved 0.1 s; the dual simplex on this form (dives 1.17 s); GLPK's crash basis; standard
// pricing, other ratio tests, other branching rules and GLPK's cuts (all slower); a tighter
// big-M for figures below the shift (no change); other primary orders (by value, by size,
// reversed: 2–8 more figures hidden, no faster).

extension LinkedTables {
  /// Suppresses every figure below the threshold and further figures so that the protection
  /// rule holds for all tables together.
  ///
  /// Primary: `1 ≤ value < threshold` (0 is published; the attacker then knows every cover
  /// cell inside it is 0). Secondary figures are chosen one primary at a time by an integer
  /// program that finds the cheapest set whose suppression lets a consistent table reach the
  /// required value, where the cost of a figure is ``suppressionCost(of:)`` (its persons).
  /// See ``ProtectionRule`` for the rule and ``DisclosureAudit`` for the attacker.
  ///
  /// - Parameters:
  ///   - threshold: the smallest count published (default 5); 0 or 1 suppresses nothing.
  ///   - rule: see ``ProtectionRule``.
  /// - Returns: the status of every figure and the information loss.
  /// - Complexity: per primary one attacker program and at most one witness program; per
  ///   suppressed figure at most two attacker programs. Meant for the cover tables of published
  ///   reports (tens to a few hundred cells), not for business registers with 10⁵ cells.
  ///
  /// - Parameter hidden: figures the tables hide anyway (by their own rules, e.g. a MAIHDA
  ///   stratum withheld for its small population): they start suppressed, stay suppressed, and
  ///   are protected from being pinned like every other suppressed figure.
  public func suppress(
    threshold: Int = 5, rule: ProtectionRule = ProtectionRule(), hidden: Set<Int> = []
  ) -> LinkedSuppressionResult {
    var engine = LinkedSuppression(tables: self, threshold: threshold, rule: rule, hidden: hidden)
    engine.run()
    return engine.result()
  }

  /// The cost of suppressing a figure: `value + 1 + ½ · |cells| / |cover|`.
  ///
  /// The value is the number of persons the figure no longer shows, τ-ARGUS' and sdcTable's
  /// default cost for frequency tables, and it makes a large cell or total expensive: a total
  /// of 295 is never chosen while inner cells of 1–10 can do the same. A logarithmic cost
  /// (τ-ARGUS' Box–Cox λ = 0) was rejected because it makes one total of 295 (log ≈ 5.7)
  /// cheaper than three cells of 6, exactly the loss the tables should avoid. The `+ 1`
  /// prefers fewer suppressions among equally large ones; the last term (below 1) prefers a
  /// cell to a margin of the same value.
  public func suppressionCost(of figure: Int) -> Double {
    Double(values[figure]) + 1 + 0.5 * Double(figures[figure].cells.count) / Double(cover.count)
  }
}

/// The state of one linked suppression run.
struct LinkedSuppression {
  let tables: LinkedTables
  let threshold: Int
  let rule: ProtectionRule
  var status: [Suppression.Status]
  var optimal = true
  /// Tables the attacker cannot rule out, found along the way (attacker optima and witness
  /// solutions). Suppressing more figures only relaxes the attacker's program, so each stays
  /// a valid certificate for the rest of the selection: a primary it takes to the required
  /// value, or a suppressed figure it moves, needs no integer program of its own. (Pruning,
  /// which publishes figures again, does not use them.)
  var certificates: [[Int]] = []

  /// Figures hidden by the tables' own rules: never published again by pruning.
  let hidden: Set<Int>
  /// The figures that contain each cover cell.
  let figuresOfCell: [[Int]]

  init(tables: LinkedTables, threshold: Int, rule: ProtectionRule, hidden: Set<Int> = []) {
    self.tables = tables
    self.threshold = threshold
    self.rule = rule
    // An implied figure is never published: below the threshold it is a primary, otherwise it
    // stays `.published` and the attacker and witness programs leave it out.
    var status: [Suppression.Status] = tables.values.map {
      $0 >= 1 && $0 < threshold ? .primary : .published
    }
    for f in hidden where f < status.count && !tables.isImplied(f) && status[f] == .published {
      status[f] = .secondary
    }
    self.status = status
    self.hidden = hidden
    var figuresOfCell = [[Int]](repeating: [], count: tables.cover.count)
    for (g, figure) in tables.figures.enumerated() {
      for cell in figure.cells { figuresOfCell[cell].append(g) }
    }
    self.figuresOfCell = figuresOfCell
  }

  /// A witness for `f` changes at most this many cells (more when f itself has more).
  static let witnessCellLimit = 400
  /// Figures with more cells (totals and wide margins) do not widen a witness's neighbourhood.
  static let neighbourhoodFigureCells = 64

  /// The cells a witness for `f` may change: f's cells, then, breadth first for two steps, the
  /// cells of every figure of at most `neighbourhoodFigureCells` cells that contains one of
  /// them, up to `witnessCellLimit` cells.
  func witnessCells(for f: Int) -> [Bool] {
    var inside = [Bool](repeating: false, count: tables.cover.count)
    var frontier = tables.figures[f].cells
    for cell in frontier { inside[cell] = true }
    var count = frontier.count
    for _ in 0..<2 {
      var next: [Int] = []
      for cell in frontier {
        for g in figuresOfCell[cell]
        where tables.figures[g].cells.count <= Self.neighbourhoodFigureCells {
          for other in tables.figures[g].cells where !inside[other] {
            guard count < Self.witnessCellLimit else { return inside }
            inside[other] = true
            count += 1
            next.append(other)
          }
        }
      }
      frontier = next
    }
    return inside
  }

  var suppressed: Set<Int> { Set(status.indices.filter { status[$0] != .published }) }

  mutating func run() {
    let primaries = status.indices.filter { status[$0] == .primary }
    guard !primaries.isEmpty else { return }
    for p in primaries {
      let required = rule.requiredMaximum(value: tables.values[p], threshold: threshold)
      if certificates.contains(where: { value(of: p, in: $0) >= required }) { continue }
      let attacker = AttackerModel(tables, suppressed: suppressed)
      if let local = localExtreme(attacker, p, .maximize, reaching: required),
        local.value >= required
      {
        certificates.append(local.table)
        continue
      }
      if !globalChecks {
        protect(p, target: required)
        continue
      }
      let high = attacker.extremeTable(of: p, .maximize, timeLimit: rule.timeLimit)
      if let table = high.table { certificates.append(table) }
      if high.value < required {
        protect(p, target: required)
      }
    }
    // No suppressed figure may be pinned. A figure shown to move stays movable (suppression
    // only relaxes the attacker's program), so each is checked once.
    var checked = Set<Int>()
    while let s = status.indices.first(where: { status[$0] != .published && !checked.contains($0) })
    {
      checked.insert(s)
      let value = tables.values[s]
      if value == 0 { continue }  // a suppressed zero reveals nothing the rules hide
      if certificates.contains(where: { self.value(of: s, in: $0) != value }) { continue }
      let attacker = AttackerModel(tables, suppressed: suppressed)
      let near = witnessCells(for: s)
      if let local = localExtreme(attacker, s, .maximize, reaching: value + 1, near: near),
        local.value > value
      {
        certificates.append(local.table)
        continue
      }
      if let local = localExtreme(attacker, s, .minimize, reaching: value - 1, near: near),
        local.value < value
      {
        certificates.append(local.table)
        continue
      }
      if !globalChecks {
        protect(s, target: value + 1, orDownTo: value >= 2 ? value - 1 : nil)
        continue
      }
      let high = attacker.extremeTable(of: s, .maximize, timeLimit: rule.timeLimit)
      if let table = high.table { certificates.append(table) }
      if high.value > value { continue }
      let low = attacker.extremeTable(of: s, .minimize, timeLimit: rule.timeLimit)
      if let table = low.table { certificates.append(table) }
      if low.value < value { continue }
      protect(s, target: value + 1, orDownTo: value >= 2 ? value - 1 : nil)
    }
    prune(trials: pruningTrials)
  }

  /// Whether a figure the neighbourhood search leaves short is checked against the whole
  /// population before it is protected; else it is protected at once (never less safe, at most
  /// a few figures more hidden). Measured on the model report: the sample county's cover (978
  /// cells) 1.8 s with the checks, 1.2 s and one figure more hidden without; 2 and 10 million
  /// persons (1 581 and 2 440 cells) 22 s and 152 s with them, 8 s and 11 s without, the same
  /// figures hidden.
  var globalChecks: Bool { tables.cover.count <= Self.globalCheckCells }
  static let globalCheckCells = 1_000

  /// The attacker's extreme of a figure within the figure's neighbourhood (`witnessCells`):
  /// when it already reaches what the rule asks (`target`), the table proves it, and the
  /// program over the whole population is not needed; nil when the neighbourhood cannot reach
  /// it (often shown by the relaxation alone, without an integer search).
  func localExtreme(
    _ attacker: AttackerModel, _ figure: Int, _ sense: LinearProgram.Sense, reaching target: Int,
    near: [Bool]? = nil
  ) -> (value: Int, table: [Int])? {
    attacker.localExtremeTable(
      of: figure, sense, near: near ?? witnessCells(for: figure), figuresOfCell: figuresOfCell,
      reaching: target, timeLimit: rule.timeLimit)
  }

  /// A figure's value in a table of cover counts.
  func value(of figure: Int, in table: [Int]) -> Int {
    tables.figures[figure].cells.reduce(0) { $0 + table[$1] }
  }

  /// How many secondary figures the pruning pass tries to publish again (the costliest first);
  /// each trial is a full audit, two integer programs per suppressed figure. Pruning is for
  /// small problems: with more than 80 suppressed figures a trial costs hundreds of programs
  /// and, measured on a report's population with 206 suppressed figures, 40 trials took 56 s
  /// to publish 3 figures again; it is skipped there.
  var pruningTrials: Int { suppressed.count <= 80 ? 40 : 0 }

  /// Publishes again, costliest first, every secondary figure without which the rule still
  /// holds. The greedy pass protects one primary at a time, so a figure chosen early can become
  /// redundant once later primaries are protected.
  mutating func prune(trials: Int) {
    let secondaries = status.indices.filter { status[$0] == .secondary && !hidden.contains($0) }
    let order = secondaries.sorted {
      (-tables.suppressionCost(of: $0), $0) < (-tables.suppressionCost(of: $1), $1)
    }
    for g in order.prefix(trials) {
      status[g] = .published
      if !isProtected() { status[g] = .secondary }
    }
  }

  /// Whether the rule holds for the current status. Sound under time limits: a maximum found
  /// without proof is a lower bound of the true maximum and a minimum an upper bound of the true
  /// minimum, so "reaches" and "moves" are proved whenever they are reported.
  func isProtected() -> Bool {
    let attacker = AttackerModel(tables, suppressed: suppressed)
    for figure in status.indices where status[figure] != .published {
      let value = tables.values[figure]
      let high = attacker.extreme(of: figure, .maximize, timeLimit: rule.timeLimit).value
      if status[figure] == .primary,
        high < rule.requiredMaximum(value: value, threshold: threshold)
      {
        return false
      }
      if high > value || value == 0 { continue }
      if attacker.extreme(of: figure, .minimize, timeLimit: rule.timeLimit).value >= value {
        return false
      }
    }
    return true
  }

  /// Suppresses the cheapest set of published figures after which a table consistent with
  /// everything published gives figure `f` a value ≥ `target` (or, if cheaper, ≤ `downTarget`).
  mutating func protect(_ f: Int, target: Int, orDownTo downTarget: Int? = nil) {
    for _ in 0..<tables.figures.count {
      var best = witness(for: f, target: target, upward: true)
      if let downTarget, let down = witness(for: f, target: downTarget, upward: false) {
        if best == nil || down.cost < best!.cost { best = down }
      }
      if let best {
        for g in best.figures { status[g] = .secondary }
        if !best.optimal { optimal = false }
        certificates.append(best.table)
        return
      }
      // No witness (solver failure): suppress the cheapest published figure sharing a cell
      // with f and try again.
      optimal = false
      let cells = Set(tables.figures[f].cells)
      let candidates = status.indices.filter {
        status[$0] == .published && !tables.isImplied($0) && tables.values[$0] > 0
          && tables.figures[$0].cells.contains(where: cells.contains)
      }
      guard
        let cheapest = candidates.min(by: {
          (tables.suppressionCost(of: $0), $0) < (tables.suppressionCost(of: $1), $1)
        })
      else { return }
      status[cheapest] = .secondary
    }
  }

  /// The witness program (see the file comment): the figures to suppress and their cost, or
  /// `nil` if the solver found none.
  func witness(for f: Int, target: Int, upward: Bool) -> (
    figures: [Int], cost: Double, optimal: Bool, table: [Int]
  )? {
    let cover = tables.cover
    let shift = max(abs(target - tables.values[f]), 1)
    let slack = 2 * shift
    var knownZero = [Bool](repeating: false, count: cover.count)
    for (g, figure) in tables.figures.enumerated()
    where status[g] == .published && tables.values[g] == 0 && !tables.isImplied(g) {
      for cell in figure.cells { knownZero[cell] = true }
    }
    let near = witnessCells(for: f)
    var program = LinearProgram()
    var variable = [Int?](repeating: nil, count: cover.count)
    for cell in cover.indices where near[cell] && !knownZero[cell] {
      variable[cell] = program.addVariable(
        lower: Double(max(0, cover[cell] - slack)), upper: Double(cover[cell] + slack),
        integer: true)
    }
    // A figure's cells that may change, and the true total of its other cells.
    func terms(_ g: Int) -> (sum: [(variable: Int, coefficient: Double)], fixed: Int) {
      tables.terms(of: g, variables: variable)
    }
    // Only figures with a cell that may change can change.
    var touched = Set<Int>()
    for cell in cover.indices where variable[cell] != nil {
      touched.formUnion(figuresOfCell[cell])
    }
    var choices: [(figure: Int, variable: Int)] = []
    for g in touched.sorted() {
      let value = tables.values[g]
      let (sum, fixed) = terms(g)
      if status[g] != .published {
        program.addConstraint(sum, .atLeast, Double((value >= 1 ? 1 : 0) - fixed))
      } else if tables.isImplied(g) {
        continue
      } else if value > 0 {
        // |Σ y − v| ≤ M z, and Σ y ≥ 1 once suppressed (implied by the first when v − M ≥ 1).
        let z = program.addVariable(lower: 0, upper: 1, integer: true)
        program.objective[z] = tables.suppressionCost(of: g)
        let m = Double(shift)
        let rest = Double(value - fixed)
        program.addConstraint(sum.map { ($0.variable, -1.0) } + [(z, m)], .atLeast, -rest)
        program.addConstraint(sum + [(z, m)], .atLeast, rest)
        if value - shift < 1 { program.addConstraint(sum, .atLeast, Double(1 - fixed)) }
        choices.append((g, z))
      }
    }
    let (own, ownFixed) = terms(f)
    if upward {
      program.addConstraint(own, .atLeast, Double(target - ownFixed))
    } else {
      program.addConstraint(own.map { ($0.variable, -1.0) }, .atLeast, -Double(target - ownFixed))
    }
    let values: [Double]
    let cost: Double
    let optimal: Bool
    switch program.solve(.minimize, timeLimit: rule.timeLimit) {
    case .optimal(let objective, let solution):
      (values, cost, optimal) = (solution, objective, true)
    case .feasible(let objective, let solution):
      (values, cost, optimal) = (solution, objective, false)
    case .infeasible, .unsolved, .outOfReach:
      return nil
    }
    let chosen = choices.filter { values[$0.variable] > 0.5 }.map(\.figure)
    // Cells the witness did not change keep their true values.
    let table = tables.table(values, variables: variable)
    return (chosen, cost, optimal, table)
  }

  func result() -> LinkedSuppressionResult {
    // Implied figures are never published: they are neither hidden nor counted.
    let published = 0..<tables.publishedCount
    let suppressed = suppressed.filter(published.contains)
    let primary = Set(published.filter { status[$0] == .primary })
    let secondary = Set(published.filter { status[$0] == .secondary })
    let values = tables.values
    let overall = InformationLoss(
      figuresHidden: suppressed.count, figures: tables.publishedCount,
      personsHidden: suppressed.reduce(0) { $0 + values[$1] },
      persons: values[published].reduce(0, +))
    let tableLoss = tables.tables.map { table in
      // Inner cells: no coordinate summed over.
      let extendedShape = table.shape.map { $0 + 1 }
      let strides = CrossTab.strides(of: extendedShape)
      var hidden = 0
      var cells = 0
      var personsHidden = 0
      for (position, figure) in table.figures.enumerated() {
        let isCell = table.shape.indices.allSatisfy {
          (position / strides[$0]) % extendedShape[$0] < table.shape[$0]
        }
        guard isCell else { continue }
        cells += 1
        if suppressed.contains(figure) {
          hidden += 1
          personsHidden += values[figure]
        }
      }
      return InformationLoss(
        figuresHidden: hidden, figures: cells, personsHidden: personsHidden,
        persons: values[table.figures[table.figures.count - 1]])
    }
    return LinkedSuppressionResult(
      threshold: threshold, rule: rule, status: status, suppressed: suppressed, primary: primary,
      secondary: secondary, informationLoss: overall, tableLoss: tableLoss,
      isOptimalPerStep: optimal)
  }
}
