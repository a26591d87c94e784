extension Dataset {
  /// The dataset with a numeric variable added (or replaced), e.g. a 0/1 outcome built from a
  /// join: values that are all whole numbers are stored as integers, others as decimals; NaN is
  /// missing. The variable is undeclared (it is not in the codebook).
  /// - Precondition: `values.count == rowCount`.
  public func adding(_ name: String, numbers values: [Double]) -> Dataset {
    precondition(
      values.count == rowCount, "adding `\(name)`: \(values.count) values for \(rowCount) rows")
    let integral = values.allSatisfy { $0.isNaN || ($0 == $0.rounded() && abs($0) < 2_147_483_647) }
    let storage: Column.Storage =
      integral ? .integer32(values.map { $0.isNaN ? Int32.min : Int32($0) }) : .decimal(values)
    return adding(
      Column(
        name: name, header: name, kind: integral ? .integer : .decimal, declared: false,
        storage: storage))
  }

  /// The dataset with a categorical variable added (or replaced) from a factor: its levels and
  /// codes (`Factor.outside` is stored as missing).
  /// - Precondition: `factor.count == rowCount`.
  public func adding(_ factor: Factor) -> Dataset {
    precondition(
      factor.count == rowCount,
      "adding `\(factor.name)`: \(factor.count) values for \(rowCount) rows")
    let storage: Column.Storage
    if factor.levels.count < Int(UInt8.max) {
      storage = .categorical8(
        factor.codes.map { $0 < 0 ? UInt8.max : UInt8($0) }, levels: factor.levels)
    } else {
      storage = .categorical16(
        factor.codes.map { $0 < 0 ? UInt16.max : UInt16($0) }, levels: factor.levels)
    }
    return adding(
      Column(
        name: factor.name, header: factor.name, kind: .categorical, declared: false,
        storage: storage))
  }

  /// The dataset without the named variables (unknown names are ignored).
  public func removing(_ names: [String]) -> Dataset {
    var result = self
    result.columns.removeAll { names.contains($0.name) }
    return result
  }

  func adding(_ column: Column) -> Dataset {
    var result = self
    if let k = result.columns.firstIndex(where: { $0.name == column.name }) {
      result.columns[k] = column
    } else {
      result.columns.append(column)
    }
    return result
  }
}
