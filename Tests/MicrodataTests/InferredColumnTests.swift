import Foundation
import Testing

@testable import Microdata

/// Undeclared columns are read as whole numbers while every value is one, and fall back to
/// text (typed over the whole column) at the first value that is not, with the file's own bytes.
@Suite struct InferredColumnTests {
  /// A file large enough to be parsed in parallel parts, whose undeclared column `x` holds
  /// `values` from row `at` on and plain numbers before.
  static func csv(rows: Int, at: Int, values: [String]) -> String {
    var lines = ["lopnr;kon;x"]
    for i in 0..<rows {
      let x = i >= at && i - at < values.count ? values[i - at] : String(i % 7 - 3)
      lines.append("\(1_000_001 + i);\(1 + i % 2);\(x)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func expectSameInBothModes(_ text: String) throws -> Dataset {
    let parallel = try Dataset(csv: text, options: LoadOptions(parallel: true))
    let sequential = try Dataset(csv: text, options: LoadOptions(parallel: false))
    #expect(parallel == sequential)
    return parallel
  }

  @Test(arguments: [10, 50_000, 99_990])
  func aLateValueThatIsNoNumberMakesTheColumnTextWithTheFilesBytes(at: Int) throws {
    // Non-canonical numbers (leading zero, plus sign, minus zero) must come back as written.
    // A wide number first: the numbers read so far are 64-bit when the column turns to text.
    let odd = ["-2147483649", "007", "+5", "-0", "abc", "", "..", "12"]
    let text = Self.csv(rows: 100_000, at: at, values: odd)
    #expect(text.utf8.count > LoadOptions().minimumParallelBytes)
    let data = try Self.expectSameInBothModes(text)
    #expect(data.kind(of: "x") == .text)
    let strings = try data.strings("x")
    #expect(
      Array(strings[at..<(at + odd.count)])
        == ["-2147483649", "007", "+5", "-0", "abc", nil, nil, "12"])
    #expect(strings[0] == "-3" && strings[99_999] == String(99_999 % 7 - 3))
  }

  @Test func wholeNumbersStayIntegersAndWidenWhenNeeded() throws {
    let text = Self.csv(rows: 100_000, at: 70_000, values: ["3000000000", "", "US", "-5"])
    let data = try Self.expectSameInBothModes(text)
    #expect(data.kind(of: "x") == .integer)
    let values = try data.numeric("x")
    #expect(values[70_000] == 3_000_000_000 && values[70_001].isNaN && values[70_002].isNaN)
    #expect(values[70_003] == -5 && values[0] == -3)
  }

  @Test func aDecimalAfterWholeNumbersMakesTheColumnDecimal() throws {
    let text = Self.csv(rows: 100_000, at: 60_000, values: ["2,5", "-0.25", "1e3"])
    let data = try Self.expectSameInBothModes(text)
    #expect(data.kind(of: "x") == .decimal)
    let values = try data.numeric("x")
    #expect(Array(values[60_000..<60_003]) == [2.5, -0.25, 1000])
    #expect(values[59_999] == Double(59_999 % 7 - 3))
  }

  @Test func aMissingCodeThatIsANumberIsMissingAmongNumbers() throws {
    let codebook = Codebook(defaultMissingCodes: ["", "-9"])
    let data = try Dataset(csv: "a;b\n1;-9\n-9;2\n3;x\n", codebook: codebook)
    #expect(data.kind(of: "a") == .integer)
    #expect(try data.numeric("a").map { $0.isNaN ? 99 : $0 } == [1, 99, 3])
    #expect(data.kind(of: "b") == .text)
    #expect(try data.strings("b") == [nil, "2", "x"])
  }

  @Test func canonicalIntegersAreThoseThatRenderBackTheSame() {
    func parse(_ s: String) -> Int64 {
      let bytes = Array(s.utf8)
      return bytes.withUnsafeBufferPointer {
        NumberParsing.canonicalInteger($0.baseAddress!, $0.count)
      }
    }
    for s in ["0", "7", "-7", "123456789012345678", "-2147483648"] { #expect(parse(s) == Int64(s)) }
    for s in ["007", "+5", "-0", "-", "1.0", "1234567890123456789", " 1", "1a"] {
      #expect(parse(s) == NumberParsing.invalid, "\(s)")
    }
  }
}

/// The key index: direct addressing for numbers close together, hashing otherwise; both find
/// the same partners and the same repeated keys.
@Suite struct KeyIndexLayoutTests {
  @Test(arguments: [1 as Int64, 1_000_003])
  func denseAndSparseKeysFindTheSamePartners(stride: Int64) throws {
    // stride 1: the keys span few values (direct); a large stride spreads them (hashed). The
    // column is undeclared, so negative numbers stay numbers (an `id` would make them text).
    let keys: [Int64] = (0..<5_000).map {
      17 + Int64(($0 * 7_919) % 5_000) * stride - 2_000 * stride
    }
    let index = try KeyIndex(
      Dataset(csv: "nyckel\n" + keys.map(String.init).joined(separator: "\n") + "\n"), key: "nyckel"
    )
    #expect((index.table.offset != nil) == (stride == 1))
    let probes =
      keys.shuffledDeterministically() + [
        keys.max()! + stride, keys.min()! - stride, Int64.max, -17,
      ]
    let other = KeyColumn(storage: .integers(probes))
    let expected = probes.map { p in keys.firstIndex(of: p).map(Int32.init) ?? -1 }
    #expect(index.matches(other) == expected)
    // A key written as text finds its number; a text that is not one finds nothing.
    var text = TextColumn()
    for p in probes.prefix(3) { text.append(String(p)) }
    text.append("0\(probes[0])")
    text.append(nil)
    #expect(index.matches(KeyColumn(storage: .text(text))) == Array(expected.prefix(3)) + [-1, -1])
  }

  @Test func repeatedKeysAreFoundInBothLayouts() {
    for stride: Int64 in [1, 1_000_003] {
      let values: [Int64] = [5, 9, Int64.min, 5, 7, 9, Int64.min, 5].map {
        $0 == Int64.min ? $0 : $0 * stride
      }
      let pairs = KeyColumn(storage: .integers(values)).duplicateRows()
      #expect(pairs.map(\.firstRow) == [0, 1, 0] && pairs.map(\.row) == [3, 5, 7], "\(stride)")
    }
  }

  @Test func keysInIncreasingOrderAreCheckedInOnePass() {
    // Increasing keys (missing ones in between) have no repeats; a repeat next to itself, or
    // a key smaller than one before it, sends the column to the table, which finds the pairs.
    let increasing: [Int64] = [3, Int64.min, 4, 10, Int64.min, 11]
    #expect(KeyColumn.strictlyIncreasing(increasing))
    #expect(KeyColumn(storage: .integers(increasing)).duplicateRows().isEmpty)
    let repeated: [Int64] = [3, 4, Int64.min, 4, 10]
    #expect(!KeyColumn.strictlyIncreasing(repeated))
    #expect(KeyColumn(storage: .integers(repeated)).duplicateRows().map(\.row) == [3])
    #expect(!KeyColumn.strictlyIncreasing([3, 2]))
    #expect(KeyColumn.strictlyIncreasing([]) && KeyColumn.strictlyIncreasing([Int64.min]))
  }
}

extension Array where Element == Int64 {
  /// A fixed permutation (no randomness in tests).
  fileprivate func shuffledDeterministically() -> [Int64] {
    indices.map { self[($0 * 2_999) % count] }
  }
}

/// Factors of whole-number columns: by a table over the values when they span few, by hashing
/// otherwise; both give the distinct present values in increasing order.
@Suite struct IntegerFactorTests {
  @Test(arguments: [7, 3_000_000_000])
  func levelsAreTheDistinctValuesInOrder(largest: Int) throws {
    let data = try Dataset(csv: "x;y\n5;1\n-3;1\n;1\n5;1\n\(largest);1\n-3;1\n")
    let factor = try data.factor("x")
    #expect(factor.levels.map(\.code) == ["-3", "5", String(largest)])
    #expect(factor.codes == [1, 0, Factor.missing, 1, 2, 0])
  }

  @Test func aColumnWithNoValueHasNoLevels() throws {
    let data = try Dataset(csv: "x;y\n;1\n;2\n")
    #expect(try data.factor("x").levels.isEmpty)
    #expect(try data.factor("x").codes == [Factor.missing, Factor.missing])
  }
}
