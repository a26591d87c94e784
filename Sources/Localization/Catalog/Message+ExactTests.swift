// Texts of the continuity-corrected χ² test and of Fisher's exact test of r × c tables.

extension Message {
  /// "Kontinuitetskorrektion" / "Continuity correction", the row that states Yates' correction.
  public static let continuityCorrection = Message(
    "association.continuity_correction", sv: "Kontinuitetskorrektion",
    en: "Continuity correction")
  /// "Yates (χ² och p-värde)" / "Yates (χ² and p-value)": the correction applied.
  public static let yatesCorrection = Message(
    "association.yates", sv: "Yates (χ² och p-värde)", en: "Yates (χ² and p-value)")
  /// The label of a Monte-Carlo p-value of Fisher's test; `replicates` and `seed` formatted.
  public static func fisherMonteCarloPValue(replicates: String, seed: String) -> Message {
    Message(
      "association.fisher_monte_carlo",
      sv: "Fishers exakta test, p-värde (Monte Carlo: \(replicates) slumptabeller, frö \(seed))",
      en: "Fisher's exact test, p-value (Monte Carlo: \(replicates) random tables, seed \(seed))")
  }
}
