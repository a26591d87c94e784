#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A growable byte buffer for unescaping quoted fields, with a stable address while in use.
struct ScratchBuffer {
  var base: UnsafeMutablePointer<UInt8>?
  var count = 0
  var capacity = 0

  mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
    if count + n > capacity {
      capacity = max(256, (count + n) * 2)
      base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
    }
    (base! + count).update(from: p, count: n)
    count += n
  }

  mutating func release() {
    free(base)
    base = nil
  }
}
