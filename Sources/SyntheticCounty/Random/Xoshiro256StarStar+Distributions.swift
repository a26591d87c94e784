// Samplers for the distributions the county model uses, written here so that the stream of
// numbers depends on nothing but the seed.
//
// Sources: uniform doubles from the top 53 bits (Vigna's recommendation); the normal by the
// Box–Muller transform (Box & Muller 1958, doi:10.1214/aoms/1177706645); the gamma by
// Marsaglia & Tsang (2000), doi:10.1145/358407.358414, with the u^(1/a) boost for a < 1;
// the Poisson by sequential inversion for λ < 10 and by Hörmann's transformed rejection PTRS
// for λ ≥ 10 (Hörmann 1993, Insurance: Mathematics and Economics 12(1), 39–45,
// doi:10.1016/0167-6687(93)90997-4), the same split numpy uses.

import Foundation

extension Xoshiro256StarStar {
  /// A uniform double in [0, 1): the top 53 bits of one draw times 2⁻⁵³.
  @inline(__always)
  mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform double in the open interval (0, 1), safe to take the logarithm of.
  @inline(__always)
  mutating func openUniform() -> Double {
    (Double(next() >> 11) + 0.5) * 0x1.0p-53
  }

  /// `true` with probability `p` (one uniform draw).
  @inline(__always)
  mutating func bernoulli(_ p: Double) -> Bool {
    uniform() < p
  }

  /// A uniform integer in `range` (Lemire's multiply-shift without rejection bias beyond
  /// 2⁻⁶⁴ · count, which is immaterial for ranges of a few thousand days).
  @inline(__always)
  mutating func integer(in range: ClosedRange<Int>) -> Int {
    let count = UInt64(range.upperBound - range.lowerBound + 1)
    let product = next().multipliedFullWidth(by: count)
    return range.lowerBound + Int(product.high)
  }

  /// A standard normal deviate by the Box–Muller transform (one of the pair; two draws).
  ///
  /// ```
  /// z = √(−2 ln u₁) · cos(2π u₂),   u₁ ∈ (0, 1), u₂ ∈ [0, 1)
  /// ```
  mutating func normal() -> Double {
    let u1 = openUniform()
    let u2 = uniform()
    return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
  }

  /// A Gamma(shape, 1) deviate by Marsaglia and Tsang's squeeze method.
  ///
  /// ```
  /// d = a − 1/3,  c = 1/√(9d);  repeat x ~ N(0,1), v = (1 + c x)³, u ~ U(0,1)
  /// until ln u < x²/2 + d(1 − v + ln v);  return d·v        (a ≥ 1)
  /// Gamma(a) = Gamma(a + 1) · u^(1/a)                          (a < 1)
  /// ```
  mutating func gamma(shape: Double) -> Double {
    precondition(shape > 0, "gamma shape must be positive")
    if shape < 1 {
      let boosted = gamma(shape: shape + 1)
      return boosted * Foundation.pow(openUniform(), 1 / shape)
    }
    let d = shape - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x: Double
      var v: Double
      repeat {
        x = normal()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = openUniform()
      let x2 = x * x
      if u < 1 - 0.0331 * x2 * x2 { return d * v }
      if Foundation.log(u) < 0.5 * x2 + d * (1 - v + Foundation.log(v)) { return d * v }
    }
  }

  /// A Poisson(λ) deviate: sequential inversion for λ < 10, PTRS for λ ≥ 10.
  mutating func poisson(mean lambda: Double) -> Int {
    precondition(lambda >= 0 && lambda.isFinite, "Poisson mean must be finite and non-negative")
    if lambda == 0 { return 0 }
    if lambda < 10 {
      // Inversion: walk the cumulative distribution from 0.
      var k = 0
      var probability = Foundation.exp(-lambda)
      var cumulative = probability
      let u = uniform()
      while u > cumulative {
        k += 1
        probability *= lambda / Double(k)
        cumulative += probability
        if probability < 1e-300 { break }  // u beyond the representable tail
      }
      return k
    }
    let slam = lambda.squareRoot()
    let logLambda = Foundation.log(lambda)
    let b = 0.931 + 2.53 * slam
    let a = -0.059 + 0.02483 * b
    let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
    let vr = 0.9277 - 3.6224 / (b - 2)
    while true {
      let u = uniform() - 0.5
      let v = uniform()
      let us = 0.5 - abs(u)
      let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
      if us >= 0.07 && v <= vr { return Int(k) }
      if k < 0 || (us < 0.013 && v > us) { continue }
      let left =
        Foundation.log(v) + Foundation.log(inverseAlpha) - Foundation.log(a / (us * us) + b)
      let right = -lambda + k * logLambda - Foundation.lgamma(k + 1)
      if left <= right { return Int(k) }
    }
  }

  /// A negative binomial deviate with the given mean and shape (size) k, drawn as a
  /// gamma–Poisson mixture.
  ///
  /// ```
  /// G ~ Gamma(k, 1)/k,  X | G ~ Poisson(μ G)  ⇒  E X = μ,  Var X = μ + μ²/k
  /// ```
  /// An infinite shape gives the Poisson distribution.
  mutating func negativeBinomial(mean: Double, shape: Double) -> Int {
    if mean == 0 { return 0 }
    if shape.isInfinite { return poisson(mean: mean) }
    return poisson(mean: mean * gamma(shape: shape) / shape)
  }
}
