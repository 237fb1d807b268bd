"""Independent check of one model's roc_auc interval where the sample separates the classes perfectly.
Newcombe (2006) Part 2 method 5 written from the paper's formula, roots by scipy's brentq."""
import sys
import numpy as np
from scipy.optimize import brentq
from scipy.stats import norm

def newcombe_v(theta, m, n):
    ns = (m + n) / 2.0
    return theta*(1-theta)*(1 + (ns-1)*(1-theta)/(2-theta) + (ns-1)*theta/(1+theta))/(m*n)

def newcombe(auc, m, n, level=0.95):
    z = norm.ppf(1 - (1-level)/2)
    # the score statistic |auc - t| / sqrt(V(t)) - z, which falls from +inf at a bound to -z at the estimate
    g = lambda t: abs(auc - t) / np.sqrt(newcombe_v(t, m, n)) - z
    eps = 1e-13
    lo = 0.0 if auc <= eps else brentq(g, eps, auc - eps, xtol=1e-15)
    hi = 1.0 if auc >= 1 - eps else brentq(g, auc + eps, 1 - eps, xtol=1e-15)
    return lo, hi

def exact_lower(m, n, level=0.95):
    return ((1-level)/2) ** (1.0/min(m, n))

if __name__ == "__main__" and sys.argv[1:] == ["table"]:
    for m, n in [(2,2),(2,30),(3,97),(5,5),(5,95),(10,10),(10,190),(20,20),(20,980),(50,50),(50,950),(100,100),(100,9900),(200,800),(1000,1000),(1000,99000),(10000,10000)]:
        lo, hi = newcombe(1.0, m, n)
        print(f"m={m:6d} n={n:6d}  Newcombe5 [{lo:.6f}, {hi:.1f}]  exact (alpha/2)^(1/min) {exact_lower(m,n):.6f}   approx 1-z^2(m+n+2)/(4mn) {1-1.959964**2*(m+n+2)/(4*m*n):.6f}")
