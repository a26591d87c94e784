import CZlib
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A stream of bytes: a plain file or a decompressed gzip file.
protocol ByteSource {
  /// Reads up to `maximum` bytes; returns 0 at the end.
  mutating func read(into buffer: UnsafeMutablePointer<UInt8>, maximum: Int) throws(MicrodataError)
    -> Int
}

/// Opens a file for reading; `compressed` tells whether it starts with the gzip magic bytes.
struct InputFile {
  let name: String
  let descriptor: Int32
  let size: Int
  let compressed: Bool

  init(url: URL, compression: LoadOptions.Compression) throws(MicrodataError) {
    name = url.lastPathComponent
    let fd = open(url.path, O_RDONLY)
    guard fd >= 0 else {
      throw .fileNotReadable(file: name, reason: String(cString: strerror(errno)))
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      close(fd)
      throw .fileNotReadable(file: name, reason: String(cString: strerror(errno)))
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      close(fd)
      throw .fileNotReadable(file: name, reason: "it is a directory")
    }
    descriptor = fd
    size = Int(info.st_size)
    var magic: (UInt8, UInt8) = (0, 0)
    let n = withUnsafeMutableBytes(of: &magic) { pread(fd, $0.baseAddress, 2, 0) }
    switch compression {
    case .automatic: compressed = n == 2 && magic.0 == 0x1F && magic.1 == 0x8B
    case .none: compressed = false
    case .gzip: compressed = true
    }
  }

  /// The whole file in memory: mapped when it is a plain regular file, else read (and
  /// decompressed). The buffer ends with the sentinel line feed.
  /// - Throws: `.tooLargeForMemory` when the (decompressed) contents pass `options`'
  ///   in-memory limit; `.recordTooLong` when a line of a compressed file passes
  ///   `options.maximumRecordBytes` (a plain file's lines are checked as it is parsed).
  func readAll(options: LoadOptions) throws(MicrodataError) -> ByteBuffer {
    let limit = options.inMemoryLimit
    if !compressed && size > limit {
      close(descriptor)
      throw .tooLargeForMemory(file: name, bytes: size, limit: limit)
    }
    if !compressed, let mapped = ByteBuffer.mapping(descriptor: descriptor, size: size) {
      close(descriptor)
      return mapped
    }
    var source = try self.source()
    return try ByteBuffer.readAll(
      from: &source, sizeHint: compressed ? size * 4 : size, file: name, limit: limit,
      maximumRecordBytes: options.maximumRecordBytes)
  }

  /// A source of the file's (decompressed) bytes. The source owns and closes the descriptor.
  func source() throws(MicrodataError) -> AnyByteSource {
    let plain = FileSource(descriptor: descriptor, name: name)
    return compressed ? AnyByteSource(try GzipSource(file: plain)) : AnyByteSource(plain)
  }
}

/// A type-erased byte source (a plain file or gzip).
struct AnyByteSource: ByteSource {
  private var plain: FileSource?
  private var gzip: GzipSource?
  init(_ source: FileSource) { plain = source }
  init(_ source: GzipSource) { gzip = source }

  mutating func read(into buffer: UnsafeMutablePointer<UInt8>, maximum: Int) throws(MicrodataError)
    -> Int
  {
    if plain != nil { return try plain!.read(into: buffer, maximum: maximum) }
    return try gzip!.read(into: buffer, maximum: maximum)
  }
}

/// Reads a file descriptor with `read(2)`; closes it when the last copy goes away.
struct FileSource: ByteSource {
  private final class Handle {
    let fd: Int32
    init(_ fd: Int32) { self.fd = fd }
    deinit { close(fd) }
  }
  private let handle: Handle
  let name: String

  init(descriptor: Int32, name: String) {
    handle = Handle(descriptor)
    self.name = name
  }

  mutating func read(into buffer: UnsafeMutablePointer<UInt8>, maximum: Int) throws(MicrodataError)
    -> Int
  {
    while true {
      let n = systemRead(handle.fd, buffer, maximum)
      if n >= 0 { return n }
      if errno == EINTR { continue }
      throw .fileNotReadable(file: name, reason: String(cString: strerror(errno)))
    }
  }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
  #else
    Darwin.read(fd, buffer, count)
  #endif
}
