extension Dataset {
  /// Whether `name` is categorical: a grouping, or a column the codebook declares categorical,
  /// a text column (e.g. an undeclared column of region names) or an identifier.
  public func isCategorical(_ name: String) -> Bool {
    if groupingNames.contains(name) { return true }
    switch kind(of: name) {
    case .categorical, .text, .id: return true
    default: return false
    }
  }
}
