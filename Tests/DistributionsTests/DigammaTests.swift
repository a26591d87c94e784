import Distributions
import Foundation
import StatsTestSupport
import Testing

/// ψ and ψ′ at values known in closed form, and the recurrences across the series' cut-off.
@Suite("Digamma and trigamma")
struct DigammaTests {
  static let euler = 0.577_215_664_901_532_860_6

  @Test("Closed forms: ψ(1) = −γ, ψ(½) = −γ − 2 log 2, ψ′(1) = π²/6, ψ′(½) = π²/2")
  func closedForms() {
    expectApproximatelyEqual(Digamma.digamma(1), -Self.euler, relative: 1e-14, "ψ(1)")
    expectApproximatelyEqual(
      Digamma.digamma(0.5), -Self.euler - 2 * log(2.0), relative: 1e-14, "ψ(½)")
    expectApproximatelyEqual(
      Digamma.trigamma(1), Double.pi * Double.pi / 6, relative: 1e-14, "ψ′(1)")
    expectApproximatelyEqual(
      Digamma.trigamma(0.5), Double.pi * Double.pi / 2, relative: 1e-14, "ψ′(½)")
    // ψ(n) = −γ + Σ_{k<n} 1/k (harmonic numbers), across the switch to the series at 10.
    var harmonic = 0.0
    for n in 1...40 {
      expectApproximatelyEqual(
        Digamma.digamma(Double(n)), -Self.euler + harmonic, relative: 1e-14, "ψ(\(n))")
      harmonic += 1 / Double(n)
    }
  }

  @Test("Recurrences ψ(x + 1) = ψ(x) + 1/x and ψ′(x + 1) = ψ′(x) − 1/x² at non-integers")
  func recurrences() {
    for x in [0.013, 0.37, 2.9, 9.5, 9.99, 10.01, 123.4, 1e6] {
      expectApproximatelyEqual(
        Digamma.digamma(x + 1), Digamma.digamma(x) + 1 / x, relative: 1e-13, absolute: 1e-15,
        "ψ at \(x)")
      expectApproximatelyEqual(
        Digamma.trigamma(x + 1), Digamma.trigamma(x) - 1 / (x * x), relative: 1e-12,
        "ψ′ at \(x)")
    }
    #expect(Digamma.digamma(0).isNaN && Digamma.trigamma(-1).isNaN)
  }
}
