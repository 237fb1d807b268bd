#!/usr/bin/env python3
"""One model's roc_auc interval with few positives (docs/statistics.md, "Real-shaped packs"), written apart from the
Java code: the coverage benchmark's `rare-binary` population (true log-odds -5.4 + 2z, about 2.3 % positives; the
score logistic in 1.15 times a noisy copy of the log-odds), slices of 100-1,000 rows, DeLong's variance of one AUC and
the logit interval logit(AUC) +/- c * SE / (AUC (1 - AUC)) with c = z (Verdict's) or t(m - 1) on the slice's m
positives. Prints the coverage of the true AUC (from 3,000,000 rows) by slice size, interval and number of
positives.

Usage: /usr/bin/python3 bench/auc_few_positives.py   (numpy and scipy; about 5 minutes of CPU)
"""
import numpy as np
from scipy.stats import norm, t, rankdata
rng=np.random.default_rng(5)
def draw(N):
    lo=-5.4+2.0*rng.standard_normal(N); y=rng.random(N)<1/(1+np.exp(-lo))
    s=1/(1+np.exp(-1.15*(lo+0.6*rng.standard_normal(N)+0.8*rng.standard_normal(N))))
    return y,s
Y,S=draw(3_000_000)
pos=S[Y]; neg=S[~Y][:400000]
truth=(rankdata(np.concatenate([pos,neg]))[:len(pos)].sum()-len(pos)*(len(pos)+1)/2)/(len(pos)*len(neg))
print('truth auc %.4f prevalence %.4f'%(truth,Y.mean()))
def delong(p,q):
    m,n=len(p),len(q)
    M=(p[:,None]>q[None,:])+0.5*(p[:,None]==q[None,:])
    V10=M.mean(1); V01=M.mean(0)
    a=V10.mean()
    var=V10.var(ddof=1)/m+V01.var(ddof=1)/n
    return a,var
res={}
for n in [100,200,400,1000]:
    for r in range(1000):
        y,s=draw(n); p=s[y]; q=s[~y]; m=len(p)
        if m<2 or len(q)<2: continue
        a,v=delong(p,q)
        if a<=0 or a>=1 or v<=0: continue
        se=np.sqrt(v)/(a*(1-a)); L=np.log(a/(1-a))
        for name,c in [('z',norm.ppf(.975)),('t(m-1)',t.ppf(.975,m-1))]:
            lo,hi=1/(1+np.exp(-(L-c*se))),1/(1+np.exp(-(L+c*se)))
            key=(n,name,'m<=5' if m<=5 else 'm<=10' if m<=10 else 'm>10')
            res.setdefault(key,[]).append(lo<=truth<=hi)
            res.setdefault((n,name,'all'),[]).append(lo<=truth<=hi)
for k in sorted(res): print(k, '%.1f%% of %d'%(100*np.mean(res[k]),len(res[k])))
