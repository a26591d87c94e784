import Analysis
import ArgumentParser
import Microdata
import Reporting
import Reports

extension LoadOptions.ErrorPolicy: ExpressibleByArgument {}

/// `--codebook`, `--delimiter`, `--encoding`, `--on-error`, `--filter`: how every subcommand that
/// reads data reads it.
struct InputOptions: ParsableArguments {
  @Option(help: "Codebook YAML (default: the canonical codebook shipped in datasets/).")
  var codebook: String?

  @Option(help: "Field delimiter: ';', ',', 'tab' or '|' (default: detected).")
  var delimiter: String?

  @Option(help: "Encoding: utf8, latin1 or windows1252 (default: detected).")
  var encoding: String?

  @Option(
    name: .customLong("on-error"),
    help:
      "Bad rows: strict (stop with an error; the default), skip (exclude and count them) or mark-missing (keep the row, count the value as missing)."
  )
  var onError: LoadOptions.ErrorPolicy?

  @Option(help: "Select rows, e.g. 'brottstyp == \"vbek\" && alder >= 18'.")
  var filter: String?

  /// The input description for a file read with these options.
  /// - Parameter defaultPolicy: the policy when `--on-error` is not given (`strict` except for
  ///   `describe`, which reports bad values as counts).
  func input(_ path: String, defaultPolicy: LoadOptions.ErrorPolicy = .strict) -> DataInput {
    DataInput(
      path: path, codebook: codebook, delimiter: delimiter, encoding: encoding,
      onError: onError ?? defaultPolicy)
  }
}
