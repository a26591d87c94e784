import ArgumentParser

/// The subcommands of `strata`, in the order `--help` lists them.
enum StrataSubcommands {
  static let all: [ParsableCommand.Type] = [
    DescribeCommand.self,
    LogitCommand.self,
    MAIHDACommand.self,
    GenerateCommand.self,
    ReportCommand.self,
    CheckCommand.self,
  ]
}
