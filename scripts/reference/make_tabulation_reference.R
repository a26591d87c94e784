#!/usr/bin/env Rscript
# Reference values for Tests/TabulationTests (the Tabulation module).
#
# Run from the project root:
#   Rscript scripts/reference/make_tabulation_reference.R
# It writes Tests/TabulationTests/Reference/tabulation_reference.json with the inputs (generated
# from a fixed seed) and R's results, and records the R and package versions. CI does not run
# this script; the tests read the committed JSON. jsonlite writes 15 significant digits (a
# relative rounding error below 5e-16, far inside every tolerance); infinite values are null.
#
# Sources of each value:
#   cross-tabulation        stats::xtabs, apply (margins)
#   association             stats::chisq.test(correct = FALSE): statistic, parameter, p.value,
#                           stdres; G² = 2 Σ O log(O / E) by hand with pchisq; Cramér's V by hand
#   Fisher                  stats::fisher.test (2 × 2): p.value, estimate, conf.int; and the same
#                           estimate and interval with uniroot(tol = 1e-13) (fisher.test uses
#                           uniroot's default tol ≈ 1.2e-4, too loose for a 1e-6 comparison)
#   Poisson rates           Garwood via qchisq; cross-checked with poisson.test(x, T)$conf.int
#   rate ratios             stats::poisson.test(c(x1, x2), c(T1, T2)); log-normal Wald by hand
#   proportions             stats::prop.test(x, n, correct = FALSE)$conf.int (Wilson score)
#   direct standardisation  epitools::ageadjust.direct (Fay & Feuer 1997), transcribed below from
#                           epitools 0.5-10.1 because the package is not installed here
#   recidivism              survival::survfit (Kaplan–Meier, Greenwood, conf.type = "log"),
#                           summary(fit, times = window, extend = TRUE)
suppressPackageStartupMessages({
  library(jsonlite)
  library(survival)
})

seed <- 20240601L
set.seed(seed)
out <- list(
  generator = "scripts/reference/make_tabulation_reference.R",
  r_version = R.version.string,
  survival_version = as.character(packageVersion("survival")),
  jsonlite_version = as.character(packageVersion("jsonlite")),
  seed = seed
)

# Row-major (last index fastest) flattening of an R array, as Strata stores cells.
row_major <- function(a) {
  d <- dim(a)
  if (is.null(d) || length(d) == 1) return(as.vector(a))
  as.vector(aperm(a, rev(seq_along(d))))
}

# ---- 1. Cross-tabulation of a 4-way synthetic dataset ------------------------------------------
n <- 5000
kon <- sample(0:1, n, replace = TRUE, prob = c(0.8, 0.2))
alder <- sample(0:3, n, replace = TRUE, prob = c(0.1, 0.3, 0.35, 0.25))
fodelse <- sample(0:1, n, replace = TRUE, prob = c(0.7, 0.3))
utbildning <- sample(0:2, n, replace = TRUE, prob = c(0.3, 0.5, 0.2))
utbildning[sample(n, 97)] <- -1L # missing
alder[sample(n, 31)] <- -2L # outside every age group (under 15)
fodelse[sample(n, 12)] <- -1L
antal <- 1L + rpois(n, 0.6)
codes <- list(kon = kon, aldersgrupp = alder, fodelse = fodelse, utbildning = utbildning)
shape <- c(2L, 4L, 2L, 3L)
ok <- kon >= 0 & alder >= 0 & fodelse >= 0 & utbildning >= 0
df <- data.frame(
  kon = factor(kon[ok], levels = 0:1), aldersgrupp = factor(alder[ok], levels = 0:3),
  fodelse = factor(fodelse[ok], levels = 0:1), utbildning = factor(utbildning[ok], levels = 0:2),
  antal = antal[ok]
)
tab <- xtabs(~ kon + aldersgrupp + fodelse + utbildning, data = df)
wtab <- xtabs(antal ~ kon + aldersgrupp + fodelse + utbildning, data = df)
margins <- list()
for (mask in 1:(2^4 - 2)) {
  kept <- which(bitwAnd(mask, 2^(0:3)) > 0)
  margins[[length(margins) + 1]] <- list(
    kept = I(kept - 1L),
    counts = row_major(apply(tab, kept, sum)),
    weighted = row_major(apply(wtab, kept, sum))
  )
}
out$crosstab <- list(
  variables = names(codes), shape = shape, codes = codes, weights = antal,
  counts = row_major(tab), weighted_counts = row_major(wtab), total = sum(tab),
  weighted_total = sum(wtab), margins = margins,
  excluded_rows = sum(!ok),
  missing = list(utbildning = sum(utbildning == -1), fodelse = sum(fodelse == -1)),
  outside = list(aldersgrupp = sum(alder == -2))
)

# ---- 2. Tests of association on two-way tables -------------------------------------------------
association <- function(m, name) {
  input <- list(input_rows = nrow(m), input_cols = ncol(m), input_counts = row_major(m))
  m <- m[rowSums(m) > 0, colSums(m) > 0, drop = FALSE] # Strata drops empty rows and columns
  ct <- suppressWarnings(chisq.test(m, correct = FALSE))
  e <- ct$expected
  g2 <- 2 * sum(ifelse(m > 0, m * log(m / e), 0))
  df <- unname(ct$parameter)
  c(input, list(
    name = name, rows = nrow(m), cols = ncol(m), counts = row_major(m),
    chi2 = unname(ct$statistic), df = df, p_value = ct$p.value,
    g2 = g2, g2_p_value = pchisq(g2, df, lower.tail = FALSE),
    cramers_v = sqrt(unname(ct$statistic) / (sum(m) * (min(dim(m)) - 1))),
    expected = row_major(e), stdres = row_major(ct$stdres)
  ))
}
tables <- list(
  list(m = matrix(c(812, 514, 301, 409), 2, byrow = TRUE), name = "2x2 kon x fodelse"),
  list(m = matrix(c(12, 5, 0, 7, 30, 22, 9, 1, 3, 8, 14, 2), 3, byrow = TRUE), name = "3x4 sparse"),
  list(m = matrix(c(3, 1, 1, 3), 2, byrow = TRUE), name = "2x2 tiny"),
  list(m = matrix(c(120, 0, 35, 80, 0, 41), 2, byrow = TRUE), name = "2x3 with an empty column"),
  list(m = apply(tab, c(1, 3), sum), name = "kon x fodelse from the 4-way table"),
  list(m = apply(tab, c(2, 4), sum), name = "aldersgrupp x utbildning from the 4-way table")
)
out$association <- lapply(tables, function(t) association(t$m, t$name))

# ---- 3. Fisher's exact test, 2 x 2 --------------------------------------------------------------
# The conditional MLE and interval as in fisher.test, with a tight root-finding tolerance.
fisher_precise <- function(x, conf.level = 0.95) {
  m <- sum(x[, 1L]); n <- sum(x[, 2L]); k <- sum(x[1L, ]); x <- x[1L, 1L]
  lo <- max(0L, k - n); hi <- min(k, m)
  support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  dnhyper <- function(ncp) {
    d <- logdc + log(ncp) * support
    d <- exp(d - max(d))
    d / sum(d)
  }
  mnhyper <- function(ncp) {
    if (ncp == 0) return(lo)
    if (ncp == Inf) return(hi)
    sum(support * dnhyper(ncp))
  }
  pnhyper <- function(q, ncp, upper.tail = FALSE) {
    if (ncp == 1) {
      return(if (upper.tail) phyper(x - 1, m, n, k, lower.tail = FALSE) else phyper(x, m, n, k))
    }
    if (ncp == 0) return(as.numeric(if (upper.tail) q <= lo else q >= lo))
    if (ncp == Inf) return(as.numeric(if (upper.tail) q <= hi else q >= hi))
    sum(dnhyper(ncp)[if (upper.tail) support >= q else support <= q])
  }
  tol <- 1e-13
  mle <- function(x) {
    if (x == lo) return(0)
    if (x == hi) return(Inf)
    mu <- mnhyper(1)
    if (mu > x) uniroot(function(t) mnhyper(t) - x, c(0, 1), tol = tol)$root
    else if (mu < x) 1 / uniroot(function(t) mnhyper(1 / t) - x, c(.Machine$double.eps, 1), tol = tol)$root
    else 1
  }
  ncp.U <- function(x, alpha) {
    if (x == hi) return(Inf)
    p <- pnhyper(x, 1)
    if (p < alpha) uniroot(function(t) pnhyper(x, t) - alpha, c(0, 1), tol = tol)$root
    else if (p > alpha) 1 / uniroot(function(t) pnhyper(x, 1 / t) - alpha, c(.Machine$double.eps, 1), tol = tol)$root
    else 1
  }
  ncp.L <- function(x, alpha) {
    if (x == lo) return(0)
    p <- pnhyper(x, 1, upper.tail = TRUE)
    if (p > alpha) uniroot(function(t) pnhyper(x, t, upper.tail = TRUE) - alpha, c(0, 1), tol = tol)$root
    else if (p < alpha) 1 / uniroot(function(t) pnhyper(x, 1 / t, upper.tail = TRUE) - alpha, c(.Machine$double.eps, 1), tol = tol)$root
    else 1
  }
  alpha <- (1 - conf.level) / 2
  list(estimate = mle(x), conf_int = c(ncp.L(x, alpha), ncp.U(x, alpha)))
}
inf_to_null <- function(v) lapply(v, function(z) if (is.infinite(z)) NULL else z)
fisher_tables <- list(
  c(3, 1, 1, 3), c(10, 2, 3, 15), c(0, 5, 7, 2), c(12, 0, 3, 9), c(50, 40, 30, 60),
  c(1, 0, 0, 1), c(2, 7, 8, 2), c(4, 4, 4, 4), c(1, 12, 9, 1), c(25, 3, 31, 2)
)
out$fisher <- lapply(fisher_tables, function(v) {
  m <- matrix(v, 2, byrow = TRUE)
  ft <- fisher.test(m)
  pr <- fisher_precise(m)
  list(
    counts = v, p_value = ft$p.value,
    estimate_fisher_test = inf_to_null(unname(ft$estimate))[[1]],
    conf_int_fisher_test = inf_to_null(ft$conf.int),
    estimate = inf_to_null(pr$estimate)[[1]], conf_int = inf_to_null(pr$conf_int)
  )
})

# ---- 4. Poisson rates with Garwood intervals ---------------------------------------------------
rates <- list(
  c(0, 5000), c(1, 12000), c(5, 8000), c(17, 30321), c(150, 612345), c(812, 612345),
  c(1234, 2e6), c(3, 17)
)
out$rates <- lapply(rates, function(r) {
  x <- r[1]; t <- r[2]; per <- 1e5
  lower <- if (x == 0) 0 else qchisq(0.025, 2 * x) / 2
  upper <- qchisq(0.975, 2 * (x + 1)) / 2
  pt <- poisson.test(x, t)$conf.int
  list(
    count = x, population = t, per = per, rate = x / t * per,
    ci = c(lower, upper) / t * per, poisson_test_ci = as.vector(pt) * per,
    ci_90 = c(if (x == 0) 0 else qchisq(0.05, 2 * x) / 2, qchisq(0.95, 2 * (x + 1)) / 2) / t * per
  )
})

# ---- 5. Rate ratios ------------------------------------------------------------------------------
ratio_pairs <- list(
  c(812, 612345, 514, 801234), c(17, 30321, 5, 40210), c(0, 10000, 4, 12000),
  c(9, 1500, 0, 2000), c(150, 1e5, 150, 1e5), c(3, 200, 40, 1000)
)
out$rate_ratios <- lapply(ratio_pairs, function(p) {
  pt <- poisson.test(c(p[1], p[3]), c(p[2], p[4]))
  est <- unname(pt$estimate)
  se <- sqrt(1 / p[1] + 1 / p[3])
  wald <- if (p[1] > 0 && p[3] > 0) exp(log(est) + c(-1, 1) * qnorm(0.975) * se) else NULL
  list(
    x1 = p[1], t1 = p[2], x2 = p[3], t2 = p[4], estimate = inf_to_null(est)[[1]],
    conf_int = inf_to_null(as.vector(pt$conf.int)), p_value = pt$p.value, wald_ci = wald
  )
})

# ---- 6. Wilson intervals -----------------------------------------------------------------------
props <- list(c(0, 10), c(1, 10), c(10, 10), c(210, 900), c(3, 4), c(4251, 17503), c(57, 1000))
out$wilson <- lapply(props, function(p) {
  list(
    x = p[1], n = p[2], estimate = p[1] / p[2],
    ci = as.vector(suppressWarnings(prop.test(p[1], p[2], correct = FALSE))$conf.int),
    ci_90 = as.vector(suppressWarnings(prop.test(p[1], p[2], correct = FALSE, conf.level = 0.9))$conf.int)
  )
})

# ---- 7. Direct standardisation (epitools::ageadjust.direct, Fay & Feuer 1997) ------------------
ageadjust.direct <- function(count, pop, rate = NULL, stdpop, conf.level = 0.95) {
  if (missing(count) == TRUE & !missing(pop) == TRUE & is.null(rate) == TRUE) count <- rate * pop
  if (missing(pop) == TRUE & !missing(count) == TRUE & is.null(rate) == TRUE) pop <- count / rate
  if (is.null(rate) == TRUE & !missing(count) == TRUE & !missing(pop) == TRUE) rate <- count / pop
  alpha <- 1 - conf.level
  cruderate <- sum(count) / sum(pop)
  stdwt <- stdpop / sum(stdpop)
  dsr <- sum(stdwt * rate)
  dsr.var <- sum((stdwt^2) * (count / pop^2))
  wm <- max(stdwt / pop)
  gamma.lci <- qgamma(alpha / 2, shape = (dsr^2) / dsr.var, scale = dsr.var / dsr)
  gamma.uci <- qgamma(1 - alpha / 2, shape = ((dsr + wm)^2) / (dsr.var + wm^2),
                      scale = (dsr.var + wm^2) / (dsr + wm))
  c(crude.rate = cruderate, adj.rate = dsr, lci = gamma.lci, uci = gamma.uci)
}
# Suspects and population by group (inrikes, utrikes) x five age strata.
std_counts <- matrix(c(40, 95, 120, 70, 18, 22, 61, 88, 30, 4), 2, byrow = TRUE)
std_pops <- matrix(c(61000, 140000, 210000, 190000, 160000, 15000, 42000, 71000, 52000, 30000), 2, byrow = TRUE)
study_std <- colSums(std_pops)
explicit_std <- c(100000, 200000, 250000, 250000, 200000)
out$standardisation <- list(
  counts = row_major(std_counts), populations = row_major(std_pops), per = 1e5,
  explicit_standard = explicit_std,
  study_population = lapply(1:2, function(g) as.list(ageadjust.direct(std_counts[g, ], std_pops[g, ], stdpop = study_std) * 1e5)),
  explicit = lapply(1:2, function(g) as.list(ageadjust.direct(std_counts[g, ], std_pops[g, ], stdpop = explicit_std) * 1e5)),
  # A group with no suspects in any stratum: the lower limit is 0 (epitools gives NaN).
  zero_group_upper = unname(ageadjust.direct(c(0, 0, 0, 0, 0), std_pops[1, ], stdpop = study_std)["uci"]) * 1e5
)

# ---- 8. Repeat offending -----------------------------------------------------------------------
np <- 3000
rep_group <- sample(0:2, np, replace = TRUE, prob = c(0.5, 0.3, 0.2))
rep_kon <- sample(0:1, np, replace = TRUE, prob = c(0.75, 0.25))
rep_antal <- 1L + rnbinom(np, size = 0.8, mu = c(0.5, 0.9, 1.4)[rep_group + 1])
rep_group[sample(np, 20)] <- -1L
rep_rows <- list()
for (g in 0:2) for (s in 0:1) {
  sel <- rep_group == g & rep_kon == s
  x <- sum(rep_antal[sel] >= 2); nn <- sum(sel)
  rep_rows[[length(rep_rows) + 1]] <- list(
    group = g, kon = s, persons = nn, repeaters = x, share = x / nn,
    ci = as.vector(prop.test(x, nn, correct = FALSE)$conf.int)
  )
}
sel <- rep_group >= 0
x <- sum(rep_antal[sel] >= 2); nn <- sum(sel)
out$repeat_offending <- list(
  group = rep_group, kon = rep_kon, antal = rep_antal, cells = rep_rows,
  total = list(persons = nn, repeaters = x, share = x / nn,
               ci = as.vector(prop.test(x, nn, correct = FALSE)$conf.int))
)

# ---- 9. Recidivism with follow-up (Kaplan–Meier) -----------------------------------------------
# Persons with a first suspicion spread over two years and new suspicions at exponential gaps.
persons <- 600
start_day <- 16436L # 2015-01-01 as days since 1970-01-01
end_day <- start_day + 4 * 365L
ev_person <- integer(0); ev_day <- integer(0)
person_group <- sample(0:1, persons, replace = TRUE, prob = c(0.6, 0.4))
for (p in 1:persons) {
  day <- start_day + sample(0:(2 * 365), 1)
  rate <- c(1 / 900, 1 / 450)[person_group[p] + 1]
  repeat {
    ev_person <- c(ev_person, p); ev_day <- c(ev_day, day)
    if (runif(1) < 0.08) { ev_person <- c(ev_person, p); ev_day <- c(ev_day, day) } # same-day event
    day <- day + ceiling(rexp(1, rate))
    if (day > end_day + 200) break # events after the data end exist and must be ignored
  }
}
shuffle <- sample(length(ev_day))
ev_person <- ev_person[shuffle]; ev_day <- ev_day[shuffle]
ev_group <- person_group[ev_person]

followup <- function(index_mode, window) {
  keep <- ev_day <= end_day
  ps <- ev_person[keep]; ds <- ev_day[keep]
  rows <- list()
  for (p in unique(ps)) {
    days <- sort(unique(ds[ps == p]))
    idx <- if (index_mode == "first") days[1] else days
    for (i in idx) {
      nxt <- days[days > i]
      cens <- end_day - i
      if (length(nxt) > 0 && nxt[1] - i <= cens) {
        rows[[length(rows) + 1]] <- c(p, i, nxt[1] - i, 1, cens)
      } else {
        rows[[length(rows) + 1]] <- c(p, i, cens, 0, cens)
      }
    }
  }
  d <- as.data.frame(do.call(rbind, rows))
  names(d) <- c("person", "index", "time", "status", "censor")
  d$group <- person_group[d$person]
  res <- list()
  for (g in c(NA, 0, 1)) {
    dd <- if (is.na(g)) d else d[d$group == g, ]
    fit <- survfit(Surv(time, status) ~ 1, data = dd)
    s <- summary(fit, times = window, extend = TRUE)
    full <- dd$censor >= window
    rec <- sum(full & dd$status == 1 & dd$time <= window)
    np <- sum(full)
    res[[length(res) + 1]] <- list(
      group = if (is.na(g)) NULL else g, index_events = nrow(dd), persons = np,
      recidivists = rec, rate = rec / np,
      rate_ci = as.vector(prop.test(rec, np, correct = FALSE)$conf.int),
      km = 1 - s$surv, km_ci = c(1 - s$upper, 1 - s$lower), censored = sum(!full),
      km_std_err = s$std.err
    )
  }
  list(index = index_mode, window = window, groups = res)
}
out$recidivism <- list(
  end_day = end_day, person = ev_person, day = ev_day, group = ev_group,
  analyses = list(followup("first", 365), followup("first", 1095), followup("each", 365))
)

dir.create("Tests/TabulationTests/Reference", showWarnings = FALSE, recursive = TRUE)
writeLines(
  toJSON(out, digits = I(17), auto_unbox = TRUE, null = "null", pretty = FALSE),
  "Tests/TabulationTests/Reference/tabulation_reference.json"
)
cat("wrote Tests/TabulationTests/Reference/tabulation_reference.json\n")
