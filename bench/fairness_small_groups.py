#!/usr/bin/env python3
"""An independent simulation of the fairness worsening's interval when a policy admits groups of a handful
(`fairness.minGroupSize` below 30; docs/statistics.md, "Groups of a handful that a policy admits"), written apart
from the Java code.

Three groups: two large (--large examples each) and one small (--sizes), the candidate reusing production's uniform
draw with probability 0.7 as in the coverage benchmark's FairnessPopulation. The populations put the small group where
it carries the disparity (its rates lower or higher than the others') or level with the others. Each sample gets
Verdict's group-stratified multinomial bootstrap of its 8 paired cells (label × production selects × candidate
selects) and the worsening's interval as Verdict makes it: the percentile interval, its upper end raised to the basic
bootstrap's 2Ŵ − q(0.00625) where higher, widened to hold the estimate, within [−1, 1]. The methods differ only in
how a group under 30 examples is redrawn:

- multinomial: as every other group (Verdict before): a group of 1 has the same rates in every replicate;
- jeffreys: its 8 cell shares drawn from Dirichlet(cells + 1/2), the rates of the replicate those shares (a Bayesian
  bootstrap with Jeffreys' prior: what its few examples leave open about its rates). Every cell is drawn: a group
  with no positive example in the sample still has a true positive rate, which the population's worsening holds
  (leaving its label's cells empty, as a resample does, held the true equal-opportunity worsening in 36 % of samples
  with a group of 1);
- jeffreys-counts: shares drawn as in jeffreys, then its cells multinomial at its own size from them.

It prints per population, small size and disparity: coverage of the true worsening, how often the lower bound lies
above it (a wrong "fail" when the tolerance equals it) and the upper bound below it (a wrong "pass"), each nominally
2.5 %, and the mean width.

Usage: /usr/bin/python3 bench/fairness_small_groups.py [--samples 1000] [--replicates 1000] [--seed 1]
                                                       [--large 1000] [--sizes 1,3,10,29]
Needs Debian's python3-numpy.
"""
import argparse
import warnings

import numpy as np

import fairness_worsening  # the populations' truth, draws and gap terms, as the coverage benchmark makes them

SMALL = 30  # groups under the default minGroupSize
POPULATIONS = {  # prevalence[g], TPR[model][g], FPR[model][g]; model 0 production, 1 candidate; group 2 the small one
    'small-lower': ([0.3, 0.3, 0.3], [[0.70, 0.70, 0.55], [0.72, 0.72, 0.45]], [[0.10, 0.10, 0.06], [0.10, 0.10, 0.05]]),
    'small-higher': ([0.3, 0.3, 0.4], [[0.70, 0.70, 0.80], [0.70, 0.71, 0.90]], [[0.10, 0.10, 0.15], [0.10, 0.11, 0.20]]),
    'small-level': ([0.3, 0.3, 0.3], [[0.70, 0.70, 0.70], [0.75, 0.75, 0.75]], [[0.10, 0.10, 0.10], [0.12, 0.12, 0.12]]),
    'small-improves': ([0.3, 0.3, 0.3], [[0.70, 0.70, 0.50], [0.72, 0.72, 0.65]], [[0.10, 0.10, 0.05], [0.10, 0.10, 0.08]]),
}
DISPARITIES = fairness_worsening.DISPARITIES
METHODS = ['multinomial', 'jeffreys', 'jeffreys-counts']


def truth(population):
    return fairness_worsening.truth(population, POPULATIONS)


def draw(population, sizes, rng):
    return fairness_worsening.draw(population, sizes, rng, POPULATIONS).astype(float)


def worsening(cells, disparity):
    """The worsening of cells [..., group, 8] (NaN where no term is defined); terms with an undefined rate left out."""
    terms = fairness_worsening.gap_terms(cells, disparity)
    return np.nanmax(terms[..., 1, :], -1) - np.nanmax(terms[..., 0, :], -1)


def replicates_of(cells, replicates, rng, method):
    """[replicate, group, 8]: the group-stratified bootstrap, a small group redrawn as the method says."""
    groups = []
    for c in cells:
        n = int(c.sum())
        if method == 'multinomial' or n >= SMALL:
            groups.append(rng.multinomial(n, c / n, size=replicates).astype(float))
            continue
        shares = rng.dirichlet(c + 0.5, size=replicates)
        groups.append(shares * n if method == 'jeffreys'
                      else np.array([rng.multinomial(n, s) for s in shares], dtype=float))
    return np.stack(groups, 1)


def interval(estimate, w):
    w = w[np.isfinite(w)]
    if len(w) == 0 or not np.isfinite(estimate):
        return np.nan, np.nan
    lower, upper = np.quantile(w, [0.025, 0.975])
    upper = min(1.0, max(upper, 2 * estimate - np.quantile(w, 0.00625)))
    return min(lower, estimate), max(upper, estimate)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--samples', type=int, default=1000)
    parser.add_argument('--replicates', type=int, default=1000)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--large', type=int, default=1000)
    parser.add_argument('--sizes', default='1,3,10,29')
    parser.add_argument('--populations', default=','.join(POPULATIONS))
    args = parser.parse_args()
    warnings.simplefilter('ignore')  # all-NaN replicates of a TPR at small counts are left out, as in Verdict
    print('%-15s %3s %-30s ' % ('population', 'n', 'disparity')
          + ' | '.join('%-32s' % (m + ': cover lo>W up<W width') for m in METHODS))
    for population in args.populations.split(','):
        true_worsening = truth(population)
        for small in (int(s) for s in args.sizes.split(',')):
            rng = np.random.default_rng([args.seed, small])
            found = {m: {d: [] for d in DISPARITIES} for m in METHODS}
            for _ in range(args.samples):
                cells = draw(population, (args.large, args.large, small), rng)
                for method in METHODS:
                    boot = replicates_of(cells, args.replicates, rng, method)
                    for d in DISPARITIES:
                        found[method][d].append(interval(worsening(cells, d), worsening(boot, d)))
            for d in DISPARITIES:
                w = true_worsening[d]
                row = []
                for method in METHODS:
                    x = np.array(found[method][d])
                    x = x[np.isfinite(x[:, 0])]
                    row.append('%-32s' % fairness_worsening.coverage_cell(x[:, 0], x[:, 1], w))
                print('%-15s %3d %-30s ' % (population, small, d) + ' | '.join(row), flush=True)


if __name__ == '__main__':
    main()
