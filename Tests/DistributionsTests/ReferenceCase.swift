import Distributions
import Foundation
import StatsTestSupport

/// One reference value from `Reference/distributions.json`, written by
/// `scripts/reference/make_distributions_reference.py`: `expected` is the exact value (mpmath
/// at 50 digits) rounded to double, `scipy` what scipy 1.17.1 returns for the same case.
struct ReferenceCase: Decodable, Sendable, CustomStringConvertible {
  let function: String
  let args: [String]
  let expected: String
  let scipy: String

  var arguments: [Double] { args.map { Double($0)! } }
  var expectedValue: Double { Double(expected)! }
  var scipyValue: Double { Double(scipy)! }
  var description: String { "\(function)(\(args.joined(separator: ", ")))" }

  /// The Distributions module's value for this case.
  func observed() -> Double {
    let a = arguments
    func int(_ i: Int) -> Int { Int(a[i]) }
    switch function {
    case "normal.cdf": return Normal.cdf(a[0])
    case "normal.sf": return Normal.sf(a[0])
    case "normal.pdf": return Normal.pdf(a[0])
    case "normal.logPDF": return Normal.logPDF(a[0])
    case "normal.quantile": return Normal.quantile(a[0])
    case "normal.general.cdf": return Normal(mean: a[0], standardDeviation: a[1]).cdf(a[2])
    case "normal.general.sf": return Normal(mean: a[0], standardDeviation: a[1]).sf(a[2])
    case "gamma.logGamma": return Gamma.logGamma(a[0])
    case "gamma.P": return Gamma.regularizedGammaP(a[0], a[1])
    case "gamma.Q": return Gamma.regularizedGammaQ(a[0], a[1])
    case "gamma.inverseP": return Gamma.inverseRegularizedGammaP(a[0], a[1])
    case "gamma.inverseQ": return Gamma.inverseRegularizedGammaQ(a[0], a[1])
    case "chi2.cdf": return ChiSquared(degreesOfFreedom: a[0]).cdf(a[1])
    case "chi2.sf": return ChiSquared(degreesOfFreedom: a[0]).sf(a[1])
    case "chi2.quantile": return ChiSquared(degreesOfFreedom: a[0]).quantile(a[1])
    case "beta.logBeta": return Beta.logBeta(a[0], a[1])
    case "beta.I": return Beta.regularizedIncompleteBeta(a[0], a[1], a[2])
    case "beta.inverse": return Beta.inverseRegularizedIncompleteBeta(a[0], a[1], a[2])
    case "t.cdf": return StudentT(degreesOfFreedom: a[0]).cdf(a[1])
    case "t.sf": return StudentT(degreesOfFreedom: a[0]).sf(a[1])
    case "t.quantile": return StudentT(degreesOfFreedom: a[0]).quantile(a[1])
    case "f.cdf": return FisherF(d1: a[0], d2: a[1]).cdf(a[2])
    case "f.sf": return FisherF(d1: a[0], d2: a[1]).sf(a[2])
    case "poisson.pmf": return Poisson(mean: a[0]).pmf(int(1))
    case "poisson.logPMF": return Poisson(mean: a[0]).logPMF(int(1))
    case "poisson.cdf": return Poisson(mean: a[0]).cdf(int(1))
    case "poisson.sf": return Poisson(mean: a[0]).sf(int(1))
    case "binomial.pmf": return Binomial(trials: int(0), probability: a[1]).pmf(int(2))
    case "binomial.logPMF": return Binomial(trials: int(0), probability: a[1]).logPMF(int(2))
    case "binomial.cdf": return Binomial(trials: int(0), probability: a[1]).cdf(int(2))
    case "hypergeometric.pmf":
      return Hypergeometric(population: int(0), successes: int(1), draws: int(2)).pmf(int(3))
    case "hypergeometric.logPMF":
      return Hypergeometric(population: int(0), successes: int(1), draws: int(2)).logPMF(int(3))
    case "garwood.lower": return PoissonInterval.garwood(count: int(0), level: a[1]).lower
    case "garwood.upper": return PoissonInterval.garwood(count: int(0), level: a[1]).upper
    case "wilson.lower":
      return ProportionInterval.wilson(successes: int(0), trials: int(1), level: a[2]).lower
    case "wilson.upper":
      return ProportionInterval.wilson(successes: int(0), trials: int(1), level: a[2]).upper
    case "clopperPearson.lower":
      return ProportionInterval.clopperPearson(successes: int(0), trials: int(1), level: a[2])
        .lower
    case "clopperPearson.upper":
      return ProportionInterval.clopperPearson(successes: int(0), trials: int(1), level: a[2])
        .upper
    default: fatalError("unknown reference function \(function)")
    }
  }

  /// `|observed − expected| / |expected|` (absolute error when expected is 0).
  static func relativeError(_ observed: Double, _ expected: Double) -> Double {
    if observed == expected { return 0 }
    return expected == 0 ? abs(observed) : abs(observed - expected) / abs(expected)
  }
}

struct ReferenceFile: Decodable {
  let tools: [String: String]
  let cases: [ReferenceCase]

  static let shared: ReferenceFile = {
    let url = fixture("Reference/distributions.json")
    let data = try! Data(contentsOf: url)
    return try! JSONDecoder().decode(ReferenceFile.self, from: data)
  }()

  /// The function names in the file, in order of first appearance.
  static let functions: [String] = {
    var seen: [String] = []
    for c in shared.cases where !seen.contains(c.function) { seen.append(c.function) }
    return seen
  }()
}
