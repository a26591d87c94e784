import Foundation
import LinearAlgebra
import Microdata
import StatsTestSupport

@testable import RegressionModels

/// One `Reference/maihda_*.json` file written by `scripts/reference/make_maihda_reference.R`
/// (R + lme4::glmer; versions in the file's `versions`).
struct MAIHDAReference: Decodable {
  struct Variable: Decodable {
    let name: String
    let levels: [String]
  }

  /// One glmer fit (`extract_fit` in the R script).
  struct Fit: Decodable {
    let nAGQ: Int
    let terms: [String]
    let beta: [Double]
    let theta: Double
    let sigma2: Double
    let vpc: Double
    let mor: Double
    let logLik: Double
    let devianceObjective: Double
    let singular: Bool
    let polishedTheta: Double
    let polishedBeta: [Double]
    let polishedDeviance: Double
    let seVcov: [Double]
    let seHessian: [Double]
    let sePrecise: [Double]
    let groupedDevianceAtPolished: Double
    let thetaProfileCi: [Double]
    let thetaProfileCiLme4: [Double?]
    let ranef: [Double]
    let condVar: [Double]
    let fitted: [Double]
    let pevLinearPredictor: [Double]
  }

  struct Models: Decodable {
    let null: Fit
    let main: Fit
  }

  struct AUC: Decodable {
    let auc: Double
    let ci: [Double]
    let `var`: Double
  }

  struct BinaryFit: Decodable {
    let logLik: Double
    let theta: Double
    let beta: [Double]
  }

  struct Rule: Decodable {
    let order: Int
    let nodes: [Double]
    let weights: [Double]
  }

  let versions: [String: String]
  let variables: [Variable]
  let strata: [[String: StringOrNumber]]
  let saturatedLoglik: Double
  let lchooseSum: Double
  let fits: [String: Models]
  let aucLaplace: [String: AUC]?
  let binary: [String: [String: BinaryFit]]?
  let gaussHermite: [Rule]?
  let glmMainBeta: [Double]?
  let glmMainSe: [Double]?
  let glmMainLoglik: Double?
  let glmerSecondsDefaultControl: Double?

  /// A JSON value that is a string (a level code) or a number (n, cases).
  enum StringOrNumber: Decodable {
    case string(String)
    case number(Double)

    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let s = try? container.decode(String.self) {
        self = .string(s)
      } else {
        self = .number(try container.decode(Double.self))
      }
    }

    var number: Double? { if case .number(let x) = self { x } else { nil } }
    var string: String? { if case .string(let s) = self { s } else { nil } }
  }

  static func load(_ name: String) throws -> MAIHDAReference {
    let data = try Data(contentsOf: fixture("Reference/maihda_\(name).json"))
    let decoder = JSONDecoder()
    // The R script writes snake_case; variable names (dictionary keys) have no underscores.
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(MAIHDAReference.self, from: data)
  }

  var cases: [Int] { strata.map { Int($0["cases"]!.number!) } }
  var trials: [Int] { strata.map { Int($0["n"]!.number!) } }

  /// The strata as `StratumData` (levels' codes as in R).
  func stratumData() throws -> StratumData {
    let vars = variables.map { v in
      StratumData.Variable(
        name: v.name, levels: v.levels.map { Factor.Level(code: $0, sv: $0, en: $0) })
    }
    let rows = try strata.map { row in
      StratumData.Stratum(
        levels: try variables.map { v in
          guard let index = v.levels.firstIndex(of: row[v.name]!.string!) else {
            throw CocoaError(.coderInvalidValue)
          }
          return index
        },
        persons: Int(row["n"]!.number!), cases: Int(row["cases"]!.number!))
    }
    return try StratumData(variables: vars, strata: rows)
  }

  /// lme4's coefficient name (`kon2`) for ours (`kon: 2`).
  static func lme4Name(_ name: String) -> String {
    name.replacingOccurrences(of: ": ", with: "")
  }
}
