import Foundation
import StatsTestSupport
import Testing

@testable import RegressionModels

/// The grouped DeLong AUC against pROC (expanded 0/1 data, from the reference script) and
/// against a brute-force Mann–Whitney/DeLong computation over persons.
@Suite("Grouped AUC (DeLong)")
struct MAIHDAAUCTests {
  @Test(
    "pROC's auc and ci.auc(method = \"delong\") on the expanded data",
    arguments: ["small", "county"])
  func againstPROC(dataset: String) throws {
    let reference = try MAIHDAReference.load(dataset)
    for model in ["null", "main"] {
      let fit = model == "null" ? reference.fits["laplace"]!.null : reference.fits["laplace"]!.main
      let expected = reference.aucLaplace![model]!
      let auc = try GroupedAUC(scores: fit.fitted, cases: reference.cases, trials: reference.trials)
      expectApproximatelyEqual(auc.auc, expected.auc, relative: 1e-12, "\(dataset) \(model) AUC")
      expectApproximatelyEqual(
        auc.standardError.map { $0 * $0 }, expected.var, relative: 1e-9, "\(dataset) \(model) var")
      let ci = try #require(auc.interval)
      expectApproximatelyEqual(
        [ci.lowerBound, ci.upperBound], expected.ci, relative: 1e-9, "\(dataset) \(model) CI")
    }
  }

  /// Mann–Whitney with ½ for ties and DeLong's variance over the persons themselves.
  static func bruteForce(scores: [Double], cases: [Int], trials: [Int]) -> (
    auc: Double, variance: Double
  ) {
    var caseScores: [Double] = []
    var controlScores: [Double] = []
    for j in scores.indices {
      caseScores += Array(repeating: scores[j], count: cases[j])
      controlScores += Array(repeating: scores[j], count: trials[j] - cases[j])
    }
    func psi(_ a: Double, _ b: Double) -> Double { a > b ? 1 : (a == b ? 0.5 : 0) }
    let m = Double(caseScores.count)
    let k = Double(controlScores.count)
    let v10 = caseScores.map { c in controlScores.reduce(0) { $0 + psi(c, $1) } / k }
    let v01 = controlScores.map { l in caseScores.reduce(0) { $0 + psi($1, l) } / m }
    let auc = v10.reduce(0, +) / m
    let s10 = v10.reduce(0) { $0 + ($1 - auc) * ($1 - auc) } / (m - 1)
    let s01 = v01.reduce(0) { $0 + ($1 - auc) * ($1 - auc) } / (k - 1)
    return (auc, s10 / m + s01 / k)
  }

  @Test("equals the person-level computation, with ties within and between strata")
  func bruteForceWithTies() throws {
    var generator = MAIHDATestGenerator(seed: 2024)
    for _ in 0..<20 {
      let strata = Int(generator.next() % 15) + 2
      // Scores from a small set, so that strata tie.
      let scores = (0..<strata).map { _ in Double(generator.next() % 6) / 10 }
      let trials = (0..<strata).map { _ in Int(generator.next() % 40) + 1 }
      var cases = trials.map { Int(generator.next() % UInt64($0 + 1)) }
      if cases.reduce(0, +) < 2 {
        cases[0] = min(2, trials[0])
        cases[1] = min(1, trials[1])
      }
      if zip(trials, cases).allSatisfy({ $0 == $1 }) { cases[0] = 0 }
      let expected = Self.bruteForce(scores: scores, cases: cases, trials: trials)
      let auc = try GroupedAUC(scores: scores, cases: cases, trials: trials)
      expectApproximatelyEqual(auc.auc, expected.auc, relative: 1e-13, absolute: 1e-15, "AUC")
      if let se = auc.standardError {
        expectApproximatelyEqual(
          se * se, expected.variance, relative: 1e-11, absolute: 1e-15, "variance")
      }
    }
  }

  @Test("constant scores give ½; perfect separation gives 1; one case has no interval")
  func edges() throws {
    let flat = try GroupedAUC(scores: [0.3, 0.3, 0.3], cases: [1, 2, 3], trials: [10, 10, 10])
    #expect(flat.auc == 0.5)
    #expect(flat.standardError == 0)
    let perfect = try GroupedAUC(scores: [0.1, 0.9], cases: [0, 5], trials: [10, 5])
    #expect(perfect.auc == 1)
    #expect(perfect.interval == 1...1)
    let single = try GroupedAUC(scores: [0.1, 0.9], cases: [0, 1], trials: [10, 5])
    #expect(single.interval == nil)
    #expect(throws: ModelError.constantOutcome(value: 0)) {
      try GroupedAUC(scores: [0.1, 0.2], cases: [0, 0], trials: [3, 4])
    }
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast, seedable generator for reproducible
/// test data.
struct MAIHDATestGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
