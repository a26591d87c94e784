import RegressionModels
import Tabulation

extension LogitResult: FigureSource {
  /// A coefficient (`{term: "kon: 1"}`, intervals as the request asks) or, with no cell, a fit
  /// statistic of the main model.
  /// A withheld model (``ModelDisclosure``) has only `n`.
  public func figure(_ measure: FigureMeasure, at cell: [CellCoordinate]) -> FigureLookup {
    let fit = fits.main
    if disclosure.withheld && !(cell.isEmpty && measure == .n) { return .suppressed }
    if cell.isEmpty {
      let value: Double? =
        switch measure {
        case .n: Double(fit.observationCount)
        case .deviance: fit.deviance
        case .nullDeviance: fit.nullDeviance
        case .logLikelihood: fit.logLikelihood
        case .aic: fit.aic
        case .bic: fit.bic
        default: nil
        }
      return value.map(FigureLookup.value)
        ?? .notFound("a model has no `\(measure.rawValue)`; name a term as the cell")
    }
    guard cell.count == 1, cell[0].variable == "term" else {
      return .notFound("a coefficient's cell is `{term: \"kon: 1\"}`")
    }
    let table: CoefficientTable
    do {
      table = try fit.coefficientTable(level: request.level, intervals: request.intervalMethod)
    } catch {
      return .notFound("the coefficient table cannot be computed: \(error)")
    }
    guard let row = table.rows.first(where: { $0.term == cell[0].code }) else {
      return .notFound(
        "no term `\(cell[0].code)` (terms: \(table.rows.map(\.term).joined(separator: ", ")))")
    }
    let value: Double? =
      switch measure {
      case .estimate: row.estimate
      case .standardError: row.standardError
      case .z: row.statistic
      case .pValue: row.pValue
      case .oddsRatio: row.oddsRatio
      case .lower: row.oddsRatioInterval?.lower
      case .upper: row.oddsRatioInterval?.upper
      default: nil
      }
    return value.map(FigureLookup.value) ?? .notFound("a term has no `\(measure.rawValue)`")
  }
}

extension MAIHDAAnalysisResult: FigureSource {
  /// A stratum (its codes as the cell) or, with no cell, a measure of the null or main-effects
  /// model (`null_model.vpc`, `main_effects_model.pcv`, …).
  /// Figures withheld by ``MAIHDADisclosure`` (a suppressed stratum, model 2 when withheld,
  /// the AUCs while strata are suppressed) are `.suppressed`.
  public func figure(_ measure: FigureMeasure, at cell: [CellCoordinate]) -> FigureLookup {
    let disclosure = self.disclosure
    if cell.isEmpty {
      if disclosure.mainEffectsWithheld
        && [.mainSigma2, .mainVPC, .mainMOR, .mainAUC, .pcv].contains(measure)
      {
        return .suppressed
      }
      if disclosure.totalCasesWithheld && [.nullAUC, .mainAUC].contains(measure) {
        return .suppressed
      }
      let null = result.nullSummary
      let main = result.mainEffectsSummary
      let value: Double? =
        switch measure {
        case .nullIntercept: null.intercept
        case .nullSigma2: null.randomIntercept.variance
        case .nullVPC: null.randomIntercept.vpc
        case .nullMOR: null.randomIntercept.medianOddsRatio
        case .nullAUC: null.auc?.auc
        case .mainSigma2: main.randomIntercept.variance
        case .mainVPC: main.randomIntercept.vpc
        case .mainMOR: main.randomIntercept.medianOddsRatio
        case .mainAUC: main.auc?.auc
        case .pcv: result.pcv
        default: nil
        }
      return value.map(FigureLookup.value)
        ?? .notFound("the models have no `\(measure.rawValue)`; name a stratum as the cell")
    }
    let positions = cell.map { coordinate in result.variables.firstIndex(of: coordinate.variable) }
    guard cell.count == result.variables.count, positions.allSatisfy({ $0 != nil }) else {
      return .notFound(
        "a stratum's cell names every stratum variable: \(result.variables.joined(separator: ", "))"
      )
    }
    guard
      let stratum = result.strata.first(where: { stratum in
        zip(cell, positions).allSatisfy { stratum.codes[$1!] == $0.code }
      })
    else { return .notFound("no stratum has these codes") }
    if disclosure.suppressed.contains(stratum.index) {
      let personsShown = !disclosure.personsHidden.contains(stratum.index)
      return [.n, .persons].contains(measure) && personsShown
        ? .value(Double(stratum.persons)) : .suppressed
    }
    if disclosure.mainEffectsWithheld && measure == .interaction { return .suppressed }
    let value: Double? =
      switch measure {
      case .n, .persons: Double(stratum.persons)
      case .cases: Double(stratum.cases)
      case .observed: stratum.observed
      case .predicted: stratum.predicted
      case .lower: stratum.predictedInterval.lowerBound
      case .upper: stratum.predictedInterval.upperBound
      case .interaction: stratum.interaction
      default: nil
      }
    return value.map(FigureLookup.value) ?? .notFound("a stratum has no `\(measure.rawValue)`")
  }
}

extension ShareResult: FigureSource {
  /// A share of one numerator in one cell: the cell names the `by` variables' codes and
  /// `numerator` (e.g. `{grupp: Kvinnor, ar: "2004", numerator: aterfall_1ar}`).
  public func figure(_ measure: FigureMeasure, at cell: [CellCoordinate]) -> FigureLookup {
    let numeratorCode = cell.first { $0.variable == "numerator" }?.code ?? numerators.first
    guard let numeratorCode, let k = numerators.firstIndex(of: numeratorCode) else {
      return .notFound(
        "no numerator `\(numeratorCode ?? "")` (\(numerators.joined(separator: ", ")))")
    }
    let coordinates = cell.filter { $0.variable != "numerator" }
    guard coordinates.count == dimensions.count else {
      return .notFound(
        "a share's cell names every `by` variable: "
          + dimensions.map(\.name).joined(separator: ", "))
    }
    guard
      let match = cells.first(where: { candidate in
        coordinates.allSatisfy { coordinate in
          guard let d = dimensions.firstIndex(where: { $0.name == coordinate.variable }) else {
            return false
          }
          return dimensions[d].codes[candidate.levels[d]] == coordinate.code
        }
      })
    else { return .notFound("no cell has these codes") }
    let count = match.counts[k]
    if isSuppressed(match.total) || isSuppressed(count) { return .suppressed }
    let share = match.total > 0 ? count / match.total : nil
    let value: Double? =
      switch measure {
      case .count: count
      case .total: match.total
      case .share: share
      case .percent: share.map { 100 * $0 }
      case .lower: match.intervals[k]?.lower
      case .upper: match.intervals[k]?.upper
      default: nil
      }
    return value.map(FigureLookup.value) ?? .notFound("a share has no `\(measure.rawValue)`")
  }
}
