import Foundation
import Microdata
import RegressionModels

/// The logistic-regression benchmark: an individual-level fit of n = 2 000 000 persons with 13
/// coefficients (kön × födelse + 7 age groups + 4 education levels), as R's
/// `glm(y ~ kon * fodelse + aldersgrupp + utbildning, binomial)` (≈ 13.5 s on 2 cores).
///
/// Times (wall clock, data already in memory): the fit with automatic collapsing to covariate
/// patterns, the fit on the rows with collapsing disabled (IRLS passes summed by cells of the
/// factors, see `CellDesign`), and the fit on the dense model matrix (blocked XᵀWX).
/// Set `STRATA_GLM_ROWS` to change n.
func runGLMBenchmark() {
  let n = ProcessInfo.processInfo.environment["STRATA_GLM_ROWS"].flatMap(Int.init) ?? 2_000_000
  let data = BenchmarkPersons(count: n, seed: 20_240_601)
  let formula = try! Formula("y ~ kon * fodelse + aldersgrupp + utbildning")
  print("GLM benchmark: n = \(n), 13 coefficients")

  func time(_ label: String, repeats: Int = 3, _ body: () throws -> GLMFit) {
    var best = Double.infinity
    var fit: GLMFit?
    for _ in 0..<repeats {
      let start = DispatchTime.now().uptimeNanoseconds
      fit = try! body()
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let f = fit!
    print(
      String(
        format: "  %@: %.3f s (best of %d), %d iterations, deviance %.6f, %@", label, best, repeats,
        f.iterations, f.deviance, f.diagnostics.collapsedPatterns.map { "\($0) patterns" } ?? "rows"
      ))
  }
  var options = GLMOptions()
  options.separationCheck = .never
  time("formula → fit, collapsed (automatic)") {
    try GLM.fit(formula: formula, data: data, options: options)
  }
  options.collapse = false
  time("formula → fit, rows, Cholesky (collapsing off)") {
    try GLM.fit(formula: formula, data: data, options: options)
  }

  // The stages of the row-level path.
  func stage<T>(_ label: String, _ body: () throws -> T) -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try! body()
    print(
      String(
        format: "    %@: %.1f ms", label, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
      ))
    return value
  }
  let schema = stage("schema") { try ModelSchema(formula: formula, data: data) }
  let frame = stage("frame") { try ModelFrame(schema: schema, data: data) }
  let matrix = stage("model matrix (n × 13)") { ModelMatrix(frame: frame) }
  _ = stage("IRLS on the matrix") { try GLM.fit(x: matrix.x, y: frame.y, options: options) }
  options.factorization = .qr
  time("formula → fit, rows, QR (collapsing off)", repeats: 1) {
    try GLM.fit(formula: formula, data: data, options: options)
  }

  // The count families on the same rows (y is a count of 0 or 1).
  var counts = GLMOptions()
  counts.separationCheck = .never
  counts.family = .poisson
  time("Poisson, formula → fit") { try GLM.fit(formula: formula, data: data, options: counts) }
  counts.family = .negativeBinomial
  time("negative binomial, formula → fit", repeats: 1) {
    try GLM.fit(formula: formula, data: data, options: counts)
  }
}

/// Synthetic persons with a logistic outcome, for the benchmark.
private struct BenchmarkPersons: VariableSource {
  let rowCount: Int
  let factors: [String: Factor]
  let y: [Double]

  init(count n: Int, seed: UInt64) {
    var state = seed
    func next() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
    func factor(_ name: String, _ codes: [String], _ values: [Int32]) -> Factor {
      Factor(
        name: name, levels: codes.map { Factor.Level(code: $0, sv: $0, en: $0) }, codes: values)
    }
    var kon = [Int32](repeating: 0, count: n)
    var fodelse = [Int32](repeating: 0, count: n)
    var age = [Int32](repeating: 0, count: n)
    var education = [Int32](repeating: 0, count: n)
    var y = [Double](repeating: 0, count: n)
    let ageEffect = [0.4, 0.7, 0.3, 0.0, -0.4, -0.9, -1.6]
    let educationEffect = [0.5, 0.2, -0.3, 0.1]
    for i in 0..<n {
      kon[i] = next() < 0.5 ? 0 : 1
      fodelse[i] = next() < 0.8 ? 0 : 1
      age[i] = Int32(next() * 7)
      education[i] = Int32(next() * 4)
      let eta =
        -4 + 1.5 * Double(1 - kon[i]) + 0.6 * Double(fodelse[i]) + 0.2
        * Double(fodelse[i] * (1 - kon[i]))
        + ageEffect[Int(age[i])] + educationEffect[Int(education[i])]
      y[i] = next() < 1 / (1 + exp(-eta)) ? 1 : 0
    }
    rowCount = n
    self.y = y
    factors = [
      "kon": factor("kon", ["1", "2"], kon),
      "fodelse": factor("fodelse", ["inrikes", "utrikes"], fodelse),
      "aldersgrupp": factor(
        "aldersgrupp", ["15-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"], age),
      "utbildning": factor(
        "utbildning", ["forgymnasial", "gymnasial", "eftergymnasial", "saknas"], education),
    ]
  }

  var variableNames: [String] { Array(factors.keys) + ["y"] }
  func hasVariable(_ name: String) -> Bool { factors[name] != nil || name == "y" }
  func isCategorical(_ name: String) -> Bool { factors[name] != nil }
  func factor(_ name: String) throws -> Factor { factors[name]! }
  func numeric(_ name: String) throws -> [Double] { y }
}
