#!/usr/bin/env Rscript
# Reference values for the Poisson and negative-binomial GLMs (RegressionModelsTests,
# GLMFamilyReferenceTests), from R's glm, MASS::glm.nb and sandwich, with converged settings
# (glm.control(epsilon = 1e-15, maxit = 100); glm.nb to epsilon = 1e-13).
# Writes Tests/RegressionModelsTests/Reference/glm_family_reference.json.
# Run from the repository root:  Rscript scripts/reference/make_glm_family_reference.R
# CI does not run this; the tests read the committed JSON.
#
# Data: MASS::Insurance (64 rows) and MASS::quine (146 rows), from the MASS package
# (Venables & Ripley, Modern Applied Statistics with S, 4th ed., Springer 2002; GPL-2 | GPL-3).
# Only the columns the models use are written into the JSON, as test fixtures.
# Versions used (also recorded in the JSON): R 4.2.2, MASS 7.3-58.2, sandwich 3.0-2.
suppressPackageStartupMessages({ library(jsonlite); library(sandwich); library(MASS) })
out <- "Tests/RegressionModelsTests/Reference/glm_family_reference.json"
digits <- 17
control <- glm.control(epsilon = 1e-15, maxit = 100)

# Ordered factors in MASS get polynomial contrasts; as plain factors they get treatment
# contrasts against the first level, as Strata codes them.
ins <- MASS::Insurance
for (v in c("District", "Group", "Age")) ins[[v]] <- factor(as.character(ins[[v]]), levels = levels(ins[[v]]))
insurance_data <- list(District = as.character(ins$District), Group = as.character(ins$Group),
  Age = as.character(ins$Age), Holders = ins$Holders, Claims = ins$Claims)
insurance_levels <- list(District = levels(ins$District), Group = levels(ins$Group), Age = levels(ins$Age))

qu <- MASS::quine
quine_data <- list(Eth = as.character(qu$Eth), Sex = as.character(qu$Sex), Age = as.character(qu$Age),
  Lrn = as.character(qu$Lrn), Days = qu$Days)
quine_levels <- list(Eth = levels(qu$Eth), Sex = levels(qu$Sex), Age = levels(qu$Age), Lrn = levels(qu$Lrn))

summary_of <- function(fit, extra = list()) {
  s <- summary(fit)
  co <- coef(s)
  c(list(
    names = rownames(co), estimate = unname(co[, 1]), std_error = unname(co[, 2]),
    deviance = deviance(fit), null_deviance = fit$null.deviance,
    log_likelihood = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit),
    df_residual = fit$df.residual, n = nobs(fit)), extra)
}

cases <- list()

# Poisson with an offset: claims per policy holder.
p1 <- glm(Claims ~ District + Group + Age + offset(log(Holders)), family = poisson,
  data = ins, control = control)
p1_null <- glm(Claims ~ Group + offset(log(Holders)), family = poisson, data = ins, control = control)
lr <- anova(p1_null, p1, test = "Chisq")
cases$insurance_poisson <- summary_of(p1, list(
  hc0 = unname(sqrt(diag(vcovHC(p1, type = "HC0")))),
  hc1 = unname(sqrt(diag(vcovHC(p1, type = "HC1")))),
  cluster_district = unname(sqrt(diag(vcovCL(p1, cluster = ~District)))),
  profile = unname(suppressMessages(confint(p1))),
  compare_group = list(chi2 = lr$Deviance[2], df = lr$Df[2], p_value = lr$`Pr(>Chi)`[2])))

# A transformed predictor instead of the offset.
p2 <- glm(Claims ~ log(Holders) + Age, family = poisson, data = ins, control = control)
cases$insurance_log_predictor <- summary_of(p2)

# Negative binomial: days absent.
nb_control <- glm.control(epsilon = 1e-13, maxit = 100)
nb <- glm.nb(Days ~ Eth + Sex + Age + Lrn, data = qu, control = nb_control)
po <- glm(Days ~ Eth + Sex + Age + Lrn, family = poisson, data = qu, control = control)
lr_alpha <- 2 * (as.numeric(logLik(nb)) - as.numeric(logLik(po)))
# MASS's SE.theta is 1/sqrt(information) at theta.ml's second-to-last Newton iterate (theta.ml
# stops at |step| <= 1.2e-4), about 3e-6 from the information at the estimate; the converged
# value is the same formula (MASS's info()) evaluated at nb$theta.
theta_information <- function(th, mu, y, w) sum(w * (-trigamma(th + y) + trigamma(th) - 1/th +
  2/(mu + th) - (y + th)/(mu + th)^2))
se_theta_converged <- 1 / sqrt(theta_information(nb$theta, fitted(nb), qu$Days, rep(1, nrow(qu))))
cases$quine_negbin <- summary_of(nb, list(
  theta = nb$theta, theta_std_error = nb$SE.theta, theta_std_error_converged = se_theta_converged,
  hc1 = unname(sqrt(diag(vcovHC(nb, type = "HC1")))),
  poisson_log_likelihood = as.numeric(logLik(po)),
  overdispersion = list(chi2 = lr_alpha, p_value = 0.5 * pchisq(lr_alpha, 1, lower.tail = FALSE))))

reference <- list(
  data = list(insurance = insurance_data, insurance_levels = insurance_levels,
    quine = quine_data, quine_levels = quine_levels),
  cases = cases,
  versions = list(R = R.version.string, MASS = as.character(packageVersion("MASS")),
    sandwich = as.character(packageVersion("sandwich")),
    jsonlite = as.character(packageVersion("jsonlite"))),
  origin = "MASS::Insurance and MASS::quine (MASS package, GPL-2 | GPL-3), columns used only")
writeLines(toJSON(reference, digits = I(digits), auto_unbox = TRUE, pretty = TRUE, na = "null"), out)
