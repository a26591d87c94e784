/// Levenshtein distance between two strings, by Unicode scalars, case-insensitively.
///
/// ```
/// d(i, j) = min(d(i−1, j) + 1, d(i, j−1) + 1, d(i−1, j−1) + [a_i ≠ b_j])
/// ```
/// Used for "did you mean" suggestions when a variable or column name is misspelt.
func editDistance(_ a: String, _ b: String) -> Int {
  let x = Array(a.lowercased().unicodeScalars)
  let y = Array(b.lowercased().unicodeScalars)
  if x.isEmpty { return y.count }
  if y.isEmpty { return x.count }
  var previous = Array(0...y.count)
  var current = [Int](repeating: 0, count: y.count + 1)
  for i in 1...x.count {
    current[0] = i
    for j in 1...y.count {
      let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    swap(&previous, &current)
  }
  return previous[y.count]
}

/// The candidates closest to `name` (at most three), among those within a distance that grows
/// with the name's length (1 for short names, up to a third of the length), nearest first.
func suggestions(for name: String, among candidates: [String]) -> [String] {
  let limit = max(1, min(3, name.count / 3))
  let scored = candidates.map { ($0, editDistance(name, $0)) }
    .filter { $0.1 <= limit || $0.0.lowercased().hasPrefix(name.lowercased()) && name.count >= 3 }
  var seen = Set<String>()
  return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    .map(\.0).filter { seen.insert($0).inserted }.prefix(3).map { $0 }
}
