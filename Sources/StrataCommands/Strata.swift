import Analysis
import ArgumentParser
import Foundation
import LinearAlgebra
import Microdata
import Reporting
import Reports

/// The root `strata` command.
///
/// Exit status: 0 success; 1 a data or model error (the message on stderr names file, line,
/// column and value where there is one); 2 a usage error.
public struct Strata: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "strata",
    abstract: "Intersectional analysis of crime-register data (Brå/SCB extracts).",
    discussion: """
      Every subcommand that reads data goes through a codebook (default: the canonical one \
      shipped in datasets/codebook.yaml) and detects delimiter, encoding and BOM.

      Formats: the codebook is described in \
      Sources/Microdata/Microdata.docc/CodebookFormat.md, a report recipe in \
      notebooks-scripts/README.md (both in the Strata source tree).

      Exit status: 0 success; 1 data or model error; 2 usage error.
      """,
    version: StrataVersion.current,
    subcommands: StrataSubcommands.all)

  public init() {}

  /// Runs the command line and exits with the contract's status codes: usage errors exit 2
  /// (argument-parser's default is 64), data and model errors exit 1.
  public static func main() {
    main(nil)
  }

  /// Runs `arguments` (or the process arguments) as `main()` does.
  public static func main(_ arguments: [String]?) -> Never {
    // The statistics split large work across cores themselves; OpenBLAS threads inside small
    // BLAS calls would only compete with them (see `BLASThreads`).
    BLASThreads.set(1)
    if let unknown = unknownSubcommand(arguments ?? Array(CommandLine.arguments.dropFirst())) {
      FileHandle.standardError.write(Data((unknown + "\n").utf8))
      Foundation.exit(2)
    }
    var command: ParsableCommand
    do {
      command = try parseAsRoot(arguments)
    } catch {
      // A usage error while parsing: argument-parser's message already ends with the
      // subcommand's usage and where to find its help.
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
    do {
      try command.run()
      Foundation.exit(0)
    } catch {
      let name = type(of: command)._commandName
      if exitCode(for: error) == .validationFailure {
        // A usage problem found while running (e.g. a malformed recipe): the message and one
        // pointer to the help, not the root command's usage.
        FileHandle.standardError.write(
          Data("Error: \(message(for: error))\nRun `strata \(name) --help` for usage.\n".utf8))
        Foundation.exit(2)
      }
      if let plain = fileErrorMessage(error) {
        FileHandle.standardError.write(Data("Error: \(plain)\n".utf8))
        Foundation.exit(1)
      }
      exit(withError: error)
    }
  }
}

/// A plain sentence for Foundation's file errors (an unwritable `--output` or `--out`), in place
/// of their `NSCocoaErrorDomain` text: "Cannot write /x/y.csv: no such file or directory."
func fileErrorMessage(_ error: Error) -> String? {
  let ns = error as NSError
  guard ns.domain == NSCocoaErrorDomain else { return nil }
  let path =
    (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
  let reading = ns.code >= NSFileReadUnknownError && ns.code <= NSFileReadUnknownStringEncodingError
  let verb = reading ? "read" : "write"
  guard let path else { return "Cannot \(verb) a file: \(fileErrorReason(error, path: "/"))." }
  return "Cannot \(verb) \(path): \(fileErrorReason(error, path: path))."
}

/// "Unknown subcommand `tabulat`; did you mean `tabulate`?" when the first argument is a word
/// that names no subcommand; `nil` otherwise (options and files are argument-parser's).
func unknownSubcommand(_ arguments: [String]) -> String? {
  guard let first = arguments.first, !first.hasPrefix("-"), !first.contains("."),
    !first.contains("/")
  else { return nil }
  let names = StrataSubcommands.all.map { $0._commandName } + ["help"]
  guard !names.contains(first) else { return nil }
  let near = suggestions(for: first, among: names)
  let hint =
    near.isEmpty ? "" : "; did you mean " + near.map { "`\($0)`" }.joined(separator: " or ") + "?"
  return "Error: unknown subcommand `\(first)`\(hint)\n"
    + "Subcommands: \(names.dropLast().joined(separator: ", ")). See 'strata --help'."
}
