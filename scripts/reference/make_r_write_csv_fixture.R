#!/usr/bin/env Rscript
# Writes Tests/MicrodataTests/Fixtures/r_write_csv.csv as R's write.csv writes a data frame with
# missing values: comma-separated, strings and the header quoted, missing values as bare `NA`.
# The loader must read `NA` as missing in the numeric columns (declared `kon` and `alder`,
# undeclared `misstankt`, `vikt` and `belopp`) with a counted note, and keep `namn` as text.
#   Rscript scripts/reference/make_r_write_csv_fixture.R
# Made with R 4.2.2 (base R only).
d <- data.frame(
  lopnr = 1001:1008,
  kon = c(1L, 2L, NA, 1L, 2L, 2L, 1L, NA),
  alder = c(34L, NA, 51L, 19L, NA, 66L, 27L, 45L),
  misstankt = c(0L, 1L, NA, 0L, 0L, 1L, NA, 0L),
  vikt = c(1.5, 0.25, NA, 2, 1, NA, 3.75, 1),
  belopp = c(NA, NA, 3L, 1L, 2L, 5000000000, 1L, NA),
  namn = c("Anna", "NA", NA, "Bo", "Eva", "Åsa", "Per", "Lo")
)
write.csv(d, "Tests/MicrodataTests/Fixtures/r_write_csv.csv", row.names = FALSE,
  fileEncoding = "UTF-8")
