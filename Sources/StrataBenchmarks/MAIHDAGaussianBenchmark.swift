import Foundation
import Microdata
import RegressionModels

/// Times a Gaussian MAIHDA after load: 33 000 persons with a numeric outcome in 384 strata
/// (kon 2 × aldersgrupp 8 × utbildning 4 × fodelse 6), with main effects, stratum effects
/// σ_u = 1.5 and σ_e = 4. One run tabulates the person rows into cell summaries
/// (`StratumData.tabulating`) and fits both models by REML (`MAIHDA.fit`). Target (release
/// build): median under 50 ms.
func runGaussianMAIHDABenchmark() {
  let sizes = [2, 8, 4, 6]
  let persons = 33_000
  var random = BenchmarkRandom(seed: 2025)
  let strataCount = sizes.reduce(1, *)
  let effects = (0..<strataCount).map { _ in 1.5 * random.normal() }
  var codes = sizes.map { _ in [Int32](repeating: 0, count: persons) }
  var outcome = [Double](repeating: 0, count: persons)
  for i in 0..<persons {
    var stratum = 0
    var mean = 40.0
    for (v, size) in sizes.enumerated() {
      let level = min(Int(random.uniform() * Double(size)), size - 1)
      codes[v][i] = Int32(level)
      stratum = stratum * size + level
      mean += Double(level) * 0.7 * (v % 2 == 0 ? 1 : -1)
    }
    outcome[i] = mean + effects[stratum] + 4 * random.normal()
  }
  let names = ["kon", "aldersgrupp", "utbildning", "fodelse"]
  let factors = zip(names, zip(sizes, codes)).map { name, pair in
    Factor(
      name: name,
      levels: (0..<pair.0).map {
        Factor.Level(code: "\($0 + 1)", sv: "\($0 + 1)", en: "\($0 + 1)")
      },
      codes: pair.1)
  }
  var times: [Double] = []
  var tabulation: [Double] = []
  var result: MAIHDAResult?
  for _ in 0..<31 {
    let start = DispatchTime.now().uptimeNanoseconds
    if let data = try? StratumData.tabulating(factors: factors, outcome: outcome, family: .gaussian)
    {
      tabulation.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      result = try? MAIHDA.fit(strata: data, family: .gaussian)
    }
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
  }
  times.sort()
  tabulation.sort()
  guard let result else {
    print("Gaussian MAIHDA: the fit failed")
    return
  }
  print(
    "Gaussian MAIHDA, \(strataCount) strata, \(persons) persons (tabulation + REML fits): median "
      + "\(String(format: "%.1f", times[times.count / 2])) ms (min \(String(format: "%.1f", times[0])) ms; "
      + "tabulation alone \(String(format: "%.1f", tabulation[tabulation.count / 2])) ms); "
      + "VPC null \(String(format: "%.4f", result.nullSummary.randomIntercept.vpc)), PCV "
      + "\(String(format: "%.3f", result.pcv ?? .nan))")
}
