import Analysis
import ArgumentParser

/// `--per-person`, `--person-register`, `--from`, `--to`: analyse persons derived from a file
/// of suspicions (one row per person and combination, Brå's netto counting) instead of the
/// file's rows.
struct PersonLevelOptions: ParsableArguments {
  @Option(
    name: .customLong("per-person"),
    help: ArgumentHelp(
      "The input is a file of suspicions: count each person once per combination of these "
        + "variables (e.g. brottstyp,malsagande_kon,parrelation).",
      valueName: "V,..."),
    transform: commaSeparated)
  var by: [String]?

  @Option(
    name: .customLong("person-register"),
    help: ArgumentHelp(
      "With --per-person: the person file joined by lopnr (kon, alder, ...).", valueName: "FILE"))
  var register: String?

  @Option(
    help: ArgumentHelp(
      "With --per-person: the first date of the suspicions counted.", valueName: "YYYY-MM-DD"))
  var from: String?

  @Option(
    help: ArgumentHelp(
      "With --per-person: the last date of the suspicions counted.", valueName: "YYYY-MM-DD"))
  var to: String?

  func validate() throws {
    if by == nil && (register != nil || from != nil || to != nil) {
      throw ValidationError("--person-register, --from and --to need --per-person V,...")
    }
    if let by, by.isEmpty { throw ValidationError("--per-person needs at least one variable.") }
  }

  /// The data input with the person-level derivation, if asked for.
  func apply(to input: DataInput) -> DataInput {
    guard let by else { return input }
    var result = input
    result.personLevel = DataInput.PersonLevel(
      persons: register, by: by, from: from, to: to)
    return result
  }
}
