/// The response distribution of a random-intercept model (and of a MAIHDA).
///
/// ```
/// binomial   yⱼ | uⱼ ~ Binomial(nⱼ, logit⁻¹(xⱼβ + uⱼ))              logit link
/// poisson    yⱼ | uⱼ ~ Poisson(nⱼ exp(xⱼβ + uⱼ))                      log link, offset log nⱼ
/// gaussian   yᵢⱼ | uⱼ ~ N(xᵢⱼβ + uⱼ, σ²_e)                           identity link
/// ```
/// For `poisson`, nⱼ is the exposure (persons, person-years): its logarithm is an offset, so a
/// stratum of a national population is one term whatever its size.
public enum MixedFamily: String, Sendable, Codable, CaseIterable {
  case binomial
  case poisson
  case gaussian
}
