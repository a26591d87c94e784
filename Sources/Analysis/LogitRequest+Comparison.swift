import RegressionModels

/// Likelihood-ratio tests between consecutive models of `--compare`, ordered by their number of
/// estimated coefficients (as R's `anova(m1, m2, …)` with the models given smallest first).
public struct ModelComparison: Sendable {
  /// The models in test order.
  public var models: [(label: String, fit: GLMFit)] = []
  /// `tests[k]` compares `models[k]` (reduced) with `models[k + 1]` (full).
  public var tests: [LikelihoodRatioTest?] = []
  /// Whether the terms of each reduced model are among those of the full one.
  public var nested: [Bool] = []
  public var warnings: [String] = []

  /// The `comparisons` array of the JSON.
  public struct Entry: Encodable, Sendable {
    public var reduced: String
    public var full: String
    public var chi2: Double?
    public var df: Int?
    public var pValue: Double?
    public var nested: Bool

    enum CodingKeys: String, CodingKey {
      case reduced, full, chi2, df, nested
      case pValue = "p_value"
    }
  }

  /// The `compared_models` array of the JSON.
  public struct Model: Encodable, Sendable {
    public var formula: String
    public var n: Int
    public var coefficients: Int
    public var deviance: Double
    public var logLikelihood: Double
    public var aic: Double
    public var bic: Double
    public var converged: Bool

    enum CodingKeys: String, CodingKey {
      case formula, n, coefficients, deviance, aic, bic, converged
      case logLikelihood = "log_likelihood"
    }
  }

  public var entries: [Entry] {
    tests.indices.map { k in
      Entry(
        reduced: models[k].label, full: models[k + 1].label, chi2: tests[k]?.statistic,
        df: tests[k]?.degreesOfFreedom, pValue: tests[k]?.pValue, nested: nested[k])
    }
  }

  public var modelEntries: [Model] {
    models.map {
      Model(
        formula: $0.label, n: $0.fit.observationCount, coefficients: $0.fit.rank,
        deviance: $0.fit.deviance, logLikelihood: $0.fit.logLikelihood, aic: $0.fit.aic,
        bic: $0.fit.bic, converged: $0.fit.converged)
    }
  }
}

extension LogitRequest {
  package func compareModels(_ fits: LogitFits) throws -> ModelComparison {
    try ModelComparison(models: fits.models)
  }
}

extension ModelComparison {
  /// Likelihood-ratio tests between consecutive models ordered by their number of estimated
  /// coefficients, with notes when a pair is not nested, not comparable or did not converge.
  package init(models: [(label: String, fit: GLMFit)]) throws {
    var comparison = ModelComparison()
    defer { self = comparison }
    guard models.count > 1 else { return }
    comparison.models = models.enumerated().sorted {
      ($0.element.fit.rank, $0.offset) < ($1.element.fit.rank, $1.offset)
    }.map(\.element)
    for k in 0..<(comparison.models.count - 1) {
      let (reduced, full) = (comparison.models[k], comparison.models[k + 1])
      let nested =
        Set(reduced.fit.formula?.terms ?? []).isSubset(of: full.fit.formula?.terms ?? [])
        && (full.fit.formula?.hasIntercept ?? true || !(reduced.fit.formula?.hasIntercept ?? false))
      comparison.nested.append(nested)
      if reduced.fit.rank == full.fit.rank {
        comparison.tests.append(nil)
        comparison.warnings.append(
          "`\(reduced.label)` and `\(full.label)` have the same number of coefficients; they are not compared."
        )
        continue
      }
      comparison.tests.append(try LikelihoodRatioTest(reduced: reduced.fit, full: full.fit))
      if !nested {
        comparison.warnings.append(
          "The terms of `\(reduced.label)` are not all among those of `\(full.label)`; the likelihood-ratio test assumes the first model is nested in the second."
        )
      }
      if !reduced.fit.converged || !full.fit.converged {
        comparison.warnings.append(
          "A compared model did not converge (`\(reduced.label)` or `\(full.label)`); its test is unreliable."
        )
      }
    }
  }
}
