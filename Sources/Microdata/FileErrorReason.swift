import Foundation

/// A plain reason for a failed file operation, for messages such as "Cannot write x.csv: no
/// such folder /tmp/out". Foundation's own text on Linux is often "The operation could not be
/// completed. (NSCocoaErrorDomain error 512.)"; this uses the POSIX cause when Foundation has
/// one, else looks at the file system.
/// - Parameters:
///   - error: the error Foundation threw.
///   - path: the file that was to be read or written.
package func fileErrorReason(_ error: Error, path: String) -> String {
  let ns = error as NSError
  if ns.domain == NSPOSIXErrorDomain { return posixReason(Int32(ns.code)) }
  if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
    underlying.domain == NSPOSIXErrorDomain
  {
    return posixReason(Int32(underlying.code))
  }
  guard ns.domain == NSCocoaErrorDomain else { return ns.localizedDescription }
  let manager = FileManager.default
  var isDirectory: ObjCBool = false
  if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
    if isDirectory.boolValue { return "it is a folder" }
    if !manager.isReadableFile(atPath: path) { return "permission denied" }
  }
  // The nearest ancestor that exists tells why the path cannot be made.
  let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
  var ancestor = parent
  while ancestor.path != "/" && !manager.fileExists(atPath: ancestor.path) {
    ancestor = ancestor.deletingLastPathComponent()
  }
  _ = manager.fileExists(atPath: ancestor.path, isDirectory: &isDirectory)
  if !isDirectory.boolValue { return "\(ancestor.path) is a file, not a folder" }
  if ancestor.path != parent.path { return "the folder \(parent.path) does not exist" }
  if !manager.isWritableFile(atPath: ancestor.path) { return "permission denied" }
  switch ns.code {
  case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file"
  case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
  case NSFileWriteOutOfSpaceError: return "the disk is full"
  case NSFileWriteVolumeReadOnlyError: return "the file system is read-only"
  default: return "the file system refused it"
  }
}

private func posixReason(_ code: Int32) -> String {
  let text = String(cString: strerror(code))
  return text.prefix(1).lowercased() + text.dropFirst()
}
