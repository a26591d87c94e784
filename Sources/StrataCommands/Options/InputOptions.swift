import ArgumentParser
import Microdata

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
    help: "Bad rows: strict (stop with an error) or skip (exclude and count them).")
  var onError: LoadOptions.ErrorPolicy = .strict

  @Option(help: "Select rows, e.g. 'brottstyp == \"vbek\" && alder >= 18'.")
  var filter: String?

  /// The input description for a file read with these options.
  func input(_ path: String) -> DataInput {
    DataInput(
      path: path, codebook: codebook, delimiter: delimiter, encoding: encoding, onError: onError)
  }
}
