// Secondary suppression (see `DisclosureControl` for the policy).
//
// Goals, in priority order: (1) no suppressed entry is determined by the published entries;
// (2) few extra suppressions, preferring small cells to margins; (3) deterministic output.
//
// The table with its margins is an "extended" array with k_d + 1 positions per dimension
// (position k_d = summed over). A line along dimension d fixes every other coordinate; its k_d
// inner entries sum to its margin entry. The line rule protects lines with a single suppressed
// entry; the audit (Gauss–Jordan elimination on the line equations restricted to suppressed
// entries) finds entries the equations still determine, e.g. a cell that bridges two cycles of
// suppressed cells in a two-way table.

/// The state of one secondary-suppression run.
struct SecondarySuppression {
  let shape: [Int]
  let values: [Double]
  var status: [Suppression.Status]
  /// Every line of the extended table: k_d inner positions followed by the margin position.
  let lines: [[Int]]
  /// For each position, the indices of the lines through it.
  let linesThrough: [[Int]]
  /// Whether a position is a cell (no coordinate summed over).
  let isCell: [Bool]

  init(shape: [Int], values: [Double], status: [Suppression.Status]) {
    self.shape = shape
    self.values = values
    self.status = status
    let extendedShape = shape.map { $0 + 1 }
    let strides = CrossTab.strides(of: extendedShape)
    let size = values.count
    var lines: [[Int]] = []
    var through = [[Int]](repeating: [], count: size)
    var isCell = [Bool](repeating: true, count: size)
    for position in 0..<size {
      var rest = position
      for d in shape.indices {
        let i = rest / strides[d]
        rest -= i * strides[d]
        if i == shape[d] { isCell[position] = false }
      }
    }
    for d in shape.indices {
      // Start positions: coordinate 0 along d, any coordinate elsewhere.
      for start in 0..<size where (start / strides[d]) % extendedShape[d] == 0 {
        let line = (0...shape[d]).map { start + $0 * strides[d] }
        for position in line { through[position].append(lines.count) }
        lines.append(line)
      }
    }
    self.lines = lines
    self.linesThrough = through
    self.isCell = isCell
  }

  func isSuppressed(_ position: Int) -> Bool { status[position] != .published }

  /// Runs the line rule and the audit until no suppressed entry is exposed.
  mutating func run() {
    while true {
      applyLineRule()
      guard let exposed = audit().first, repair(exposed) else { return }
    }
  }

  /// In every line with exactly one suppressed entry, suppresses the smallest further non-zero
  /// entry (cells before margins), until no line has exactly one.
  mutating func applyLineRule() {
    var changed = true
    while changed {
      changed = false
      for line in lines {
        var suppressed = 0
        for position in line where isSuppressed(position) { suppressed += 1 }
        guard suppressed == 1 else { continue }
        if let candidate = bestCandidate(in: line) {
          status[candidate] = .secondary
          changed = true
        }
      }
    }
  }

  /// The preferred further entry to suppress among `positions`: published, non-zero, a cell
  /// before a margin, then the smallest count, then the first.
  func bestCandidate<S: Sequence<Int>>(in positions: S) -> Int? {
    var best: Int?
    for position in positions where !isSuppressed(position) && values[position] > 0 {
      guard let current = best else {
        best = position
        continue
      }
      if preferred(position, over: current) { best = position }
    }
    return best
  }

  func preferred(_ a: Int, over b: Int) -> Bool {
    if isCell[a] != isCell[b] { return isCell[a] }
    if values[a] != values[b] { return values[a] < values[b] }
    return a < b
  }

  /// Suppresses a further entry so that the exposed entry is no longer determined: among the
  /// published non-zero entries on the lines through it, the preferred one that alone protects
  /// it, else the preferred one; if its lines offer none, the preferred entry of the table.
  @discardableResult
  mutating func repair(_ exposed: Int) -> Bool {
    var candidates: [Int] = []
    for line in linesThrough[exposed] {
      for position in lines[line] where !isSuppressed(position) && values[position] > 0 {
        if !candidates.contains(position) { candidates.append(position) }
      }
    }
    candidates.sort { preferred($0, over: $1) }
    for candidate in candidates.prefix(16) {
      var trial = self
      trial.status[candidate] = .secondary
      if !trial.audit().contains(exposed) {
        status[candidate] = .secondary
        return true
      }
    }
    guard let choice = candidates.first ?? bestCandidate(in: values.indices) else { return false }
    status[choice] = .secondary
    return true
  }
}
