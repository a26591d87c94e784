/// Counting line feeds in a byte range, eight bytes at a time: an upper bound on the records
/// a range of a file that uses line feeds (LF or CRLF) can hold, so that each part of a
/// parallel parse can write its rows straight to its place in the dataset's columns.
enum LineFeedCount {
  /// The number of line feeds (0x0A) in `base[start..<end]`.
  static func count(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
    var total = 0
    var i = start
    let feeds = ByteLanes.repeating(0x0A)
    // A byte of `word ^ feeds` is zero exactly where the word has a line feed.
    @inline(__always) func feedBits(_ word: UInt64) -> UInt64 {
      ByteLanes.zeroBytes(word ^ feeds)
    }
    while i + 32 <= end {
      let p = UnsafeRawPointer(base + i)
      let bits =
        (feedBits(p.loadUnaligned(as: UInt64.self)) >> 7)
        | (feedBits(p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) >> 6)
        | (feedBits(p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)) >> 5)
        | (feedBits(p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)) >> 4)
      total &+= bits.nonzeroBitCount
      i += 32
    }
    while i < end {
      if base[i] == 0x0A { total += 1 }
      i += 1
    }
    return total
  }
}
