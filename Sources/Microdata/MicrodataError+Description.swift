extension MicrodataError {
  /// A sentence for the analyst naming the file, line, column, the value and what was expected.
  public var description: String {
    switch self {
    case .fileNotReadable(let file, let reason):
      return "Cannot read \(file): \(reason)."
    case .emptyFile(let file):
      return "\(file) is empty: it has no header line naming the columns."
    case .corruptCompressedFile(let file, let reason):
      return
        "\(file) is not a valid gzip file (\(reason)); decompress it to check it or export it again."
    case .unterminatedQuote(let l):
      return
        "\(l): a quoted field opens here but is never closed; a quote (\") is probably missing."
    case .malformedQuotedField(let l, let value):
      return
        "\(l): after the closing quote of \(quoted(value)) comes something other than a delimiter or "
        + "a line end; inside a quoted field a quote must be doubled (\"\")."
    case .wrongColumnCount(let l, let found, let expected):
      return
        "\(l): this line has \(found) field\(found == 1 ? "" : "s") but the header has \(expected); "
        + "check for a stray delimiter or an unquoted line break."
    case .undecodableBytes(let l, let bytes, let encoding):
      return "\(l): the bytes \(bytes) are not valid \(encoding.displayName); "
        + "pass the file's real encoding (e.g. --encoding windows1252)."
    case .unknownCode(let l, let variable, let value, let expected):
      return "\(l): \(quoted(value)) is not a code of `\(variable)`; expected \(list(expected)) "
        + "or a missing-value code (add it to the codebook if it is valid)."
    case .outOfRange(let l, let variable, let value, let minimum, let maximum):
      return
        "\(l): \(quoted(value)) is outside the valid range of `\(variable)` "
        + "(\(range(minimum.map(numberText), maximum.map(numberText))))."
    case .dateOutOfRange(let l, let variable, let value, let earliest, let latest):
      return "\(l): \(quoted(value)) is outside the valid dates of `\(variable)` "
        + "(\(range(earliest?.description, latest?.description)))."
    case .unparseableValue(let l, let variable, let value, let expected):
      return "\(l): \(quoted(value)) cannot be read as \(expected) for `\(variable)`."
    case .missingRequiredValue(let l, let variable):
      return "\(l): `\(variable)` is missing but the codebook marks it required."
    case .missingRequiredColumn(let file, let variable, let columns, let suggestions):
      let names = columns.map { "`\($0)`" }.joined(separator: ", ")
      return "\(file) has no column for `\(variable)` (looked for \(names))"
        + (suggestions.isEmpty ? "." : didYouMean(suggestions))
    case .duplicateColumn(let file, let column, let variable):
      return
        "\(file): the header column `\(excerpt(column))` is a second column for `\(variable)`; "
        + "rename or drop one of them."
    case .duplicateKey(let file, let variable, let value, let first, let second):
      return
        "\(file): the key \(quoted(value)) of `\(variable)` occurs on line \(first) and again on "
        + "line \(second), but keys must be unique."
    case .unknownVariable(let name, let suggestions):
      return "There is no variable or grouping named `\(name)`"
        + (suggestions.isEmpty ? "." : didYouMean(suggestions))
    case .wrongVariableKind(let name, let kind, let expected):
      return
        "`\(name)` is \(kind.article) \(kind.rawValue) variable, but \(expected) is needed here."
    case .invalidFilter(let expression, let position, let message):
      return conditionError("filter", expression, position, message)
    case .invalidCondition(let noun, let expression, let position, let message):
      return conditionError(noun, expression, position, message)
    case .invalidCodebook(let file, let line, let message):
      return line > 0 ? "\(file), line \(line): \(message)" : "\(file): \(message)"
    case .invalidOption(let message):
      return message
    case .recordTooLong(let l, let limit):
      return "\(l): this line is longer than \(bytes(limit)) (the limit on one record); "
        + "check for a missing line break or an unclosed quote, or raise "
        + "LoadOptions.maximumRecordBytes if such long lines are real."
    case .tooLargeForMemory(let file, let size, let limit):
      return "\(file) is larger than \(bytes(limit)) (\(bytes(size)) read), more than can be "
        + "loaded into memory safely; read it in chunks with --stream (DatasetReader)."
    case .duplicateHeaderName(let file, let name, let first, let second):
      return "\(file), line 1: columns \(first) and \(second) are both named `\(excerpt(name))`; "
        + "rename or drop one of them."
    case .tooManyColumns(let file, let found, let limit):
      return "\(file), line 1: the header names \(found) columns, more than \(limit); check the "
        + "delimiter, or raise LoadOptions.maximumColumns if the file really is that wide."
    case .mixedEncoding(let invalid, let bytes, let valid, let character):
      return "\(invalid): the bytes \(bytes) are not UTF-8, but \(valid) holds the UTF-8 "
        + "character `\(character)`: the file mixes encodings. Convert it to one encoding, or "
        + "pass --encoding utf8 or --encoding windows1252 to read it as one."
    case .codeNotInList(let l, let variable, let code, let date):
      guard let date else {
        return "\(l): the row has no date, so the code list of `\(variable)` for its period "
          + "cannot be chosen for the code \(quoted(code))."
      }
      return "\(l): \(quoted(code)) is not a code of `\(variable)` in the code list for \(date); "
        + "add it to the codebook's `code_lists` for that period if it is valid."
    case .contradictingCode(
      let l, let variable, let value, let codeVariable, let code, let expected):
      return "\(l): `\(variable)` is \(quoted(value)) but the \(codeVariable) \(quoted(code)) "
        + "means `\(variable)` = \(quoted(expected)); correct the row or the codebook's code list."
    case .missingMarker(let l, let variable, let marker):
      return "\(l): \(quoted(marker)) in `\(variable)`, a column of numbers, is R's mark of a "
        + "missing value and was read as missing."
    }
  }
}

/// `In the filter at position 7: …`, the expression and a caret under the position; a long
/// expression is shown as the 60 characters either side of the position.
private func conditionError(
  _ noun: String, _ expression: String, _ position: Int, _ message: String
)
  -> String
{
  let characters = Array(expression)
  let from = max(0, min(position - 1, characters.count) - 60)
  let to = min(characters.count, max(0, position - 1) + 60)
  let shown =
    (from > 0 ? "…" : "") + String(characters[from..<to]) + (to < characters.count ? "…" : "")
  let caret = String(repeating: " ", count: max(0, position - 1 - from) + (from > 0 ? 1 : 0)) + "^"
  return "In the \(noun) at position \(position): \(message)\n  \(shown)\n  \(caret)"
}

private func quoted(_ value: String) -> String {
  value.isEmpty ? "the empty value" : "`\(excerpt(value))`"
}

/// At most `limit` characters of a value, with `…` when it is longer, so that a huge field
/// never ends up whole in a message; control characters are shown as escapes (`\u{1B}`), so
/// that a message printed to a terminal shows the bytes rather than obeying them.
package func excerpt(_ value: String, limit: Int = 60) -> String {
  var end = value.startIndex
  var count = 0
  while end < value.endIndex && count < limit {
    end = value.index(after: end)
    count += 1
  }
  let shown = visible(value[..<end])
  return end == value.endIndex ? shown : shown + "…"
}

/// `text` with every control character (C0, DEL, C1) written as an escape: `\t`, `\n`, `\r`,
/// `\0` or `\u{XX}`.
private func visible(_ text: Substring) -> String {
  guard text.unicodeScalars.contains(where: isControlCharacter) else { return String(text) }
  var result = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\t": result += "\\t"
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\0": result += "\\0"
    case _ where isControlCharacter(scalar):
      result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result
}

/// `1 MiB`, `512 KiB` or `300 bytes`.
private func bytes(_ n: Int) -> String {
  if n >= 1 << 20 && n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
  if n >= 1 << 20 { return "about \((n + (1 << 19)) >> 20) MiB" }
  if n >= 1 << 10 && n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
  return "\(n) bytes"
}

private func list(_ values: [String]) -> String {
  let shown = values.prefix(12).map { $0 }
  var text = shown.joined(separator: ", ")
  if values.count > shown.count { text += ", … (\(values.count) codes)" }
  return text.isEmpty ? "no codes" : text
}

/// `0 to 120`, `at least 1` or `at most 9`: bounds already written as text.
private func range(_ minimum: String?, _ maximum: String?) -> String {
  switch (minimum, maximum) {
  case (let lo?, let hi?): return "\(lo) to \(hi)"
  case (let lo?, nil): return "at least \(lo)"
  case (nil, let hi?): return "at most \(hi)"
  case (nil, nil): return "no range"
  }
}

/// A bound as written in a codebook: `120` for 120.0, `2.5` for 2.5.
package func numberText(_ x: Double) -> String {
  x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
}

/// Whether a scalar is a control character (C0, DEL or C1): invisible in print, and in a
/// terminal the start of an escape sequence.
package func isControlCharacter(_ scalar: Unicode.Scalar) -> Bool {
  scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
}

func didYouMean(_ suggestions: [String]) -> String {
  guard !suggestions.isEmpty else { return "" }
  let names = suggestions.map { "`\($0)`" }
  if names.count == 1 { return "; did you mean \(names[0])?" }
  return "; did you mean " + names.dropLast().joined(separator: ", ") + " or \(names.last!)?"
}
