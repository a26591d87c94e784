import Analysis
import Microdata
import RegressionModels
import Tabulation

/// The values of the recipe options that take one of a fixed set of words (`family:`, `link:`,
/// `covariance:`, …), by the name of their Swift type, so that a wrong word is answered with the
/// words that are right: "`family`: `gamma` is not one of binomial, poisson, gaussian" rather
/// than the decoder's "Cannot initialize MixedFamily from invalid String value gamma".
enum RecipeChoices {
  /// Type name → its values, for every enumeration a job decodes.
  static let values: [String: [String]] = {
    var values: [String: [String]] = [:]
    func add<T: CaseIterable & RawRepresentable>(_ type: T.Type) where T.RawValue == String {
      values[String(describing: type)] =
        type.allCases.map(\.rawValue)
    }
    add(MixedFamily.self)
    add(MixedModelMethod.self)
    add(Family.self)
    add(Link.self)
    add(CovarianceType.self)
    add(PredictionScale.self)
    add(GLMOptions.Method.self)
    add(GLMOptions.Factorization.self)
    add(GLMOptions.SeparationCheck.self)
    add(CoefficientTable.IntervalMethod.self)
    add(CountRegressionRequest.CountFamily.self)
    add(TabulationRequest.CountUnit.self)
    add(FigureMeasure.self)
    add(ContinuityCorrection.self)
    add(TextEncoding.self)
    add(LoadOptions.ErrorPolicy.self)
    add(VariableKind.self)
    return values
  }()

  /// A sentence for the decoder's message about a word that is not a value of its type, or nil
  /// when the message is about something else.
  static func explain(_ decoderMessage: String) -> String? {
    let pattern = /Cannot initialize (\w+) from invalid String value (.*)/
    guard let match = decoderMessage.firstMatch(of: pattern) else { return nil }
    let word = String(match.output.2)
    guard let choices = values[String(match.output.1)] else {
      return "`\(word)` is not a value this option takes"
    }
    let listed = choices.map { "`\($0)`" }
    let options =
      listed.count <= 2
      ? listed.joined(separator: " or ")
      : listed.dropLast().joined(separator: ", ") + " or " + listed.last!
    return "`\(word)` is not a value this option takes; use \(options)"
  }
}
