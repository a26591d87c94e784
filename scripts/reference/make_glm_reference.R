#!/usr/bin/env Rscript
# Reference values for RegressionModelsTests (GLM, logistic regression), from R's glm,
# sandwich, brglm2 and MASS. Writes Tests/RegressionModelsTests/Reference/glm_reference.json.
# Run from the repository root:  Rscript scripts/reference/make_glm_reference.R
# CI does not run this; the tests read the committed JSON. No random numbers are used except in
# the separation data set, which is written out in full (seed recorded).
suppressPackageStartupMessages({
  library(jsonlite); library(sandwich); library(brglm2); library(MASS)
})
out <- "Tests/RegressionModelsTests/Reference/glm_reference.json"
digits <- 17

# ---------------------------------------------------------------- data sets
infert2 <- datasets::infert
infert2$education <- factor(as.character(infert2$education), levels = levels(infert2$education))
infert2$induced_f <- factor(infert2$induced)
infert2$age2 <- 2 * infert2$age
infert2$agegrp <- cut(infert2$age, c(20, 28, 32, 45), labels = c("21-28", "29-32", "33-44"))
infert_data <- list(
  case = infert2$case, age = infert2$age, age2 = infert2$age2, parity = infert2$parity,
  induced = infert2$induced, spontaneous = infert2$spontaneous, stratum = infert2$stratum,
  education = as.character(infert2$education), induced_f = as.character(infert2$induced_f),
  agegrp = as.character(infert2$agegrp))
infert_levels <- list(education = levels(infert2$education), induced_f = levels(infert2$induced_f),
  agegrp = levels(infert2$agegrp))

es <- datasets::esoph
es$agegp <- factor(as.character(es$agegp), levels = levels(es$agegp))   # unordered: treatment contrasts
es$alcgp <- factor(as.character(es$alcgp), levels = levels(es$alcgp))
es$tobgp <- factor(as.character(es$tobgp), levels = levels(es$tobgp))
es$trials <- es$ncases + es$ncontrols
esoph_data <- list(agegp = as.character(es$agegp), alcgp = as.character(es$alcgp),
  tobgp = as.character(es$tobgp), ncases = es$ncases, ncontrols = es$ncontrols, trials = es$trials)
esoph_levels <- list(agegp = levels(es$agegp), alcgp = levels(es$alcgp), tobgp = levels(es$tobgp))

# Separated data: x1 > 0 only among successes (quasi-complete with ties at 0), x2 noise.
set.seed(20240601)
sep <- data.frame(x2 = round(rnorm(30), 3))
sep$x1 <- c(rep(0, 12), round(runif(6, 0.1, 2), 3), rep(0, 12))
sep$y <- c(rep(0, 12), rep(1, 6), rep(c(0, 1), 6))
sep_data <- list(y = sep$y, x1 = sep$x1, x2 = sep$x2)

# Complete separation: y = 1 exactly when x > 0.
comp <- data.frame(x = c(-3, -2.5, -2, -1.2, -0.4, 0.3, 0.9, 1.4, 2.2, 3.1),
                   y = c(0, 0, 0, 0, 0, 1, 1, 1, 1, 1))

dobson <- data.frame(counts = c(18, 17, 15, 20, 10, 20, 25, 13, 12),
  outcome = c("1", "2", "3", "1", "2", "3", "1", "2", "3"),
  treatment = c("1", "1", "1", "2", "2", "2", "3", "3", "3"))

# ---------------------------------------------------------------- helpers
# R's summary.glm takes the weights of the covariance from the last IRLS step, one iterate
# before the estimates; at R's default epsilon = 1e-8 that can leave standard errors 1e-5 away
# from the information at the estimates. Strata computes the covariance at the estimates, so the
# reference fits are refitted to convergence (epsilon = 1e-15); R's default-control standard
# errors and iteration counts are recorded too (`std_errors_r_default`, `iterations`).
glmr <- function(formula, family, data, ...) {
  f <- glm(formula, family, data, ...)
  # glm.fit's aliasing tolerance is min(1e-7, epsilon/1000): keep it sane for rank-deficient fits.
  eps <- if (anyNA(coef(f))) 1e-10 else 1e-15
  t <- glm(formula, family, data, ..., control = glm.control(epsilon = eps, maxit = 100))
  t$default_fit <- f
  t
}
num <- function(x) unname(as.numeric(x))
exact_profile <- function(fit, level = 0.95) {
  # Signed-root profile likelihood interval by root finding (no spline), refitting with the
  # coefficient held fixed through an offset.
  X <- model.matrix(fit); y <- fit$y; w <- fit$prior.weights
  b <- coef(fit); keep <- !is.na(b); X <- X[, keep, drop = FALSE]; b <- b[keep]
  dev0 <- deviance(fit); z <- qnorm((1 + level) / 2)
  t(sapply(seq_along(b), function(j) {
    f <- function(v) {
      off <- X[, j] * v
      g <- suppressWarnings(glm.fit(X[, -j, drop = FALSE], y, weights = w, offset = off,
             family = fit$family, control = glm.control(epsilon = 1e-14, maxit = 100)))
      sign(v - b[j]) * sqrt(max(g$deviance - dev0, 0))
    }
    se <- sqrt(diag(vcov(fit)))[keep][j]
    lo <- uniroot(function(v) f(v) + z, c(b[j] - 6 * se, b[j]), tol = 1e-12)$root
    hi <- uniroot(function(v) f(v) - z, c(b[j], b[j] + 6 * se), tol = 1e-12)$root
    c(lo, hi)
  }))
}
ame <- function(fit, data, numerics = character(), factors = character(), h = 1e-6) {
  # Average marginal effects by hand: numerics by the analytic derivative g'(η) dη/dx averaged
  # over rows; factors by the discrete change from the reference level; delta-method SEs with a
  # central-difference Jacobian in the coefficients.
  V <- vcov(fit); b0 <- coef(fit)
  tt <- delete.response(terms(fit))
  mm <- function(d) model.matrix(tt, model.frame(tt, d, xlev = fit$xlevels), contrasts.arg = fit$contrasts)
  effect <- function(b, what, kind) {
    if (kind == "numeric") {
      # dη/dx exactly: the model matrix is linear in x, so its difference over a unit step.
      d1 <- data; d1[[what]] <- d1[[what]] + 0.5; d0 <- data; d0[[what]] <- d0[[what]] - 0.5
      mean(dlogis(mm(data) %*% b) * ((mm(d1) - mm(d0)) %*% b))
    } else {
      lv <- fit$xlevels[[what]]
      sapply(lv[-1], function(l) {
        d1 <- data; d1[[what]] <- factor(l, levels = lv); d0 <- data; d0[[what]] <- factor(lv[1], levels = lv)
        mean(plogis(mm(d1) %*% b) - plogis(mm(d0) %*% b))
      })
    }
  }
  res <- list()
  for (v in c(numerics, factors)) {
    kind <- if (v %in% numerics) "numeric" else "factor"
    est <- effect(b0, v, kind)
    J <- sapply(seq_along(b0), function(k) {
      e <- rep(0, length(b0)); e[k] <- 1e-6
      (effect(b0 + e, v, kind) - effect(b0 - e, v, kind)) / 2e-6
    })
    J <- matrix(J, nrow = length(est))
    res[[v]] <- list(estimate = num(est), std_error = num(sqrt(diag(J %*% V %*% t(J)))))
  }
  res
}
summary_of <- function(fit, extra = list()) {
  s <- summary(fit)
  co <- coef(fit)
  c(list(
    r_names = names(co), coefficients = num(co),
    std_errors = num(sqrt(diag(vcov(fit, complete = TRUE)))),
    std_errors_r_default = num(sqrt(diag(vcov(fit$default_fit, complete = TRUE)))),
    deviance = deviance(fit), null_deviance = fit$null.deviance,
    log_likelihood = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit),
    df_residual = fit$df.residual, df_null = fit$df.null, iterations = fit$default_fit$iter), extra)
}

cases <- list()

# 1. infert, two numerics (R's ?glm example), with robust and profile intervals.
f1 <- glmr(case ~ spontaneous + induced, binomial, infert2)
pr1 <- suppressMessages(confint(f1))
cases$infert_numeric <- summary_of(f1, list(
  formula = "case ~ spontaneous + induced",
  hc0 = num(sqrt(diag(vcovHC(f1, type = "HC0")))), hc1 = num(sqrt(diag(vcovHC(f1, type = "HC1")))),
  cluster_stratum = num(sqrt(diag(vcovCL(f1, cluster = infert2$stratum)))),
  cluster_stratum_hc0 = num(sqrt(diag(vcovCL(f1, cluster = infert2$stratum, type = "HC0")))),
  profile_confint = unname(pr1), profile_exact = unname(exact_profile(f1)),
  ame = ame(f1, infert2, numerics = c("spontaneous", "induced"))))

# 2. infert with a factor (treatment contrasts, first level reference) and numerics.
f2 <- glmr(case ~ education + age + parity + spontaneous + induced, binomial, infert2)
pr2 <- suppressMessages(confint(f2))
cases$infert_factor <- summary_of(f2, list(
  formula = "case ~ education + age + parity + spontaneous + induced",
  hc0 = num(sqrt(diag(vcovHC(f2, type = "HC0")))), hc1 = num(sqrt(diag(vcovHC(f2, type = "HC1")))),
  cluster_stratum = num(sqrt(diag(vcovCL(f2, cluster = infert2$stratum)))),
  profile_confint = unname(pr2), profile_exact = unname(exact_profile(f2)),
  ame = ame(f2, infert2, numerics = c("age", "spontaneous"), factors = c("education")),
  covariance = unname(vcov(f2))))

# 3. Reference level chosen: education 12+ yrs.
infert3 <- infert2; infert3$education <- relevel(infert3$education, ref = "12+ yrs")
f3 <- glmr(case ~ education + spontaneous, binomial, infert3)
cases$infert_reference <- summary_of(f3, list(formula = "case ~ education + spontaneous", reference = "12+ yrs"))

# 4. Interaction without main effects: R codes both factors by indicators (one column aliased).
f4 <- glmr(case ~ agegrp:induced_f, binomial, infert2)
cases$infert_interaction_only <- summary_of(f4, list(formula = "case ~ agegrp : induced_f",
  model_matrix_columns = colnames(model.matrix(f4))))

# 5. Crossed factors with a numeric: a * b + x.
f5 <- glmr(case ~ agegrp * induced_f + spontaneous, binomial, infert2)
cases$infert_crossed <- summary_of(f5, list(formula = "case ~ agegrp * induced_f + spontaneous",
  hc1 = num(sqrt(diag(vcovHC(f5, type = "HC1")))),
  cluster_stratum = num(sqrt(diag(vcovCL(f5, cluster = infert2$stratum)))),
  ame = ame(f5, infert2, numerics = c("spontaneous"), factors = c("agegrp", "induced_f"))))

# 6. Rank deficient: age2 = 2 age.
f6 <- glmr(case ~ age + age2 + spontaneous, binomial, infert2)
cases$infert_rank_deficient <- summary_of(f6, list(formula = "case ~ age + age2 + spontaneous"))

# 7. Numeric × factor interaction and no intercept.
f7 <- glmr(case ~ 0 + education + spontaneous:education, binomial, infert2)
cases$infert_no_intercept <- summary_of(f7, list(formula = "case ~ 0 + education + spontaneous : education"))

# 8. Probit and cloglog links.
f8 <- glmr(case ~ spontaneous + induced, binomial(link = "probit"), infert2)
cases$infert_probit <- summary_of(f8, list(formula = "case ~ spontaneous + induced", link = "probit"))
f8b <- glmr(case ~ spontaneous + induced, binomial(link = "cloglog"), infert2)
cases$infert_cloglog <- summary_of(f8b, list(formula = "case ~ spontaneous + induced", link = "cloglog"))

# 9. Condition outcome: parity >= 3.
f9 <- glmr(I(parity >= 3) ~ age + education, binomial, infert2)
cases$infert_condition <- summary_of(f9, list(formula = "parity >= 3 ~ age + education"))

# 10. Likelihood-ratio test between nested models.
lr <- anova(glmr(case ~ spontaneous, binomial, infert2), f1, test = "Chisq")
lrt <- list(statistic = lr$Deviance[2], df = lr$Df[2], p_value = lr$`Pr(>Chi)`[2])

# 11. esoph, grouped: cbind(ncases, ncontrols) and its expansion to individuals.
f11 <- glmr(cbind(ncases, ncontrols) ~ agegp + alcgp + tobgp, binomial, es)
idx <- rep(seq_len(nrow(es)), es$trials)
ind <- es[idx, c("agegp", "alcgp", "tobgp")]
ind$y <- unlist(lapply(seq_len(nrow(es)), function(i) c(rep(1, es$ncases[i]), rep(0, es$ncontrols[i]))))
f11i <- glmr(y ~ agegp + alcgp + tobgp, binomial, ind)
pred <- predict(f11, newdata = unique(es[, c("agegp", "alcgp", "tobgp")]), type = "link", se.fit = TRUE)
cells <- unique(es[, c("agegp", "alcgp", "tobgp")])
z <- qnorm(0.975)
pr11 <- suppressMessages(confint(f11))
cases$esoph_grouped <- summary_of(f11, list(
  formula = "ncases / trials ~ agegp + alcgp + tobgp",
  individual = list(log_likelihood = as.numeric(logLik(f11i)), deviance = deviance(f11i),
    null_deviance = f11i$null.deviance, aic = AIC(f11i), bic = BIC(f11i), df_residual = f11i$df.residual,
    std_errors = num(sqrt(diag(vcov(f11i)))), coefficients = num(coef(f11i)),
    hc0 = num(sqrt(diag(vcovHC(f11i, type = "HC0")))), hc1 = num(sqrt(diag(vcovHC(f11i, type = "HC1")))),
    ame = ame(f11i, ind, factors = c("agegp")),
    n = nrow(ind)),
  pearson = sum(residuals(f11, type = "pearson")^2),
  profile_confint = unname(pr11), profile_exact = unname(exact_profile(f11)),
  cells = list(agegp = as.character(cells$agegp), alcgp = as.character(cells$alcgp),
    tobgp = as.character(cells$tobgp), eta = num(pred$fit), se = num(pred$se.fit),
    lower = num(plogis(pred$fit - z * pred$se.fit)), upper = num(plogis(pred$fit + z * pred$se.fit)))))

# 12. Separation: ML diverges; Firth (brglm2 AS_mean) is finite.
f12 <- suppressWarnings(glm(y ~ x1 + x2, binomial, sep))
f12f <- glm(y ~ x1 + x2, binomial, sep, method = "brglmFit", type = "AS_mean", epsilon = 1e-12, maxit = 500)
# logistf's profile penalised-likelihood interval, computed independently: the penalised
# log-likelihood with the full Jeffreys penalty, maximised over the free coefficients by optim.
X12 <- model.matrix(f12); y12 <- sep$y
pll <- function(b) { eta <- drop(X12 %*% b); W <- plogis(eta) * plogis(-eta)
  sum(y12 * plogis(eta, log.p = TRUE) + (1 - y12) * plogis(-eta, log.p = TRUE)) +
    0.5 * determinant(crossprod(X12 * sqrt(W)))$modulus[1] }
bF <- coef(f12f); l0 <- pll(bF); q <- qchisq(0.95, 1)
prof <- function(j, v) { free <- setdiff(seq_along(bF), j)
  o <- optim(bF[free], function(bf) { b <- bF; b[free] <- bf; b[j] <- v; -pll(b) }, method = "BFGS",
             control = list(reltol = 1e-15, maxit = 2000))
  2 * (l0 + o$value) - q }
firth_ci <- t(sapply(seq_along(bF), function(j) {
  se <- sqrt(diag(vcov(f12f)))[j]
  lo <- bF[j] - se; while (prof(j, lo) < 0) lo <- lo - se
  hi <- bF[j] + se; while (prof(j, hi) < 0) hi <- hi + se
  c(uniroot(function(v) prof(j, v), c(lo, bF[j]), tol = 1e-10)$root,
    uniroot(function(v) prof(j, v), c(bF[j], hi), tol = 1e-10)$root) }))
cases$separation <- list(formula = "y ~ x1 + x2", r_names = names(bF),
  ml_coefficients_diverge = num(coef(f12)), firth_coefficients = num(bF),
  firth_std_errors = num(sqrt(diag(vcov(f12f)))), firth_profile_ci = unname(firth_ci),
  firth_penalized_log_likelihood = l0, firth_log_likelihood = as.numeric(logLik(f12f)))
f13f <- glm(y ~ x, binomial, comp, method = "brglmFit", type = "AS_mean", epsilon = 1e-12, maxit = 500)
cases$complete_separation <- list(formula = "y ~ x", firth_coefficients = num(coef(f13f)),
  firth_std_errors = num(sqrt(diag(vcov(f13f)))))

# 13. Poisson (Dobson 1990, R's ?glm example).
f14 <- glmr(counts ~ outcome + treatment, poisson(), dobson)
cases$dobson_poisson <- summary_of(f14, list(formula = "counts ~ outcome + treatment"))

reference <- list(
  generator = "scripts/reference/make_glm_reference.R",
  r_version = R.version.string,
  packages = list(sandwich = as.character(packageVersion("sandwich")),
    brglm2 = as.character(packageVersion("brglm2")), MASS = as.character(packageVersion("MASS")),
    jsonlite = as.character(packageVersion("jsonlite"))),
  seed = 20240601,
  data = list(infert = infert_data, infert_levels = infert_levels, esoph = esoph_data,
    esoph_levels = esoph_levels, separation = sep_data, complete = list(x = comp$x, y = comp$y),
    dobson = as.list(dobson)),
  likelihood_ratio = lrt,
  cases = cases)
writeLines(toJSON(reference, digits = I(digits), auto_unbox = TRUE, pretty = TRUE, na = "null"), out)
cat("wrote", out, "\n")
