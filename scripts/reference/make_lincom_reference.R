# Reference values for GLMFit.linearCombination / interactionEffects (Stata's lincom):
# the effect of each level of an interaction within the other level, exp(b_main + b_int),
# with SE sqrt(w' V w) from vcov() and Wald intervals.
# Run: Rscript scripts/reference/make_lincom_reference.R   (R 4.2.2, stats only)
cells <- data.frame(
  a = c("1", "1", "1", "2", "2", "2"),
  b = c("x", "y", "z", "x", "y", "z"),
  successes = c(12, 20, 8, 25, 18, 30),
  failures = c(48, 40, 52, 35, 42, 30))
rows <- do.call(rbind, lapply(seq_len(nrow(cells)), function(i) {
  data.frame(a = cells$a[i], b = cells$b[i],
             y = c(rep(1, cells$successes[i]), rep(0, cells$failures[i])))
}))
rows$a <- factor(rows$a, levels = c("1", "2"))
rows$b <- factor(rows$b, levels = c("x", "y", "z"))
# A tight convergence criterion, so that vcov() is that of the converged fit.
fit <- glm(y ~ a * b, family = binomial, data = rows,
           control = glm.control(epsilon = 1e-14, maxit = 100))
b <- coef(fit)
V <- vcov(fit)
lincom <- function(terms) {
  w <- setNames(rep(0, length(b)), names(b))
  w[terms] <- 1
  est <- sum(w * b)
  se <- sqrt(drop(t(w) %*% V %*% w))
  q <- qnorm(0.975)
  c(estimate = est, se = se, or = exp(est), lower = exp(est - q * se),
    upper = exp(est + q * se), p = 2 * pnorm(-abs(est / se)))
}
cat(R.version.string, "\n")
for (terms in list(c("a2", "a2:by"), c("by", "a2:by"), c("a2", "a2:bz"), c("bz", "a2:bz"))) {
  cat(paste(terms, collapse = " + "), ":",
      sprintf("%.15g", lincom(terms)), "\n")
}
