import Foundation
import Microdata
import StatsTestSupport
import Testing

/// `describe()`: counts per code with labels, missing, invalid and out-of-range values,
/// numeric summaries, groupings, undeclared and absent variables.
@Suite struct DescribeTests {
  @Test func describesEveryVariableThroughTheCodebook() throws {
    let csv = """
      lopnr;kon;alder;utbildning;vikt;anteckning
      1;1;34;4;1,5;a
      2;2;14;;2,5;b
      3;1;17;2;..;a
      4;3;65;US;4;c
      5;2;130;7;5;
      6;1;18;5;6;d

      """
    let data = try Dataset(
      csv: csv, options: LoadOptions(errorPolicy: .markMissing), source: "personer.csv")
    let d = data.describe()
    #expect(d.source == "personer.csv")
    #expect(d.rows == 6 && d.rowsRead == 6 && d.rowsExcluded == 0)
    #expect(
      d.variables.map(\.name) == ["lopnr", "kon", "alder", "utbildning", "vikt", "anteckning"])
    #expect(d.undeclaredColumns == ["vikt", "anteckning"])
    #expect(d.absentVariables.contains("fodelseland"))

    let kon = d.variables[1]
    #expect(kon.label == Label(sv: "Kön", en: "Sex"))
    #expect(kon.categories?.map(\.count) == [3, 2])
    #expect(kon.categories?.map(\.en) == ["Man", "Woman"])
    #expect(kon.missing == 1 && kon.invalid == 1 && kon.present == 5)

    let alder = d.variables[2]
    #expect(alder.outOfRange == 1 && alder.missing == 1)
    #expect(alder.minimum == 14 && alder.maximum == 65)
    expectApproximatelyEqual(
      alder.mean, (34.0 + 14 + 17 + 65 + 18) / 5, relative: 1e-15, "mean age")
    #expect(alder.categories?.map(\.code) == ["14", "17", "18", "34", "65"])

    let utbildning = d.variables[3]
    #expect(utbildning.categories?.map(\.count) == [0, 1, 0, 1, 1, 0, 1])
    #expect(utbildning.missing == 2)

    let vikt = d.variables[4]
    #expect(vikt.kind == .decimal && vikt.declared == false && vikt.missing == 1)
    expectApproximatelyEqual(vikt.mean, (1.5 + 2.5 + 4 + 5 + 6) / 5, relative: 1e-15, "mean vikt")
    #expect(d.variables[5].distinct == 4)

    let groupings = Dictionary(uniqueKeysWithValues: d.groupings.map { ($0.name, $0) })
    #expect(Set(groupings.keys) == ["aldersgrupp", "aldersgrupp3", "utbildningsniva"])
    #expect(groupings["aldersgrupp"]?.outside == 1)  // 14 (130 was set missing)
    #expect(groupings["aldersgrupp"]?.missing == 1)
    #expect(groupings["aldersgrupp"]?.categories?.map(\.count) == [1, 1, 1, 0, 0, 0, 1])
    #expect(groupings["utbildningsniva"]?.categories?.map(\.count) == [1, 1, 2, 2])
    #expect(groupings["utbildningsniva"]?.source == "utbildning")
  }

  @Test func descriptionIsCodable() throws {
    let data = try Dataset.load(
      contentsOf: fixture("Fixtures/suspicions.csv"), codebook: .canonicalWithoutCodeLists)
    let d = data.describe()
    let datum = try #require(d.variables.first { $0.name == "datum" })
    #expect(datum.firstDate == "2017-03-01" && datum.lastDate == "2018-01-15" && datum.missing == 1)
    #expect(d.variables.first { $0.name == "lopnr" }?.distinct == 3)
    let json = try JSONEncoder().encode(d)
    let decoded = try JSONDecoder().decode(DatasetDescription.self, from: json)
    #expect(decoded == d)
  }
}

/// The plain-text description `strata describe` can print.
@Suite struct DescribeTextTests {
  @Test func plainTextSnapshot() throws {
    let data = try Dataset.load(
      contentsOf: fixture("Fixtures/persons.csv"), codebook: .canonical,
      options: LoadOptions(errorPolicy: .markMissing))
    assertSnapshot(data.describe().plainText(language: .sv), named: "persons-describe-sv.txt")
    assertSnapshot(data.describe().plainText(language: .en), named: "persons-describe-en.txt")
  }
}

@Suite struct DatasetPrintTests {
  @Test func printsTheFirstRows() throws {
    let data = try Dataset(
      csv: "lopnr;kon;alder;datum\n1;1;34;2017-01-02\n22;;5;\n333;2;..;2018-12-31\n",
      source: "x.csv")
    #expect(
      data.preview(rows: 2) == """
        x.csv: 3 rows × 4 variables
        lopnr  kon  alder  datum
        1      1    34     2017-01-02
        22     NA   5      NA
        … 1 more row
        """)
    #expect(data.description.hasSuffix("333    2    NA     2018-12-31"))
  }
}
