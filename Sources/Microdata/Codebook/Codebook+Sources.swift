extension Codebook {
  /// The variables a variable is read or derived from: itself for a variable of the file, the
  /// source, compared and condition variables of a grouping (recursively).
  public func sources(of name: String) -> Set<String> {
    var result = Set<String>()
    var pending = [name]
    var seen = Set<String>()
    while let next = pending.popLast() {
      guard seen.insert(next).inserted else { continue }
      guard let grouping = grouping(named: next) else {
        result.insert(next)
        continue
      }
      pending.append(grouping.source)
      if let compared = grouping.comparedWith { pending.append(compared) }
      if let condition = grouping.condition { pending.append(condition.variable) }
    }
    return result
  }
}
