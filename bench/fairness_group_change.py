#!/usr/bin/env python3
"""Each group's paired change on the Fairness page (docs/statistics.md, "Fairness: each group's change"): coverage of
Tango's score interval at the Holm level of a family of three groups (one rate), and how often any of the three
verdicts is wrong (a change where there is none, or the wrong way), a simulation with known truth written apart from the
Java code. Each group's examples fall in three paired cells (only the candidate selects, only production does, both or
neither) with known shares, so the true Δ is known; seed 1. Tango's T uses the closed-form restricted MLE, which the
check of the approval pack's table matched against the likelihood maximised numerically.

    /usr/bin/python3 bench/fairness_group_change.py"""
import numpy as np
from scipy import stats
rng = np.random.default_rng(1)
def T(b, c, n, d):
    A = 2 * n; B = -b - c + (2 * n - b + c) * d; C = -c * d * (1 - d)
    q = (np.sqrt(np.maximum(0, B * B - 4 * A * C)) - B) / (2 * A)
    v = n * (2 * q + d * (1 - d)); num = b - c - n * d
    with np.errstate(divide='ignore', invalid='ignore'):
        t = num / np.sqrt(v)
    return np.where(v > 0, t, np.where(num == 0, 0, np.sign(num) * np.inf))
def interval(b, c, n, level):
    z = stats.norm.ppf(1 - (1 - level) / 2); est = (b - c) / n
    def solve(lo, hi, target):
        lo = lo.copy(); hi = hi.copy()
        for _ in range(60):
            mid = (lo + hi) / 2; above = T(b, c, n, mid) > target
            lo = np.where(above, mid, lo); hi = np.where(above, hi, mid)
        return (lo + hi) / 2
    return solve(np.full_like(est, -1.0), est, z), solve(est, np.full_like(est, 1.0), -z)
def holm_levels(p, alpha=0.05):
    order = np.argsort(p, axis=1); m = p.shape[1]; out = np.zeros_like(p)
    stopped = np.full(p.shape[0], np.nan)
    for rank in range(m):
        i = order[:, rank]; step = alpha / (m - rank); pi = p[np.arange(len(p)), i]
        stopped = np.where(np.isnan(stopped) & ~(pi < step), step, stopped)
        out[np.arange(len(p)), i] = np.where(np.isnan(stopped), step, stopped)
    return 1 - out
R = 4000  # Monte-Carlo error of a 95 % share: ±0.7 points
for name, cells in (('null', [(0.05, 0.05)] * 3), ('one worse', [(0.05, 0.05), (0.02, 0.12), (0.05, 0.05)]),
                    ('all differ', [(0.02, 0.12), (0.10, 0.02), (0.03, 0.08)])):
    for n in (10, 30, 100, 400):
        bs, cs, truth = [], [], []
        for p10, p01 in cells:
            draw = rng.multinomial(n, [p10, p01, 1 - p10 - p01], size=R)
            bs.append(draw[:, 0]); cs.append(draw[:, 1]); truth.append(p10 - p01)
        b = np.stack(bs, 1).astype(float); c = np.stack(cs, 1).astype(float)
        disc = b + c
        with np.errstate(divide='ignore', invalid='ignore'):
            p = np.where(disc > 0, 2 * stats.norm.sf(np.abs(b - c) / np.sqrt(disc)), 1.0)
        lv = holm_levels(p)
        cover = np.zeros_like(b, bool); wrong = np.zeros_like(b, bool)
        for g in range(3):
            lo, hi = interval(b[:, g], c[:, g], float(n), lv[:, g])
            cover[:, g] = (lo <= truth[g]) & (truth[g] <= hi)
            # a wrong verdict: a change declared where there is none, or in the wrong direction
            wrong[:, g] = ((lo > 0) & (truth[g] <= 0)) | ((hi < 0) & (truth[g] >= 0))
        print(f'{name:10s} n={n:4d} per interval {100*cover.mean():5.1f}%  all three {100*cover.all(1).mean():5.1f}%'
              f'  any wrong verdict {100*wrong.any(1).mean():4.1f}%')
