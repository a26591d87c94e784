import Microdata

/// A `Dataset` is a model's variable source: factors and numerics come through its codebook,
/// and whether a variable is categorical is what the codebook declares
/// (`Dataset.isCategorical(_:)`).
extension Dataset: VariableSource {}
