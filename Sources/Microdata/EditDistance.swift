/// Edit distance between two strings (optimal string alignment: insertions, deletions,
/// substitutions and swaps of adjacent characters cost 1), by Unicode scalars,
/// case-insensitively.
///
/// ```
/// d(i, j) = min(d(i−1, j) + 1, d(i, j−1) + 1, d(i−1, j−1) + [aᵢ ≠ bⱼ],
///               d(i−2, j−2) + 1  if aᵢ = bⱼ₋₁ and aᵢ₋₁ = bⱼ)
/// ```
/// Used for "did you mean" suggestions when a variable or column name is misspelt
/// (`aldre` → `alder` is one swap).
package func editDistance(_ a: String, _ b: String) -> Int {
  let x = Array(a.lowercased().unicodeScalars)
  let y = Array(b.lowercased().unicodeScalars)
  if x.isEmpty { return y.count }
  if y.isEmpty { return x.count }
  var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
  for i in 0...x.count { d[i][0] = i }
  for j in 0...y.count { d[0][j] = j }
  for i in 1...x.count {
    for j in 1...y.count {
      let cost = x[i - 1] == y[j - 1] ? 0 : 1
      d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
        d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
      }
    }
  }
  return d[x.count][y.count]
}

/// The candidates closest to `name` (at most three, alphabetical): those at the smallest edit
/// distance within 1 for names of up to 4 characters, 2 up to 8, 3 beyond; failing those, the
/// candidates that start with the name.
package func suggestions(for name: String, among candidates: [String]) -> [String] {
  let limit = name.count <= 4 ? 1 : (name.count <= 8 ? 2 : 3)
  let unique = Array(Set(candidates.filter { $0 != name })).sorted()
  let scored = unique.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= limit }
  if let best = scored.map(\.1).min() {
    return scored.filter { $0.1 == best }.map(\.0).prefix(3).map { $0 }
  }
  let lowered = name.lowercased()
  guard name.count >= 3 else { return [] }
  return unique.filter { $0.lowercased().hasPrefix(lowered) }.prefix(3).map { $0 }
}
