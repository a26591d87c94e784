/// The integer-programming attacker: what a reader of every published figure can learn about
/// the suppressed ones.
///
/// Threat model: the attacker has every figure published about one population (all tables,
/// all formats), knows the rules (the threshold; that a true zero is printed as `0`, so every
/// suppressed figure is at least 1 and every cover cell inside a published zero is 0), knows
/// that cover cells are non-negative integers, and solves integer programs. For a suppressed
/// figure `f` the attacker's range is
///
/// ```
/// min/max  Σ_{c ∈ f} x_c
/// s.t.     Σ_{c ∈ g} x_c = value(g)   for every published figure g
///          Σ_{c ∈ s} x_c ≥ 1          for every suppressed figure s
///          x_c ∈ {0, 1, 2, …}
/// ```
///
/// solved exactly with GLPK's branch-and-cut. A cover cell that no published figure bounds is
/// capped at 2³⁰, so an upper end of 2³⁰ or more means "unbounded".
public enum DisclosureAudit {
  /// A suppressed figure that breaks the ``ProtectionRule``, or a primary that is published.
  public struct Finding: Sendable, Equatable, Hashable {
    public enum Kind: Sendable, Equatable, Hashable {
      /// A figure below the threshold (and above 0) is published.
      case primaryPublished
      /// The attacker knows the figure's value exactly (`min == max`).
      case pinned
      /// A primary figure's range does not reach the required maximum.
      case underProtected(required: Int)
    }
    /// The figure index in ``LinkedTables/figures``.
    public var figure: Int
    /// Its true value.
    public var value: Int
    /// The attacker's range (`value…value` for a published figure).
    public var range: ClosedRange<Int>
    public var kind: Kind
    /// Whether the solver proved both ends of the range (`false` only when a time limit
    /// stopped it; the range is then the best found, inside the true range, so a breach may be
    /// reported that a longer search would clear, but none is missed).
    public var exact: Bool
  }

  /// The attacker's feasible range of every suppressed figure.
  ///
  /// - Parameters:
  ///   - tables: the cover table and its published figures.
  ///   - suppressed: the indices of the suppressed figures; every other figure is published.
  ///   - timeLimit: seconds per integer program.
  /// - Returns: figure index → `min…max` over all integer tables consistent with what is
  ///   published.
  /// - Complexity: two integer programs per suppressed figure, each over the cover cells.
  public static func ranges(
    _ tables: LinkedTables, suppressed: Set<Int>, timeLimit: Double = 10
  ) -> [Int: ClosedRange<Int>] {
    let attacker = AttackerModel(tables, suppressed: suppressed)
    var result = [Int: ClosedRange<Int>]()
    for figure in suppressed.sorted() {
      result[figure] = attacker.range(of: figure, timeLimit: timeLimit).range
    }
    return result
  }

  /// Every breach of the protection rule: published primaries, pinned suppressed figures and
  /// primaries (implied figures below the threshold among them) whose range is too narrow, in
  /// figure order.
  ///
  /// - Parameters:
  ///   - threshold: figures with `1 ≤ value < threshold` are primary.
  ///   - rule: see ``ProtectionRule``.
  public static func findings(
    _ tables: LinkedTables, suppressed: Set<Int>, threshold: Int,
    rule: ProtectionRule = ProtectionRule()
  ) -> [Finding] {
    // An implied figure below the threshold is sensitive and never published: the attacker
    // knows it is at least 1 only in the sense that it is a count the rules protect, which is
    // conservative; one at or above the threshold is not examined.
    let implied = Set(
      (tables.publishedCount..<tables.figures.count).filter {
        tables.values[$0] >= 1 && tables.values[$0] < threshold
      })
    let suppressed = suppressed.union(implied)
    let attacker = AttackerModel(tables, suppressed: suppressed)
    var findings: [Finding] = []
    for (figure, value) in tables.values.enumerated() {
      let primary = value >= 1 && value < threshold
      if tables.isImplied(figure) && !primary { continue }
      guard suppressed.contains(figure) else {
        if primary {
          findings.append(
            Finding(
              figure: figure, value: value, range: value...value, kind: .primaryPublished,
              exact: true))
        }
        continue
      }
      let (range, exact) = attacker.range(of: figure, timeLimit: rule.timeLimit)
      // A suppressed zero (a MAIHDA stratum hidden for its small population) pinned at 0
      // reveals a zero, which the rules publish anyway.
      if range.lowerBound == range.upperBound && value > 0 {
        findings.append(
          Finding(figure: figure, value: value, range: range, kind: .pinned, exact: exact))
      } else if primary {
        let required = rule.requiredMaximum(value: value, threshold: threshold)
        if range.upperBound < required {
          findings.append(
            Finding(
              figure: figure, value: value, range: range, kind: .underProtected(required: required),
              exact: exact))
        }
      }
    }
    return findings
  }
}
