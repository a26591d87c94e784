import Foundation
import StatsTestSupport

@testable import SyntheticCounty

/// Counties shared by the tests, generated once per test run.
enum TestCounties {
  /// A 20 000-person county written to a temporary directory (seed 2016).
  static let smallDirectory: URL = {
    let directory = temporaryDirectory("county-small")
    let generator = try! CountyGenerator(
      configuration: CountyConfiguration(persons: 20_000, seed: 2016))
    try! generator.write(to: directory)
    return directory
  }()

  /// The same 20 000-person county in memory.
  static let small: County = {
    try! CountyGenerator(configuration: CountyConfiguration(persons: 20_000, seed: 2016)).generate()
  }()

  /// A 200 000-person county with the default parameters (seed 11), for statistical checks.
  static let large: County = {
    try! CountyGenerator(configuration: CountyConfiguration(persons: 200_000, seed: 11)).generate()
  }()
}

/// A parsed `;`-separated file: the header and the rows as arrays of fields.
struct ParsedCSV {
  let header: String
  let rows: [[String]]
  let text: String

  init(_ url: URL) throws {
    text = try String(contentsOf: url, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // The file ends with LF, which leaves one empty string after the last row.
    precondition(lines.last == "", "file does not end with a line feed")
    lines.removeLast()
    header = lines.removeFirst()
    rows = lines.map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
  }

  var columns: [String] { header.split(separator: ";").map(String.init) }
}

/// `Int(field)`, or `nil` for an empty field.
func optionalInt(_ field: String) -> Int? {
  field.isEmpty ? nil : Int(field)!
}

/// The terms whose dummy is 1 in a stratum's model-matrix row (dummy coding against man,
/// 15-17, forgymnasial, inrikes), named as `CountyModel.coefficients(for:)` names them.
func activeTerms(of stratum: Stratum) -> [String] {
  var terms = ["(Intercept)"]
  if stratum.sex == .woman { terms.append("kon: 2") }
  if stratum.ageGroup != .years15to17 {
    terms.append("aldersgrupp: \(stratum.ageGroup.rawValue)")
    if stratum.sex == .woman { terms.append("kon: 2 & aldersgrupp: \(stratum.ageGroup.rawValue)") }
  }
  if stratum.education != .compulsory {
    terms.append("utbildningsniva: \(stratum.education.rawValue)")
  }
  if stratum.birth == .foreign {
    terms.append("fodelse: utrikes")
    if stratum.sex == .woman { terms.append("kon: 2 & fodelse: utrikes") }
  }
  return terms
}
