#!/usr/bin/env python3
"""An independent simulation of the fairness worsening's interval (docs/statistics.md, "What misses the goals":
Fairness), written apart from the Java code: the paired percentile interval, the upper ends that replace or may replace
its upper end (the gate passes on it), the bootstrap of the estimated directional derivative (Fang & Santos 2019) and
the numerical delta method (Hong & Li 2018).

The populations are the coverage benchmark's (FairnessPopulation): three groups, exact prevalence, TPR and FPR per
group and model, the candidate reusing production's uniform draw with probability 0.7. A disparity is the largest of
its gap terms, one per ordered pair of groups (and per rate, for equalized odds): r_g − r_h for the differences,
−r_g / r_h for the ratio; the worsening W is the candidate's largest term less production's. Each sample gets a
group-stratified multinomial bootstrap of its 8 paired cells (label × production selects × candidate selects), and:

- percentile: the 2.5 / 97.5 % quantiles q of the replicated W, widened to hold the estimate (Verdict's lower end);
- basic-upper: the percentile interval, its upper end raised to the basic bootstrap's 2Ŵ − q(0.025) where higher;
- basic-upper-half, basic-upper-quarter: the same with 2Ŵ − q(0.0125) and 2Ŵ − q(0.00625), the basic end at half
  and a quarter of the tail (the quarter is what Verdict prints);
- gms-upper: the percentile interval, its upper end raised to the basic end 2Ŵ − q(0.025) of replicates in which
  production's terms within κ standard errors of its largest are moved to a tie (as in fang-santos);
- bc-upper: the percentile interval, its upper end raised to the bias-corrected percentile end q(Φ(2·z0 + 1.96)),
  z0 = Φ⁻¹(share of replicates below Ŵ, ties half), where higher;
- union-upper: the percentile interval, its upper end the candidate's upper bound less production's lower bound of
  their largest terms, each one-sided at 1.25 % with the bootstrap's sup-t critical value over all terms (valid by a
  union bound, the pairing lost);
- fang-santos: keep each model's terms within κ standard errors of its largest (the standard error of the gap to the
  largest, from the bootstrap); W* = max over kept (t*_c − t̂_c) − max over kept (t*_p − t̂_p), the derivative at the
  paired centred draw; interval [Ŵ − q(0.975), Ŵ − q(0.025)] of W*, widened to hold the estimate. κ = √(ln n)
  unless --kappa gives it (0 keeps the largest term alone);
- hong-li: W* = (W(t̂ + s·(t* − t̂)) − Ŵ) / s with the step s = n^(1/6) bootstrap spreads (ε_n = n^(−1/3)), same
  interval.

It prints per population, size and disparity: coverage of the true worsening, how often the lower bound lies above it
(the gate's wrong "fail" when the tolerance equals it) and the upper bound below it (its wrong "pass"), each nominally
2.5 %, and the mean width.

Usage: /usr/bin/python3 bench/fairness_worsening.py [--samples 1000] [--replicates 1000] [--seed 1]
                                                     [--sizes 50,200,1000] [--methods percentile,basic-upper-quarter,...]
                                                     [--kappa K] [--populations parity,separated,near-tie]
Needs Debian's python3-numpy.
"""
import argparse
import warnings
from statistics import NormalDist

import numpy as np

POPULATIONS = {  # prevalence[g], TPR[model][g], FPR[model][g]; model 0 production, 1 candidate
    'parity': ([0.3, 0.3, 0.3], [[0.70, 0.70, 0.70], [0.75, 0.75, 0.75]], [[0.10, 0.10, 0.10], [0.12, 0.12, 0.12]]),
    'separated': ([0.3, 0.3, 0.3], [[0.50, 0.65, 0.80], [0.45, 0.65, 0.85]], [[0.05, 0.12, 0.20], [0.04, 0.12, 0.24]]),
    'near-tie': ([0.25, 0.3, 0.35], [[0.70, 0.69, 0.60], [0.75, 0.64, 0.58]], [[0.10, 0.12, 0.14], [0.10, 0.13, 0.17]]),
}
DISPARITIES = ['demographic_parity_difference', 'demographic_parity_ratio', 'equalized_odds_difference',
               'equal_opportunity_difference']
PAIRS = [(g, h) for g in range(3) for h in range(3) if g != h]


def truth(population, populations=POPULATIONS):
    """True worsening of every disparity."""
    prevalence, tpr, fpr = (np.array(x) for x in populations[population])
    selection = prevalence * tpr + (1 - prevalence) * fpr
    gap = lambda v: v.max(-1) - v.min(-1)
    values = {'demographic_parity_difference': gap(selection),
              'demographic_parity_ratio': -selection.min(-1) / selection.max(-1),
              'equalized_odds_difference': np.maximum(gap(tpr), gap(fpr)),
              'equal_opportunity_difference': gap(tpr)}
    return {d: v[1] - v[0] for d, v in values.items()}


def draw(population, per_group, rng, populations=POPULATIONS):
    """One sample's paired cells [group, label·4 + production·2 + candidate]; per_group a size or one per group."""
    prevalence, tpr, fpr = populations[population]
    sizes = per_group if isinstance(per_group, tuple) else (per_group,) * 3
    cells = np.zeros((3, 8), dtype=np.int64)
    for g, size in enumerate(sizes):
        positive = rng.random(size) < prevalence[g]
        u = rng.random(size)
        v = np.where(rng.random(size) < 0.7, u, rng.random(size))
        production = u < np.where(positive, tpr[0][g], fpr[0][g])
        candidate = v < np.where(positive, tpr[1][g], fpr[1][g])
        cells[g] = np.bincount(positive * 4 + production * 2 + candidate, minlength=8)
    return cells


def gap_terms(cells, disparity):
    """Gap terms [..., model, term] of cells [..., group, 8] (NaN where a rate is undefined)."""
    n = cells.sum(-1)
    positives = cells[..., 4:].sum(-1)
    with np.errstate(invalid='ignore', divide='ignore'):
        rates = {}
        for model, bit in ((0, 2), (1, 1)):
            selects = np.array([(c & bit) != 0 for c in range(8)])
            selected = (cells * selects).sum(-1)
            true_positives = (cells[..., 4:] * selects[4:]).sum(-1)
            rates[model] = {'selection': selected / n, 'tpr': true_positives / positives,
                            'fpr': (selected - true_positives) / (n - positives)}
        measures = {'demographic_parity_difference': ['selection'], 'demographic_parity_ratio': ['selection'],
                    'equalized_odds_difference': ['tpr', 'fpr'], 'equal_opportunity_difference': ['tpr']}[disparity]
        models = []
        for model in (0, 1):
            terms = []
            for measure in measures:
                r = rates[model][measure]
                for g, h in PAIRS:
                    terms.append(-r[..., g] / r[..., h] if disparity == 'demographic_parity_ratio'
                                 else r[..., g] - r[..., h])
            models.append(np.stack(terms, -1))
        return np.stack(models, -2)


def max_term_bound(t_hat, t_star, alpha, upper_side):
    """A one-sided bound at level 1 − alpha for the largest of the terms t_hat [term] (replicates t_star [replicate,
    term]), simultaneous over the terms by the bootstrap's sup-t critical value: the largest of t̂_k ± c·se_k."""
    finite = np.isfinite(t_hat)
    t_hat, t_star = t_hat[finite], np.where(np.isfinite(t_star[:, finite]), t_star[:, finite], np.nan)
    se = np.maximum(np.nanstd(t_star, axis=0, ddof=1), 1e-12)
    sign = -1 if upper_side else 1
    statistic = np.nanmax(sign * (t_star - t_hat) / se, -1)
    c = np.quantile(statistic[np.isfinite(statistic)], 1 - alpha)
    return np.max(t_hat - sign * c * se)


def intervals(cells, replicates, rng, methods, kappa=None):
    """{method: {disparity: (estimate, lower, upper)}} for one sample."""
    per_group = cells.sum(1).min()
    boot = np.stack([rng.multinomial(cells[g].sum(), cells[g] / cells[g].sum(), size=replicates) for g in range(3)], 1)
    out = {m: {} for m in methods}
    for disparity in DISPARITIES:
        t_hat = gap_terms(cells, disparity)          # [model, term]
        t_star = gap_terms(boot, disparity)          # [replicate, model, term]
        estimate = np.nanmax(t_hat[1]) - np.nanmax(t_hat[0])
        for method in methods:
            if method in ('percentile', 'basic-upper', 'basic-upper-half', 'basic-upper-quarter', 'gms-upper', 'bc-upper',
                          'union-upper'):
                w = np.nanmax(t_star[:, 1], -1) - np.nanmax(t_star[:, 0], -1)
                w = w[np.isfinite(w)]
                lower, upper = np.quantile(w, [0.025, 0.975])
                if method == 'basic-upper':
                    upper = max(upper, 2 * estimate - lower)
                elif method == 'basic-upper-half':
                    upper = max(upper, 2 * estimate - np.quantile(w, 0.0125))
                elif method == 'basic-upper-quarter':
                    upper = max(upper, 2 * estimate - np.quantile(w, 0.00625))
                elif method == 'gms-upper':
                    threshold = np.sqrt(np.log(max(per_group, 3))) if kappa is None else kappa
                    top = np.nanargmax(t_hat[0])
                    se = np.nanstd(t_star[:, 0, [top]] - t_star[:, 0, :], axis=0, ddof=1)
                    kept = np.isfinite(t_hat[0]) & (t_hat[0] >= t_hat[0, top] - threshold * se)
                    kept[top] = True
                    tied = t_hat[0, top] + np.nanmax(t_star[:, 0, kept] - t_hat[0, kept], -1)
                    w_tied = np.nanmax(t_star[:, 1], -1) - tied
                    w_tied = w_tied[np.isfinite(w_tied)]
                    upper = max(upper, 2 * estimate - np.quantile(w_tied, 0.025))
                elif method == 'bc-upper':
                    below = (np.mean(w < estimate) + np.mean(w <= estimate)) / 2
                    z0 = NormalDist().inv_cdf(min(max(below, 0.5 / len(w)), 1 - 0.5 / len(w)))
                    upper = max(upper, np.quantile(w, NormalDist().cdf(2 * z0 + NormalDist().inv_cdf(0.975))))
                elif method == 'union-upper':
                    upper = (max_term_bound(t_hat[1], t_star[:, 1], 0.0125, upper_side=True)
                             - max_term_bound(t_hat[0], t_star[:, 0], 0.0125, upper_side=False))
                out[method][disparity] = (estimate, min(lower, estimate), max(upper, estimate))
                continue
            if method == 'fang-santos':
                threshold = np.sqrt(np.log(max(per_group, 3))) if kappa is None else kappa
                derivative = np.zeros(replicates)
                for model, sign in ((1, 1), (0, -1)):
                    top = np.nanargmax(t_hat[model])
                    se = np.nanstd(t_star[:, model, [top]] - t_star[:, model, :], axis=0, ddof=1)
                    kept = np.isfinite(t_hat[model]) & (t_hat[model] >= t_hat[model, top] - threshold * se)
                    kept[top] = True
                    derivative += sign * np.nanmax(t_star[:, model, kept] - t_hat[model, kept], -1)
            else:  # hong-li
                step = per_group ** (1 / 6)
                moved = t_hat + step * (t_star - t_hat)
                derivative = (np.nanmax(moved[:, 1], -1) - np.nanmax(moved[:, 0], -1) - estimate) / step
            low, high = np.nanquantile(derivative, [0.025, 0.975])
            out[method][disparity] = (estimate, estimate - max(high, 0), estimate - min(low, 0))
    return out


def coverage_cell(lower, upper, truth):
    """One method's row over the samples: % covering the truth, % above it, % below it, the mean width."""
    return '%5.1f %5.1f %5.1f  %.3f' % (
        100 * np.mean((lower <= truth) & (truth <= upper)), 100 * np.mean(lower > truth),
        100 * np.mean(upper < truth), np.mean(upper - lower))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--samples', type=int, default=1000)
    parser.add_argument('--replicates', type=int, default=1000)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--sizes', default='50,200,1000')
    parser.add_argument('--populations', default=','.join(POPULATIONS))
    parser.add_argument('--methods', default='percentile,basic-upper-quarter,fang-santos,hong-li')
    parser.add_argument('--kappa', type=float, help="fang-santos' selection threshold in standard errors")
    args = parser.parse_args()
    methods = args.methods.split(',')
    warnings.simplefilter('ignore')  # all-NaN replicates of a TPR at small counts are left out, as in Verdict
    print('%-10s %5s %-30s ' % ('population', 'n', 'disparity')
          + ' | '.join('%-36s' % (m + ': cover lo>W up<W width') for m in methods))
    for population in args.populations.split(','):
        true_worsening = truth(population)
        for per_group in (int(s) for s in args.sizes.split(',')):
            rng = np.random.default_rng([args.seed, per_group])
            results = [intervals(draw(population, per_group, rng), args.replicates, rng, methods, args.kappa)
                       for _ in range(args.samples)]
            for disparity in DISPARITIES:
                w = true_worsening[disparity]
                cells = []
                for method in methods:
                    x = np.array([r[method][disparity] for r in results])
                    cells.append('%-36s' % coverage_cell(x[:, 1], x[:, 2], w))
                print('%-10s %5d %-30s ' % (population, per_group, disparity) + ' | '.join(cells), flush=True)


if __name__ == '__main__':
    main()
