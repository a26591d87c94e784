extension Factor {
  /// The same factor over other levels, matched by code: a row whose level is not among
  /// `levels` becomes `Factor.outside`. Use it to give two datasets' factors the same levels
  /// (e.g. integer ages read from suspects and from a population file) before a `CellKey`.
  public func aligned(to levels: [Level]) -> Factor {
    var position: [String: Int32] = [:]
    for (k, level) in levels.enumerated() where position[level.code] == nil {
      position[level.code] = Int32(k)
    }
    let map = self.levels.map { position[$0.code] ?? Factor.outside }
    return Factor(name: name, levels: levels, codes: codes.map { $0 < 0 ? $0 : map[Int($0)] })
  }

  /// The number of rows at each level (missing and outside rows not counted).
  public func levelCounts() -> [Int] {
    var counts = [Int](repeating: 0, count: levels.count)
    for c in codes where c >= 0 { counts[Int(c)] += 1 }
    return counts
  }
}
