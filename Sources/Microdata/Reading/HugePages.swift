#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Asks the kernel to back large column buffers with transparent huge pages (Linux
/// `madvise(MADV_HUGEPAGE)`; a no-op elsewhere): a 2-million-row file fills ~50 MB of fresh
/// columns, which costs one page fault per 4 KiB without them and one per 2 MiB with them (the
/// pages are zeroed by the kernel either way).
enum HugePages {
  static let size = 2 << 20

  /// Advises the whole 2 MiB pages inside `bytes` bytes at `pointer`, before they are touched.
  static func advise(_ pointer: UnsafeMutableRawPointer?, bytes: Int) {
    #if os(Linux)
      guard let pointer, bytes >= 2 * size else { return }
      let start = (Int(bitPattern: pointer) + size - 1) & ~(size - 1)
      let end = (Int(bitPattern: pointer) + bytes) & ~(size - 1)
      guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(aligned, end - start, Int32(MADV_HUGEPAGE))
    #endif
  }
}
