#!/usr/bin/env python3
"""Exact coverage of the intervals of a single rate that the gates and the Evidence pages show: Wilson's, the
modified Wilson interval (Brown, Cai & DasGupta 2001, section 4.1.1) and the exact Clopper-Pearson one, for true
rates near 0 and 1 and n from 4 to 5,000 (docs/statistics.md, "Rates of the gates and the Evidence pages"); and of
the canary's lift, Newcombe's hybrid score interval (1998, method 10) built from either model's Wilson or modified
Wilson interval. Sums over the binomial law of the counts, from the papers' formulas: independent of Verdict's code,
and without Monte-Carlo error.

A rate's coverage is P(lower <= p <= upper) with x ~ Bin(n, p); its two tails are reported apart, "low" the share
of samples whose lower end lies above p (a safety category or a fairness group said to be above the truth), "high"
the share whose upper end lies below it (the side a gate passes on). Each is nominally (1 - level) / 2 = 2.5 %.

The canary gate fails when the lift's upper end lies below -margin, so its wrongful fail is the share of runs whose
upper end lies below the true lift: reported as "high" with both success rates near 1, n requests per model.

Usage: /usr/bin/python3 bench/gate_rate_intervals_exact.py [rates|canary|all]   (numpy and scipy; about a minute)
"""
import sys
import numpy as np
from scipy import stats
# the two Wilson intervals from Brown, Cai & DasGupta's formulas, and the binomial's support, at 95 %
from rate_intervals_exact import ALPHA, modified_wilson, support, wilson


def clopper_pearson(x, n):
    x = np.asarray(x, float)
    lower = np.where(x == 0, 0.0, stats.beta.ppf(ALPHA / 2, np.maximum(x, 1), n - x + 1))
    upper = np.where(x == n, 1.0, stats.beta.ppf(1 - ALPHA / 2, x + 1, np.maximum(n - x, 1)))
    return lower, upper


INTERVALS = {"Wilson": wilson, "modified Wilson": modified_wilson, "Clopper-Pearson": clopper_pearson}
SIZES = [4, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 2000, 5000]
SHOWN_RATES = [0.001, 0.005, 0.01, 0.02, 0.05, 0.1]


def rate_tails(method, n, rates):
    """Coverage, low miss and high miss of the interval at each true rate, exactly."""
    x = np.arange(n + 1)
    lower, upper = INTERVALS[method](x, n)
    pmf = stats.binom.pmf(x[None, :], n, np.asarray(rates)[:, None])
    low = (pmf * (lower[None, :] > np.asarray(rates)[:, None])).sum(axis=1)
    high = (pmf * (upper[None, :] < np.asarray(rates)[:, None])).sum(axis=1)
    return 1 - low - high, low, high


def rates_report():
    print("One rate, exact (level 95 %): coverage %, then its misses low / high %, at true rates near 0 "
          "(a rate near 1 mirrors it: Wilson's and Clopper-Pearson's are symmetric, and so is the modification)")
    for method in INTERVALS:
        print(f"\n{method}")
        print("| n | " + " | ".join(f"p = {p:g}" for p in SHOWN_RATES) + " |")
        print("|---" * (len(SHOWN_RATES) + 1) + "|")
        for n in SIZES:
            cov, low, high = rate_tails(method, n, SHOWN_RATES)
            cells = [f"{100 * c:.1f} ({100 * l:.1f} / {100 * h:.1f})" for c, l, h in zip(cov, low, high)]
            print(f"| {n:,} | " + " | ".join(cells) + " |")
    # the worst case over a fine grid of rates, the rate a gate or a group may have
    grid = np.concatenate([np.linspace(0.0005, 0.05, 400), np.linspace(0.05, 0.2, 151)[1:]])
    print("\nWorst case over true rates 0.0005-0.2 (551 rates; the rates 0.8-0.9995 mirror them): "
          "least coverage %, largest low miss %, largest high miss %, mean coverage %")
    print("| n | " + " | ".join(INTERVALS) + " |")
    print("|---" * (len(INTERVALS) + 1) + "|")
    for n in SIZES:
        cells = []
        for method in INTERVALS:
            cov, low, high = rate_tails(method, n, grid)
            cells.append(f"{100 * cov.min():.1f} / {100 * low.max():.1f} / {100 * high.max():.1f} / "
                         f"{100 * cov.mean():.1f}")
        print(f"| {n:,} | " + " | ".join(cells) + " |")


def newcombe(x1, n1, x2, n2, interval):
    """Newcombe's method 10 for p1 - p2 from each rate's interval (MOVER, Zou & Donner 2008)."""
    l1, u1 = interval(x1, n1)
    l2, u2 = interval(x2, n2)
    p1 = x1 / n1
    p2 = x2 / n2
    lower = p1 - p2 - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    upper = p1 - p2 + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return lower, upper


def lift_tails(method, n, candidate, production):
    """Low and high miss of the lift's interval, candidate - production, n requests per model."""
    xc, wc = support(n, candidate)
    xp, wp = support(n, production)
    lower, upper = newcombe(xc[:, None].astype(float), n, xp[None, :].astype(float), n, INTERVALS[method])
    weight = wc[:, None] * wp[None, :]
    truth = candidate - production
    return (weight * (lower > truth + 1e-12)).sum(), (weight * (upper < truth - 1e-12)).sum()


def canary_report():
    print("\nCanary lift (candidate - production success rate), n requests per model, exact: "
          "misses low / high % (high: the upper end below the true lift, a wrongful fail at the margin)")
    pairs = [(0.999, 0.999), (0.995, 0.995), (0.99, 0.99), (0.98, 0.98), (0.95, 0.95), (0.99, 0.995),
             (0.995, 0.999), (0.9, 0.9)]
    methods = ["Wilson", "modified Wilson"]
    print("| n | candidate / production | " + " | ".join(methods) + " |")
    print("|---|---|" + "---|" * len(methods))
    for n in [20, 50, 100, 200, 500, 1000, 2000, 5000]:
        for candidate, production in pairs:
            cells = []
            for method in methods:
                low, high = lift_tails(method, n, candidate, production)
                cells.append(f"{100 * low:.2f} / {100 * high:.2f}")
            print(f"| {n:,} | {candidate:g} / {production:g} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    part = sys.argv[1] if len(sys.argv) > 1 else "all"
    if part in ("rates", "all"):
        rates_report()
    if part in ("canary", "all"):
        canary_report()
