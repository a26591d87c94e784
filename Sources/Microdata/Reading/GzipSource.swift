import CZlib

/// Streaming gzip decompression with zlib (`inflateInit2` with window bits 15 + 32, which
/// accepts gzip and zlib headers). Concatenated gzip members (as `cat a.gz b.gz` makes) are
/// read as one stream, as `gunzip` does.
struct GzipSource: ByteSource {
  private final class Stream {
    let z: UnsafeMutablePointer<z_stream>
    var file: FileSource
    let input: UnsafeMutablePointer<UInt8>
    let inputCapacity = 1 << 18
    var finished = false
    var sawData = false

    init(file: FileSource) throws(MicrodataError) {
      self.file = file
      z = .allocate(capacity: 1)
      z.initialize(to: z_stream())
      input = .allocate(capacity: inputCapacity)
      let status = inflateInit2_(z, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
      guard status == Z_OK else {
        throw .corruptCompressedFile(
          file: file.name, reason: "zlib could not start (status \(status))")
      }
    }

    deinit {
      inflateEnd(z)
      z.deinitialize(count: 1)
      z.deallocate()
      input.deallocate()
    }
  }

  private let stream: Stream

  init(file: FileSource) throws(MicrodataError) {
    stream = try Stream(file: file)
  }

  mutating func read(into buffer: UnsafeMutablePointer<UInt8>, maximum: Int) throws(MicrodataError)
    -> Int
  {
    let s = stream
    if s.finished || maximum == 0 { return 0 }
    s.z.pointee.next_out = buffer
    s.z.pointee.avail_out = UInt32(min(maximum, Int(UInt32.max)))
    while s.z.pointee.avail_out > 0 {
      if s.z.pointee.avail_in == 0 {
        let n = try s.file.read(into: s.input, maximum: s.inputCapacity)
        if n == 0 {
          // End of the compressed file: fine between members, truncated inside one.
          if s.sawData {
            throw .corruptCompressedFile(
              file: s.file.name, reason: "the file ends in the middle of the compressed data")
          }
          s.finished = true
          break
        }
        s.z.pointee.next_in = s.input
        s.z.pointee.avail_in = UInt32(n)
      }
      s.sawData = true
      let status = inflate(s.z, Z_NO_FLUSH)
      if status == Z_STREAM_END {
        s.sawData = false
        // Another member may follow; skip zero padding some tools append.
        while s.z.pointee.avail_in > 0 && s.z.pointee.next_in.pointee == 0 {
          s.z.pointee.next_in += 1
          s.z.pointee.avail_in -= 1
        }
        inflateReset(s.z)
        continue
      }
      if status == Z_BUF_ERROR && s.z.pointee.avail_in == 0 { continue }
      guard status == Z_OK else {
        let message = s.z.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
        throw .corruptCompressedFile(file: s.file.name, reason: message)
      }
    }
    return maximum - Int(s.z.pointee.avail_out)
  }
}
