import ArgumentParser

/// The subcommands of `strata`, in the order `--help` lists them.
enum StrataSubcommands {
  static let all: [ParsableCommand.Type] = [
    GenerateCommand.self, LogitCommand.self, MAIHDACommand.self,
  ]
}
