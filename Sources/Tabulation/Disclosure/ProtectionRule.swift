/// When a suppressed figure counts as protected against an attacker who solves integer
/// programs.
///
/// The attacker knows every published figure, that every suppressed figure is at least 1 (a
/// true zero is printed as `0`), and that cover cells are non-negative integers. For a
/// suppressed figure with true value `v` the attacker's feasible values form a range
/// `[min, max]` (see ``DisclosureAudit``). The rule:
///
/// ```
/// primary figure p (1 ≤ v < threshold):  max(p) ≥ required(v)      (upper protection)
/// every suppressed figure s:             min(s) < max(s)            (never pinned)
/// ```
///
/// With the default upper protection, `required(v) = threshold`: the attacker cannot even tell
/// that a primary figure is below the threshold. Since `min ≥ 1` always holds for a suppressed
/// figure, the range then contains `[1, threshold]` whenever `v` does, i.e. it is at least as
/// wide as the whole set of values the primary rule hides.
///
/// **Why this rule.** τ-ARGUS and sdcTable state protection as an interval the attacker's
/// range must cover around the true value: an upper and a lower protection level (UPL, LPL;
/// sdcTable's `setBounds(type: "UPL"/"LPL")`, τ-ARGUS' safety range), checked by solving the
/// attacker's LP for each primary cell (Fischetti & Salazar-González 2000,
/// doi:10.1080/01621459.2000.10474282). For magnitude tables the levels are a percentage of the
/// value; for frequency tables under a minimum-frequency rule the natural level is the one that
/// makes the suppression itself meaningful: a count hidden because it is below `threshold` must
/// not be provably below `threshold`. So UPL = `threshold − v`. The LPL is `v − 1`: the
/// attacker's knowledge that `..` ≥ 1 fixes the lower end at 1 whatever is suppressed, so no
/// stronger lower level can be asked for. Unlike τ-ARGUS' LP audit, the range here is computed
/// over the integers and with the `≥ 1` knowledge, which is what a reader of a register table
/// can actually exploit (the "N + E = 2, both suppressed" leak is invisible to an LP
/// over the reals without the bound).
///
/// Secondary figures get no interval of their own (they are not sensitive), but one that the
/// attacker can pin exactly would let the reader subtract it from a margin, so they must not
/// be pinned (τ-ARGUS' "no exact disclosure" of secondaries).
public struct ProtectionRule: Sendable, Equatable, Hashable, Codable {
  /// How far above its true value a primary figure's feasible range must reach.
  public enum UpperProtection: Sendable, Equatable, Hashable, Codable {
    /// `max ≥ threshold`: the attacker cannot tell the figure is below the threshold. Default.
    case threshold
    /// `max ≥ v + k` (an absolute upper protection level, as in τ-ARGUS and sdcTable).
    case absolute(Int)
    /// `max ≥ ⌈v · (1 + p/100)⌉` (a protection level in percent of the value, τ-ARGUS' and
    /// sdcTable's form for magnitude tables).
    case percent(Double)
  }

  /// The upper protection of primary figures. Default ``UpperProtection/threshold``.
  public var upperProtection: UpperProtection

  /// Seconds each integer program may take before its best solution so far is used. Default
  /// 10. A selection step that stops early still leaves a valid (if costlier) suppression; an
  /// audit range that stops early is marked in ``DisclosureAudit/Finding``.
  public var timeLimit: Double

  public init(upperProtection: UpperProtection = .threshold, timeLimit: Double = 10) {
    self.upperProtection = upperProtection
    self.timeLimit = timeLimit
  }

  /// The smallest `max` the attacker's range of a primary figure with value `value` may have.
  public func requiredMaximum(value: Int, threshold: Int) -> Int {
    switch upperProtection {
    case .threshold: return max(threshold, value)
    case .absolute(let k): return value + max(k, 0)
    case .percent(let p): return Int((Double(value) * (1 + max(p, 0) / 100)).rounded(.up))
    }
  }
}
