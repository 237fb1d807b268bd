#!/usr/bin/env python3
"""Δ balanced_accuracy's interval on slices of a rare class (docs/statistics.md, "Real-shaped packs, second pass"),
written apart from the Java code: the coverage benchmark's `rare-binary` population, slices of 100-400 rows with at
least 5 of each class, Δ = ½·Δrecall − ½·Δfpr by MOVER over an interval of each paired rate: Tango's score interval
(Verdict's), Bonett & Price's (2012) adjusted Wald, Newcombe's (1998) hybrid score with φ correction. Prints coverage of
the true Δ (from 4,000,000 rows) and mean width.

Usage: /usr/bin/python3 bench/balanced_accuracy_paired_intervals.py EFFECT SIZES SLICES
       (EFFECT 0: null, 1: candidate better; e.g. 1 100,200,400 800; numpy and scipy)
"""
import numpy as np, sys
from scipy.stats import norm
from scipy.optimize import brentq
rng=np.random.default_rng(5)
def draw(n, eff):
    slope=[1.15,1.15] if eff==0 else [1.3,1.0]; noise=[.8,.8] if eff==0 else [.9,.7]
    lo=-5.4+2*rng.standard_normal(n); y=rng.random(n)<1/(1+np.exp(-lo))
    sh=.6*rng.standard_normal(n)
    pr=[1/(1+np.exp(-slope[m]*(lo+sh+noise[m]*rng.standard_normal(n))))>=0.1 for m in range(2)]
    return y,pr[0],pr[1]
def truth(eff):
    y,a,b=draw(4_000_000,eff)
    rec=(b[y].mean()-a[y].mean()); fpr=(b[~y].mean()-a[~y].mean())
    return rec,fpr,(rec-fpr)/2
z=norm.ppf(.975)
def tangoT(b,c,N,d):
    A=2*N; B=-b-c+(2*N-b+c)*d; C=-c*d*(1-d)
    q=(np.sqrt(max(B*B-4*A*C,0))-B)/(2*A)
    den=np.sqrt(N*(2*q+d*(1-d)))
    num=b-c-N*d
    if den>0: return num/den
    return 0.0 if abs(num)<1e-12 else (np.inf if num>0 else -np.inf)
def tango(b,c,N,z=z):
    est=(b-c)/N
    def solve(lo,hi,t):
        f=lambda d:tangoT(b,c,N,d)-t
        if f(lo)<=0: return lo
        if f(hi)>=0: return hi
        return brentq(f,lo,hi,xtol=1e-12)
    return solve(-1+1e-12,est,z), solve(est,1-1e-12,-z)
def bp(b,c,N,z=z):
    p12=(b+1)/(N+2); p21=(c+1)/(N+2); d=p12-p21
    h=z*np.sqrt((p12+p21-d*d)/(N+2)); return max(-1,d-h),min(1,d+h)
def wilson(x,n,z=z):
    p=x/n; den=1+z*z/n; c=(p+z*z/(2*n))/den; h=z*np.sqrt(p*(1-p)/n+z*z/(4*n*n))/den; return c-h,c+h
def newcombe10(a,b,c,d,z=z):
    # paired: a both succ, b only cand (cand success), c only prod; theta = p_cand - p_prod
    N=a+b+c+d; p1=(a+b)/N; p2=(a+c)/N  # cand, prod
    l1,u1=wilson(a+b,N,z); l2,u2=wilson(a+c,N,z)
    # phi correlation
    r1=(a+b); r2=(c+d); s1=(a+c); s2=(b+d)
    den=np.sqrt(r1*r2*s1*s2)
    phi=0.0 if den==0 else (a*d-b*c)/den
    th=p1-p2
    dl=np.sqrt(max((p1-l1)**2-2*phi*(p1-l1)*(u2-p2)+(u2-p2)**2,0))
    du=np.sqrt(max((u1-p1)**2-2*phi*(u1-p1)*(p2-l2)+(p2-l2)**2,0))
    return th-dl, th+du
def mover(e1,i1,e2,i2):
    # theta = e1/2 - e2/2 ; i1 interval of rec diff, i2 of fpr diff
    t1=e1/2; t2=-e2/2; L1=i1[0]/2; U1=i1[1]/2; L2=-i2[1]/2; U2=-i2[0]/2
    return t1+t2-np.hypot(t1-L1,t2-L2), t1+t2+np.hypot(U1-t1,U2-t2)
def counts(y,a,b,mask):
    ya=a[mask]; yb=b[mask]
    both=(ya&yb).sum(); oc=(~ya&yb).sum(); op=(ya&~yb).sum(); nei=(~ya&~yb).sum()
    return both,oc,op,nei
eff=int(sys.argv[1]); sizes=[int(s) for s in sys.argv[2].split(',')]; R=int(sys.argv[3])
rt,ft,bt=truth(eff); print('truth rec %.4f fpr %.4f ba %.4f'%(rt,ft,bt))
meths={'tango':lambda a,b,c,d: tango(b,c,a+b+c+d),'bp':lambda a,b,c,d: bp(b,c,a+b+c+d),'newc10':newcombe10}
for n in sizes:
    res={m:[0,0,0.0] for m in meths}; recc={m:[0,0] for m in meths}
    for r in range(R):
        y,a,b=draw(n,eff)
        if y.sum()<5 or (~y).sum()<5: continue
        P=counts(y,a,b,y); Nn=counts(y,a,b,~y)
        er=(P[1]-P[2])/y.sum(); ef=(Nn[1]-Nn[2])/(~y).sum()
        for m,f in meths.items():
            ir=f(*P); iF=f(*Nn); iv=mover(er,ir,ef,iF)
            res[m][0]+=1; res[m][1]+= iv[0]<=bt<=iv[1]; res[m][2]+=iv[1]-iv[0]
            recc[m][0]+=1; recc[m][1]+= ir[0]<=rt<=ir[1]
    for m in meths:
        s,c,w=res[m]; print(n,m,'shown',s,'cov %.3f width %.4f  rec-cov %.3f'%(c/s,w/s,recc[m][1]/recc[m][0]))
    sys.stdout.flush()
