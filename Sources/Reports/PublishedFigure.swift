import Analysis
import Microdata
import Reporting

/// A published figure that a recipe entry must reproduce (`expect:`).
///
/// ```yaml
/// expect:
///   - cell: {grupp: Kvinnor, ar: "2004", numerator: aterfall_2ar}
///     measure: percent             # a field of the cell in the analysis's JSON
///     published: 25                # as printed in the publication
///     decimals: 0                  # default: the decimals written in `published`
///     rounding: double             # half_up (default) | half_even | double
///     known_mismatch: "24,48 %; Brå printed 25"   # reported, not failing
/// ```
///
/// The cell is looked up in the analysis's typed result (`FigureSource`): the cell, group,
/// margin, stratum or share whose variables are exactly the cell's, with these codes, or a
/// model term (`{term: "kon: 1"}`); the measure is one of `FigureMeasure`'s names (`count`,
/// `percent`, `rate`, `share`, `odds_ratio`, `rate_ci.0`, …). Without `cell`, the figure is
/// of the whole analysis: its total, or a model measure such as `null_model.vpc`. `expect:` may also be a mapping whose `measure`, `decimals` and
/// `rounding` are defaults for its `figures:` list.
public struct PublishedFigure: Sendable, Equatable {
  /// The cell's variables and codes, in the order written.
  public var cell: [CellCoordinate]
  public var measure: FigureMeasure
  /// The published value as written, e.g. `25` or `24.5`.
  public var published: String
  /// The published precision (decimals).
  public var decimals: Int
  public var rounding: RoundingRule
  /// Why the figure is known not to reproduce; such a figure is reported but does not fail.
  public var knownMismatch: String?
  /// In a `for_each` entry: the expansion the figure belongs to (`for_each: {brottstyp:
  /// vbek}`); empty means every expansion.
  public var forEach: [CellCoordinate] = []
  /// The recipe line of the figure.
  public var line: Int

  /// The cell as text, e.g. `grupp=Kvinnor, ar=2004`.
  public var cellText: String {
    cell.isEmpty ? "–" : cell.map { "\($0.variable)=\($0.code)" }.joined(separator: ", ")
  }
}
