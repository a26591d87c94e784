#!/usr/bin/env Rscript
# Reference values for the average marginal effects of a logit (issue #13, item 1), computed by
# hand in R: Tests/RegressionModelsTests/Reference/ame_mtcars.json.
# Run from the repository root:  Rscript scripts/reference/make_ame_reference.R
# CI does not run this; the tests read the committed JSON. No random numbers.
#
# Model: glm(am ~ wt + hp, binomial) on datasets::mtcars (the 32 rows of am, wt, hp are written
# into the JSON). For a numeric x without interactions, with p_i = plogis(eta_i):
#   AME_x = mean_i dp_i/dx = mean_i p_i (1 - p_i) * beta_x
# and its delta-method standard error uses the analytic Jacobian
#   dAME_x/dbeta_k = mean_i p_i (1 - p_i) (1 - 2 p_i) X_ik * beta_x + [k == x] mean_i p_i (1 - p_i)
#   se = sqrt(J V J'),  V = vcov(fit) (model-based, at the converged estimates).
suppressPackageStartupMessages(library(jsonlite))
out <- "Tests/RegressionModelsTests/Reference/ame_mtcars.json"

d <- datasets::mtcars[, c("am", "wt", "hp")]
# Converge far beyond R's default (epsilon = 1e-8) so that the covariance is that at the estimates.
fit <- glm(am ~ wt + hp, binomial, d, control = glm.control(epsilon = 1e-15, maxit = 100))
X <- model.matrix(fit); b <- coef(fit); V <- vcov(fit)
p <- drop(plogis(X %*% b)); s <- p * (1 - p); s2 <- s * (1 - 2 * p)
z975 <- qnorm(0.975)
effects <- lapply(c("wt", "hp"), function(v) {
  k <- match(v, colnames(X))
  est <- mean(s) * b[[k]]
  J <- colMeans(s2 * X) * b[[k]]
  J[k] <- J[k] + mean(s)
  se <- sqrt(drop(t(J) %*% V %*% J))
  zz <- est / se
  list(variable = v, estimate = est, std_error = se, z = zz, p_value = 2 * pnorm(-abs(zz)),
       lower = est - z975 * se, upper = est + z975 * se)
})

reference <- list(
  generator = "scripts/reference/make_ame_reference.R",
  r_version = R.version.string,
  packages = list(jsonlite = as.character(packageVersion("jsonlite"))),
  formula = "am ~ wt + hp",
  data = list(am = d$am, wt = d$wt, hp = d$hp),
  coefficients = unname(b), std_errors = unname(sqrt(diag(V))),
  ame = effects)
writeLines(toJSON(reference, digits = I(17), auto_unbox = TRUE, pretty = TRUE), out)
cat("wrote", out, "\n")
