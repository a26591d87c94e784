#!/usr/bin/env Rscript
# Reference values for the random-intercept logistic model (MAIHDA) tests.
#
# Writes Tests/RegressionModelsTests/Reference/maihda_*.json from R + lme4 (versions recorded in
# each file). Run from the project root:
#
#   Rscript scripts/reference/make_maihda_reference.R
#
# Datasets (all deterministic, set.seed below):
#   county    112 strata (kon 2 × aldersgrupp 7 × utbildningsniva 4 × fodelse 2), ~2 million
#             persons, cases from logit p = fixed effects + u_j, u_j ~ N(0, 0.35²).
#   boundary  the same strata with cases from the fixed effects only; the seed is the first from
#             20240 on for which glmer reports a boundary (singular) fit of the main-effects model.
#   small     24 strata (2 × 3 × 4), ~5 000 persons, also fitted to 0/1 rows so that the AGQ
#             log-likelihood can be compared on one scale (lme4 issue #161), and the AUC with
#             pROC's DeLong interval on the expanded 0/1 data.
#
# For every dataset and model (null: 1 + (1|stratum); main effects: + kon + aldersgrupp +
# utbildningsniva + fodelse) and nAGQ in {1, 10}: fixed effects, θ = σ_u, log-likelihood,
# conditional modes and conditional variances (ranef, condVar), fitted probabilities, the
# standard errors from lme4's vcov() and from a Richardson-extrapolated Hessian of lme4's own
# deviance function (numDeriv), the profile-likelihood interval for σ_u computed by root-finding
# on lme4's deviance function profiled over β, and the Henderson prediction-error variance of
# x_j β̂ + û_j computed by inverting the joint (β, u) matrix explicitly.

suppressPackageStartupMessages({
  library(lme4)
  library(numDeriv)
  library(jsonlite)
  library(pROC)
})

out_dir <- "Tests/RegressionModelsTests/Reference"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

versions <- list(
  R = R.version.string,
  lme4 = as.character(packageVersion("lme4")),
  Matrix = as.character(packageVersion("Matrix")),
  numDeriv = as.character(packageVersion("numDeriv")),
  pROC = as.character(packageVersion("pROC")),
  generated = format(Sys.time(), "%Y-%m-%d")
)

ctrl <- glmerControl(
  optimizer = "bobyqa", tolPwrss = 1e-10,
  optCtrl = list(maxfun = 1e5, rhoend = 1e-11),
  check.conv.singular = "warning")

# ---------------------------------------------------------------------------------------------
# Data

make_strata <- function(levels_list) {
  g <- expand.grid(rev(levels_list), stringsAsFactors = FALSE)[, rev(names(levels_list))]
  for (v in names(levels_list)) g[[v]] <- factor(g[[v]], levels = levels_list[[v]])
  g$stratum <- factor(seq_len(nrow(g)))
  g
}

county_levels <- list(
  kon = c("1", "2"),
  aldersgrupp = c("15-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"),
  utbildningsniva = c("forgymnasial", "gymnasial", "eftergymnasial", "saknas"),
  fodelse = c("inrikes", "utrikes"))

county_population <- function(g, total, seed) {
  set.seed(seed)
  kon_share <- c(0.505, 0.495)
  age_share <- c(0.045, 0.10, 0.16, 0.155, 0.16, 0.14, 0.24)
  edu_share <- c(0.20, 0.44, 0.33, 0.03)
  fod_share <- c(0.80, 0.20)
  share <- kon_share[as.integer(g$kon)] * age_share[as.integer(g$aldersgrupp)] *
    edu_share[as.integer(g$utbildningsniva)] * fod_share[as.integer(g$fodelse)]
  share <- share * exp(rnorm(nrow(g), 0, 0.3))
  pmax(1L, as.integer(round(total * share / sum(share))))
}

county_eta <- function(g) {
  -6.2 + c(0, -1.5)[as.integer(g$kon)] +
    c(0, 0.9, 0.8, 0.5, 0.2, -0.3, -1.3)[as.integer(g$aldersgrupp)] +
    c(0, -0.45, -1.05, 0.35)[as.integer(g$utbildningsniva)] +
    c(0, 0.55)[as.integer(g$fodelse)]
}

county <- make_strata(county_levels)
county$n <- county_population(county, 2e6, 20240)
set.seed(20241)
county_u <- rnorm(nrow(county), 0, 0.35)
county$cases <- rbinom(nrow(county), county$n, plogis(county_eta(county) + county_u))

boundary <- county[, c(names(county_levels), "stratum", "n")]
boundary_seed <- NA

small_levels <- list(
  kon = c("1", "2"),
  aldersgrupp3 = c("15-34", "35-54", "55+"),
  utbildningsniva = c("forgymnasial", "gymnasial", "eftergymnasial", "saknas"))
small <- make_strata(small_levels)
set.seed(777)
small$n <- as.integer(round(runif(nrow(small), 40, 400)))
small_u <- rnorm(nrow(small), 0, 0.5)
small$cases <- rbinom(nrow(small), small$n,
  plogis(-1.4 + c(0, -0.9)[as.integer(small$kon)] +
    c(0, -0.4, -1.0)[as.integer(small$aldersgrupp3)] +
    c(0, -0.3, -0.8, 0.4)[as.integer(small$utbildningsniva)] + small_u))

formula_null <- cbind(cases, n - cases) ~ 1 + (1 | stratum)
main_rhs <- function(vars) paste(vars, collapse = " + ")
formula_main <- function(vars) {
  as.formula(paste("cbind(cases, n - cases) ~", main_rhs(vars), "+ (1 | stratum)"))
}

# ---------------------------------------------------------------------------------------------
# Fitting and extraction

# Minimum over β of lme4's deviance function at fixed θ (Laplace/AGQ deviance, same scale as
# the fit's own objective), by nlminb polished with a Newton step on numDeriv derivatives.
profile_deviance <- function(devfun, theta, beta_start) {
  f <- function(b) devfun(c(theta, b))
  opt <- nlminb(beta_start, f, control = list(rel.tol = 1e-15, x.tol = 1e-12, eval.max = 5000,
    iter.max = 2000))
  b <- opt$par
  for (k in 1:3) {
    g <- numDeriv::grad(f, b)
    h <- numDeriv::hessian(f, b)
    step <- solve(h, g)
    if (f(b - step) <= f(b)) b <- b - step
  }
  list(deviance = f(b), beta = b)
}

profile_interval <- function(devfun, theta_hat, beta_hat, dev_hat, level = 0.95) {
  q <- qchisq(level, 1)
  cache_beta <- beta_hat
  g <- function(theta) {
    p <- profile_deviance(devfun, theta, cache_beta)
    p$deviance - dev_hat - q
  }
  lower <- if (theta_hat == 0 || g(0) <= 0) 0 else
    uniroot(g, c(0, theta_hat), tol = 1e-12)$root
  upper_end <- max(theta_hat, 0.05) * 2
  while (g(upper_end) < 0) upper_end <- upper_end * 2
  upper <- uniroot(g, c(theta_hat, upper_end), tol = 1e-12)$root
  c(lower, upper)
}

# An independent evaluation of lme4's approximate deviance for grouped data, −2 Σⱼ Lⱼ with Lⱼ the
# Laplace/AGQ approximation at the exact conditional mode (vectorised Newton to machine
# precision). It agrees with lme4's deviance function (Laplace) or with it plus the saturated
# log-likelihood (AGQ on cbind() data) to ~1e-10, but carries no PIRLS-tolerance noise, so
# numDeriv's Richardson-extrapolated Hessian of it gives standard errors to ~1e-9.
grouped_deviance <- function(par, X, y, n, nAGQ) {
  theta <- abs(par[1])  # the deviance is even in θ
  eta0 <- drop(X %*% par[-1])
  # Newton for θ(y − nμ) = b, kept inside the bracket [θ(y − n), θy] (bisection otherwise).
  lo <- theta * (y - n)
  hi <- theta * y
  b <- rep(0, length(y))
  for (it in 1:500) {
    mu <- plogis(eta0 + theta * b)
    f <- theta * (y - n * mu) - b
    lo <- ifelse(f > 0, b, lo)
    hi <- ifelse(f > 0, hi, b)
    nb <- b - f / -(theta^2 * n * mu * (1 - mu) + 1)
    nb <- ifelse(nb > lo & nb < hi, nb, (lo + hi) / 2)
    done <- max(abs(nb - b)) <= 1e-15 * max(1, abs(b))
    b <- nb
    if (done || theta == 0) break
  }
  mu <- plogis(eta0 + theta * b)
  s <- 1 / sqrt(1 + theta^2 * n * mu * (1 - mu))
  h <- function(bb) dbinom(y, n, plogis(eta0 + theta * bb), log = TRUE) - bb^2 / 2
  hb <- h(b)
  if (nAGQ == 1) return(-2 * sum(hb + log(s)))
  gh <- GHrule(nAGQ)
  total <- 0
  for (k in seq_len(nrow(gh))) {
    z <- gh[k, "z"]
    total <- total + gh[k, "w"] * exp(h(b + s * z) - hb + z^2 / 2)
  }
  -2 * sum(hb + log(s) + log(total))
}

henderson_pev <- function(X, n, mu, sigma2) {
  # Var(x_j β̂ + û_j − (x_j β + u_j)) from the inverse of the joint matrix of the penalised
  # IRLS problem at the mode, [XᵀWX, XᵀW; WX, W + I/σ²] (Z = I: one row per stratum).
  w <- n * mu * (1 - mu)
  q <- length(w)
  p <- ncol(X)
  if (sigma2 < 1e-12) {  # boundary fit: the GLM prediction variance
    C <- solve(crossprod(X, w * X))
    return(rowSums((X %*% C) * X))
  }
  M <- rbind(cbind(crossprod(X, w * X), t(X) * rep(w, each = p)),
             cbind(w * X, diag(w + 1 / sigma2, q)))
  C <- solve(M)
  A <- cbind(X, diag(q))
  rowSums((A %*% C) * A)
}

extract_fit <- function(fit, formula, data, nAGQ) {
  theta <- getME(fit, "theta")[[1]]
  beta <- fixef(fit)
  devfun <- glmer(formula, data = data, family = binomial, nAGQ = nAGQ, control = ctrl,
    devFunOnly = TRUE)
  par <- c(theta, beta)
  dev_hat <- devfun(par)
  grad <- numDeriv::grad(devfun, par)
  hess <- numDeriv::hessian(devfun, par)
  cov_hess <- solve(hess / 2)
  se_hess <- sqrt(diag(cov_hess))[-1]
  re <- ranef(fit, condVar = TRUE)$stratum
  cond_var <- as.numeric(attr(re, "postVar"))
  mu <- as.numeric(fitted(fit))
  X <- getME(fit, "X")
  # Newton steps on lme4's own deviance function from lme4's optimum (Richardson-extrapolated
  # derivatives): the optimum to ~1e-9, a sharper target than the optimiser's stopping point.
  polished <- par
  for (k in 1:3) {
    step <- solve(numDeriv::hessian(devfun, polished), numDeriv::grad(devfun, polished))
    if (polished[1] - step[1] < 0) step[1] <- polished[1]
    if (devfun(polished - step) <= devfun(polished)) polished <- polished - step
  }
  Xm <- as.matrix(X <- getME(fit, "X"))
  gd <- function(p) grouped_deviance(p, Xm, data$cases, data$n, nAGQ)
  hess_precise <- numDeriv::hessian(gd, polished)
  se_precise <- sqrt(diag(solve(hess_precise / 2)))[-1]
  if (polished[1] < 1e-6) {
    # boundary: the θ row is zero curvature or cross terms vanish; β block alone
    se_precise <- sqrt(diag(solve(hess_precise[-1, -1] / 2)))
  }
  prof <- profile_interval(devfun, theta, beta, dev_hat)
  lme4_prof <- tryCatch({
    ci <- confint(fit, parm = "theta_", method = "profile", oldNames = FALSE)
    as.numeric(ci[1, ])
  }, error = function(e) c(NA, NA))
  list(
    nAGQ = nAGQ,
    terms = I(colnames(X)),
    beta = I(unname(beta)),
    theta = theta,
    sigma2 = theta^2,
    vpc = theta^2 / (theta^2 + pi^2 / 3),
    mor = exp(sqrt(2 * theta^2) * qnorm(0.75)),
    logLik = as.numeric(logLik(fit)),
    deviance_objective = dev_hat,
    singular = isSingular(fit),
    gradient_at_optimum = I(grad),
    polished_theta = polished[1],
    polished_beta = I(polished[-1]),
    polished_deviance = devfun(polished),
    se_vcov = I(unname(sqrt(diag(as.matrix(vcov(fit)))))),
    se_hessian = I(unname(se_hess)),
    se_precise = I(unname(se_precise)),
    grouped_deviance_at_polished = gd(polished),
    theta_profile_ci = prof,
    theta_profile_ci_lme4 = lme4_prof,
    ranef = as.numeric(re[, 1]),
    cond_var = cond_var,
    fitted = mu,
    pev_linear_predictor = as.numeric(henderson_pev(as.matrix(X), data$n, mu, theta^2))
  )
}

fit_both <- function(data, vars, nAGQ) {
  null <- glmer(formula_null, data = data, family = binomial, nAGQ = nAGQ, control = ctrl)
  main <- glmer(formula_main(vars), data = data, family = binomial, nAGQ = nAGQ, control = ctrl)
  list(null = extract_fit(null, formula_null, data, nAGQ),
       main = extract_fit(main, formula_main(vars), data, nAGQ))
}

# Saturated binomial log-likelihood per stratum: lme4's AGQ deviance uses deviance residuals,
# which leave out Σ 2 log Binomial(y | n, y/n) (lme4 issue #161).
saturated_loglik <- function(data) {
  sum(dbinom(data$cases, data$n, data$cases / data$n, log = TRUE))
}

strata_table <- function(data, vars) {
  lapply(seq_len(nrow(data)), function(i) {
    row <- lapply(vars, function(v) as.character(data[[v]][i]))
    names(row) <- vars
    c(row, list(n = data$n[i], cases = data$cases[i]))
  })
}

expand_binary <- function(data) {
  idx <- rep(seq_len(nrow(data)), data$n)
  y <- unlist(lapply(seq_len(nrow(data)), function(i) {
    c(rep(1L, data$cases[i]), rep(0L, data$n[i] - data$cases[i]))
  }))
  list(index = idx, y = y)
}

delong <- function(data, predicted) {
  e <- expand_binary(data)
  r <- roc(e$y, predicted[e$index], levels = c(0, 1), direction = "<", quiet = TRUE)
  ci <- ci.auc(r, method = "delong")
  list(auc = as.numeric(r$auc), ci = c(ci[1], ci[3]), var = var(r, method = "delong"))
}

write_reference <- function(name, data, vars, fits, extra = list()) {
  doc <- c(list(
    description = paste("lme4::glmer reference for", name, "— see",
      "scripts/reference/make_maihda_reference.R"),
    versions = versions,
    variables = lapply(vars, function(v) list(name = v, levels = levels(data[[v]]))),
    strata = strata_table(data, vars),
    saturated_loglik = saturated_loglik(data),
    lchoose_sum = sum(lchoose(data$n, data$cases)),
    fits = fits), extra)
  path <- file.path(out_dir, paste0("maihda_", name, ".json"))
  writeLines(toJSON(doc, auto_unbox = TRUE, digits = I(17), pretty = TRUE), path)
  cat("wrote", path, "\n")
}

# ---------------------------------------------------------------------------------------------
# county: Laplace and AGQ(10), timing of glmer on the grouped data, DeLong AUC

county_vars <- names(county_levels)
timing <- system.time({
  glmer(formula_null, data = county, family = binomial)
  glmer(formula_main(county_vars), data = county, family = binomial)
})[["elapsed"]]
county_fits <- list(laplace = fit_both(county, county_vars, 1), agq10 = fit_both(county, county_vars, 10))
county_auc <- list(
  null = delong(county, county_fits$laplace$null$fitted),
  main = delong(county, county_fits$laplace$main$fitted))
write_reference("county", county, county_vars, county_fits,
  list(glmer_seconds_default_control = timing, auc_laplace = county_auc,
       true_sigma = 0.35, seeds = c(population = 20240, cases = 20241)))

# ---------------------------------------------------------------------------------------------
# boundary: first seed giving a singular main-effects fit

for (seed in 20240:20400) {
  set.seed(seed)
  boundary$cases <- rbinom(nrow(boundary), boundary$n, plogis(county_eta(boundary)))
  m <- suppressMessages(suppressWarnings(
    glmer(formula_main(county_vars), data = boundary, family = binomial, control = ctrl)))
  if (isSingular(m, tol = 1e-8)) { boundary_seed <- seed; break }
}
boundary_fits <- list(laplace = fit_both(boundary, county_vars, 1),
                      agq10 = fit_both(boundary, county_vars, 10))
glm_main <- glm(formula_main(county_vars) |> update(. ~ . - (1 | stratum)), data = boundary,
  family = binomial, control = glm.control(epsilon = 1e-15, maxit = 100))
write_reference("boundary", boundary, county_vars, boundary_fits,
  list(seed = boundary_seed, glm_main_beta = unname(coef(glm_main)),
       glm_main_se = unname(sqrt(diag(vcov(glm_main)))),
       glm_main_loglik = as.numeric(logLik(glm_main))))

# ---------------------------------------------------------------------------------------------
# small: grouped and 0/1 fits, pROC DeLong

small_vars <- names(small_levels)
small_fits <- list(laplace = fit_both(small, small_vars, 1), agq10 = fit_both(small, small_vars, 10),
                   agq25 = fit_both(small, small_vars, 25))
e <- expand_binary(small)
binary <- small[e$index, c(small_vars, "stratum")]
binary$y <- e$y
binary_loglik <- list()
for (k in c(1, 10, 25)) {
  b0 <- glmer(y ~ 1 + (1 | stratum), data = binary, family = binomial, nAGQ = k, control = ctrl)
  b1 <- glmer(as.formula(paste("y ~", main_rhs(small_vars), "+ (1 | stratum)")), data = binary,
    family = binomial, nAGQ = k, control = ctrl)
  binary_loglik[[paste0("nAGQ", k)]] <- list(
    null = list(logLik = as.numeric(logLik(b0)), theta = getME(b0, "theta")[[1]],
                beta = I(unname(fixef(b0)))),
    main = list(logLik = as.numeric(logLik(b1)), theta = getME(b1, "theta")[[1]],
                beta = unname(fixef(b1))))
}
small_auc <- list(
  null = delong(small, small_fits$laplace$null$fitted),
  main = delong(small, small_fits$laplace$main$fitted))
gh <- lapply(c(2, 3, 10, 25), function(k) {
  r <- GHrule(k)
  list(order = k, nodes = r[, "z"], weights = r[, "w"])
})
write_reference("small", small, small_vars, small_fits,
  list(binary = binary_loglik, auc_laplace = small_auc, gauss_hermite = gh,
       seed = 777))
