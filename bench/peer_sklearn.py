#!/usr/bin/env python3
"""The peer of the whole-process benchmark: what a data scientist would write with pandas + scikit-learn to compare
a candidate with production per slice of a binary pack (docs/benchmarks.md).

Per slice (overall, every level of every slice and sensitive column): accuracy, f1 and roc_auc of both models
(scikit-learn), DeLong's paired test of the two AUCs (the fast midrank form of Sun & Xu 2014, numpy/scipy), and a
1000-replicate paired bootstrap of rows for the 95 % percentile intervals of Δ accuracy and Δ f1 (numpy). It prints
one JSON line per slice, so its work cannot be skipped, and the number of slices on stderr.

Usage: /usr/bin/python3 bench/peer_sklearn.py PACK_FOLDER [--replicates 1000] [--seed 7]
Needs Debian's python3-pandas python3-sklearn python3-scipy (Debian's own interpreter sees them).
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score


def delong(y, score_a, score_b):
    """Paired DeLong test of AUC(a) vs AUC(b): (auc_a, auc_b, z, two-sided p)."""
    positives = y == 1
    m, n = int(positives.sum()), int((~positives).sum())
    aucs, v10, v01 = [], [], []
    for score in (score_a, score_b):
        pos, neg = score[positives], score[~positives]
        rank_all = stats.rankdata(np.concatenate([pos, neg]))
        rank_pos, rank_neg = stats.rankdata(pos), stats.rankdata(neg)
        aucs.append((rank_all[:m].sum() - m * (m + 1) / 2) / (m * n))
        v10.append((rank_all[:m] - rank_pos) / n)
        v01.append(1 - (rank_all[m:] - rank_neg) / m)
    s10, s01 = np.cov(np.vstack(v10)), np.cov(np.vstack(v01))
    variance = (s10[0, 0] + s10[1, 1] - 2 * s10[0, 1]) / m + (s01[0, 0] + s01[1, 1] - 2 * s01[0, 1]) / n
    z = (aucs[1] - aucs[0]) / np.sqrt(variance) if variance > 0 else 0.0
    return aucs[0], aucs[1], float(z), float(2 * stats.norm.sf(abs(z)))


def bootstrap_deltas(y, pred_a, pred_b, replicates, rng):
    """Paired bootstrap of rows: percentile 95 % intervals of Δ accuracy and Δ f1 (candidate − production).

    Each replicate draws n rows with replacement and counts them by (label, production, candidate) in one bincount,
    the cheapest form a row bootstrap takes in numpy."""
    n = len(y)
    cell = (4 * y + 2 * pred_a + pred_b).astype(np.int8)
    counts = np.empty((replicates, 8))
    for r in range(replicates):
        counts[r] = np.bincount(cell[rng.integers(0, n, n, dtype=np.int32)], minlength=8)
    # cells: index = 4·label + 2·production + candidate
    correct_a = counts[:, [0, 1, 6, 7]].sum(axis=1)
    correct_b = counts[:, [0, 2, 5, 7]].sum(axis=1)
    d_acc = (correct_b - correct_a) / n
    positives = counts[:, 4:].sum(axis=1)
    tp_a, tp_b = counts[:, [6, 7]].sum(axis=1), counts[:, [5, 7]].sum(axis=1)
    predicted_a, predicted_b = counts[:, [2, 3, 6, 7]].sum(axis=1), counts[:, [1, 3, 5, 7]].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        d_f1 = 2 * tp_b / (predicted_b + positives) - 2 * tp_a / (predicted_a + positives)
    return np.nanpercentile(d_acc, [2.5, 97.5]).tolist(), np.nanpercentile(d_f1, [2.5, 97.5]).tolist()


def main():
    args = sys.argv[1:]
    folder = args[0]
    replicates = int(args[args.index("--replicates") + 1]) if "--replicates" in args else 1000
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 7
    with open(f"{folder}/manifest.json") as f:
        manifest = json.load(f)
    suite = manifest["suites"]["primary"]
    positive = manifest["model"]["positiveLabel"]
    production = next(m["version"] for m in manifest["models"] if m["role"] == "production")
    candidate = next(m["version"] for m in manifest["models"] if m["role"] == "candidate")
    frame = pd.read_csv(f"{folder}/{suite['file']}", dtype={"example_id": str})
    y = (frame["label"] == positive).to_numpy(np.int8)
    pred_a = (frame[f"pred_{production}"] == positive).to_numpy(np.int8)
    pred_b = (frame[f"pred_{candidate}"] == positive).to_numpy(np.int8)
    score_a = frame[f"score_{production}"].to_numpy(float)
    score_b = frame[f"score_{candidate}"].to_numpy(float)

    slices = [("overall", "all", np.ones(len(frame), dtype=bool))]
    for column in suite.get("slices", []) + suite.get("sensitive", []):
        for level, index in frame.groupby(column).indices.items():
            mask = np.zeros(len(frame), dtype=bool)
            mask[index] = True
            slices.append((column, str(level), mask))

    rng = np.random.default_rng(seed)
    for column, level, mask in slices:
        ys, pa, pb, sa, sb = y[mask], pred_a[mask], pred_b[mask], score_a[mask], score_b[mask]
        auc_a, auc_b, z, p = delong(ys, sa, sb)
        acc_ci, f1_ci = bootstrap_deltas(ys, pa, pb, replicates, rng)
        print(json.dumps({
            "slice": column, "level": level, "n": int(mask.sum()),
            "accuracy": [accuracy_score(ys, pa), accuracy_score(ys, pb)], "delta_accuracy_ci": acc_ci,
            "f1": [f1_score(ys, pa), f1_score(ys, pb)], "delta_f1_ci": f1_ci,
            "roc_auc": [roc_auc_score(ys, sa), roc_auc_score(ys, sb)],
            "delong": {"auc": [auc_a, auc_b], "z": z, "p": p},
        }))
    print(f"{len(slices)} slices", file=sys.stderr)


if __name__ == "__main__":
    main()
