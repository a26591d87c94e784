extension AnalysisPublication {
  /// The publication with `title` (a recipe entry's title or `--title`) heading every table:
  /// the first table carries it already; each further table whose title does not contain it
  /// becomes "TITLE – its own title", so that a table copied out of the report still says
  /// which analysis it belongs to, its own title kept as `shortTitle` (the name of its
  /// workbook sheet). `nil` changes nothing.
  package func titled(_ title: String?) -> AnalysisPublication {
    guard let title, !title.isEmpty else { return self }
    var copy = self
    for index in copy.tables.indices.dropFirst() where !copy.tables[index].title.contains(title) {
      // The table's own title stays its short name (a workbook sheet's name).
      if copy.tables[index].shortTitle == nil {
        copy.tables[index].shortTitle = copy.tables[index].title
      }
      copy.tables[index].title = title + " – " + copy.tables[index].title
    }
    return copy
  }
}
