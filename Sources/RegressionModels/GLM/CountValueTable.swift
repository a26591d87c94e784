/// Values that depend on a count y alone (log Γ(θ + y), ψ(θ + y), …), computed once for each
/// small whole count and directly for any other y: most rows of count data share a few values.
struct CountValueTable<Value> {
  /// Whole counts below this are remembered.
  static var size: Int { 1024 }
  private var values: [Value?] = []
  private let compute: (Double) -> Value

  init(_ compute: @escaping (Double) -> Value) {
    self.compute = compute
  }

  /// f(y), remembered for whole y in 0..<`size`.
  mutating func callAsFunction(_ y: Double) -> Value {
    guard y >= 0, y < Double(Self.size), y == y.rounded(.towardZero) else { return compute(y) }
    let k = Int(y)
    if values.isEmpty { values = [Value?](repeating: nil, count: Self.size) }
    if let known = values[k] { return known }
    let value = compute(y)
    values[k] = value
    return value
  }
}
