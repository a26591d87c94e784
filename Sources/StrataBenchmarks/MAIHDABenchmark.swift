import Foundation
import Microdata
import RegressionModels

/// Times `MAIHDA.fit` (null and main-effects models, profile intervals, AUCs, stratum table) on
/// two synthetic counties built directly as grouped data:
///
/// - 112 strata (kon 2 × aldersgrupp 7 × utbildningsniva 4 × fodelse 2), 2 million persons;
/// - 392 strata (kon 2 × aldersgrupp 7 × utbildning 7 × fodelseregion 4), 10 million persons;
///
/// each with main effects, stratum effects σ_u = 0.35 and about 0.15 % cases. Targets (release
/// build): ≤ 50 ms for 112 strata, ≤ 1 s for ≈ 400 strata; lme4::glmer takes ≈ 0.4 s for the
/// 112-stratum pair.
func runMAIHDABenchmark() {
  let counties: [(String, [Int], Int)] = [
    ("112 strata, 2 M persons", [2, 7, 4, 2], 2_000_000),
    ("392 strata, 10 M persons", [2, 7, 7, 4], 10_000_000),
  ]
  for (label, sizes, persons) in counties {
    let data = MAIHDABenchmarkCounty.make(levelCounts: sizes, persons: persons, seed: 2024)
    for (nAGQ, profile) in [(1, true), (1, false), (10, true)] {
      let options = MixedModelOptions(nAGQ: nAGQ, profileInterval: profile)
      var times: [Double] = []
      var result: MAIHDAResult?
      for _ in 0..<(nAGQ == 1 ? 21 : 7) {
        let start = DispatchTime.now().uptimeNanoseconds
        result = try? MAIHDA.fit(strata: data, options: options)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      }
      times.sort()
      guard let result else {
        print("MAIHDA \(label), nAGQ \(nAGQ): the fit failed")
        continue
      }
      let median = times[times.count / 2]
      let vpc = result.nullSummary.randomIntercept.vpc
      print(
        "MAIHDA \(label), nAGQ \(nAGQ)\(profile ? "" : ", no profile intervals"): median \(String(format: "%.1f", median)) ms "
          + "(min \(String(format: "%.1f", times[0])) ms); VPC null \(String(format: "%.4f", vpc)), "
          + "PCV \(String(format: "%.3f", result.pcv ?? .nan)), Newton iterations "
          + "\(result.nullModel.iterations) + \(result.mainEffectsModel.iterations)")
    }
  }
}

/// A synthetic grouped county for the benchmark (SplitMix64, Box–Muller; cases by a normal
/// approximation to the binomial, which is immaterial for timing).
enum MAIHDABenchmarkCounty {
  static func make(levelCounts: [Int], persons: Int, seed: UInt64) -> StratumData {
    var random = BenchmarkRandom(seed: seed)
    let variables = levelCounts.enumerated().map { v, count in
      StratumData.Variable(
        name: ["kon", "alder", "utbildning", "fodelse"][v],
        levels: (0..<count).map { Factor.Level(code: "\($0 + 1)", sv: "", en: "") })
    }
    let effects = levelCounts.map { count in (0..<count).map { $0 == 0 ? 0 : 0.6 * random.normal() }
    }
    let total = levelCounts.reduce(1, *)
    var cells: [[Int]] = []
    for cell in 0..<total {
      var rest = cell
      var levels = [Int](repeating: 0, count: levelCounts.count)
      for v in stride(from: levelCounts.count - 1, through: 0, by: -1) {
        levels[v] = rest % levelCounts[v]
        rest /= levelCounts[v]
      }
      cells.append(levels)
    }
    let shares = cells.map { _ in exp(0.8 * random.normal()) }
    let shareTotal = shares.reduce(0, +)
    let strata = cells.indices.map { j -> StratumData.Stratum in
      let n = max(1, Int((Double(persons) * shares[j] / shareTotal).rounded()))
      var eta = -6.5 + 0.35 * random.normal()
      for (v, level) in cells[j].enumerated() { eta += effects[v][level] }
      let p = 1 / (1 + exp(-eta))
      let mean = Double(n) * p
      let draw = (mean + (mean * (1 - p)).squareRoot() * random.normal()).rounded()
      return StratumData.Stratum(
        levels: cells[j], persons: n, cases: Int(min(max(draw, 0), Double(n))))
    }
    return try! StratumData(variables: variables, strata: strata)
  }
}
