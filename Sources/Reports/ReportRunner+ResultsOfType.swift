extension ReportRunner {
  /// The successful results of one type among analysed entries, with their places, to be
  /// changed together (linked suppression) and put back where they were.
  struct ResultsOfType<Value: ReportableResult> {
    var positions: [Int] = []
    var results: [Value] = []

    init(in analysed: [Analysed]) {
      for (position, item) in analysed.enumerated() {
        if case .success(let result) = item.value, let value = result as? Value {
          positions.append(position)
          results.append(value)
        }
      }
    }

    /// Puts the results back in their places.
    func store(in analysed: inout [Analysed]) {
      for (position, value) in zip(positions, results) {
        analysed[position].value = .success(value)
      }
    }
  }
}
