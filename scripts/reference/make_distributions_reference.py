#!/usr/bin/env python3
"""Reference values for Tests/DistributionsTests (the Distributions module).

Writes Tests/DistributionsTests/Reference/distributions.json. For every case it records
  expected: the exact value rounded to double, computed with mpmath at 50 significant digits
            (quantiles: scipy's value refined by Newton's method on log-tails in mpmath), and
  scipy:    what scipy.stats / scipy.special return for the same case,
so the Swift tests compare against the exact value at 1e-12 and against scipy as a second,
independent implementation. Values are written as strings (repr of a Python float), which
Swift's Double(String) reads back exactly.

Run:  python3 scripts/reference/make_distributions_reference.py
Needs scipy and mpmath (versions are recorded in the JSON). Not run by CI.
"""
import json
import math
import pathlib
import platform
import sys

import mpmath as mp
import numpy as np
import scipy
from scipy import special, stats

mp.mp.dps = 50
ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "DistributionsTests" / "Reference" / "distributions.json"

cases = []


def add(function, args, expected, scipy_value):
    expected = float(expected)
    scipy_value = float(scipy_value)
    if not math.isfinite(expected) or (expected != 0 and abs(expected) < 1e-300):
        return  # JSON cannot carry ±∞/NaN; subnormals are tested as edge cases in Swift.
    cases.append({
        "function": function,
        "args": [repr(float(a)) for a in args],
        "expected": repr(expected),
        "scipy": repr(scipy_value),
    })


def refine(x0, log_tail, density_over_tail, target, positive=True, upper=None):
    """Newton on g(x) = log tail(x) - log target, in mpmath, from scipy's x0."""
    x = mp.mpf(x0)
    if upper is not None and x >= upper:
        x = upper - mp.mpf(2) ** -80
    lt = mp.log(mp.mpf(target))
    for _ in range(200):
        g = log_tail(x) - lt
        step = g / density_over_tail(x)
        new = x - step
        if positive and new <= 0:
            new = x / 2
        if upper is not None and new >= upper:
            new = (x + upper) / 2
        if abs(new - x) <= abs(x) * mp.mpf(10) ** -35 or new == x:
            return new
        x = new
    raise RuntimeError("no convergence")


# --- Normal ---------------------------------------------------------------------------
def n_cdf(x): return mp.ncdf(x)
def n_pdf(x): return mp.npdf(x)

for x in [-38, -30, -20, -10, -5, -2, -1, -0.5, 0, 0.3, 1, 1.96, 3, 8]:
    add("normal.cdf", [x], n_cdf(mp.mpf(x)), stats.norm.cdf(x))
for x in [-8, -1, 0, 0.5, 1, 1.96, 3, 5, 10, 20, 30, 37]:
    add("normal.sf", [x], n_cdf(-mp.mpf(x)), stats.norm.sf(x))
for x in [-30, -8, -1.5, 0, 0.7, 2, 6, 12.25, 35]:
    add("normal.pdf", [x], n_pdf(mp.mpf(x)), stats.norm.pdf(x))
    add("normal.logPDF", [x], mp.log(n_pdf(mp.mpf(x))), stats.norm.logpdf(x))
for p in [1e-300, 1e-100, 1e-20, 1e-12, 1e-6, 0.001, 0.025, 0.1, 0.3, 0.6, 0.9, 0.975,
          0.999, 1 - 1e-12]:
    x0 = stats.norm.ppf(p)
    if p < 0.5:
        x = refine(x0, lambda x: mp.log(n_cdf(x)), lambda x: n_pdf(x) / n_cdf(x), p, False)
    else:
        x = refine(x0, lambda x: mp.log(n_cdf(-x)), lambda x: -n_pdf(x) / n_cdf(-x),
                   1 - mp.mpf(p), False)
    add("normal.quantile", [p], x, x0)
# N(mean, sd)
for (m, s, x) in [(10, 2, 3), (-1, 0.5, 2), (100, 15, 160)]:
    add("normal.general.cdf", [m, s, x], n_cdf((mp.mpf(x) - m) / s), stats.norm.cdf(x, m, s))
    add("normal.general.sf", [m, s, x], n_cdf(-(mp.mpf(x) - m) / s), stats.norm.sf(x, m, s))

# --- Gamma ----------------------------------------------------------------------------
for x in [0.1, 0.5, 1.5, 2.5, 3, 10.3, 100.5, 10000.5, 1e6]:
    add("gamma.logGamma", [x], mp.loggamma(mp.mpf(x)), special.gammaln(x))


def P(a, x): return mp.gammainc(mp.mpf(a), 0, mp.mpf(x), regularized=True)
def Q(a, x): return mp.gammainc(mp.mpf(a), mp.mpf(x), mp.inf, regularized=True)
def gamma_density(a, x): return mp.exp(-x + (a - 1) * mp.log(x) - mp.loggamma(a))


for a in [0.5, 1, 1.5, 3.7, 10, 50.5, 1000, 10001]:
    for f in [0.01, 0.5, 0.9, 1, 1.1, 2, 5]:
        x = a * f
        add("gamma.P", [a, x], P(a, x), special.gammainc(a, x))
        add("gamma.Q", [a, x], Q(a, x), special.gammaincc(a, x))
for (a, x) in [(1.5, 250), (0.5, 300), (10001, 9500), (10001, 10600), (2.5, 1e-5)]:
    add("gamma.P", [a, x], P(a, x), special.gammainc(a, x))
    add("gamma.Q", [a, x], Q(a, x), special.gammaincc(a, x))
for a in [0.5, 1, 2.5, 10, 1000]:
    for p in [1e-300, 1e-12, 0.01, 0.5, 0.99, 1 - 1e-12]:
        x0 = special.gammaincinv(a, p)
        am = mp.mpf(a)
        start = x0
        if p < 1e-100:  # start from the small-x expansion P(a, x) ≈ xᵃ/Γ(a+1)
            start = mp.exp((mp.log(p) + mp.loggamma(am + 1)) / am)
        if p < 0.5:
            x = refine(start, lambda x: mp.log(P(am, x)), lambda x: gamma_density(am, x) / P(am, x), p)
        else:
            x = refine(x0, lambda x: mp.log(Q(am, x)), lambda x: -gamma_density(am, x) / Q(am, x),
                       1 - mp.mpf(p))
        add("gamma.inverseP", [a, p], x, x0)
    for q in [1e-300, 1e-12, 0.01, 0.5]:
        x0 = special.gammainccinv(a, q)
        am = mp.mpf(a)
        x = refine(x0, lambda x: mp.log(Q(am, x)), lambda x: -gamma_density(am, x) / Q(am, x), q)
        add("gamma.inverseQ", [a, q], x, x0)

# --- Chi-squared ----------------------------------------------------------------------
for df in [1, 2, 3, 4.5, 10, 100, 10000]:
    for x in [0.001, 0.5, 1, df, 2 * df, 3 * df + 10]:
        add("chi2.cdf", [df, x], P(df / 2, x / 2), stats.chi2.cdf(x, df))
        add("chi2.sf", [df, x], Q(df / 2, x / 2), stats.chi2.sf(x, df))
    for p in [1e-12, 0.025, 0.5, 0.975, 1 - 1e-12]:
        x0 = stats.chi2.ppf(p, df)
        a = mp.mpf(df) / 2
        dens = lambda x: gamma_density(a, x / 2) / 2
        if p < 0.5:
            x = refine(x0, lambda x: mp.log(P(a, x / 2)), lambda x: dens(x) / P(a, x / 2), p)
        else:
            x = refine(x0, lambda x: mp.log(Q(a, x / 2)), lambda x: -dens(x) / Q(a, x / 2),
                       1 - mp.mpf(p))
        add("chi2.quantile", [df, p], x, x0)
add("chi2.sf", [3, 500], Q(1.5, 250), stats.chi2.sf(500, 3))

# --- Beta -----------------------------------------------------------------------------
def I(a, b, x): return mp.betainc(mp.mpf(a), mp.mpf(b), 0, mp.mpf(x), regularized=True)
def Ic(a, b, x):  # 1 − I_x(a, b) = I_{1−x}(b, a), without cancellation
    return mp.betainc(mp.mpf(b), mp.mpf(a), 0, 1 - mp.mpf(x), regularized=True)
def beta_density(a, b, x): return mp.exp((a - 1) * mp.log(x) + (b - 1) * mp.log(1 - x) - mp.log(mp.beta(a, b)))


for (a, b) in [(0.5, 0.5), (2.5, 3.5), (10, 20), (0.5, 500000), (1e5, 1e5), (3, 1e6), (40, 0.7)]:
    add("beta.logBeta", [a, b], mp.log(mp.beta(mp.mpf(a), mp.mpf(b))), special.betaln(a, b))
for (a, b) in [(0.5, 0.5), (1, 3), (2.5, 7.5), (10, 20), (50.5, 0.5), (500, 500), (0.5, 5000)]:
    mean = a / (a + b)
    for x in sorted({mean * 0.01, mean * 0.5, mean, min(0.999, mean * 1.05), 0.5 * (1 + mean),
                     1 - (1 - mean) * 0.01}):
        add("beta.I", [a, b, x], I(a, b, x), special.betainc(a, b, x))
for (a, b) in [(0.5, 0.5), (1, 3), (2.5, 7.5), (10, 20), (50.5, 0.5), (200, 300)]:
    for p in [1e-12, 0.025, 0.5, 0.975, 1 - 1e-12]:
        x0 = special.betaincinv(a, b, p)
        am, bm = mp.mpf(a), mp.mpf(b)
        if p < 0.5:
            x = refine(x0, lambda x: mp.log(I(am, bm, x)),
                       lambda x: beta_density(am, bm, x) / I(am, bm, x), p, upper=1)
        else:  # solve for y = 1 − x in the mirrored problem I_y(b, a) = 1 − p
            y = refine(1 - x0 if x0 < 1 else special.betaincinv(b, a, 1 - p),
                       lambda y: mp.log(I(bm, am, y)),
                       lambda y: beta_density(bm, am, y) / I(bm, am, y), 1 - mp.mpf(p), upper=1)
            x = 1 - y
        add("beta.inverse", [a, b, p], x, x0)

# --- Student's t ----------------------------------------------------------------------
def t_tail(nu, t):
    """P(T > |t|) exactly."""
    nu = mp.mpf(nu); t = mp.mpf(t)
    if t * t < nu:
        return (1 - I(mp.mpf(1) / 2, nu / 2, t * t / (nu + t * t))) / 2
    return I(nu / 2, mp.mpf(1) / 2, nu / (nu + t * t)) / 2


def t_pdf(nu, t):
    nu = mp.mpf(nu)
    return mp.exp(mp.loggamma((nu + 1) / 2) - mp.loggamma(nu / 2)) / mp.sqrt(nu * mp.pi) * \
        (1 + t * t / nu) ** (-(nu + 1) / 2)


for nu in [1, 2, 3, 4.5, 10, 30, 1000, 1e6]:
    for t in [-50, -5, -2, -0.5, 0.1, 1, 2.5, 10, 1e4]:
        lower = t_tail(nu, t) if t < 0 else 1 - t_tail(nu, t)
        upper = 1 - t_tail(nu, t) if t < 0 else t_tail(nu, t)
        add("t.cdf", [nu, t], lower, stats.t.cdf(t, nu))
        add("t.sf", [nu, t], upper, stats.t.sf(t, nu))
    for p in [1e-12, 1e-6, 0.025, 0.3, 0.7, 0.975, 1 - 1e-12]:
        x0 = stats.t.ppf(p, nu)
        tail = min(mp.mpf(p), 1 - mp.mpf(p))
        # Solve for s = |t| > 0 with P(T > s) = tail.
        s = refine(abs(x0), lambda s: mp.log(t_tail(nu, s)),
                   lambda s: -t_pdf(nu, s) / t_tail(nu, s), tail)
        add("t.quantile", [nu, p], -s if p < 0.5 else s, x0)

# --- F --------------------------------------------------------------------------------
for (d1, d2) in [(1, 1), (2, 10), (3, 27.5), (10, 1000), (100, 100)]:
    for f in [0.01, 0.5, 1, 2, 5, 50]:
        x = mp.mpf(d1) * f / (mp.mpf(d1) * f + d2)
        add("f.cdf", [d1, d2, f], I(d1 / 2, d2 / 2, x), stats.f.cdf(f, d1, d2))
        add("f.sf", [d1, d2, f], Ic(d1 / 2, d2 / 2, x), stats.f.sf(f, d1, d2))

# --- Poisson --------------------------------------------------------------------------
for lam in [0.5, 3, 12.5, 100, 10000, 1e6]:
    for k in sorted({0, int(lam / 2), int(lam), int(lam) + 1, int(2 * lam) + 3, int(lam + 5 * math.sqrt(lam)) + 1}):
        lm = mp.mpf(lam)
        logpmf = -lm + k * mp.log(lm) - mp.loggamma(k + 1)
        add("poisson.pmf", [lam, k], mp.exp(logpmf), stats.poisson.pmf(k, lam))
        add("poisson.logPMF", [lam, k], logpmf, stats.poisson.logpmf(k, lam))
        if lam <= 10000:  # mpmath's hypergeometric series does not converge for λ = 10⁶
            add("poisson.cdf", [lam, k], Q(k + 1, lam), stats.poisson.cdf(k, lam))
            add("poisson.sf", [lam, k], P(k + 1, lam), stats.poisson.sf(k, lam))

# --- Binomial -------------------------------------------------------------------------
for (n, p) in [(10, 0.3), (100, 0.01), (1000, 0.5), (1000000, 1e-4), (50, 0.999)]:
    pm = mp.mpf(p)
    for k in sorted({0, 1, int(n * p), int(n * p) + 2, n // 2, n - 1, n}):
        logpmf = mp.log(mp.binomial(n, k)) + k * mp.log(pm) + (n - k) * mp.log(1 - pm)
        add("binomial.pmf", [n, p, k], mp.exp(logpmf), stats.binom.pmf(k, n, p))
        add("binomial.logPMF", [n, p, k], logpmf, stats.binom.logpmf(k, n, p))
        if k < n:
            add("binomial.cdf", [n, p, k], Ic(k + 1, n - k, pm), stats.binom.cdf(k, n, p))

# --- Hypergeometric -------------------------------------------------------------------
for (N, K, n) in [(20, 7, 12), (1000, 300, 100), (1000000, 1000, 5000), (60, 30, 30)]:
    lo, hi = max(0, n - N + K), min(n, K)
    for k in sorted({lo, lo + 1, (lo + hi) // 2, int(n * K / N), hi - 1, hi}):
        value = mp.mpf(math.comb(K, k) * math.comb(N - K, n - k)) / math.comb(N, n)
        add("hypergeometric.logPMF", [N, K, n, k], mp.log(value), stats.hypergeom.logpmf(k, N, K, n))
        add("hypergeometric.pmf", [N, K, n, k], value, stats.hypergeom.pmf(k, N, K, n))

# --- Intervals ------------------------------------------------------------------------
for level in [0.95, 0.99]:
    half_alpha = mp.mpf(1 - level) / 2  # α computed in double as 1 − level, as the Swift code does
    for x in [0, 1, 2, 5, 10, 100, 10000]:
        if x > 0:
            s_lower = stats.chi2.ppf((1 - level) / 2, 2 * x) / 2
            lower = refine(s_lower, lambda m: mp.log(P(x, m)),
                           lambda m: gamma_density(mp.mpf(x), m) / P(x, m), half_alpha)
            add("garwood.lower", [x, level], lower, s_lower)
        s_upper = stats.chi2.ppf(1 - (1 - level) / 2, 2 * x + 2) / 2
        upper = refine(s_upper, lambda m: mp.log(Q(x + 1, m)),
                       lambda m: -gamma_density(mp.mpf(x + 1), m) / Q(x + 1, m), half_alpha)
        add("garwood.upper", [x, level], upper, s_upper)

for level in [0.95, 0.9]:
    z_double = stats.norm.ppf((1 + level) / 2)
    zm = mp.sqrt(2) * mp.erfinv(mp.mpf((1 + level) / 2) * 2 - 1)  # exact quantile of the double
    for (x, n) in [(0, 10), (1, 10), (5, 10), (10, 10), (3, 1000), (999, 1000), (0, 1),
                   (50000, 1000000), (1, 100000), (40, 5000)]:
        xm, nm = mp.mpf(x), mp.mpf(n)
        centre = (xm + zm ** 2 / 2) / (nm + zm ** 2)
        half = zm * mp.sqrt(xm * (nm - xm) / nm + zm ** 2 / 4) / (nm + zm ** 2)
        lower = 0 if x == 0 else centre - half
        upper = 1 if x == n else centre + half
        # scipy's binomtest(...).proportion_ci(method="wilson") is the same interval.
        ci = stats.binomtest(x, n).proportion_ci(confidence_level=level, method="wilson")
        add("wilson.lower", [x, n, level], lower, ci.low)
        add("wilson.upper", [x, n, level], upper, ci.high)
        if n > 10000:
            continue  # mpmath's betainc series does not converge for such n
        ci = stats.binomtest(x, n).proportion_ci(confidence_level=level, method="exact")
        ha = mp.mpf(1 - level) / 2
        if x > 0:
            a, b = mp.mpf(x), mp.mpf(n - x + 1)
            lo = refine(ci.low, lambda t: mp.log(I(a, b, t)),
                        lambda t: beta_density(a, b, t) / I(a, b, t), ha, upper=1)
            add("clopperPearson.lower", [x, n, level], lo, ci.low)
        if x < n:
            a, b = mp.mpf(x + 1), mp.mpf(n - x)
            # 1 − upper solves I_y(n − x, x + 1) = α/2
            y = refine(1 - ci.high, lambda t: mp.log(I(b, a, t)),
                       lambda t: beta_density(b, a, t) / I(b, a, t), ha, upper=1)
            hi = 1 - y
            add("clopperPearson.upper", [x, n, level], hi, ci.high)

document = {
    "generator": "scripts/reference/make_distributions_reference.py",
    "tools": {
        "python": platform.python_version(),
        "scipy": scipy.__version__,
        "mpmath": mp.__version__,
        "numpy": np.__version__,
    },
    "precision": "expected: mpmath at 50 digits, rounded to double; scipy: scipy.stats/special",
    "cases": cases,
}
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps(document, indent=1) + "\n")
worst = {}
for c in cases:
    e, s = float(c["expected"]), float(c["scipy"])
    err = abs(e - s) / max(abs(e), 1e-300) if e != 0 else abs(s)
    worst[c["function"]] = max(worst.get(c["function"], 0), err)
print(f"wrote {len(cases)} cases to {OUT}")
for k, v in worst.items():
    print(f"  scipy vs exact, worst relative error {k:28s} {v:.2e}")
