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
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      Foundation.exit(0)
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        FileHandle.standardError.write(
          Data("Run `strata --help` or `strata <subcommand> --help` for usage.\n".utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
