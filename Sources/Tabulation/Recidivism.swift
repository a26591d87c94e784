import Distributions
import Microdata

/// Which suspicions are index suspicions.
public enum IndexRule: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
  /// Each person's first suspicion (date) in the index period.
  case first
  /// Every distinct suspicion date of a person in the index period (a person can contribute
  /// several follow-ups; they are treated as independent).
  case each
}

/// Options for ``Recidivism``.
public struct RecidivismOptions: Sendable, Equatable, Hashable {
  /// The follow-up window in days, e.g. 365 or 1095. Default 365.
  public var windowDays: Int
  /// Which suspicions are index suspicions. Default ``IndexRule/first``.
  public var index: IndexRule
  /// The last day covered by the data (day number, e.g. days since 1970-01-01); suspicions
  /// after it are ignored and counted. Default: the latest suspicion date in the data.
  public var endDay: Int?
  /// The days in which index suspicions may fall. Default: every day up to the end.
  public var indexPeriod: ClosedRange<Int>?
  /// Confidence level. Default 0.95.
  public var level: Double
  /// Disclosure control of the persons counted. Default: threshold 5.
  public var disclosure: DisclosureControl

  public init(
    windowDays: Int = 365, index: IndexRule = .first, endDay: Int? = nil,
    indexPeriod: ClosedRange<Int>? = nil, level: Double = 0.95,
    disclosure: DisclosureControl = DisclosureControl()
  ) {
    self.windowDays = windowDays
    self.index = index
    self.endDay = endDay
    self.indexPeriod = indexPeriod
    self.level = level
    self.disclosure = disclosure
  }
}

/// Recidivism of one group (or of everyone).
public struct RecidivismGroup: Sendable, Equatable, Hashable {
  /// The level code of each group variable (`nil` = all levels).
  public let codes: [String?]
  /// Index suspicions in the group (persons, with ``IndexRule/first``).
  public let indexEvents: Int
  /// Index suspicions with complete follow-up (`end − index ≥ window`): the denominator of the
  /// crude share. Persons, with ``IndexRule/first``.
  public let persons: Int
  /// Of those, the ones with a new suspicion within the window.
  public let recidivists: Int
  /// `recidivists / persons` and its Wilson interval (`nil` when `persons = 0`).
  public let rate: Double?
  public let rateInterval: Interval?
  /// The Kaplan–Meier cumulative incidence at the window over all index suspicions, censoring
  /// incomplete follow-up (`nil` without index suspicions).
  public let kaplanMeier: KaplanMeierEstimate?
  /// Index suspicions whose follow-up ends before the window (excluded from the crude share,
  /// censored in the Kaplan–Meier estimate).
  public let censored: Int
  /// Whether disclosure control hides the group's figures.
  public let suppressed: Bool
}

/// Recidivism with a follow-up window, from event-level data: the crude share of persons with a
/// new suspicion within the window among those followed for the whole window, and the
/// Kaplan–Meier cumulative incidence at the window using everyone, by group.
///
/// Definitions (days are whole day numbers, e.g. days since 1970-01-01):
///
/// ```
/// end     = the last day covered by the data (option; default the latest suspicion date)
/// index   = t₀: a person's first suspicion date in the index period (IndexRule.first), or
///           each distinct suspicion date in it (IndexRule.each)
/// event   = the first suspicion date t₁ with t₁ > t₀ and t₁ ≤ end
///           (a suspicion on the index date itself is not recidivism)
/// T       = t₁ − t₀                  time to recidivism (≥ 1 day)
/// C       = end − t₀                 censoring time (follow-up available)
/// full follow-up      C ≥ window
/// recidivist          full follow-up and T ≤ window
/// crude share         recidivists / index suspicions with full follow-up, Wilson interval
/// Kaplan–Meier        1 − S(window) from min(T, C) with event indicator T ≤ C, over all
///                     index suspicions (see KaplanMeierEstimate)
/// censored            index suspicions with C < window
/// ```
///
/// Suspicions after `end` are ignored (counted in ``eventsAfterEnd``). A group variable takes
/// its value at the index suspicion (the first row of that person and day); an index suspicion
/// whose group code is missing or outside every level is excluded and counted in ``excluded``.
/// Disclosure control works on the table group × recidivist among index suspicions with full
/// follow-up, as for ``RepeatOffending``; a suppressed group hides its share and its
/// Kaplan–Meier estimate.
///
/// The crude share is Brå's measure of återfall (persons whose follow-up window lies within the
/// data); the Kaplan–Meier estimate also uses persons indexed too late for a full window.
public struct Recidivism: Sendable, Equatable {
  /// The group variables.
  public let variables: [String]
  /// The options used, and the end day actually used.
  public let options: RecidivismOptions
  public let endDay: Int
  /// One group per combination of the group variables, row-major.
  public let groups: [RecidivismGroup]
  /// Everyone.
  public let total: RecidivismGroup
  /// Index suspicions excluded for a missing or out-of-range group code.
  public let excluded: Exclusions
  /// Suspicion rows left out because their person key or date is missing (only with
  /// ``init(persons:dates:personVariable:dateVariable:groups:options:)``).
  public internal(set) var excludedSuspicions: Exclusions = Exclusions()
  /// Suspicions dated after ``endDay``, ignored.
  public let eventsAfterEnd: Int
  /// Notes for the analyst.
  public internal(set) var warnings: [String]
}
