#!/usr/bin/env Rscript
# Reference values for Firth's method under complete separation on a covariate of a large scale
# (issue #13, item 2): Tests/RegressionModelsTests/Reference/firth_complete_separation.json.
# Run from the repository root:  Rscript scripts/reference/make_firth_separation_reference.R
# CI does not run this; the tests read the committed JSON. No random numbers.
#
# y = 1 exactly when x > 40 (x an age): maximum likelihood diverges, brglm2's AS_mean (Firth's
# penalised likelihood for the logit) is finite. The profile penalised-likelihood interval
# (logistf's default) is computed by hand: the Jeffreys-penalised log-likelihood
#   l*(b) = l(b) + 1/2 log det(X' W X),   W = diag(p (1 - p))
# maximised over the free coefficient by optim (BFGS, reltol 1e-15), and each end found by uniroot
# on 2 (l*(b_hat) - l*_j(v)) = qchisq(0.95, 1). log-probabilities through plogis(log.p = TRUE),
# so that |eta| in the hundreds is evaluated without rounding p to 0 or 1.
suppressPackageStartupMessages({ library(jsonlite); library(brglm2) })
out <- "Tests/RegressionModelsTests/Reference/firth_complete_separation.json"

d <- data.frame(x = c(21, 25, 28, 31, 34, 37, 41, 44, 48, 52, 57, 63),
                y = c(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1))
ml <- suppressWarnings(glm(y ~ x, binomial, d))
fit <- glm(y ~ x, binomial, d, method = "brglmFit", type = "AS_mean", epsilon = 1e-12,
           maxit = 500)
X <- model.matrix(fit); y <- d$y
pll <- function(b) {
  eta <- drop(X %*% b)
  lw <- plogis(eta, log.p = TRUE) + plogis(-eta, log.p = TRUE)   # log W, exact for large |eta|
  sum(y * plogis(eta, log.p = TRUE) + (1 - y) * plogis(-eta, log.p = TRUE)) +
    0.5 * determinant(crossprod(X * exp(lw / 2)))$modulus[1]
}
bF <- coef(fit); l0 <- pll(bF); q <- qchisq(0.95, 1)
prof <- function(j, v) {
  free <- setdiff(seq_along(bF), j)
  o <- optim(bF[free], function(bf) { b <- bF; b[free] <- bf; b[j] <- v; -pll(b) },
             method = "BFGS", control = list(reltol = 1e-15, maxit = 5000))
  2 * (l0 + o$value) - q
}
se <- sqrt(diag(vcov(fit)))
ci <- t(sapply(seq_along(bF), function(j) {
  lo <- bF[j] - se[j]; while (prof(j, lo) < 0) lo <- lo - se[j]
  hi <- bF[j] + se[j]; while (prof(j, hi) < 0) hi <- hi + se[j]
  c(uniroot(function(v) prof(j, v), c(lo, bF[j]), tol = 1e-12)$root,
    uniroot(function(v) prof(j, v), c(bF[j], hi), tol = 1e-12)$root)
}))

reference <- list(
  generator = "scripts/reference/make_firth_separation_reference.R",
  r_version = R.version.string,
  packages = list(brglm2 = as.character(packageVersion("brglm2")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  formula = "y ~ x",
  data = list(x = d$x, y = d$y),
  r_names = names(bF),
  ml_coefficients_diverge = unname(coef(ml)),
  firth_coefficients = unname(bF), firth_std_errors = unname(se),
  firth_log_likelihood = as.numeric(logLik(fit)),
  firth_penalized_log_likelihood = l0,
  firth_profile_ci = unname(ci))
writeLines(toJSON(reference, digits = I(17), auto_unbox = TRUE, pretty = TRUE), out)
cat("wrote", out, "\n")
