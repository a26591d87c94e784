import Foundation
import Microdata
import RegressionModels

/// A small in-memory data source for tests: categorical columns as codes with their level order,
/// numeric columns as doubles (NaN = missing).
struct TestTable: VariableSource {
  var categorical: [String: (levels: [String], values: [String?])] = [:]
  var numbers: [String: [Double]] = [:]
  var rowCount: Int

  init(rowCount: Int) {
    self.rowCount = rowCount
  }

  var variableNames: [String] { Array(categorical.keys) + Array(numbers.keys) }
  func hasVariable(_ name: String) -> Bool { categorical[name] != nil || numbers[name] != nil }
  func isCategorical(_ name: String) -> Bool { categorical[name] != nil }

  func factor(_ name: String) throws -> Factor {
    guard let column = categorical[name] else { throw TestTableError.notCategorical(name) }
    let levels = column.levels.map { Factor.Level(code: $0, sv: $0, en: $0) }
    let codes = column.values.map { value -> Int32 in
      guard let value else { return Factor.missing }
      return column.levels.firstIndex(of: value).map { Int32($0) } ?? Factor.outside
    }
    return Factor(name: name, levels: levels, codes: codes)
  }

  func numeric(_ name: String) throws -> [Double] {
    if let x = numbers[name] { return x }
    if let column = categorical[name] {
      return column.values.map { $0.flatMap(Double.init) ?? .nan }
    }
    throw TestTableError.unknown(name)
  }

  mutating func add(_ name: String, levels: [String], values: [String?]) {
    precondition(values.count == rowCount)
    categorical[name] = (levels, values)
  }

  mutating func add(_ name: String, _ values: [Double]) {
    precondition(values.count == rowCount)
    numbers[name] = values
  }
}

enum TestTableError: Error {
  case notCategorical(String)
  case unknown(String)
}
