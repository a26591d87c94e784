extension AnalysisPublication {
  /// The publication with `title` (a recipe entry's title or `--title`) heading every table:
  /// the first table carries it already; each further table whose title does not contain it
  /// becomes "TITLE – its own title", so that a table copied out of the report still says
  /// which analysis it belongs to. `nil` changes nothing.
  package func titled(_ title: String?) -> AnalysisPublication {
    guard let title, !title.isEmpty else { return self }
    var copy = self
    for index in copy.tables.indices.dropFirst() where !copy.tables[index].title.contains(title) {
      copy.tables[index].title = title + " – " + copy.tables[index].title
    }
    return copy
  }
}
