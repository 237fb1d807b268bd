#!/usr/bin/env python3
"""The candidate intervals the circuit breaker (gate 7) quotes, computed apart from the Java code on the two sample
packs: support-router's macro_f1 of candidate 43 by a percentile bootstrap of the confusion cells (4,000 draws, seed 7;
Verdict's is BCa over 1,000, so the ends agree within the bootstrap's error), fraud-screen-pass's roc_auc of candidate
18 by DeLong's variance, as a Wald interval and on the logit scale (Verdict's, docs/statistics.md). Compare with
`verdict gate PACK --json` (the circuit breaker finding's candidateLower, candidateUpper).

Usage, from the repository: /usr/bin/python3 bench/circuit_breaker_intervals.py
Needs numpy and scipy.
"""
import csv

import numpy as np
from scipy.stats import norm, rankdata

# support-router: macro_f1 of candidate 43 (every class labelled; each row's cell), percentile bootstrap of the cells
rows = list(csv.DictReader(open('sample-data/support-router/primary.csv')))
labels = sorted({r['label'] for r in rows})
idx = {c: i for i, c in enumerate(labels)}
assert all(r['pred_43'] in idx for r in rows), 'a prediction outside the labelled classes'
y = np.array([idx[r['label']] for r in rows]); p = np.array([idx[r['pred_43']] for r in rows])
k = len(labels)
def macro_f1(cells):  # cells: k x k confusion counts (true, pred)
    tp = np.diag(cells); fp = cells.sum(0) - tp; fn = cells.sum(1) - tp
    return np.mean(np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0))
cells = np.zeros((k, k)); np.add.at(cells, (y, p), 1)
rng = np.random.default_rng(7)
flat = cells.ravel(); n = int(flat.sum())
reps = [macro_f1(rng.multinomial(n, flat / n).reshape(k, k)) for _ in range(4000)]
print('support-router macro_f1 43: %.4f, bootstrap 95%% [%.4f, %.4f] (n=%d)' % (macro_f1(cells), *np.percentile(reps, [2.5, 97.5]), n))

# fraud-screen-pass: roc_auc of candidate 18, DeLong's variance
rows = list(csv.DictReader(open('sample-data/fraud-screen-pass/primary.csv')))
s = np.array([float(r['score_18']) for r in rows]); pos = np.array([r['label'] == 'fraud' for r in rows])
X, Y = s[pos], s[~pos]
m, nn = len(X), len(Y)
allr = rankdata(np.concatenate([X, Y])); rx = rankdata(X); ry = rankdata(Y)
auc = (allr[:m].sum() - m * (m + 1) / 2) / (m * nn)
v10 = (allr[:m] - rx) / nn; v01 = 1 - (allr[m:] - ry) / m
var = v10.var(ddof=1) / m + v01.var(ddof=1) / nn
z = norm.ppf(0.975)
print('fraud-screen roc_auc 18: %.5f, DeLong Wald 95%% [%.5f, %.5f] (%d positives, %d negatives)' % (auc, auc - z * var ** .5, auc + z * var ** .5, m, nn))
# on the logit scale (delta method), as intervals of an AUC near 1 are often built
lg = np.log(auc / (1 - auc)); se = var ** .5 / (auc * (1 - auc))
lo, hi = lg - z * se, lg + z * se
print('fraud-screen roc_auc 18: DeLong on the logit scale 95%% [%.5f, %.5f]' % (1 / (1 + np.exp(-lo)), 1 / (1 + np.exp(-hi))))
