#!/usr/bin/env Rscript
# Peer timing for `strata maihda SUSPECTS --population POPULATION --strata
# kon,aldersgrupp,utbildningsniva,fodelse`: the two glmer fits of a MAIHDA (null and main
# effects, Laplace) on the strata, inside R; reading and aggregating the files is not counted.
# Median of several runs after one warm-up.
#   Rscript scripts/peers/maihda.R SUSPECTS POPULATION [RUNS]
suppressPackageStartupMessages({
  library(data.table)
  library(lme4)
})
args <- commandArgs(TRUE)
runs <- if (length(args) > 2) as.integer(args[3]) else 7L
strata <- function(d) {
  d[, aldersgrupp := cut(alder, c(14, 17, 24, 34, 44, 54, 64, Inf))]
  d[, utbildningsniva := fifelse(utbildning <= 2, "forgymnasial",
    fifelse(utbildning <= 4, "gymnasial", fifelse(utbildning <= 7, "eftergymnasial", "saknas")))]
  d[is.na(utbildningsniva), utbildningsniva := "saknas"]
  d[, fodelse := fifelse(fodelseland == 1, "inrikes", "utrikes")]
  d[!is.na(aldersgrupp) & !is.na(fodelse)]
}
suspects <- strata(fread(args[1]))
population <- strata(fread(args[2]))
keys <- c("kon", "aldersgrupp", "utbildningsniva", "fodelse")
cases <- unique(suspects, by = c("lopnr", keys))[, .(cases = .N), by = keys]
cells <- population[, .(n = sum(antal)), by = keys]
g <- merge(cells, cases, by = keys, all.x = TRUE)
g[is.na(cases), cases := 0L]
g[, stratum := factor(do.call(paste, .SD)), .SDcols = keys]
# (Convergence and singular-fit notes are not part of the timing; they are silenced.)
fit <- function() suppressMessages(suppressWarnings({
  list(
    glmer(cbind(cases, n - cases) ~ 1 + (1 | stratum), family = binomial, data = g),
    glmer(cbind(cases, n - cases) ~ factor(kon) + aldersgrupp + utbildningsniva + fodelse +
      (1 | stratum), family = binomial, data = g))
}))
invisible(fit())
times <- replicate(runs, system.time(fit())[c("elapsed", "user.self", "sys.self")])
t <- times["elapsed", ]
cpu <- median(times["user.self", ] + times["sys.self", ])
cat(sprintf(
  "glmer null + main effects (%d strata): median %.3f s wall, %.3f s cpu (wall min %.3f, max %.3f; %d runs; lme4 %s; %s)\n",
  nrow(g), median(t), cpu, min(t), max(t), runs, packageVersion("lme4"), R.version.string))
