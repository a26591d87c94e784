import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes `data` to the file at `url`, replacing it so that a reader sees the old file or the
/// new one, never a part of either: the bytes go to a hidden temporary file beside it, which is
/// then renamed over it.
///
/// Foundation's `.atomic` write does the same and also flushes every file to the disk
/// (`fsync`) before the rename. A report writes some 700 files; their flushes took 0.1–0.2 s of
/// the model report's 0.3–0.45 s of writing on a 10-million-person county (a virtual disk).
/// Like R's `write.csv` and pandas' `to_csv`, this leaves flushing to the operating system.
///
/// When the fast path fails (no such folder, no permission, a full disk), Foundation's write is
/// tried instead, so that the error thrown is Foundation's, which `fileErrorReason(_:path:)`
/// explains.
package func writeReplacing(_ data: Data, to url: URL) throws {
  let path = url.path
  let temporary =
    url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".\(getpid()).tmp"
  if writeThenRename(data, temporary: temporary, path: path) { return }
  try data.write(to: url, options: .atomic)
}

/// `writeReplacing`, then removes the temporary that an earlier write of the same file left
/// beside it when its process was killed (see `removeLeftoverTemporaries(in:of:)`): for single
/// files (a command's `--output`, a table written by the library).
///
/// A path that is not a regular file (a symbolic link, a device such as `/dev/stdout`, a named
/// pipe) is written through, not replaced: replacing would put a file where the link or the
/// device was.
package func writeReplacingFile(_ data: Data, to url: URL) throws {
  var info = stat()
  if lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
    try data.write(to: url)
    return
  }
  try writeReplacing(data, to: url)
  let name = url.lastPathComponent
  removeLeftoverTemporaries(in: url.deletingLastPathComponent(), of: { $0 == name })
}

/// The fast path of `writeReplacing`: whether the file was written and renamed.
private func writeThenRename(_ data: Data, temporary: String, path: String) -> Bool {
  let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
  guard descriptor >= 0 else { return false }
  let written = data.withUnsafeBytes { buffer -> Bool in
    var offset = 0
    while offset < buffer.count {
      let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if count < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += count
    }
    return true
  }
  let closed = close(descriptor) == 0
  guard written && closed && rename(temporary, path) == 0 else {
    unlink(temporary)
    return false
  }
  return true
}

/// The file name and process of a temporary file name `.NAME.PID.tmp` (see `writeReplacing`),
/// or nil for any other name.
package func replacingWriteTemporary(_ name: String) -> (file: String, process: pid_t)? {
  guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
  let inner = name.dropFirst().dropLast(4)
  guard let dot = inner.lastIndex(of: "."),
    let process = pid_t(inner[inner.index(after: dot)...]),
    process > 0
  else { return nil }
  return (String(inner[..<dot]), process)
}

/// Removes from `directory` the temporaries that `writeReplacing` left when its process was
/// killed while writing a file `isTarget` accepts (`.NAME.PID.tmp` of a process that no
/// longer runs). Anything else stays, including a running process's temporaries.
package func removeLeftoverTemporaries(in directory: URL, of isTarget: (String) -> Bool) {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
  for name in names {
    guard let (file, process) = replacingWriteTemporary(name), isTarget(file),
      process != getpid(), kill(process, 0) != 0 && errno == ESRCH
    else { continue }
    try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
  }
}
