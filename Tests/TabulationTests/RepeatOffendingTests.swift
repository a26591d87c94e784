import Microdata
import StatsTestSupport
import Testing

@testable import Tabulation

@Suite("Repeat offending with Wilson intervals")
struct RepeatOffendingTests {
  let reference = ReferenceValues.shared.repeatOffending

  func analysis(_ disclosure: DisclosureControl = .off) throws -> RepeatOffending {
    try RepeatOffending(
      groups: [
        factor("grupp", levels: 3, reference.group), factor("kon", levels: 2, reference.kon),
      ],
      suspicions: reference.antal,
      options: RepeatOffendingOptions(disclosure: disclosure))
  }

  @Test("shares and Wilson intervals equal prop.test(correct = FALSE)")
  func matchesR() throws {
    let result = try analysis()
    #expect(result.cells.count == reference.cells.count)
    for (cell, r) in zip(result.cells, reference.cells) {
      #expect(cell.codes == ["\(r.group! + 1)", "\(r.kon! + 1)"])
      #expect(cell.persons == r.persons && cell.repeaters == r.repeaters)
      expectApproximatelyEqual(cell.share, r.share, relative: Tolerance.countsAndRates)
      expectApproximatelyEqual(
        [cell.interval!.lower, cell.interval!.upper], r.ci, relative: Tolerance.countsAndRates)
    }
    #expect(result.total.persons == reference.total.persons)
    #expect(result.total.repeaters == reference.total.repeaters)
    expectApproximatelyEqual(
      [result.total.interval!.lower, result.total.interval!.upper], reference.total.ci,
      relative: Tolerance.countsAndRates)
    #expect(result.excluded.missing == ["grupp": 20])
    // Margins: by grupp alone and by kon alone; each sums to the total.
    #expect(result.margins.count == 5)
    let byGroup = result.margins.filter { $0.codes[1] == nil }
    #expect(byGroup.map(\.persons).reduce(0, +) == result.total.persons)
  }

  @Test("the minimum number of suspicions is an option; counts below 1 are errors")
  func options() throws {
    let a = factor("a", levels: 1, [0, 0, 0, 0])
    let three = try RepeatOffending(
      groups: [a], suspicions: [1, 2, 3, 4],
      options: RepeatOffendingOptions(minimumSuspicions: 3, disclosure: .off))
    #expect(three.total.repeaters == 2)
    #expect(throws: TabulationError.invalidWeight(variable: "antal_misstankar", row: 2, value: 0)) {
      try RepeatOffending(groups: [a], suspicions: [1, 2, 0, 4])
    }
    let overall = try RepeatOffending(
      groups: [], suspicions: [1, 2, 3, 1], options: RepeatOffendingOptions(disclosure: .off))
    #expect(overall.cells.isEmpty == false && overall.total.repeaters == 2)
  }

  @Test("counts read from a file: NaN is missing and counted, a fraction is an error")
  func fromFile() throws {
    let a = factor("a", levels: 1, [0, 0, 0, 0, 0])
    let result = try RepeatOffending(
      groups: [a], suspicions: [1, 2, .nan, 4, 1], options: RepeatOffendingOptions(disclosure: .off)
    )
    #expect(result.total.persons == 4 && result.total.repeaters == 2)
    #expect(result.excluded.missing == ["antal_misstankar": 1])
    #expect(throws: TabulationError.invalidWeight(variable: "antal_misstankar", row: 1, value: 1.5))
    {
      try RepeatOffending(groups: [a], suspicions: [1, 1.5, 1, 1, 1])
    }
  }

  @Test("a group with three repeat offenders is hidden, and so is the group that would reveal it")
  func smallGroup() throws {
    // Group 1: 10 persons, 3 repeaters; group 2: 20 persons, 10 repeaters.
    let codes: [Int32] = Array(repeating: 0, count: 10) + Array(repeating: 1, count: 20)
    let suspicions =
      [2, 2, 3] + Array(repeating: 1, count: 7) + Array(repeating: 2, count: 10)
      + Array(repeating: 1, count: 10)
    let result = try RepeatOffending(
      groups: [factor("a", levels: 2, codes)], suspicions: suspicions)
    #expect(result.cells.map(\.suppressed) == [true, true])
    #expect(!result.total.suppressed)
    #expect(result.total.repeaters == 13 && result.total.persons == 30)
  }

  @Test("disclosure control agrees with the suppression of the persons table")
  func disclosure() throws {
    let result = try analysis(DisclosureControl())
    let table = result.table
    let suppression = table.suppression()
    for share in result.cells + result.margins + [result.total] {
      let indices = share.codes.enumerated().map { d, code in
        code.flatMap { table.dimensions[d].codes.firstIndex(of: $0) }
      }
      let small = [indices + [0], indices + [1], indices + [nil]].contains {
        let n = table.count(at: $0)
        return n > 0 && n < 5
      }
      if small { #expect(share.suppressed, "\(share.codes)") }
      #expect(
        share.suppressed
          == (suppression.isSuppressed(at: indices + [0])
            || suppression.isSuppressed(at: indices + [1])
            || suppression.isSuppressed(at: indices + [nil])))
    }
  }
}
