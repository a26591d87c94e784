/// A job of each analysis kind with only its required fields filled in, from which a recipe
/// entry's job is decoded (`JobOptionDecoding`) and whose stored fields are the options an
/// entry may set.
enum JobTemplates {
  /// A placeholder input; every template's inputs are replaced before decoding.
  static let placeholder = DataInput(path: "")

  static func tabulation() -> TabulationJob { TabulationJob(data: placeholder, rows: []) }
  static func repeatOffending() -> RepeatOffendingJob {
    RepeatOffendingJob(data: placeholder, by: [])
  }
  static func recidivism() -> RecidivismJob {
    RecidivismJob(suspicions: placeholder, windowDays: 0)
  }
  static func logit() -> LogitJob { LogitJob(data: placeholder, formula: "") }
  static func maihda() -> MAIHDAJob { MAIHDAJob(data: placeholder, strata: []) }
  static func share() -> ShareJob {
    ShareJob(data: placeholder, by: [], numerators: [], denominator: "")
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
