// The one file that touches GLPK. Everything else in Strata states linear and integer programs
// as `LinearProgram` values and reads `LinearProgram.Outcome`s.
//
// Goals, in priority order: (1) never hand GLPK input it aborts on (GLPK calls `abort()` on
// invalid data, e.g. a repeated (row, column) entry or a bound pair with lower > upper), so
// every program is checked and normalised here first; (2) silence: GLPK prints to stdout by
// default, which would corrupt piped output; (3) concurrent calls only where GLPK allows them:
// its environment is per thread when the library was built with thread-local storage
// (`glp_config("TLS")`, Debian's is), and otherwise one call runs at a time (Swift Testing runs
// tests in parallel).
//
// GLPK: Andrew Makhorin, GNU Linear Programming Kit 5.0, https://www.gnu.org/software/glpk/
// (Debian `libglpk-dev`). The simplex method solves continuous programs; branch-and-cut
// (`glp_intopt`) solves integer programs, starting from the relaxation's optimal basis, unless a
// dive from that relaxation finds an integer solution as good as the relaxation (`dive`).

internal import CGLPK
import Foundation

/// A linear program with optional integrality: minimise or maximise `cᵀx` subject to
/// `aᵢᵀx = bᵢ` or `aᵢᵀx ≥ bᵢ`, `l ≤ x ≤ u`, and `xⱼ ∈ ℤ` for the integer variables.
struct LinearProgram: Sendable {
  /// Which way the objective goes.
  enum Sense: Sendable { case minimize, maximize }

  /// One linear constraint: `Σ coefficient · x[variable]` compared with `bound`.
  struct Constraint: Sendable {
    enum Relation: Sendable { case equal, atLeast }
    var terms: [(variable: Int, coefficient: Double)]
    var relation: Relation
    var bound: Double
  }

  /// The solver's answer.
  enum Outcome: Sendable {
    /// An optimal solution.
    case optimal(objective: Double, values: [Double])
    /// A feasible solution that the time limit stopped before optimality was proved.
    case feasible(objective: Double, values: [Double])
    /// No solution satisfies the constraints.
    case infeasible
    /// The objective is unbounded, or the solver failed (time limit without any solution).
    case unsolved
    /// The relaxation already shows that no solution reaches the objective asked for.
    case outOfReach
  }

  private(set) var lowerBounds: [Double] = []
  private(set) var upperBounds: [Double?] = []
  private(set) var isInteger: [Bool] = []
  var objective: [Double] = []
  private(set) var constraints: [Constraint] = []

  var variableCount: Int { lowerBounds.count }

  /// Whether an integer program whose relaxation leaves the objective's variables integral is
  /// first rounded by a dive (see `GLPKCall.dive`) before branch and cut. Off only in tests
  /// that compare the two.
  var divesFirst = true

  /// Whether the relaxation starts from an advanced basis (GLPK's crash, `glp_adv_basis`)
  /// rather than the standard one (every row's slack basic). Set for the attacker's programs
  /// (equalities: the published figures): see ``AttackerModel``.
  var startsFromCrashBasis = false

  /// Adds a variable with bounds `lower…upper` (`upper == nil`: no upper bound) and returns its
  /// index.
  @discardableResult
  mutating func addVariable(lower: Double = 0, upper: Double? = nil, integer: Bool = false) -> Int {
    precondition(lower.isFinite && upper.map { $0.isFinite && $0 >= lower } ?? true, "bounds")
    lowerBounds.append(lower)
    upperBounds.append(upper)
    isInteger.append(integer)
    objective.append(0)
    return lowerBounds.count - 1
  }

  /// Adds `Σ terms = bound` or `Σ terms ≥ bound`. Repeated variables are summed.
  mutating func addConstraint(
    _ terms: [(variable: Int, coefficient: Double)], _ relation: Constraint.Relation,
    _ bound: Double
  ) {
    precondition(bound.isFinite, "finite bound")
    for term in terms {
      precondition(term.variable >= 0 && term.variable < variableCount, "variable index")
      precondition(term.coefficient.isFinite, "finite coefficients")
    }
    // Terms usually arrive in increasing variable order (cells in cover order) and are kept as
    // they are; otherwise they are sorted and repeated variables summed. (A dictionary here
    // was 5 % of the model report's time on a 10-million-person county.)
    var merged = terms
    if !zip(terms, terms.dropFirst()).allSatisfy({ $0.variable < $1.variable }) {
      merged.sort { $0.variable < $1.variable }
      var write = 0
      for read in merged.indices {
        if write > 0 && merged[write - 1].variable == merged[read].variable {
          merged[write - 1].coefficient += merged[read].coefficient
        } else {
          merged[write] = merged[read]
          write += 1
        }
      }
      merged.removeLast(merged.count - write)
    }
    merged.removeAll { $0.coefficient == 0 }
    constraints.append(Constraint(terms: merged, relation: relation, bound: bound))
  }

  /// Solves the program.
  ///
  /// - Parameters:
  ///   - sense: minimise or maximise ``objective``.
  ///   - timeLimit: seconds the integer search may take before it returns its best solution as
  ///     `.feasible`.
  ///   - target: an objective the caller needs reached (at least it when maximising, at most
  ///     it when minimising): when the relaxation's optimum falls short, the integer search is
  ///     skipped and the answer is ``Outcome/outOfReach``.
  func solve(_ sense: Sense, timeLimit: Double = 20, reaching target: Double? = nil) -> Outcome {
    if Self.solvesConcurrently {
      return GLPKCall.solve(self, sense: sense, timeLimit: timeLimit, target: target)
    }
    glpkLock.lock()
    defer { glpkLock.unlock() }
    return GLPKCall.solve(self, sense: sense, timeLimit: timeLimit, target: target)
  }

  /// Whether programs may be solved on several threads at once: GLPK keeps its environment in
  /// thread-local storage (else ``solve(_:timeLimit:reaching:)`` runs one program at a time).
  static let solvesConcurrently = glp_config("TLS") != nil
}

/// Without thread-local storage GLPK is called by one thread at a time.
private let glpkLock = NSLock()

/// The translation of a ``LinearProgram`` into GLPK calls.
private enum GLPKCall {
  static func solve(
    _ program: LinearProgram, sense: LinearProgram.Sense, timeLimit: Double, target: Double?
  ) -> LinearProgram.Outcome {
    let n = program.variableCount
    guard n > 0 else {
      // No variables: feasible exactly when every constraint holds at 0.
      let holds = program.constraints.allSatisfy {
        $0.relation == .equal ? $0.bound == 0 : $0.bound <= 0
      }
      return holds ? .optimal(objective: 0, values: []) : .infeasible
    }
    glp_term_out(GLP_OFF)
    guard let problem = glp_create_prob() else { return .unsolved }
    defer { glp_delete_prob(problem) }
    glp_set_obj_dir(problem, sense == .minimize ? GLP_MIN : GLP_MAX)
    glp_add_cols(problem, Int32(n))
    for j in 0..<n {
      let column = Int32(j + 1)
      setBounds(problem, j, program)
      glp_set_obj_coef(problem, column, program.objective[j])
      if program.isInteger[j] { glp_set_col_kind(problem, column, GLP_IV) }
    }
    let m = program.constraints.count
    if m > 0 { glp_add_rows(problem, Int32(m)) }
    // Sparse matrix in GLPK's 1-based triplet form (index 0 unused).
    var rowIndices: [Int32] = [0]
    var columnIndices: [Int32] = [0]
    var entries: [Double] = [0]
    for (i, constraint) in program.constraints.enumerated() {
      let row = Int32(i + 1)
      switch constraint.relation {
      case .equal: glp_set_row_bnds(problem, row, GLP_FX, constraint.bound, constraint.bound)
      case .atLeast: glp_set_row_bnds(problem, row, GLP_LO, constraint.bound, 0)
      }
      for term in constraint.terms {
        rowIndices.append(row)
        columnIndices.append(Int32(term.variable + 1))
        entries.append(term.coefficient)
      }
    }
    glp_load_matrix(problem, Int32(entries.count - 1), rowIndices, columnIndices, entries)
    let limit = Int32(min(max(timeLimit, 0.001) * 1000, Double(Int32.max)))

    if program.isInteger.contains(true) {
      // The relaxation first, by the simplex method without presolver, then branch and cut
      // from its optimal basis without GLPK's integer presolver and preprocessing: for the
      // programs of the linked suppression (a few hundred variables) those cost more than they
      // save. Measured on the model report of a 10-million-person county: linked suppression
      // 4.2 s → 3.0 s, the same 269 figures hidden.
      var relaxation = simplexParameters(limit: limit, presolve: false)
      if program.startsFromCrashBasis { glp_adv_basis(problem, 0) }
      var fromBasis = false
      if glp_simplex(problem, &relaxation) == 0 {
        switch glp_get_status(problem) {
        case GLP_NOFEAS: return .infeasible
        case GLP_OPT:
          fromBasis = true
          // The objectives asked to reach are sums of integer variables with integer bounds.
          if let target {
            let bound = glp_get_obj_val(problem)
            let tolerance = 1e-6 * max(1, abs(target))
            if sense == .maximize ? bound < target - tolerance : bound > target + tolerance {
              return .outOfReach
            }
          }
        default: break
        }
      }
      if fromBasis && program.divesFirst {
        if let found = dive(problem, program, limit: limit) { return found }
        fromBasis = glp_get_status(problem) == GLP_OPT
      }
      var parameters = searchParameters(limit: limit, fromBasis: fromBasis)
      let code = glp_intopt(problem, &parameters)
      if code == GLP_ENOPFS { return .infeasible }
      if code == GLP_ENODFS { return .unsolved }
      let status = glp_mip_status(problem)
      let values = (0..<n).map { glp_mip_col_val(problem, Int32($0 + 1)) }
      let objective = glp_mip_obj_val(problem)
      switch status {
      case GLP_OPT: return .optimal(objective: objective, values: values)
      case GLP_FEAS: return .feasible(objective: objective, values: values)
      case GLP_NOFEAS: return .infeasible
      default: return .unsolved
      }
    } else {
      var parameters = simplexParameters(limit: limit, presolve: true)
      let code = glp_simplex(problem, &parameters)
      if code == GLP_ENOPFS { return .infeasible }
      if code == GLP_ENODFS { return .unsolved }
      guard code == 0 else { return .unsolved }
      let values = (0..<n).map { glp_get_col_prim(problem, Int32($0 + 1)) }
      switch glp_get_status(problem) {
      case GLP_OPT: return .optimal(objective: glp_get_obj_val(problem), values: values)
      case GLP_NOFEAS: return .infeasible
      default: return .unsolved
      }
    }
  }

  /// Gives variable `j` (0-based) the bounds the program states.
  private static func setBounds(_ problem: OpaquePointer, _ j: Int, _ program: LinearProgram) {
    let column = Int32(j + 1)
    let lower = program.lowerBounds[j]
    if let upper = program.upperBounds[j] {
      glp_set_col_bnds(problem, column, upper == lower ? GLP_FX : GLP_DB, lower, upper)
    } else {
      glp_set_col_bnds(problem, column, GLP_LO, lower, 0)
    }
  }

  /// The simplex method's parameters: silent, within `limit` milliseconds.
  private static func simplexParameters(limit: Int32, presolve: Bool) -> glp_smcp {
    var parameters = glp_smcp()
    glp_init_smcp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.presolve = presolve ? GLP_ON : GLP_OFF
    parameters.tm_lim = limit
    return parameters
  }

  /// Branch and cut's parameters: silent, within `limit` milliseconds; from the relaxation's
  /// optimal basis (`fromBasis`) without GLPK's integer presolver and preprocessing, else with
  /// the presolver (which solves the relaxation itself).
  private static func searchParameters(limit: Int32, fromBasis: Bool) -> glp_iocp {
    var parameters = glp_iocp()
    glp_init_iocp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.presolve = fromBasis ? GLP_OFF : GLP_ON
    if fromBasis { parameters.pp_tech = GLP_PP_NONE }
    parameters.tm_lim = limit
    return parameters
  }

  /// Most programs' relaxation already leaves every variable of the objective at an integer
  /// value: then any integer solution that keeps them there has the relaxation's objective, the
  /// best there is. This dive looks for one before branch and cut: the objective's variables
  /// are fixed at their values, then every fractional variable at its nearest integer at once;
  /// when that leaves no solution, they are freed and only the one nearest to an integer (the
  /// lowest-numbered on ties) is fixed, at its nearest integer or the other when that leaves no
  /// solution; the relaxation is re-solved from the current basis after each step. (Rounding
  /// all at once took the 42 dives of a 10-million-person county's report from 698 re-solves
  /// to 102, 0.58 s to 0.18 s; the report's files stayed the same byte for byte on the sample,
  /// 2 M and 10 M counties.)
  ///
  /// When the relaxation leaves an objective variable fractional, branch and cut first runs
  /// over the objective's integer variables alone (the others continuous): a program with far
  /// fewer integer variables, whose optimum is a lower bound of the whole program's. The dive
  /// then rounds the other variables with the objective's fixed at that optimum; an integer
  /// solution there reaches the bound, so it is optimal.
  ///
  /// Returns the optimal solution found, or nil (the problem's bounds and kinds restored and
  /// its relaxation re-solved) when a variable fits neither way, the dive takes more than
  /// `diveLimit` re-solves or the time limit, or the branch and cut over the objective's
  /// variables proves nothing; the branch and cut over all variables decides then.
  /// Deterministic: the same program gives the same solution.
  ///
  /// The witness programs of linked suppression are such programs: the time goes into finding
  /// integer counts to match the figures chosen (branch and cut's time there is erratic: the
  /// same program took 0.03 s or 0.84 s depending only on the order of its columns). Of the
  /// model report's witness programs on a 10-million-person county, 41 of 55 dive from the
  /// relaxation; on a 2-million-person county 22 of 51 need the branch and cut over the
  /// figures' variables first (2.0 s in branch and cut over all variables, 0.75 s this way).
  /// Linked suppression, back to back: 3.3–3.6 s → 2.0–2.1 s (10 M), 2.8–3.1 s → 2.1–2.2 s
  /// (2 M), 1.0–1.2 s → 0.9–1.0 s (the sample). The two large counties' report files came out
  /// the same byte for byte; the sample's hides one MAIHDA stratum more (479 of 941 figures):
  /// where two witnesses cost the same, the one found first can differ.
  private static func dive(_ problem: OpaquePointer, _ program: LinearProgram, limit: Int32)
    -> LinearProgram.Outcome?
  {
    let n = program.variableCount
    let tolerance = 1e-7
    func value(_ j: Int) -> Double { glp_get_col_prim(problem, Int32(j + 1)) }
    func isIntegral(_ x: Double) -> Bool { abs(x - x.rounded()) <= tolerance }
    let objectiveIntegers = (0..<n).filter { program.objective[$0] != 0 && program.isInteger[$0] }
    var fixed: [Int] = []
    var relaxedKinds: [Int] = []
    func fix(_ j: Int, at x: Double) -> Bool {
      guard x >= program.lowerBounds[j] && x <= program.upperBounds[j] ?? .infinity else {
        return false
      }
      glp_set_col_bnds(problem, Int32(j + 1), GLP_FX, x, x)
      fixed.append(j)
      return true
    }
    var parameters = simplexParameters(limit: limit, presolve: false)
    parameters.meth = GLP_DUALP
    func resolves() -> Bool {
      glp_simplex(problem, &parameters) == 0 && glp_get_status(problem) == GLP_OPT
    }
    func restore() -> LinearProgram.Outcome? {
      for j in relaxedKinds { glp_set_col_kind(problem, Int32(j + 1), GLP_IV) }
      for j in fixed { setBounds(problem, j, program) }
      _ = glp_simplex(problem, &parameters)
      return nil
    }
    var bound = glp_get_obj_val(problem)
    var objectiveValues = objectiveIntegers.map(value)
    if !objectiveValues.allSatisfy(isIntegral) {
      // Branch and cut over the objective's integer variables alone.
      for j in 0..<n where program.isInteger[j] && program.objective[j] == 0 {
        glp_set_col_kind(problem, Int32(j + 1), GLP_CV)
        relaxedKinds.append(j)
      }
      var search = searchParameters(limit: limit, fromBasis: true)
      // The next node by the best projection heuristic rather than the best local bound: 14
      // such searches of a 10-million-person county's report spent 0.32 s, 0.27 s this way;
      // the whole report 2.10 → 2.06 s (2 M county 1.96 → 1.84 s), the files of the three
      // counties the same. (Depth first took 11 s; most-fractional, pseudocost and first- or
      // last-fractional branching, or GLPK's cuts, were slower than Driebeck–Tomlin.)
      search.bt_tech = GLP_BT_BPH
      guard glp_intopt(problem, &search) == 0, glp_mip_status(problem) == GLP_OPT else {
        return restore()
      }
      bound = glp_mip_obj_val(problem)
      objectiveValues = objectiveIntegers.map { glp_mip_col_val(problem, Int32($0 + 1)) }
      for j in relaxedKinds { glp_set_col_kind(problem, Int32(j + 1), GLP_IV) }
      relaxedKinds = []
    }
    for (j, x) in zip(objectiveIntegers, objectiveValues) {
      guard fix(j, at: x.rounded()) else { return restore() }
    }
    guard resolves() else { return restore() }
    let start = Date()
    var batch = true
    for _ in 0..<diveLimit {
      if Date().timeIntervalSince(start) * 1000 > Double(limit) { break }
      var nearest: (variable: Int, distance: Double)?
      var fractional: [Int] = []
      for j in 0..<n where program.isInteger[j] {
        let x = value(j)
        let distance = abs(x - x.rounded())
        guard distance > tolerance else { continue }
        fractional.append(j)
        if distance < (nearest?.distance ?? 1) { nearest = (j, distance) }
      }
      guard let (j, _) = nearest else {
        let values = (0..<n).map { program.isInteger[$0] ? value($0).rounded() : value($0) }
        let objective = zip(program.objective, values).reduce(0) { $0 + $1.0 * $1.1 }
        guard abs(objective - bound) <= 1e-9 * max(1, abs(bound)) else { return restore() }
        return .optimal(objective: objective, values: values)
      }
      // All fractional variables at their nearest integers at once; when that leaves no
      // solution, they are freed again and the nearest alone is fixed.
      if batch && fractional.count > 1 {
        let values = fractional.map(value)
        if zip(fractional, values).allSatisfy({ fix($0, at: $1.rounded()) }) && resolves() {
          continue
        }
        for k in fractional { setBounds(problem, k, program) }
        guard resolves() else { return restore() }
        batch = false
        continue
      }
      batch = true
      let x = value(j)
      let near = x.rounded()
      if fix(j, at: near) && resolves() { continue }
      guard fix(j, at: near > x ? x.rounded(.down) : x.rounded(.up)), resolves() else {
        return restore()
      }
    }
    return restore()
  }

  /// The most re-solves a dive may take before branch and cut takes over.
  static let diveLimit = 600
}
