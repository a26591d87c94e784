import Microdata
import Tabulation

/// A variable of a table replaced by a coarser grouping of the same source (`aldersgrupp` by
/// `aldersgrupp3`) because the table would otherwise be mostly suppressed.
public struct Coarsening: Sendable, Equatable, Codable {
  /// The variable asked for.
  public var from: String
  /// The grouping used instead.
  public var to: String
}

extension TabulationRequest {
  /// The share of inner cells above which `coarsen` looks for coarser groupings: a table
  /// that hides more than half of its cells tells the reader less than a coarser one.
  public static let coarseningShare = 0.5

  /// Runs the table as asked; when `coarsen` is set and more than half of the inner cells are
  /// suppressed, replaces its variables, one at a time, by coarser groupings of the same source
  /// variable in the codebook (groupings whose every level is a union of the variable's levels
  /// in the data: `aldersgrupp3` for `aldersgrupp`, `fodelse` for `fodelseregion`), keeping each
  /// replacement that hides a smaller share, until at most half is hidden or none helps. The
  /// result names what was replaced (``TabulationResult/coarsened``).
  func runCoarsening() throws -> TabulationResult {
    var request = self
    request.coarsen = false
    var best = try request.run()
    var share = Self.hiddenShare(best)
    var coarsened: [Coarsening] = []
    // A streamed file is not held in memory to check the groupings' nesting.
    guard share > Self.coarseningShare, !stream else { return best }
    let loaded = try data.load(filter: nil)
    let codebook = loaded.dataset.codebook
    var replaced = Set<String>()
    while share > Self.coarseningShare {
      var step: (result: TabulationResult, share: Double, coarsening: Coarsening)?
      for variable in request.rows + request.cols where !replaced.contains(variable) {
        for candidate in Self.coarserGroupings(of: variable, in: loaded.dataset, codebook: codebook)
        {
          var trial = request
          trial.rows = trial.rows.map { $0 == variable ? candidate : $0 }
          trial.cols = trial.cols.map { $0 == variable ? candidate : $0 }
          guard let result = try? trial.run() else { continue }
          let trialShare = Self.hiddenShare(result)
          if trialShare < (step?.share ?? share) {
            step = (result, trialShare, Coarsening(from: variable, to: candidate))
          }
        }
      }
      guard let step else { break }
      best = step.result
      request = step.result.request
      share = step.share
      replaced.insert(step.coarsening.to)
      coarsened.append(step.coarsening)
    }
    best.coarsened = coarsened
    best.request.coarsen = true
    return best
  }

  /// The share of a table's inner cells that are suppressed.
  static func hiddenShare(_ result: TabulationResult) -> Double {
    let cells = result.summary.cells
    guard !cells.isEmpty else { return 0 }
    return Double(cells.filter(\.suppressed).count) / Double(cells.count)
  }

  /// The groupings of the codebook that are coarser than `variable` in `dataset`: the same
  /// source variables, fewer levels, and every level of `variable` falling into one level of
  /// the grouping in every row; the coarsest last.
  static func coarserGroupings(of variable: String, in dataset: Dataset, codebook: Codebook)
    -> [String]
  {
    let sources = codebook.sources(of: variable)
    guard let original = try? dataset.factor(variable) else { return [] }
    var found: [(name: String, levels: Int)] = []
    for grouping in codebook.groupings
    where grouping.name != variable && codebook.sources(of: grouping.name) == sources
      && grouping.levels.count < original.levels.count
    {
      guard let coarse = try? dataset.factor(grouping.name) else { continue }
      var into = [Int32?](repeating: nil, count: original.levels.count)
      var nested = true
      for row in 0..<original.codes.count {
        let fine = original.codes[row]
        let wide = coarse.codes[row]
        guard fine >= 0 else { continue }
        guard wide >= 0 else {
          nested = false
          break
        }
        if let existing = into[Int(fine)], existing != wide {
          nested = false
          break
        }
        into[Int(fine)] = wide
      }
      if nested { found.append((grouping.name, coarse.levels.count)) }
    }
    return found.sorted { ($0.levels, $0.name) > ($1.levels, $1.name) }.map(\.name)
  }
}
