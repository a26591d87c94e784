#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A growable, manually managed byte buffer that always keeps `slack` spare bytes after its
/// contents, so the scanner can place a sentinel line feed at `count` and read eight bytes at a
/// time without bounds checks. Not shared between threads while it grows.
final class ByteBuffer: @unchecked Sendable {
  static let slack = 16
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int
  var count: Int = 0
  /// The length of the memory mapping when the buffer maps a file (then it cannot grow).
  private var mappedLength = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 64)
    guard let memory = malloc(self.capacity + ByteBuffer.slack) else { fatalError("out of memory") }
    base = memory.assumingMemoryBound(to: UInt8.self)
  }

  private init(mapping: UnsafeMutablePointer<UInt8>, count: Int, length: Int) {
    base = mapping
    capacity = count
    self.count = count
    mappedLength = length
  }

  deinit {
    if mappedLength > 0 { munmap(base, mappedLength) } else { free(base) }
  }

  /// Maps a regular file privately (copy-on-write), followed by at least one anonymous zero
  /// byte for the sentinel. Pages are faulted in as the scanner reaches them (the kernel maps
  /// several per fault); `MAP_POPULATE` measured slower. Nil when mapping fails (the caller then
  /// reads the file instead).
  static func mapping(descriptor: Int32, size: Int) -> ByteBuffer? {
    guard size > 0 else { return nil }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let length = (size + ByteBuffer.slack + page - 1) / page * page
    guard
      let region = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      region != MAP_FAILED
    else { return nil }
    guard
      let file = mmap(region, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, descriptor, 0),
      file != MAP_FAILED
    else {
      munmap(region, length)
      return nil
    }
    let buffer = ByteBuffer(
      mapping: file.assumingMemoryBound(to: UInt8.self), count: size, length: length)
    buffer.base[size] = 0x0A
    return buffer
  }

  /// Makes room for at least `additional` more bytes.
  func reserve(_ additional: Int) {
    guard count + additional > capacity else { return }
    precondition(mappedLength == 0, "a mapped buffer cannot grow")
    var newCapacity = capacity
    while newCapacity < count + additional { newCapacity = newCapacity * 2 }
    guard let memory = realloc(base, newCapacity + ByteBuffer.slack) else {
      fatalError("out of memory")
    }
    base = memory.assumingMemoryBound(to: UInt8.self)
    capacity = newCapacity
  }

  func append(_ bytes: UnsafeRawBufferPointer) {
    reserve(bytes.count)
    if let source = bytes.baseAddress, bytes.count > 0 {
      (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }
    count += bytes.count
  }

  /// Drops the first `n` bytes (moving the rest to the front).
  func removeFirst(_ n: Int) {
    guard n > 0 else { return }
    if n < count { memmove(base, base + n, count - n) }
    count -= n
  }

  /// Writes the sentinel line feed after the contents and zeroes the rest of the slack.
  func terminate() {
    (base + count).initialize(repeating: 0, count: ByteBuffer.slack)
    base[count] = 0x0A
  }

  /// Fills the buffer with everything `source` yields, stopping with an error as soon as the
  /// contents pass `limit` bytes or a line passes `maximumRecordBytes`, so that a
  /// decompression bomb never takes more than the limits.
  static func readAll(
    from source: inout some ByteSource, sizeHint: Int, file: String, limit: Int,
    maximumRecordBytes: Int
  ) throws(MicrodataError) -> ByteBuffer {
    let buffer = ByteBuffer(capacity: min(sizeHint, limit) + 1)
    let chunk = max(1, min(maximumRecordBytes, 1 << 20))
    var run = 0  // bytes since the last line feed
    while true {
      if buffer.capacity - buffer.count < chunk {
        buffer.reserve(max(chunk, min(buffer.capacity / 2, limit)))
      }
      let start = buffer.count
      let n = try source.read(into: buffer.base + start, maximum: chunk)
      if n == 0 { break }
      buffer.count += n
      if buffer.count > limit {
        throw .tooLargeForMemory(file: file, bytes: buffer.count, limit: limit)
      }
      // A chunk is at most `maximumRecordBytes` long, so only a line that crosses its start
      // can be too long.
      if let first = memchr(buffer.base + start, 0x0A, n) {
        let head = UnsafeMutableRawPointer(buffer.base + start).distance(to: first)
        if run + head > maximumRecordBytes {
          throw buffer.recordTooLong(startingAt: start - run, file: file, limit: maximumRecordBytes)
        }
        var last = start + n - 1
        while buffer.base[last] != 0x0A { last -= 1 }
        run = start + n - 1 - last
      } else {
        run += n
        if run > maximumRecordBytes {
          throw buffer.recordTooLong(
            startingAt: start + n - run, file: file, limit: maximumRecordBytes)
        }
      }
    }
    buffer.terminate()
    return buffer
  }

  /// The error for a line that starts at `offset` and is too long, with its line number.
  private func recordTooLong(startingAt offset: Int, file: String, limit: Int) -> MicrodataError {
    var line = 1
    var p = 0
    while p < offset, let lf = memchr(base + p, 0x0A, offset - p) {
      line += 1
      p = UnsafeMutableRawPointer(base).distance(to: lf) + 1
    }
    return .recordTooLong(DataLocation(file: file, line: line), limit: limit)
  }
}
