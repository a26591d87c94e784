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

  @Option(help: "Number of residents aged 15 and over.")
  var persons: Int = 100_000

  @Option(help: "Random seed.")
  var seed: UInt64 = 1

  @Option(help: "Reference year of the population; suspects cover it and the next year.")
  var year: Int = 2016

  @Option(
    help:
      "Standard deviation of the intersectional stratum effects for every offence type (default: the model's own)."
  )
  var stratumSd: Double?

  func validate() throws {
    guard persons > 0 else { throw ValidationError("--persons must be positive.") }
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
