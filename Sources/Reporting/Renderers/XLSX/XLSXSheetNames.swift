/// Excel's rules for worksheet names: at most 31 characters, none of `[ ] : * ? / \`, not
/// beginning or ending with an apostrophe, not "History", unique ignoring case.
enum XLSXSheetNames {
  static let maximumLength = 31
  static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

  /// Valid, unique sheet names for `proposed` names, in order. Forbidden characters become
  /// spaces (runs collapse), names are cut to 31 characters (counted in UTF-16 units, as
  /// Excel counts them), an empty name becomes `fallback(index)`, and a repeated name gets
  /// a suffix " (2)", " (3)", … within the limit.
  static func unique(_ proposed: [String], fallback: (Int) -> String) -> [String] {
    var used: Set<String> = []
    var names: [String] = []
    for (index, raw) in proposed.enumerated() {
      var base = sanitized(raw)
      if base.isEmpty || base.lowercased() == "history" {
        base = sanitized(base.isEmpty ? fallback(index + 1) : base + " 1")
      }
      var candidate = base
      var counter = 2
      while used.contains(candidate.lowercased()) {
        let suffix = " (\(counter))"
        candidate = truncated(base, to: maximumLength - suffix.utf16.count) + suffix
        counter += 1
      }
      used.insert(candidate.lowercased())
      names.append(candidate)
    }
    return names
  }

  static func sanitized(_ name: String) -> String {
    var result = ""
    for character in name {
      let replacement: Character =
        forbidden.contains(character) || character.isNewline || character == "\t" ? " " : character
      if replacement == " " && (result.isEmpty || result.last == " ") { continue }
      result.append(replacement)
    }
    while result.first == "'" || result.first == " " { result.removeFirst() }
    result = truncated(result, to: maximumLength)
    while result.last == "'" || result.last == " " { result.removeLast() }
    return result
  }

  static func truncated(_ name: String, to length: Int) -> String {
    var result = ""
    for character in name {
      if result.utf16.count + String(character).utf16.count > length { break }
      result.append(character)
    }
    return result
  }
}
