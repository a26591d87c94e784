import Analysis
import ArgumentParser
import Foundation
import Microdata
import Reporting
import Reports
import SyntheticCounty

/// `strata generate`: writes a synthetic county in the canonical format.
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a synthetic county (persons, population, suspects, suspicions, truth.json).",
    discussion: """
      The data-generating model and its true parameters are documented in datasets/README.md \
      and written to truth.json; the same seed gives byte-identical files.

      Example:
        strata generate --out county --persons 2000000 --seed 1
      """)

  @Option(help: "Directory to write the files into (created if needed).")
  var out: String

  @Option(parsing: .unconditional, help: "Number of residents aged 15 and over.")
  var persons: Int = 100_000

  @Option(parsing: .unconditional, help: "Random seed.")
  var seed: UInt64 = 1

  @Option(
    parsing: .unconditional,
    help: "Reference year of the population; suspects cover it and the next year.")
  var year: Int = 2016

  @Option(
    parsing: .unconditional,
    help:
      "Standard deviation of the intersectional stratum effects for every offence type (default: the model's own)."
  )
  var stratumSd: Double?

  func validate() throws {
    let most = CountyConfiguration.maximumPersons
    guard (1...most).contains(persons) else {
      throw ValidationError("--persons must be between 1 and \(most), not \(persons).")
    }
    let years = CountyConfiguration.referenceYears
    guard years.contains(year) else {
      throw ValidationError(
        "--year must be between \(years.lowerBound) and \(years.upperBound), not \(year).")
    }
    if let stratumSd, !(stratumSd >= 0) {
      throw ValidationError("--stratum-sd must be zero or positive.")
    }
  }

  func run() throws {
    var configuration = CountyConfiguration(persons: persons, seed: seed, referenceYear: year)
    if let stratumSd { configuration.setStratumStandardDeviation(stratumSd) }
    let generator = try CountyGenerator(configuration: configuration)
    let summary = try generator.write(to: URL(fileURLWithPath: out))
    let suspects = summary.suspects.reduce(0, +)
    progress(
      "wrote \(summary.files.joined(separator: ", ")) to \(out): \(summary.persons) persons, "
        + "\(summary.populationCells) population cells, \(suspects) suspects, "
        + "\(summary.suspicions) suspicions")
  }
}
