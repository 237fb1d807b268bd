#!/usr/bin/env python3
"""Checks of the agreement bound (docs/statistics.md, "Two models that agree on every example"), independent of Verdict.

1. Brute force: over random small populations of (label, production's prediction, candidate's prediction) cells,
   binary and 3-class, sparse Dirichlet draws with the disagreement cells shrunk so that the disagreement share D is
   small, the largest ratio of the true |Δ| to each inequality's bound (must be ≤ 1).
2. Known truth: populations where the candidate differs from production on a share D (production alone right on D of
   the positives, or the candidate alone predicting D of the negatives positive); slices of n rows drawn from them show
   the bound only when no disagreement is drawn. The share of slices where the bound is shown and the true Δ lies
   outside it, at its worst over D, must be ≤ 1 − level = 0.05.

3. roc_auc of two models that rank every example alike but score differently (a recalibration): finite populations
   of positives and negatives where the candidate orders a known share q of the (positive, negative) pairs differently
   (a tie in one and not the other counting), so the true |Δ| ≤ q, with Δ = q or q/2 in the worst designs; slices of
   n rows drawn from them show the bound 1 − α^(1/m), m = min(n₊, n₋), only when both models rank the slice's
   examples alike (the same dense ranks, Verdict's check). The share of slices where the bound is shown and the true
   Δ lies outside it, at its worst over q and the designs, must be ≤ α = 0.05.

Usage: /usr/bin/python3 bench/agreement_bounds.py [--ranking]   (numpy and scipy; a few minutes; --ranking: part 3 only)
"""
import itertools
import sys

import numpy as np
from scipy.stats import beta, rankdata


def brute_force():
    rng = np.random.default_rng(1)
    worst = {}

    def check(name, delta, bound):
        ratio = max(0, delta - 1e-12) / bound if bound > 0 else (delta > 1e-12) * 99
        worst[name] = max(worst.get(name, 0), ratio)

    for trial in range(200000):
        w = rng.dirichlet(np.full(8, rng.choice([0.05, 0.3, 1.0])))
        if trial % 3 == 0:
            w[[1, 2, 5, 6]] *= rng.uniform(0, 0.2)
            w /= w.sum()
        P = w.reshape(2, 2, 2)  # [y][production][candidate]
        pi = P[1].sum()
        D = P[:, 0, 1].sum() + P[:, 1, 0].sum()
        Tp, Tc = P[1, 1, :].sum(), P[1, :, 1].sum()
        Qp, Qc = P[:, 1, :].sum(), P[:, :, 1].sum()
        if Qp > 1e-12 and Qc > 1e-12:
            check('precision ≤ D/Q_p', abs(Tc / Qc - Tp / Qp), D / Qp)
        if pi > 1e-12:
            either = 1 - P[0, 0, :].sum()  # P(y = 1 or production predicts 1)
            check('f1 ≤ 2D/P(y=1 or ŷ_p=1)', abs(2 * Tc / (pi + Qc) - 2 * Tp / (pi + Qp)), 2 * D / either)
        if 0 < pi < 1:
            d_pos = (P[1, 0, 1] + P[1, 1, 0]) / pi
            d_neg = (P[0, 0, 1] + P[0, 1, 0]) / (1 - pi)
            ba_p = (P[1, 1, :].sum() / pi + P[0, 0, :].sum() / (1 - pi)) / 2
            ba_c = (P[1, :, 1].sum() / pi + P[0, :, 0].sum() / (1 - pi)) / 2
            check('balanced_accuracy ≤ mean D_k', abs(ba_c - ba_p), (d_pos + d_neg) / 2)
    k = 3
    for trial in range(100000):
        P = rng.dirichlet(np.full(k ** 3, rng.choice([0.05, 0.3, 1.0]))).reshape(k, k, k)
        if trial % 2 == 0:
            for y, p, c in itertools.product(range(k), repeat=3):
                if p != c:
                    P[y, p, c] *= rng.uniform(0, 0.2)
            P /= P.sum()
        D = sum(P[y, p, c] for y, p, c in itertools.product(range(k), repeat=3) if p != c)
        pi, Qp, Qc = P.sum(axis=(1, 2)), P.sum(axis=(0, 2)), P.sum(axis=(0, 1))
        Tp = np.array([P[c, c, :].sum() for c in range(k)])
        Tc = np.array([P[c, :, c].sum() for c in range(k)])
        Fp, Fc = 2 * Tp / (pi + Qp), 2 * Tc / (pi + Qc)
        others = [[j for j in range(k) if j != c] for c in range(k)]
        either = np.array([1 - P[np.ix_(others[c], others[c], range(k))].sum() for c in range(k)])
        check('macro_f1 ≤ mean min(1, 2D/P(y=k or ŷ_p=k))', abs(Fc.mean() - Fp.mean()),
              np.minimum(1, 2 * D / either).mean())
        check('weighted_f1 ≤ 4D', abs((pi * Fc).sum() - (pi * Fp).sum()), 4 * D)
        chance_p, chance_c = (pi * Qp).sum(), (pi * Qc).sum()
        if chance_p < 1 - 1e-9 and chance_c < 1 - 1e-9:
            kappa_p = (Tp.sum() - chance_p) / (1 - chance_p)
            kappa_c = (Tc.sum() - chance_c) / (1 - chance_c)
            check('cohen_kappa ≤ 3D/(1 − p_e)', abs(kappa_c - kappa_p), 3 * D / (1 - chance_p))
        check('weighted_f1 ≤ 2D (expected to fail)', abs((pi * Fc).sum() - (pi * Fp).sum()), 2 * D)
    for name, ratio in worst.items():
        print(f'{name:45s} largest |Δ| / bound = {ratio:.4f}')


def upper_no_events(n, tail):
    """Exact upper limit of a rate with 0 events in n at one-sided tail."""
    return beta.ppf(1 - tail, 1, n)


def lower_exact(k, n, tail):
    """Clopper–Pearson one-sided lower limit of k events in n; 0 for k = 0."""
    return 0.0 if k == 0 else beta.ppf(tail, k, n - k + 1)


def slices_missed(n, D, kind, rng, replicates, level=0.95):
    """Share of slices that show the bound while the true Δ lies outside it, for each metric."""
    alpha = 1 - level
    pi, q, t = 0.3, 0.22, 0.12  # production: prevalence, predicted positive, true positive share
    if kind == 'production alone right on D of the positives':
        cells = {(1, 1, 1): t - D, (1, 1, 0): D, (1, 0, 0): pi - t, (0, 1, 1): q - t, (0, 0, 0): 1 - pi - (q - t)}
    else:
        cells = {(1, 1, 1): t, (1, 0, 0): pi - t, (0, 1, 1): q - t, (0, 0, 1): D, (0, 0, 0): 1 - pi - (q - t) - D}
    keys = list(cells)
    p = np.array([cells[key] for key in keys])

    def value(model):
        tp = sum(v for key, v in cells.items() if key[0] == 1 and key[1 + model] == 1)
        predicted = sum(v for key, v in cells.items() if key[1 + model] == 1)
        tn = sum(v for key, v in cells.items() if key[0] == 0 and key[1 + model] == 0)
        return dict(precision=tp / predicted, f1=2 * tp / (pi + predicted),
                    balanced_accuracy=(tp / pi + tn / (1 - pi)) / 2)

    truth = {m: value(1)[m] - value(0)[m] for m in ('precision', 'f1', 'balanced_accuracy')}
    truth['brier'] = D  # the largest Δ brier a disagreement share D allows (per-example losses 0 against 1)
    draws = rng.multinomial(n, p, size=replicates)
    disagreeing = [i for i, key in enumerate(keys) if key[1] != key[2]]
    missed = dict.fromkeys(truth, 0)
    for row in draws[draws[:, disagreeing].sum(axis=1) == 0]:
        counts = dict(zip(keys, row))
        positives = sum(v for key, v in counts.items() if key[0] == 1)
        predicted = sum(v for key, v in counts.items() if key[1] == 1)
        either = sum(v for key, v in counts.items() if key[0] == 1 or key[1] == 1)
        d = upper_no_events(n, alpha / 2)
        with np.errstate(divide='ignore'):
            bound = dict(brier=upper_no_events(n, alpha),
                         balanced_accuracy=(upper_no_events(positives, alpha / 2)
                                            + upper_no_events(n - positives, alpha / 2)) / 2,
                         precision=min(1, d / lower_exact(predicted, n, alpha / 2)),
                         f1=min(1, 2 * d / lower_exact(either, n, alpha / 2)))
        for metric in missed:
            missed[metric] += abs(truth[metric]) > bound[metric]
    return {metric: count / replicates for metric, count in missed.items()}


def known_truth():
    rng = np.random.default_rng(7)
    for n in (50, 200, 1000):
        worst = {}
        for D in np.geomspace(0.1 / n, 20 / n, 15):
            for kind in ('production alone right on D of the positives', 'candidate alone predicts D of the negatives'):
                missed = slices_missed(n, min(D, 0.11), kind, rng, 4000 if n == 1000 else 20000)
                for metric, share in missed.items():
                    worst[metric] = max(worst.get(metric, 0), share)
        print(f'n = {n}: worst share of slices with the bound shown and missed: '
              + ', '.join(f'{m} {v:.4f}' for m, v in worst.items()))


def population_auc(pos, neg):
    """AUC of scores pos against neg, ties counted ½ (exact over all pairs)."""
    return (np.sign(pos[:, None] - neg[None, :]).mean() + 1) / 2


def ranking_population(design, share, rng):
    """(production, candidate) scores of 600 positives and 900 negatives; the candidate a monotone transform of
    production except on a share of one class, which the candidate orders differently against the other class."""
    pos, neg = rng.beta(3, 2, 600), rng.beta(2, 3, 900)
    cand_pos, cand_neg = pos ** 1.2, neg ** 1.2
    k = int(round(share * (600 if 'positives' in design else 900)))
    if design == 'production puts k positives below every negative, the candidate above':
        pos[:k], cand_pos[:k] = -1.0, 2.0
    elif design == 'production ties k positives with the top negative, the candidate puts them above':
        pos[:k], cand_pos[:k] = neg.max(), 2.0
    elif design == 'production puts k negatives above every positive, the candidate below':
        neg[:k], cand_neg[:k] = 2.0, -1.0
    else:  # the candidate perturbs k positives slightly: a few nearby pairs flip
        cand_pos[:k] = (pos[:k] + rng.normal(0, 0.02, k)).clip(0, 1) ** 1.2
    return pos, neg, cand_pos, cand_neg


def ranking_missed(n, design, share, rng, replicates, alpha=0.05):
    pos, neg, cand_pos, cand_neg = ranking_population(design, share, rng)
    delta = population_auc(cand_pos, cand_neg) - population_auc(pos, neg)
    discordant = np.mean(np.sign(pos[:, None] - neg[None, :]) != np.sign(cand_pos[:, None] - cand_neg[None, :]))
    assert abs(delta) <= discordant + 1e-12
    prod = np.concatenate([pos, neg])
    cand = np.concatenate([cand_pos, cand_neg])
    label = np.r_[np.ones(pos.size, bool), np.zeros(neg.size, bool)]
    shown = missed = 0
    for _ in range(replicates):
        rows = rng.integers(0, prod.size, n)
        positives = int(label[rows].sum())
        m = min(positives, n - positives)
        if m < 2:  # DeLong needs 2 of each
            continue
        if not np.array_equal(rankdata(prod[rows], 'dense'), rankdata(cand[rows], 'dense')):
            continue
        shown += 1
        missed += abs(delta) > 1 - alpha ** (1 / m)
    return missed / replicates, shown / replicates, discordant, delta


def ranking_truth():
    rng = np.random.default_rng(11)
    designs = ('production puts k positives below every negative, the candidate above',
               'production ties k positives with the top negative, the candidate puts them above',
               'production puts k negatives above every positive, the candidate below',
               'the candidate perturbs k positives slightly')
    for n in (50, 200, 1000):
        worst = (0, None)
        for design in designs:
            for share in np.geomspace(0.2 / n, 30 / n, 12):
                missed, shown, q, delta = ranking_missed(n, design, min(share, 0.5), rng, 2000 if n == 1000 else 6000)
                if missed >= worst[0]:
                    worst = (missed, f'{design}, q = {q:.4f}, Δ = {delta:.4f}, bound shown in {shown:.3f}')
        print(f'n = {n}: worst share of slices with the ranking bound shown and missed: {worst[0]:.4f} ({worst[1]})')


if __name__ == '__main__':
    if '--ranking' not in sys.argv:
        brute_force()
        known_truth()
    ranking_truth()
