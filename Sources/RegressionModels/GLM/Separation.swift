import LinearAlgebra

/// The outcome of the separation check of a binomial model.
///
/// Separation (Albert & Anderson 1984) means a linear combination of the predictors orders the
/// outcomes perfectly (complete) or with ties only at the boundary (quasi-complete); maximum
/// likelihood estimates are then infinite for the coefficients that carry the separation.
public struct SeparationReport: Sendable, Equatable, Codable {
  /// The kind of separation.
  public enum Kind: String, Sendable, Equatable, Codable {
    case none
    case quasiComplete = "quasi-complete"
    case complete
  }

  /// None, quasi-complete or complete.
  public let kind: Kind
  /// Per coefficient: +1 or −1 when its maximum likelihood estimate is +∞ or −∞, 0 when finite
  /// (0 too for aliased coefficients).
  public let directions: [Int]
  /// Names of the coefficients with infinite estimates.
  public let infiniteCoefficients: [String]
  /// Rows (or patterns) whose outcome the separating direction predicts perfectly.
  public let separatedRows: Int

  /// Whether there is separation of either kind.
  public var isSeparated: Bool { kind != .none }

  enum CodingKeys: String, CodingKey {
    case kind, directions
    case infiniteCoefficients = "infinite_coefficients"
    case separatedRows = "separated_rows"
  }
}

/// Detection of separation by linear programming, as `detectseparation::detect_separation`
/// (Konis 2007, *Linear programming algorithms for detecting separated data in binary logistic
/// regression models*, DPhil thesis, Oxford).
///
/// With ā_r = x_r for a row with a failure and ā_r = −x_r for a row with a success (a grouped row
/// with both contributes both), the recession cone of the log-likelihood is `{b : ā b ≤ 0}`:
/// ```
/// maximise  −Σ_r ā_r b   subject to  ā b ≤ 0,  −1 ≤ b ≤ 1
/// ```
/// has optimum 0 exactly when there is no separation. Which coefficients diverge is read from a
/// point deep in the cone (a weighted sum of the solutions that maximise and minimise each
/// coefficient over the cone); complete separation is a point of the cone with every constraint
/// strict.
enum SeparationCheck {
  /// Whether a value counts as nonzero in an LP solution (detectseparation uses 1e-3 on a
  /// [−1, 1] scale).
  static let tolerance = 1e-6

  /// Checks the rows of `data` over the columns `active`; `names` label the coefficients.
  static func check(data: GLMData, active: [Int], names: [String]) -> SeparationReport {
    let p = active.count
    let x = data.x
    // Column scales so that every column's largest |value| is 1.
    var scale = [Double](repeating: 1, count: p)
    for (k, j) in active.enumerated() {
      var largest = 0.0
      for i in 0..<x.rows { largest = max(largest, abs(x[i, j])) }
      scale[k] = largest > 0 ? largest : 1
    }
    // Constraint rows ā, deduplicated.
    var seen = Set<[Double]>()
    var rows: [[Double]] = []
    for i in 0..<x.rows {
      let row = (0..<p).map { x[i, active[$0]] / scale[$0] }
      if data.y[i] > 0 {
        let negated = row.map { -$0 }
        if seen.insert(negated).inserted { rows.append(negated) }
      }
      if data.y[i] < 1 {
        if seen.insert(row).inserted { rows.append(row) }
      }
    }
    var gradient = [Double](repeating: 0, count: p)
    for row in rows {
      for k in 0..<p { gradient[k] -= row[k] }
    }
    let none = SeparationReport(
      kind: .none, directions: [Int](repeating: 0, count: x.columns), infiniteCoefficients: [],
      separatedRows: 0)
    guard let main = solve(rows: rows, objective: gradient), main.value > tolerance,
      main.b.contains(where: { abs($0) > tolerance })
    else { return none }

    // A point deep in the cone: weighted sum of cone points with each coefficient extreme.
    var direction = main.b
    for k in 0..<p {
      for sign in [1.0, -1.0] {
        var objective = [Double](repeating: 0, count: p)
        objective[k] = sign
        if let s = solve(rows: rows, objective: objective), s.value > tolerance {
          let weight = 1 + Double((2 * k + (sign > 0 ? 0 : 1)) % 7) * 0.1618
          for q in 0..<p { direction[q] += weight * s.b[q] }
        }
      }
    }
    let largest = direction.map(abs).max() ?? 1
    var directions = [Int](repeating: 0, count: x.columns)
    var infinite: [String] = []
    for (k, j) in active.enumerated() where abs(direction[k]) > tolerance * largest {
      directions[j] = direction[k] > 0 ? 1 : -1
      infinite.append(names[j])
    }
    let separatedRows = rows.reduce(0) { count, row in
      var dot = 0.0
      for k in 0..<p { dot += row[k] * direction[k] }
      return count + (dot < -tolerance * largest ? 1 : 0)
    }
    let complete = isComplete(rows: rows)
    return SeparationReport(
      kind: complete ? .complete : .quasiComplete, directions: directions,
      infiniteCoefficients: infinite, separatedRows: separatedRows)
  }

  /// Maximises `objective · b` over `{ā b ≤ 0, −1 ≤ b ≤ 1}` with b = u − v, 0 ≤ u, v ≤ 1.
  static func solve(rows: [[Double]], objective: [Double]) -> (b: [Double], value: Double)? {
    let p = objective.count
    let variables = 2 * p
    let m = rows.count + variables
    var a = [Double](repeating: 0, count: m * variables)
    var b = [Double](repeating: 0, count: m)
    for (r, row) in rows.enumerated() {
      for k in 0..<p {
        a[r * variables + k] = row[k]
        a[r * variables + p + k] = -row[k]
      }
    }
    for k in 0..<variables {
      a[(rows.count + k) * variables + k] = 1
      b[rows.count + k] = 1
    }
    let c = objective + objective.map { -$0 }
    var simplex = Simplex(a: a, b: b, c: c)
    guard let (x, value) = simplex.maximise() else { return nil }
    return ((0..<p).map { x[$0] - x[p + $0] }, value)
  }

  /// Whether some b makes every constraint strict: maximise t with ā b + t ≤ 0, 0 ≤ t ≤ 1.
  static func isComplete(rows: [[Double]]) -> Bool {
    guard let p = rows.first?.count else { return false }
    let variables = 2 * p + 1
    let m = rows.count + variables
    var a = [Double](repeating: 0, count: m * variables)
    var b = [Double](repeating: 0, count: m)
    for (r, row) in rows.enumerated() {
      for k in 0..<p {
        a[r * variables + k] = row[k]
        a[r * variables + p + k] = -row[k]
      }
      a[r * variables + 2 * p] = 1
    }
    for k in 0..<variables {
      a[(rows.count + k) * variables + k] = 1
      b[rows.count + k] = 1
    }
    var c = [Double](repeating: 0, count: variables)
    c[2 * p] = 1
    var simplex = Simplex(a: a, b: b, c: c)
    guard let (_, value) = simplex.maximise() else { return false }
    return value > tolerance
  }
}
