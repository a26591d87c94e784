import ArgumentParser
import Microdata
import Tabulation

/// Parsers for numeric options whose range the contract fixes; a value out of range is a usage
/// error (exit 2) that states the range.

/// `--window DAYS`: a positive whole number of days, at most 100 years.
func windowDays(_ text: String) throws -> Int {
  guard let n = Int(text), n >= 1, n <= 36_525 else {
    throw ValidationError(
      "--window must be a positive number of days (at most 36525), e.g. 365 or 1095, not `\(text)`."
    )
  }
  return n
}

extension InputOptions {
  /// `--delimiter` and `--encoding` name values the reader knows; anything else is a usage error.
  func validate() throws {
    if let delimiter, LoadOptions.delimiter(named: delimiter) == nil {
      throw ValidationError(
        "Unknown --delimiter `\(delimiter)`: use ';' (semicolon), ',' (comma), 'tab' or '|' (pipe), "
          + "or another single ASCII character.")
    }
    if let encoding, TextEncoding(name: encoding) == nil {
      throw ValidationError(
        "Unknown --encoding `\(encoding)`: use utf8, latin1 (iso-8859-1) or windows1252 (cp1252).")
    }
  }
}
