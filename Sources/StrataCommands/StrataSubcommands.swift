import Analysis
import ArgumentParser
import Microdata
import Reporting
import Reports

/// The subcommands of `strata`, in the order `--help` lists them.
enum StrataSubcommands {
  static let all: [ParsableCommand.Type] = [
    DescribeCommand.self,
    TabulateCommand.self,
    RepeatCommand.self,
    RecidivismCommand.self,
    LogitCommand.self,
    PoissonCommand.self,
    NegativeBinomialCommand.self,
    MAIHDACommand.self,
    ReportCommand.self,
    CheckCommand.self,
    GenerateCommand.self,
  ]
}
