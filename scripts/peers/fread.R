#!/usr/bin/env Rscript
# Peer timing for `strata tabulate FILE --rows kon`: data.table::fread alone, inside R (R's
# start-up and library loading are not counted), median of several runs after one warm-up.
#   Rscript scripts/peers/fread.R FILE [RUNS]
suppressPackageStartupMessages(library(data.table))
args <- commandArgs(TRUE)
file <- args[1]
runs <- if (length(args) > 1) as.integer(args[2]) else 7L
invisible(fread(file))
times <- replicate(runs, system.time(fread(file))[c("elapsed", "user.self", "sys.self")])
t <- times["elapsed", ]
cpu <- median(times["user.self", ] + times["sys.self", ])
cat(sprintf(
  "fread %s: median %.3f s wall, %.3f s cpu (wall min %.3f, max %.3f; %d runs; %d threads; data.table %s; %s)\n",
  basename(file), median(t), cpu, min(t), max(t), runs, getDTthreads(),
  packageVersion("data.table"), R.version.string))
