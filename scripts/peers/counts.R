#!/usr/bin/env Rscript
# Peer timing for `strata poisson|nbreg FILE --formula "antal ~ kon + alder + utbildning +
# fodelseland"` (17 coefficients, one row per person): fread + glm(poisson) and fread +
# MASS::glm.nb, inside R, median of several runs after one warm-up. The log-likelihoods are
# printed to check that both fit the same models.
#   Rscript scripts/peers/counts.R FILE [RUNS]
suppressPackageStartupMessages({
  library(data.table)
  library(MASS)
})
args <- commandArgs(TRUE)
file <- args[1]
runs <- if (length(args) > 1) as.integer(args[2]) else 3L
f <- antal ~ factor(kon) + alder + factor(utbildning) + factor(fodelseland)
fits <- list(
  poisson = function() glm(f, family = poisson, data = fread(file)),
  nbreg = function() glm.nb(f, data = fread(file))
)
for (name in names(fits)) {
  m <- fits[[name]]()
  times <- replicate(runs, system.time(fits[[name]]())[c("elapsed", "user.self", "sys.self")])
  t <- times["elapsed", ]
  cpu <- median(times["user.self", ] + times["sys.self", ])
  cat(sprintf(
    "fread + %s %s: median %.3f s wall, %.3f s cpu (wall min %.3f, max %.3f; %d runs; logLik %.6f; %s)\n",
    if (name == "poisson") "glm(poisson)" else "glm.nb", basename(file), median(t), cpu, min(t),
    max(t), runs, as.numeric(logLik(m)), R.version.string))
}
