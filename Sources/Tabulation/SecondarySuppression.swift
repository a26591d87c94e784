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

  /// In every line with exactly one suppressed entry, suppresses a further non-zero entry,
  /// until no line has exactly one. The partner is chosen by ``partner(in:for:)``.
  mutating func applyLineRule() {
    var counts = lines.map { line in line.reduce(0) { $0 + (isSuppressed($1) ? 1 : 0) } }
    var changed = true
    while changed {
      changed = false
      for (index, line) in lines.enumerated() where counts[index] == 1 {
        guard let candidate = partner(in: line, for: index, counts: counts) else { continue }
        status[candidate] = .secondary
        for other in linesThrough[candidate] { counts[other] += 1 }
        changed = true
      }
    }
  }

  /// The entry of `line` to suppress with its single suppressed entry: published and non-zero;
  /// a cell before a margin; then the one that leaves the fewest other lines with a single
  /// suppressed entry (lines it opens minus lines it completes), which keeps the suppressed
  /// entries of an n-way table closing up into small boxes instead of spreading; then the
  /// smallest count; then the first.
  func partner(in line: [Int], for lineIndex: Int, counts: [Int]) -> Int? {
    var best: (position: Int, key: (Int, Int, Double, Int))?
    for position in line where !isSuppressed(position) && values[position] > 0 {
      var balance = 0
      for other in linesThrough[position] where other != lineIndex {
        if counts[other] == 0 { balance += 1 } else if counts[other] == 1 { balance -= 1 }
      }
      let key = (isCell[position] ? 0 : 1, balance, values[position], position)
      if best == nil || key < best!.key { best = (position, key) }
    }
    return best?.position
  }

  /// The preferred entry among `positions`: published, non-zero, a cell before a margin, then
  /// the smallest count, then the first.
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
      if !trial.audit(around: [exposed]).contains(exposed) {
        status[candidate] = .secondary
        return true
      }
    }
    guard let choice = candidates.first ?? bestCandidate(in: values.indices) else { return false }
    status[choice] = .secondary
    return true
  }
}
