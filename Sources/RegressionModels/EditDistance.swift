/// Levenshtein edit distance, for "did you mean" suggestions on misspelt variable names
/// (as StatsModels' `errormessages.jl` and swift-argument-parser's `StringEditDistance`).
enum EditDistance {
  /// The number of single-character insertions, deletions and substitutions turning `a` into `b`
  /// (case-insensitive).
  static func distance(_ a: String, _ b: String) -> Int {
    let s = Array(a.lowercased())
    let t = Array(b.lowercased())
    if s.isEmpty { return t.count }
    if t.isEmpty { return s.count }
    var previous = Array(0...t.count)
    var current = [Int](repeating: 0, count: t.count + 1)
    for i in 1...s.count {
      current[0] = i
      for j in 1...t.count {
        let cost = s[i - 1] == t[j - 1] ? 0 : 1
        let deletion: Int = previous[j] + 1
        let insertion: Int = current[j - 1] + 1
        let substitution: Int = previous[j - 1] + cost
        current[j] = Swift.min(deletion, insertion, substitution)
      }
      swap(&previous, &current)
    }
    return previous[t.count]
  }

  /// Names within a distance of max(2, a third of the name's length), closest first (at most 3).
  static func suggestions(for name: String, among candidates: [String]) -> [String] {
    let limit = max(2, name.count / 3)
    var scored: [(name: String, distance: Int)] = []
    for candidate in candidates {
      let d = distance(name, candidate)
      if d <= limit { scored.append((candidate, d)) }
    }
    scored.sort { a, b in a.distance != b.distance ? a.distance < b.distance : a.name < b.name }
    return scored.prefix(3).map { $0.name }
  }
}
