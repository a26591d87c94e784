/// The physical source line of each row's record, stored compactly.
///
/// A freshly loaded file maps row r to line `r + shift`, where the shift changes only after a
/// blank line, a record spanning several lines or an excluded row; the map stores those change
/// points. A filtered or joined dataset stores one line per row.
struct LineMap: Sendable, Equatable {
  private enum Storage: Sendable, Equatable {
    case shifts(rows: [Int32], shifts: [Int32])
    case explicit([Int32])
  }

  private var storage: Storage

  /// Rows `0..<count` on lines `2...` (a header and no blank lines), used for data built in code.
  init() { storage = .shifts(rows: [0], shifts: [2]) }

  /// From change points: from `rows[i]` on, line = row + `shifts[i]`.
  init(rows: [Int32], shifts: [Int32]) {
    storage = rows.isEmpty ? .shifts(rows: [0], shifts: [2]) : .shifts(rows: rows, shifts: shifts)
  }

  init(lines: [Int32]) { storage = .explicit(lines) }

  /// The 1-based source line of a row.
  func line(ofRow row: Int) -> Int {
    switch storage {
    case .explicit(let lines): return row < lines.count ? Int(lines[row]) : 0
    case .shifts(let rows, let shifts):
      var lo = 0
      var hi = rows.count - 1
      while lo < hi {
        let mid = (lo + hi + 1) / 2
        if Int(rows[mid]) <= row { lo = mid } else { hi = mid - 1 }
      }
      return row + Int(shifts[lo])
    }
  }

  /// The lines of the rows at `indices` (-1 gives line 0, "no source line").
  func gathered(_ indices: [Int32]) -> LineMap {
    LineMap(lines: indices.map { $0 >= 0 ? Int32(line(ofRow: Int($0))) : 0 })
  }
}
