import Foundation
import StatsTestSupport

/// The reference values written by `scripts/reference/make_tabulation_reference.R` (R 4.2.2,
/// survival 3.5-3; see the JSON's `r_version` and `survival_version`).
struct ReferenceValues: Decodable {
  let rVersion: String
  let survivalVersion: String
  let crosstab: CrossTabReference
  let association: [AssociationReference]
  let fisher: [FisherReference]
  let rates: [RateReference]
  let rateRatios: [RateRatioReference]
  let wilson: [WilsonReference]
  let standardisation: StandardisationReference
  let repeatOffending: RepeatOffendingReference
  let recidivism: RecidivismReference

  struct CrossTabReference: Decodable {
    let variables: [String]
    let shape: [Int]
    let codes: [String: [Int32]]
    let weights: [Int]
    let counts: [Double]
    let weightedCounts: [Double]
    let total: Double
    let weightedTotal: Double
    let margins: [MarginReference]
    let excludedRows: Int
    let missing: [String: Int]
    let outside: [String: Int]
  }
  struct MarginReference: Decodable {
    let kept: [Int]
    let counts: [Double]
    let weighted: [Double]
  }
  struct AssociationReference: Decodable {
    let name: String
    let inputRows: Int
    let inputCols: Int
    let inputCounts: [Double]
    let rows: Int
    let cols: Int
    let chi2: Double
    let df: Int
    let pValue: Double
    let g2: Double
    let g2PValue: Double
    let cramersV: Double
    let expected: [Double]
    let stdres: [Double]
  }
  struct FisherReference: Decodable {
    let counts: [Double]
    let pValue: Double
    let estimateFisherTest: Double?
    let confIntFisherTest: [Double?]
    let estimate: Double?
    let confInt: [Double?]
  }
  struct RateReference: Decodable {
    let count: Double
    let population: Double
    let per: Double
    let rate: Double
    let ci: [Double]
    let poissonTestCi: [Double]
    let ci90: [Double]
  }
  struct RateRatioReference: Decodable {
    let x1: Double
    let t1: Double
    let x2: Double
    let t2: Double
    let estimate: Double?
    let confInt: [Double?]
    let pValue: Double
    let waldCi: [Double]?
  }
  struct WilsonReference: Decodable {
    let x: Double
    let n: Double
    let estimate: Double
    let ci: [Double]
    let ci90: [Double]
  }
  struct StandardisationReference: Decodable {
    let counts: [Double]
    let populations: [Double]
    let per: Double
    let explicitStandard: [Double]
    let studyPopulation: [[String: Double]]
    let explicit: [[String: Double]]
    let zeroGroupUpper: Double
  }
  struct RepeatOffendingReference: Decodable {
    let group: [Int32]
    let kon: [Int32]
    let antal: [Int]
    let cells: [RepeatCell]
    let total: RepeatCell
  }
  struct RepeatCell: Decodable {
    let group: Int?
    let kon: Int?
    let persons: Int
    let repeaters: Int
    let share: Double
    let ci: [Double]
  }
  struct RecidivismReference: Decodable {
    let endDay: Int
    let person: [Int]
    let day: [Int]
    let group: [Int32]
    let analyses: [RecidivismAnalysis]
  }
  struct RecidivismAnalysis: Decodable {
    let index: String
    let window: Int
    let groups: [RecidivismGroup]
  }
  struct RecidivismGroup: Decodable {
    let group: Int?
    let indexEvents: Int
    let persons: Int
    let recidivists: Int
    let rate: Double
    let rateCi: [Double]
    let km: Double
    let kmCi: [Double]
    let censored: Int
    let kmStdErr: Double
  }

  /// The committed reference file, decoded once.
  static let shared: ReferenceValues = {
    let url = fixture("Reference/tabulation_reference.json")
    do {
      let data = try Data(contentsOf: url)
      let decoder = JSONDecoder()
      decoder.keyDecodingStrategy = .convertFromSnakeCase
      return try decoder.decode(ReferenceValues.self, from: data)
    } catch {
      fatalError("cannot read \(url.path): \(error)")
    }
  }()
}
