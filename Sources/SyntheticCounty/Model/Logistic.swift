import Foundation

/// The logistic function 1 / (1 + e^(−x)), evaluated without overflow for large |x|.
@inline(__always)
func logistic(_ x: Double) -> Double {
  x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
}

/// The log-odds log(p / (1 − p)).
@inline(__always)
func logit(_ p: Double) -> Double {
  Foundation.log(p / (1 - p))
}

extension Double {
  var exp: Double { Foundation.exp(self) }
  func power(_ y: Double) -> Double { Foundation.pow(self, y) }
}
