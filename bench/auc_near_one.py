"""Near AUC 1, slices not perfectly separated: DeLong's logit interval, Newcombe's score interval, and the rule the
engine takes from 20 of the rarer class on (AucInterval): their union where min(m, n)·min(AUC, 1 − AUC) < 3, else
DeLong's."""
import sys
import numpy as np
from auc_separation import newcombe
from auc_separation_coverage import delong, logit_ci, draw

reps = int(sys.argv[1]); rng = np.random.default_rng(int(sys.argv[2]))
for shape in sys.argv[3].split(","):
    for theta in (0.95, 0.99, 0.995):
        for m, n in ((20, 380), (20, 980), (50, 950), (100, 2000), (300, 300)):
            cd = cn = cr = k = 0; wd = wn = wr = 0.0; bd = ad = br = ar = 0
            for _ in range(reps):
                pos, neg = draw(shape, theta, m, n, rng)
                auc, var = delong(pos, neg)
                if not var > 0:
                    continue
                k += 1
                lo, hi = logit_ci(auc, var); cd += lo <= theta <= hi; wd += hi - lo; bd += hi < theta; ad += lo > theta
                dlo, dhi = lo, hi
                lo, hi = newcombe(auc, m, n); cn += lo <= theta <= hi; wn += hi - lo
                if min(m, n) * min(auc, 1 - auc) < 3:
                    lo, hi = min(dlo, lo), max(dhi, hi)
                else:
                    lo, hi = dlo, dhi
                cr += lo <= theta <= hi; wr += hi - lo; br += hi < theta; ar += lo > theta
            print(f"{shape:9s} AUC {theta:.3f} m={m:4d} n={n:5d} shown {k}: DeLong logit {100*cd/k:5.1f} % (below {100*bd/k:.1f}, above {100*ad/k:.1f}; width {wd/k:.4f}), Newcombe {100*cn/k:5.1f} % (width {wn/k:.4f}), rule {100*cr/k:5.1f} % (below {100*br/k:.1f}, above {100*ar/k:.1f}; width {wr/k:.4f})", flush=True)
