#!/usr/bin/env Rscript
# Reference values for the generalised MAIHDA (Gaussian, Poisson, covariates, grouped input).
#
# Writes Tests/RegressionModelsTests/Reference/maihda_families.json. Run from the project root:
#
#   Rscript scripts/reference/make_maihda_family_reference.R
#
# Made with R 4.2.2 Patched (2022-11-10 r83330), lme4 1.1.31, Matrix and jsonlite as recorded
# in the file's `versions`.
#
# Datasets:
#   gaussian  18 strata (kon 2 × alder 3 × utb 3), 4–60 persons each (seed 20241), an outcome
#             y = 40 + main effects + u_j + e, u_j ~ N(0, 1.5²), e ~ N(0, 4²), and a period
#             (3 levels) with an effect, as covariate. Every row is stored (the fixture).
#             Fitted by lmer with REML and ML: null (y ~ 1 + (1|stratum)), main effects
#             (+ kon + alder + utb) and the covariate model (y ~ period + (1|stratum)).
#   poisson   24 strata (kon 2 × alder 3 × utb 4), population 800–60 000 each (seed 20242), cases
#             from rate 0.003 · exp(main effects + u_j), u_j ~ N(0, 0.3²): glmer(cases ~ … +
#             offset(log(pop)) + (1|stratum), poisson), null and main effects, Laplace.
#   cbpp      lme4::cbpp (GPL; the 56 rows are stored with this note of origin):
#             glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), binomial), Laplace:
#             MAIHDA's null model with strata = herd, covariates = period, trials = size.
#
# Vectors are written as JSON arrays even of length 1 (I()).
# lmer: the REML/ML criterion is minimised over θ = σ_u/σ_e by bobyqa with rhoend 1e-14 and then
# polished with optimize() on lme4's own deviance function (devFunOnly); the values reported are
# those at the polished θ. glmer: tolPwrss 1e-13, bobyqa, maxfun 1e5, rhoend 1e-12 (lme4's
# defaults stop short on σ², issue #13).

suppressPackageStartupMessages({
  library(lme4)
  library(jsonlite)
})

out <- "Tests/RegressionModelsTests/Reference/maihda_families.json"
versions <- list(
  R = R.version.string, lme4 = as.character(packageVersion("lme4")),
  Matrix = as.character(packageVersion("Matrix")),
  jsonlite = as.character(packageVersion("jsonlite")))

# --- Gaussian -------------------------------------------------------------------------------
set.seed(20241)
grid <- expand.grid(utb = c("1", "2", "3"), alder = c("a", "b", "c"), kon = c("1", "2"),
                    stringsAsFactors = FALSE)[, c("kon", "alder", "utb")]
grid$stratum <- seq_len(nrow(grid))
grid$n <- sample(4:60, nrow(grid), replace = TRUE)
grid$u <- rnorm(nrow(grid), 0, 1.5)
rows <- grid[rep(grid$stratum, grid$n), ]
rows$period <- sample(c("p1", "p2", "p3"), nrow(rows), replace = TRUE)
rows$y <- round(40 + 2 * (rows$kon == "2") + c(a = 0, b = -1.5, c = 3)[rows$alder] +
  c("1" = 0, "2" = 1, "3" = -2)[rows$utb] + c(p1 = 0, p2 = 0.8, p3 = -0.5)[rows$period] +
  rows$u + rnorm(nrow(rows), 0, 4), 2)
rows$stratum <- factor(rows$stratum)
rownames(rows) <- NULL

lmer_fit <- function(formula, data, reml) {
  ctrl <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-14, maxfun = 1e5))
  fit <- lmer(formula, data = data, REML = reml, control = ctrl)
  devfun <- lmer(formula, data = data, REML = reml, control = ctrl, devFunOnly = TRUE)
  theta0 <- getME(fit, "theta")
  best <- optimize(devfun, c(max(0, theta0 * 0.9 - 1e-6), theta0 * 1.1 + 1e-6), tol = 1e-15)
  theta <- if (best$objective < devfun(theta0)) best$minimum else theta0
  # Refit at the polished θ (start there, no iterations).
  fit <- lmer(formula, data = data, REML = reml,
              control = lmerControl(optimizer = "bobyqa",
                                    optCtrl = list(rhoend = 1e-14, maxfun = 1e5)),
              start = list(theta = theta))
  vc <- as.data.frame(VarCorr(fit))
  re <- ranef(fit, condVar = TRUE)[[1]]
  list(
    reml = reml, terms = I(names(fixef(fit))), beta = I(unname(fixef(fit))),
    se = I(unname(sqrt(diag(as.matrix(vcov(fit)))))), theta = unname(getME(fit, "theta")),
    sigma2_u = vc$vcov[1], sigma2_e = vc$vcov[2],
    vpc = vc$vcov[1] / (vc$vcov[1] + vc$vcov[2]),
    logLik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit),
    ranef = I(unname(re[, 1])), condVar = I(unname(as.numeric(attr(re, "postVar")))),
    stratum_levels = rownames(re), singular = isSingular(fit))
}

gaussian <- list(
  rows = rows[, c("kon", "alder", "utb", "period", "y")],
  fits = list(
    null_reml = lmer_fit(y ~ 1 + (1 | stratum), rows, TRUE),
    null_ml = lmer_fit(y ~ 1 + (1 | stratum), rows, FALSE),
    main_reml = lmer_fit(y ~ kon + alder + utb + (1 | stratum), rows, TRUE),
    main_ml = lmer_fit(y ~ kon + alder + utb + (1 | stratum), rows, FALSE),
    period_reml = lmer_fit(y ~ period + (1 | stratum), rows, TRUE)))

# --- Poisson with offset --------------------------------------------------------------------
gctrl <- glmerControl(optimizer = "bobyqa", tolPwrss = 1e-13,
                      optCtrl = list(maxfun = 1e5, rhoend = 1e-12))
glmer_fit <- function(fit) {
  re <- ranef(fit, condVar = TRUE)[[1]]
  list(terms = I(names(fixef(fit))), beta = I(unname(fixef(fit))),
       se = I(unname(sqrt(diag(as.matrix(vcov(fit)))))), theta = unname(getME(fit, "theta")),
       sigma2 = unname(getME(fit, "theta"))^2, logLik = as.numeric(logLik(fit)),
       ranef = I(unname(re[, 1])), condVar = I(unname(as.numeric(attr(re, "postVar")))),
       singular = isSingular(fit))
}
set.seed(20242)
pgrid <- expand.grid(utb = c("1", "2", "3", "4"), alder = c("a", "b", "c"), kon = c("1", "2"),
                     stringsAsFactors = FALSE)[, c("kon", "alder", "utb")]
pgrid$stratum <- factor(seq_len(nrow(pgrid)))
pgrid$pop <- sample(800:60000, nrow(pgrid))
eta <- log(0.003) + 0.9 * (pgrid$kon == "1") + c(a = 0, b = -0.4, c = -1.1)[pgrid$alder] +
  c("1" = 0, "2" = -0.2, "3" = -0.5, "4" = -0.9)[pgrid$utb] + rnorm(nrow(pgrid), 0, 0.3)
pgrid$cases <- rpois(nrow(pgrid), pgrid$pop * exp(eta))
pnull <- glmer(cases ~ 1 + offset(log(pop)) + (1 | stratum), data = pgrid, family = poisson,
               nAGQ = 1, control = gctrl)
pmain <- glmer(cases ~ kon + alder + utb + offset(log(pop)) + (1 | stratum), data = pgrid,
               family = poisson, nAGQ = 1, control = gctrl)
poisson_vpc <- function(fit) {
  # Nakagawa et al. (2017) lognormal approximation: λ = population-weighted mean rate without
  # stratum effects, times exp(σ²/2).
  s2 <- unname(getME(fit, "theta"))^2
  fixed <- as.vector(model.matrix(fit) %*% fixef(fit))
  lambda <- sum(pgrid$pop * exp(fixed)) / sum(pgrid$pop) * exp(s2 / 2)
  s2 / (s2 + log(1 + 1 / lambda))
}
poisson <- list(
  strata = pgrid[, c("kon", "alder", "utb", "pop", "cases")],
  null = c(glmer_fit(pnull), vpc = poisson_vpc(pnull)),
  main = c(glmer_fit(pmain), vpc = poisson_vpc(pmain)))

# --- cbpp -----------------------------------------------------------------------------------
data(cbpp, package = "lme4")
cfit <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), data = cbpp,
              family = binomial, nAGQ = 1, control = gctrl)
cbpp_out <- list(
  origin = "lme4::cbpp (GPL-2 | GPL-3), 56 rows: herd, incidence, size, period",
  rows = data.frame(herd = as.character(cbpp$herd), incidence = cbpp$incidence,
                    size = cbpp$size, period = as.character(cbpp$period)),
  null = glmer_fit(cfit))

write_json(list(versions = versions, gaussian = gaussian, poisson = poisson, cbpp = cbpp_out),
           out, digits = NA, auto_unbox = TRUE, pretty = FALSE)
cat("wrote", out, "\n")
