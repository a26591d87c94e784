/// How a publication rounded its figures.
///
/// ```
/// half_up     round half away from zero at the published decimals     24.5  → 25
/// half_even   round half to even (banker's rounding)                   24.5  → 24, 25.5 → 26
/// double      first half up to one more decimal, then half up           24.48 → 24.5 → 25
/// ```
/// `double` is the rounding found in Brå's tables (a percentage computed to one decimal, then
/// printed as an integer). Rounding works on the shortest decimal representation of the
/// computed value, not its binary approximation (`DecimalNumber`).
public enum RoundingRule: String, Sendable, Equatable, CaseIterable {
  case halfUp = "half_up"
  case halfEven = "half_even"
  case double
}
