import Foundation
import LinearAlgebra

/// A Gauss–Hermite quadrature rule for the standard normal density, computed by the
/// Golub–Welsch algorithm.
///
/// ```
/// ∫ g(z) φ(z) dz ≈ Σₖ wₖ g(zₖ),   φ(z) = exp(−z²/2)/√(2π),   Σₖ wₖ = 1
/// ```
/// The nodes are the eigenvalues of the symmetric tridiagonal Jacobi matrix of the probabilists'
/// Hermite polynomials (zero diagonal, off-diagonal √1, √2, …, √(K−1)); each weight is the squared
/// first component of the normalised eigenvector. The rule is exact for polynomials of degree
/// ≤ 2K − 1. This is the rule lme4's `GHrule()` returns (its columns `z` and `w`).
///
/// Golub, G. H. & Welsch, J. H. (1969). Calculation of Gauss quadrature rules.
/// *Mathematics of Computation* 23, 221–230. https://doi.org/10.1090/S0025-5718-69-99647-1
struct GaussHermiteRule: Sendable, Equatable {
  /// Nodes zₖ in ascending order, symmetric about 0 (the middle node of an odd rule is exactly 0).
  let nodes: [Double]
  /// Weights wₖ for the N(0, 1) density; they sum to 1.
  let weights: [Double]

  /// The K-point rule, K ≥ 1 (K = 1 is the single node 0 with weight 1: the Laplace
  /// approximation).
  init(order: Int) throws(LinearAlgebraError) {
    precondition(order >= 1, "a quadrature rule needs at least one node")
    if order == 1 {
      nodes = [0]
      weights = [1]
      return
    }
    var jacobi = Matrix(rows: order, columns: order)
    for k in 1..<order {
      let offDiagonal = Double(k).squareRoot()
      jacobi[k, k - 1] = offDiagonal
      jacobi[k - 1, k] = offDiagonal
    }
    let eigen = try SymmetricEigendecomposition(jacobi)
    var z = eigen.values
    var w = (0..<order).map { eigen.vectors[0, $0] * eigen.vectors[0, $0] }
    // Impose the exact symmetry of the rule: average mirrored pairs, and renormalise so that the
    // weights sum to exactly 1 (eigenvector rounding leaves ~1e-16 asymmetry).
    for k in 0..<(order / 2) {
      let mirror = order - 1 - k
      let node = (z[mirror] - z[k]) / 2
      let weight = (w[k] + w[mirror]) / 2
      (z[k], z[mirror]) = (-node, node)
      (w[k], w[mirror]) = (weight, weight)
    }
    if order % 2 == 1 { z[order / 2] = 0 }
    let total = w.reduce(0, +)
    nodes = z
    weights = w.map { $0 / total }
  }
}
