#!/usr/bin/env Rscript
# Reference values for the continuity-corrected χ² test and Fisher's exact test of r × c tables
# (Tests/TabulationTests/ExactTestTests.swift).
#
# Run from the project root:
#   Rscript scripts/reference/make_exact_test_reference.R
# It writes Tests/TabulationTests/Reference/exact_test_reference.json: each table (row-major,
# with its dimensions) and R's results. CI does not run this script; the tests read the committed
# JSON. jsonlite writes 15 significant digits (relative rounding below 5e-16).
#
# Made with R 4.2.2 Patched (2022-11-10 r83330), jsonlite 1.8.4.
#
# Sources:
#   yates    stats::chisq.test(x, correct = TRUE): statistic, p.value (2 × 2 tables), and
#            correct = FALSE for the uncorrected statistic
#   fisher   stats::fisher.test(x, workspace = 2e8)$p.value (FEXACT's network algorithm for
#            r × c; the 2 × 2 cases go through R's own 2 × 2 code)
#   simulate stats::fisher.test(x, simulate.p.value = TRUE, B = 1e5) with set.seed(1): a
#            Monte-Carlo p-value for the tests to compare with their own within binomial error
suppressPackageStartupMessages(library(jsonlite))

table_entry <- function(name, x) {
  list(name = name, rows = nrow(x), cols = ncol(x), counts = as.numeric(t(x)))
}

yates_tables <- list(
  small = matrix(c(3, 1, 1, 3), 2, byrow = TRUE),
  near_expected = matrix(c(5, 5, 5, 6), 2, byrow = TRUE),   # |O - E| < 0.5 in every cell
  exact_expected = matrix(c(4, 6, 6, 9), 2, byrow = TRUE),  # O = E: statistic 0
  unbalanced = matrix(c(12, 5, 3, 30), 2, byrow = TRUE),
  large = matrix(c(812, 514, 4321, 3876), 2, byrow = TRUE),
  zero_cell = matrix(c(0, 7, 9, 4), 2, byrow = TRUE)
)
yates <- lapply(names(yates_tables), function(name) {
  x <- yates_tables[[name]]
  corrected <- suppressWarnings(chisq.test(x, correct = TRUE))
  plain <- suppressWarnings(chisq.test(x, correct = FALSE))
  c(table_entry(name, x), list(
    chi2 = unname(corrected$statistic), p_value = corrected$p.value,
    chi2_uncorrected = unname(plain$statistic), p_value_uncorrected = plain$p.value))
})

fisher_tables <- list(
  # Agresti (2002), Table 3.8 (job satisfaction by income), a classic r × c example.
  job_satisfaction = matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4,
                            byrow = TRUE),
  two_by_three = matrix(c(3, 1, 0, 0, 2, 5), 2, byrow = TRUE),
  three_by_three = matrix(c(2, 0, 1, 0, 3, 1, 1, 1, 4), 3, byrow = TRUE),
  sparse_3x4 = matrix(c(0, 2, 1, 4, 3, 0, 2, 1, 1, 1, 0, 5), 3, byrow = TRUE),
  tall_5x2 = matrix(c(4, 0, 3, 1, 2, 2, 1, 3, 0, 4), 5, byrow = TRUE),
  two_by_two = matrix(c(10, 2, 3, 15), 2, byrow = TRUE),
  moderate_3x5 = matrix(c(8, 3, 5, 2, 1, 2, 7, 4, 6, 3, 1, 2, 9, 4, 8), 3, byrow = TRUE),
  independent = matrix(c(5, 5, 5, 5, 5, 5), 2, byrow = TRUE),
  # The county's suspects by sex and age group (strata generate --seed 1 sample): 2 × 7, n = 786.
  county_sex_age = matrix(c(40, 91, 186, 181, 135, 37, 16, 3, 15, 24, 28, 20, 7, 4), 2,
                          byrow = TRUE),
  larger_4x5 = matrix(c(8, 3, 5, 2, 1, 2, 7, 4, 6, 3, 1, 2, 9, 4, 8, 5, 5, 6, 2, 3), 4,
                      byrow = TRUE)
)
fisher <- lapply(names(fisher_tables), function(name) {
  x <- fisher_tables[[name]]
  c(table_entry(name, x), list(p_value = fisher.test(x, workspace = 2e8)$p.value))
})

set.seed(1)
simulated_x <- fisher_tables$moderate_3x5
simulated <- c(table_entry("moderate_3x5", simulated_x), list(
  replicates = 1e5,
  p_value = fisher.test(simulated_x, simulate.p.value = TRUE, B = 1e5)$p.value))

out <- list(
  r_version = R.version.string, jsonlite = as.character(packageVersion("jsonlite")),
  yates = yates, fisher = fisher, simulated = simulated)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "Tests/TabulationTests/Reference/exact_test_reference.json")
