package org.verdict.core.stats;

import java.util.SplittableRandom;

/**
 * Draws multinomial resamples of cell counts: resampling n rows with replacement and counting them per cell gives
 * exactly the same distribution as drawing the cell counts from Multinomial(n, counts / n), at a cost that does not
 * grow with n. The multinomial is drawn as successive conditional binomials; binomials use inversion when the mean
 * is small and BTPE (Kachitvichyanukul &amp; Schmeiser 1988, the algorithm of NumPy) otherwise.
 */
public final class CountResampler {
    private final SplittableRandom random;

    public CountResampler(SplittableRandom random) {
        this.random = random;
    }

    /** Fills {@code into} with a multinomial draw of {@code sum(counts)} trials with probabilities {@code counts / sum}. */
    public void resample(long[] counts, long[] into) {
        long remainingTrials = 0;
        for (long c : counts) {
            remainingTrials += c;
        }
        long remainingMass = remainingTrials;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0 || remainingTrials == 0) {
                into[i] = 0;
                continue;
            }
            if (counts[i] == remainingMass) {
                into[i] = remainingTrials;
            } else {
                into[i] = binomial(remainingTrials, (double) counts[i] / remainingMass);
            }
            remainingTrials -= into[i];
            remainingMass -= counts[i];
        }
    }

    /** One draw of Binomial(n, p). */
    public long binomial(long n, double p) {
        if (n == 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p <= 0.5) {
            return p * n <= 30 ? inversion(n, p) : btpe(n, p);
        }
        double q = 1 - p;
        return n - (q * n <= 30 ? inversion(n, q) : btpe(n, q));
    }

    private long inversion(long n, double p) {
        double q = 1 - p;
        double probabilityOfZero = Math.exp(n * Math.log(q));
        double mean = n * p;
        long bound = (long) Math.min(n, mean + 10.0 * Math.sqrt(mean * q + 1));
        while (true) {
            long x = 0;
            double px = probabilityOfZero;
            double u = random.nextDouble();
            while (u > px) {
                x++;
                if (x > bound) {
                    break;
                }
                u -= px;
                px = ((n - x + 1) * p * px) / (x * q);
            }
            if (x <= bound) {
                return x;
            }
        }
    }

    /** BTPE for p ≤ 0.5 and n·p &gt; 30: triangle/parallelogram/exponential-tail envelope with squeeze tests. */
    private long btpe(long n, double p) {
        double q = 1 - p;
        double nrq = n * p * q;
        double fm = n * p + p;
        long m = (long) Math.floor(fm);
        double p1 = Math.floor(2.195 * Math.sqrt(nrq) - 4.6 * q) + 0.5;
        double xm = m + 0.5;
        double xl = xm - p1;
        double xr = xm + p1;
        double c = 0.134 + 20.5 / (15.3 + m);
        double a = (fm - xl) / (fm - xl * p);
        double laml = a * (1.0 + a / 2.0);
        a = (xr - fm) / (xr * q);
        double lamr = a * (1.0 + a / 2.0);
        double p2 = p1 * (1.0 + 2.0 * c);
        double p3 = p2 + c / laml;
        double p4 = p3 + c / lamr;
        while (true) {
            double u = random.nextDouble() * p4;
            double v = random.nextDouble();
            long y;
            if (u <= p1) {
                return (long) Math.floor(xm - p1 * v + u);
            } else if (u <= p2) {
                double x = xl + (u - p1) / c;
                v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
                if (v > 1.0) {
                    continue;
                }
                y = (long) Math.floor(x);
            } else if (u <= p3) {
                y = (long) Math.floor(xl + Math.log(v) / laml);
                if (y < 0 || v == 0.0) {
                    continue;
                }
                v = v * (u - p2) * laml;
            } else {
                y = (long) Math.floor(xr - Math.log(v) / lamr);
                if (y > n || v == 0.0) {
                    continue;
                }
                v = v * (u - p3) * lamr;
            }
            if (accept(n, p, q, nrq, m, xm, y, v)) {
                return y;
            }
        }
    }

    private static boolean accept(long n, double p, double q, double nrq, long m, double xm, long y, double v) {
        long k = Math.abs(y - m);
        if (k <= 20 || k >= nrq / 2.0 - 1) {
            // explicit evaluation of f(y) / f(m) by the recurrence of binomial probabilities
            double s = p / q;
            double a = s * (n + 1);
            double f = 1.0;
            if (m < y) {
                for (long i = m + 1; i <= y; i++) {
                    f *= (a / i - s);
                }
            } else if (m > y) {
                for (long i = y + 1; i <= m; i++) {
                    f /= (a / i - s);
                }
            }
            return v <= f;
        }
        double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        double t = -(double) k * k / (2 * nrq);
        double logV = Math.log(v);
        if (logV < t - rho) {
            return true;
        }
        if (logV > t + rho) {
            return false;
        }
        // final acceptance test with Stirling's formula
        double x1 = y + 1;
        double f1 = m + 1;
        double z = n + 1 - m;
        double w = n - y + 1;
        return logV <= xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w)
                + (y - m) * Math.log(w * p / (x1 * q))
                + stirlingCorrection(f1) + stirlingCorrection(z) + stirlingCorrection(x1) + stirlingCorrection(w);
    }

    private static double stirlingCorrection(double x) {
        double x2 = x * x;
        return (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x / 166320.;
    }
}
