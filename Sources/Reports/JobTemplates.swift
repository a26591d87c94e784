/// A job of each analysis kind with only its required fields filled in, from which a recipe
/// entry's job is decoded (`JobOptionDecoding`) and whose stored fields are the options an
/// entry may set.
enum JobTemplates {
  /// A placeholder input; every template's inputs are replaced before decoding.
  static let placeholder = DataInput(path: "")

  static func tabulation() -> TabulationRequest { TabulationRequest(data: placeholder, rows: []) }
  static func repeatOffending() -> RepeatOffendingRequest {
    RepeatOffendingRequest(data: placeholder, by: [])
  }
  static func recidivism() -> RecidivismRequest {
    RecidivismRequest(suspicions: placeholder, windowDays: 0)
  }
  static func logit() -> LogitRequest { LogitRequest(data: placeholder, formula: "") }
  static func maihda() -> MAIHDARequest { MAIHDARequest(data: placeholder, strata: []) }
  static func share() -> ShareRequest {
    ShareRequest(data: placeholder, by: [], numerators: [], denominator: "")
  }

  /// The stored fields of the job of `kind`, in declaration order.
  static func fields(of kind: AnalysisKind) -> [String] {
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
