import ArgumentParser

/// The root `strata` command.
public struct Strata: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "strata",
    abstract: "Intersectional analysis of crime-register data.",
    version: "0.1.0",
    subcommands: [])
  public init() {}
}
