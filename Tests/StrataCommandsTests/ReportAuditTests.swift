import Foundation
import StatsTestSupport
import Tabulation
import Testing

@testable import Analysis
@testable import Reports

/// The attacker of the disclosure issue against the model report
/// (notebooks-scripts/vem-misstanks-for-vald.yaml) on the shipped sample county: every count
/// table the report publishes, with their filters, as one integer program over all the files'
/// persons (`LinkedTabulations.audit`): no suppressed entry is pinned, every primary's
/// range reaches the threshold, and every implied count below the threshold (a difference
/// of tables under nested filters, or the rows one table leaves out) is protected as well.
@Suite("The model report against the integer-programming attacker")
struct ReportAuditTests {
  @Test func noSuppressedOrImpliedCountOfTheModelReportIsRecoverable() throws {
    let recipe = try Recipe(
      contentsOf: projectRoot().appendingPathComponent(
        "notebooks-scripts/vem-misstanks-for-vald.yaml"))
    let runner = ReportRunner(recipe: recipe, language: .sv)
    let (tables, maihdas, repeats, recidivisms) = try runner.publishedCountTables()
    #expect(
      tables.count == 30 && maihdas.count == 5 && repeats.count == 6 && recidivisms.count == 5)
    let groups = try LinkedTabulations.audit(tables, maihdas, repeats, recidivisms)
    // One group: suspects.csv counted in persons under the filters of the tables, the men's
    // MAIHDA of sexköp and the repeat tables (suspects of a type, and those suspected at least
    // twice); the persons derived from suspicions.csv for the same-sex section (2016, and
    // 2016–2017); and the index persons of the five recidivism tables (index suspicions,
    // persons followed up, recidivists), joined through the persons they have in common.
    #expect(groups.count == 1)
    for group in groups {
      #expect(group.skipped == nil, "\(group.skipped ?? "")")
      #expect(group.members.count == 30 + 5 + 2 * 6 + 3 * 5)
      #expect(group.findings.isEmpty, "\(group.findings)")
    }
  }
}
