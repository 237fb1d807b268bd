"""Where to join Newcombe's interval to DeLong's logit interval near AUC 1 (AucInterval.MIN_MISORDERED): coverage and
mean width of the union taken where min(m, n)·min(AUC, 1 − AUC) < c, for several c, every c on the same slices.
Usage: auc_near_one_rule.py REPLICATES SEED."""
import sys
import numpy as np
from auc_separation import newcombe
from auc_separation_coverage import delong, logit_ci, draw

THRESHOLDS = (0, 3, 5, 10, 20, float("inf"))
reps = int(sys.argv[1]); rng = np.random.default_rng(int(sys.argv[2]))
print("shape AUC m/n shown: coverage % (mean width) for c = " + " / ".join(map(str, THRESHOLDS)))
for shape in ("binormal", "noise"):
    for theta in (0.75, 0.87, 0.95, 0.97, 0.99, 0.995):
        for m, n in ((20, 380), (30, 570), (50, 950), (100, 2000), (200, 200), (300, 300), (300, 10000)):
            rows = []
            for _ in range(reps):
                pos, neg = draw(shape, theta, m, n, rng)
                auc, var = delong(pos, neg)
                if var > 0:
                    rows.append((auc, *logit_ci(auc, var), *newcombe(auc, m, n)))
            auc, dl, dh, nl, nh = np.array(rows).T
            misordered = min(m, n) * np.minimum(auc, 1 - auc)
            cells = []
            for c in THRESHOLDS:
                union = misordered < c
                lo = np.where(union, np.minimum(dl, nl), dl); hi = np.where(union, np.maximum(dh, nh), dh)
                cells.append(f"{100 * np.mean((lo <= theta) & (theta <= hi)):.1f} ({np.mean(hi - lo):.4f})")
            print(f"{shape:8s} {theta} {m}/{n} {len(rows)}: " + " / ".join(cells), flush=True)
