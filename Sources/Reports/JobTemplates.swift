import Analysis
import Microdata
import Reporting

/// A job of each analysis kind with only its required fields filled in, from which a recipe
/// entry's job is decoded (`JobOptionDecoding`) and whose stored fields are the options an
/// entry may set.
public enum JobTemplates {
  /// A placeholder input; every template's inputs are replaced before decoding.
  package static let placeholder = DataInput(path: "")

  package static func tabulation() -> TabulationRequest {
    TabulationRequest(data: placeholder, rows: [])
  }
  package static func repeatOffending() -> RepeatOffendingRequest {
    RepeatOffendingRequest(data: placeholder, by: [])
  }
  package static func recidivism() -> RecidivismRequest {
    RecidivismRequest(suspicions: placeholder, windowDays: 0)
  }
  package static func logit() -> LogitRequest { LogitRequest(data: placeholder, formula: "") }
  package static func maihda() -> MAIHDARequest { MAIHDARequest(data: placeholder, strata: []) }
  package static func share() -> ShareRequest {
    ShareRequest(data: placeholder, by: [], numerators: [], denominator: "")
  }

  /// The stored fields of the job of `kind`, in declaration order.
  package static func fields(of kind: AnalysisKind) -> [String] {
    let template: Any =
      switch kind {
      case .tabulate, .rates: tabulation()
      case .repeat: repeatOffending()
      case .recidivism: recidivism()
      case .logit: logit()
      case .maihda: maihda()
      case .share: share()
      }
    return Mirror(reflecting: template).children.compactMap(\.label)
  }
}
