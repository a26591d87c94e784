import Distributions
import Foundation

/// The standard population of a direct standardisation.
public enum StandardPopulation: Sendable, Equatable, Hashable {
  /// The study population itself: the population table summed over every other variable.
  case studyPopulation
  /// Explicit weights (e.g. persons) for each level of the stratum variable, in level order.
  case weights([Double])
}

/// Options for ``DirectStandardization``.
public struct StandardizationOptions: Sendable, Equatable, Hashable {
  /// The standard population. Default ``StandardPopulation/studyPopulation``.
  public var standard: StandardPopulation
  /// Rates per this many persons. Default 100 000.
  public var per: Double
  /// Confidence level. Default 0.95.
  public var level: Double

  public init(
    standard: StandardPopulation = .studyPopulation, per: Double = 100_000, level: Double = 0.95
  ) {
    self.standard = standard
    self.per = per
    self.level = level
  }
}

/// A directly standardised rate of one group, with its crude rate and the Fay–Feuer interval.
public struct StandardizedRate: Sendable, Equatable, Hashable {
  /// The group's level code in each group variable (`nil` = all levels).
  public let codes: [String?]
  /// The group's suspects and population over all strata.
  public let count: Double
  public let population: Double
  /// `per · Σ x_s / Σ N_s`.
  public let crudeRate: Double
  /// `per · Σ_s w_s x_s / N_s`.
  public let adjustedRate: Double
  /// The gamma interval of Fay & Feuer (1997), on the rate's scale.
  public let interval: Interval
}

/// Direct standardisation of rates to a standard population over a stratum variable (usually
/// age), for every group formed by the other variables of a ``RateTable`` and for every margin
/// of those groups.
///
/// For a group with suspects `x_s` and population `N_s` in stratum `s`, and standard weights
/// `w_s = W_s / Σ W` (zero-weight strata contribute nothing):
///
/// ```
/// dsr  = Σ_s w_s x_s / N_s
/// v    = Σ_s w_s² x_s / N_s²
/// w_M  = max_s w_s / N_s
/// lower = Γ⁻¹(α/2;     shape = dsr² / v,                 scale = v / dsr)            (0 if dsr = 0)
/// upper = Γ⁻¹(1 − α/2; shape = (dsr + w_M)² / (v + w_M²), scale = (v + w_M²) / (dsr + w_M))
/// ```
///
/// all multiplied by `per`. Fay & Feuer (1997), "Confidence intervals for directly standardized
/// rates: a method based on the gamma distribution", Statistics in Medicine 16(7), 791–801,
/// doi:10.1002/(SICI)1097-0258(19970415)16:7<791::AID-SIM500>3.0.CO;2-#; the computation of
/// `epitools::ageadjust.direct`, except that a group without suspects gets the lower limit 0
/// (epitools gives NaN there).
///
/// With the default standard (the study population), the adjusted rate of the whole population
/// equals its crude rate.
public struct DirectStandardization: Sendable, Equatable {
  /// The stratum variable and the group variables.
  public let stratum: String
  public let groupVariables: [String]
  /// The standard weights `w_s` (summing to 1), in the stratum's level order.
  public let standardWeights: [Double]
  /// The options used.
  public let options: StandardizationOptions
  /// One rate per combination of the group variables, row-major (the first varies slowest).
  public let groups: [StandardizedRate]
  /// The whole population (all groups together).
  public let total: StandardizedRate
  /// Every group and margin, in the extended layout of the group variables.
  let entries: [StandardizedRate]
  let groupShape: [Int]

  /// The standardised rate of a group or margin by level codes of the group variables (`nil` =
  /// all levels).
  public func rate(codes: [String?]) -> StandardizedRate? {
    entries.first { $0.codes == codes }
  }
}
