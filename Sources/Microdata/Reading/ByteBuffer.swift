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

  /// Fills the buffer with everything `source` yields.
  static func readAll(from source: inout some ByteSource, sizeHint: Int) throws(MicrodataError)
    -> ByteBuffer
  {
    let buffer = ByteBuffer(capacity: sizeHint + 1)
    while true {
      if buffer.capacity - buffer.count < 1 << 16 {
        buffer.reserve(max(1 << 20, buffer.capacity / 2))
      }
      let n = try source.read(
        into: buffer.base + buffer.count, maximum: buffer.capacity - buffer.count)
      if n == 0 { break }
      buffer.count += n
    }
    buffer.terminate()
    return buffer
  }
}
