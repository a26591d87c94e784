#!/usr/bin/env Rscript
# Peer timing for `strata logit FILE --no-collapse --formula "misstankt ~ kon + alder +
# utbildning + fodelseland"` (17 coefficients, one row per person): fread + glm, inside R,
# median of several runs after one warm-up. The deviance is printed to check that both fit the
# same model.
#   Rscript scripts/peers/logit.R FILE [RUNS]
suppressPackageStartupMessages(library(data.table))
args <- commandArgs(TRUE)
file <- args[1]
runs <- if (length(args) > 1) as.integer(args[2]) else 3L
fit <- function() {
  d <- fread(file)
  glm(misstankt ~ factor(kon) + alder + factor(utbildning) + factor(fodelseland),
    family = binomial, data = d)
}
m <- fit()
times <- replicate(runs, system.time(fit())[c("elapsed", "user.self", "sys.self")])
t <- times["elapsed", ]
cpu <- median(times["user.self", ] + times["sys.self", ])
cat(sprintf(
  "fread + glm %s: median %.3f s wall, %.3f s cpu (wall min %.3f, max %.3f; %d runs; deviance %.6f; %s)\n",
  basename(file), median(t), cpu, min(t), max(t), runs, deviance(m), R.version.string))
