import Microdata

/// A `Dataset` is a model's variable source: factors and numerics come through its codebook,
/// and whether a variable is categorical is what the codebook declares. Groupings and text
/// columns (e.g. an undeclared column of region names) are always categorical.
extension Dataset: VariableSource {
  public func isCategorical(_ name: String) -> Bool {
    if groupingNames.contains(name) { return true }
    switch kind(of: name) {
    case .categorical, .text, .id: return true
    default: return false
    }
  }
}
