import Microdata

/// A `Dataset` is a model's variable source: factors and numerics come through its codebook,
/// and whether a variable is categorical is what the codebook declares (groupings are always
/// categorical).
extension Dataset: VariableSource {
  public func isCategorical(_ name: String) -> Bool {
    if groupingNames.contains(name) { return true }
    return kind(of: name) == .categorical
  }
}
