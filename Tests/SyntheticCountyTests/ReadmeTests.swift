import Foundation
import StatsTestSupport
import Testing

@testable import SyntheticCounty

/// datasets/README.md documents the true parameters and the shipped sample; these tests keep it
/// in step with the code. Values in the README are rounded to four decimals.
@Suite struct ReadmeTests {
  static let readme: String = {
    let url = projectRoot().appendingPathComponent("datasets/README.md")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  /// The table rows of the README as arrays of trimmed cells (backticks removed).
  static let rows: [[String]] = readme.split(separator: "\n").filter { $0.hasPrefix("| ") }.map {
    line in
    line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map {
      $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "")
    }
  }

  /// The numeric cells of the row whose first cell is `label`.
  func values(_ label: String) -> [Double]? {
    Self.rows.first { $0.first == label }.map { $0.dropFirst().compactMap(Double.init) }
  }

  func check(
    _ label: String, _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let documented = values(label) else {
      Issue.record("README has no row \(label)", sourceLocation: sourceLocation)
      return
    }
    #expect(documented.count == expected.count, "\(label)", sourceLocation: sourceLocation)
    for (d, e) in zip(documented, expected) {
      expectApproximatelyEqual(
        d, e, relative: 0, absolute: 5e-5, "README row \(label)", sourceLocation: sourceLocation)
    }
  }

  @Test func coefficientTableMatchesTheDefaults() throws {
    #expect(!Self.readme.isEmpty)
    let model = try CountyModel(configuration: CountyConfiguration())
    let types = OffenceType.allCases
    for (i, term) in model.coefficients(for: .partnerViolence).map(\.term).enumerated() {
      check(term, types.map { model.coefficients(for: $0)[i].value })
    }
    check(
      "σ (stratumStandardDeviation)",
      types.map { model.parameters(for: $0).stratumStandardDeviation })
    check("σ²", types.map { model.variancePartition(for: $0).sigma2 })
    check("VPC = σ²/(σ²+π²/3)", types.map { model.variancePartition(for: $0).vpc })
    check(
      "interaction variance", types.map { model.variancePartition(for: $0).interactionVariance })
    check(
      "main-effects-model VPC", types.map { model.variancePartition(for: $0).mainEffectsModelVPC })
  }

  @Test func repetitionAndRecidivismTableMatchesTheDefaults() {
    let p = OffenceType.allCases.map(OffenceParameters.defaults(for:))
    check("repetition α₀ (log μ, man 15-17)", p.map(\.repetition.intercept))
    check("repetition α kvinna", p.map(\.repetition.woman))
    check("repetition shape k", p.map(\.repetition.shape))
    check("recidivism ρ₀ (logit, man 15-17, n = 1)", p.map(\.recidivism.intercept))
    check("recidivism ρ kvinna", p.map(\.recidivism.woman))
    check("recidivism ρ upprepad (n ≥ 2)", p.map(\.recidivism.repeated))
    check("recidivism λ (further follow-up suspicions)", p.map(\.recidivism.additionalMean))
    for group in AgeGroup.allCases.dropFirst() {
      check("repetition α \(group.rawValue)", p.map { $0.repetition.ageGroup[group] })
      check("recidivism ρ \(group.rawValue)", p.map { $0.recidivism.ageGroup[group] })
    }
  }

  @Test func demographyTablesMatchTheDefaults() {
    let d = Demography.stockholm2016
    for band in d.ageBands {
      let label = band.lowest == band.highest ? "\(band.lowest)" : "\(band.lowest)–\(band.highest)"
      check(label, [band.persons, band.maleShare])
    }
    check("share born abroad", AgeGroup.allCases.map { d.foreignBornShare[$0] })
    for k in 0..<6 {
      check(
        "P(utbildning ≤ \(k + 1)), men born in Sweden",
        AgeGroup.allCases.map { d.education.referenceCumulative[$0][k] })
    }
    check(
      "δ kvinna (shift to higher education)", AgeGroup.allCases.map { d.education.womanShift[$0] })
    check(
      "share with education missing, born in Sweden",
      AgeGroup.allCases.map { d.education.missingShare[$0] })
    for m in d.municipalities { check(m.code, [m.population, m.foreignBornShare]) }
    #expect(Self.rows.contains { $0 == ["fodelseland"] + d.birthRegionShares.map { "\($0.code)" } })
    check("share among those born abroad", d.birthRegionShares.map(\.share))
    check("education shift δ_region", d.birthRegionShares.map(\.educationShift))
  }

  @Test func offenceCodeTableMatchesTheDefaults() {
    for offence in OffenceType.allCases {
      let codes = OffenceParameters.defaults(for: offence).codes
      let total = codes.reduce(0) { $0 + $1.weight }
      let documented = Self.rows.filter { $0.first == offence.rawValue }
      #expect(documented.map { $0[1] } == codes.map(\.code))
      #expect(documented.map { $0[2] } == codes.map(\.label))
      for (row, code) in zip(documented, codes) {
        expectApproximatelyEqual(Double(row[3]), code.weight / total, relative: 0, absolute: 5e-5)
      }
    }
  }

  /// The sample's row counts as documented: `strata generate --persons 200000 --seed 2016`.
  @Test func sampleCountsMatchTheGenerator() throws {
    let county = try CountyGenerator(
      configuration: CountyConfiguration(persons: 200_000, seed: 2016)
    )
    .generate()
    check("persons.csv.gz", [Double(county.persons.count)])
    check("population.csv", [Double(county.population.count)])
    check("suspects.csv", [Double(county.suspects.count)])
    check("suspicions.csv", [Double(county.suspicions.count)])
    let byType = OffenceType.allCases.map { offence in
      "\(offence.rawValue) \(county.suspects.filter { $0.offence == offence }.count)"
    }
    let expected = "Suspects by offence type in the sample: \(byType.joined(separator: ", "))"
    let documented = Self.readme.replacingOccurrences(of: "\n", with: " ").contains(expected)
    #expect(documented, "README should say: \(expected)")
  }
}
