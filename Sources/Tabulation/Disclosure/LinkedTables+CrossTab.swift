extension LinkedTables {
  /// Linked tables from the cross-tabulation of the cover variables and the tables to publish,
  /// each named by its variables (in the table's order).
  ///
  /// ```swift
  /// // Tables of one population and filter: kon × fodelse × aldersgrupp, aldersgrupp, kon.
  /// let cover = try CrossTab([kon, fodelse, aldersgrupp])
  /// let linked = try LinkedTables(
  ///   cover: cover, tables: [["kon", "fodelse", "aldersgrupp"], ["aldersgrupp"], ["kon"]])
  /// let result = linked.suppress(threshold: 5)
  /// let ageTable = linked.suppression(table: 1, result)  // a `Suppression`, as for one table
  /// ```
  ///
  /// - Throws: `TabulationError.unknownVariable` (with a suggestion) for a name that is not a
  ///   variable of `cover`, `.notACount` for a count that is not a whole number, and the
  ///   errors of the initialiser from a ``CoverTable``.
  public init(cover: CrossTab, tables: [[String]]) throws(TabulationError) {
    let names = cover.variables
    var dimensionLists: [[Int]] = []
    for table in tables {
      var dimensions: [Int] = []
      for name in table {
        guard let d = names.firstIndex(of: name) else { throw .unknown(name, among: names) }
        dimensions.append(d)
      }
      dimensionLists.append(dimensions)
    }
    try self.init(cover: CoverTable(cover), tables: dimensionLists)
  }

  /// The suppression of one table, in the form ``CrossTab/suppression(_:)`` gives for a table
  /// on its own: the status of every cell and margin, so renderers need not know about linking.
  ///
  /// - Parameters:
  ///   - table: the index of the table in ``tables``.
  ///   - result: the result of ``suppress(threshold:rule:)`` on these linked tables.
  public func suppression(table: Int, _ result: LinkedSuppressionResult) -> Suppression {
    let table = tables[table]
    return Suppression(
      control: DisclosureControl(threshold: Double(result.threshold)),
      status: table.figures.map { result.status[$0] }, shape: table.shape)
  }
}
