package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntFunction;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.api.Test;

class ProportionsTest {

    @Test
    void wilsonBoundsAreCommonsMathsToTheLastBit() {
        int compared = 0;
        for (double level : new double[] {0.8, 0.9, 0.95, 0.99, 0.999}) {
            for (int n : new int[] {1, 2, 3, 7, 20, 99, 1_000, 65_537, 1_000_000, 170_123_457}) {
                for (long successes : new long[] {1, 2, n / 3, n / 2, n - 1L}) {
                    if (successes <= 0 || successes >= n) {
                        continue;
                    }
                    ConfidenceInterval expected = new WilsonScoreInterval().createInterval(n, (int) successes, level);
                    Interval actual = Proportions.wilson(successes, n, level);
                    assertEquals(expected.getLowerBound(), actual.lower(), 0, "lower, " + successes + "/" + n);
                    assertEquals(expected.getUpperBound(), actual.upper(), 0, "upper, " + successes + "/" + n);
                    compared++;
                }
            }
        }
        assertEquals(215, compared);
    }

    @Test
    void wilsonAtNoneOrAllSuccessesReachesExactlyZeroOrOne() {
        // the library leaves 5e-17 beyond the bound; an interval must contain its estimate
        assertEquals(0, Proportions.wilson(0, 40, 0.95).lower(), 0);
        assertEquals(1, Proportions.wilson(40, 40, 0.95).upper(), 0);
        // 40 of 40 at 95 %: the upper end of the Wilson interval below 1 is n / (n + z²) = 40 / 43.8415
        assertEquals(40 / (40 + 1.959963984540054 * 1.959963984540054), Proportions.wilson(40, 40, 0.95).lower(),
                1e-12);
        assertEquals(new Interval(0, 1), Proportions.wilson(0, 0, 0.95));
    }

    @Test
    void wilsonRefusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(5, 4, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(-1, 4, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(1, 4, 1.0));
    }
    @Test
    void f1IsTheWilsonIntervalOfTheJaccardIndexMappedToF1AwayFromTheEnds() {
        // expected from SciPy: ci = scipy.stats.binomtest(tp, tp + fp + fn).proportion_ci(0.95, method='wilson'), then
        // 2j / (1 + j) at each end
        Interval sixElevenths = Proportions.f1(3, 2, 3, 0.95);
        assertEquals(0.24074411514407051, sixElevenths.lower(), 1e-12);
        assertEquals(0.8195419671550371, sixElevenths.upper(), 1e-12);
        Interval large = Proportions.f1(35, 10, 5, 0.95);
        assertEquals(0.7199971289887582, large.lower(), 1e-12);
        assertEquals(0.8943950869649948, large.upper(), 1e-12);
        // no true positive: f1 is 0 and so is the lower end; none wrong: the upper end is 1
        Interval none = Proportions.f1(0, 2, 3, 0.95);
        assertEquals(0, none.lower(), 0);
        assertEquals(0.6057689451768207, none.upper(), 1e-12);
        Interval perfect = Proportions.f1(4, 0, 0, 0.95);
        assertEquals(0.6755924351161198, perfect.lower(), 1e-12);
        assertEquals(1, perfect.upper(), 0);
    }

    @Test
    void modifiedWilsonTakesThePoissonBoundWithinAFewSuccessesOrFailuresOfTheEnds() {
        // expected from SciPy: binomtest(x, n).proportion_ci(level, method='wilson'), with the bound replaced by
        // chi2.ppf(alpha, 2x) / 2 / n (lower, 1 <= x <= x*) or 1 - chi2.ppf(alpha, 2(n - x)) / 2 / n (upper), x* = 2
        // for n <= 50 and 3 above (Brown, Cai & DasGupta 2001, section 4.1.1)
        double[][] cases = {
            {1, 1, 0.05129329438755053, 1.0},
            {1, 3, 0.017097764795850175, 0.881546163100446},
            {2, 7, 0.05076593009980885, 0.6410655481673807},
            {0, 4, 0.0, 0.4898908364545973},
            {4, 4, 0.5101091635454027, 1.0},
            {6, 7, 0.4868721707256811, 0.9926723865160643},
            {3, 60, 0.01362819078606589, 0.13700516476348518},
            {57, 60, 0.8629948352365148, 0.9863718092139341},
            {10, 40, 0.14187118639096302, 0.40193961420768026},
            {3, 40, 0.025836025774588198, 0.19864233524310543},
        };
        for (double[] c : cases) {
            Interval actual = Proportions.modifiedWilson((long) c[0], (long) c[1], 0.95);
            assertEquals(c[2], actual.lower(), 1e-12, "lower, " + c[0] + "/" + c[1]);
            assertEquals(c[3], actual.upper(), 1e-12, "upper, " + c[0] + "/" + c[1]);
        }
        // at another level the quantile is that level's α: 2 of 10 at 90 %
        Interval ninety = Proportions.modifiedWilson(2, 10, 0.90);
        assertEquals(0.0531811608389612, ninety.lower(), 1e-12);
        assertEquals(0.4592071943125121, ninety.upper(), 1e-12);
        assertEquals(new Interval(0, 1), Proportions.modifiedWilson(0, 0, 0.95));
    }

    /**
     * The reason for the modified interval, as exact coverage (the binomial probability of every count whose interval
     * holds the true rate): a rare class's recall on 1–3 positives with a true recall of 0.2 (the coverage
     * benchmark's 1 % population), and a 1 % selection rate on 100 rows. Wilson's covers 80.0, 96.0, 89.6 and 92.1 %
     * there (SciPy, the same sum); the modified interval at least 98 %.
     */
    @Test
    void modifiedWilsonCoversAFewSuccessesWhereWilsonDips() {
        double[][] trialsAndRates = {{1, 0.2}, {2, 0.2}, {3, 0.2}, {100, 0.01}};
        double lowestWilson = 1;
        for (double[] c : trialsAndRates) {
            int n = (int) c[0];
            double rate = c[1];
            assertTrue(exactCoverage(n, rate, x -> Proportions.modifiedWilson(x, n, 0.95)) >= 0.98, n + " trials");
            lowestWilson = Math.min(lowestWilson, exactCoverage(n, rate, x -> Proportions.wilson(x, n, 0.95)));
        }
        assertTrue(lowestWilson < 0.81, "Wilson's dips to 80 % at 1 trial: " + lowestWilson);
    }

    private static double exactCoverage(int n, double rate, IntFunction<Interval> interval) {
        BinomialDistribution counts = new BinomialDistribution(null, n, rate);
        double covered = 0;
        for (int x = 0; x <= n; x++) {
            Interval i = interval.apply(x);
            covered += i.lower() <= rate && rate <= i.upper() ? counts.probability(x) : 0;
        }
        return covered;
    }

    @Test
    void f1OfAHandfulTakesTheModifiedWilsonIntervalOfTheJaccardIndex() {
        // tp = 1, fp = 1, fn = 0: J = 1/2 of 2, both ends within 2 of the bounds; SciPy as above, then 2j / (1 + j)
        Interval half = Proportions.f1(1, 1, 0, 0.95);
        assertEquals(0.05001068791858459, half.lower(), 1e-12);
        assertEquals(0.9870101027471487, half.upper(), 1e-12);
    }

    @Test
    void meanOfRatesIsTheMoverCombinationOfTheRatesModifiedWilsonIntervals() {
        // expected from the definitions in NumPy/SciPy (Wilson from its formula, z = norm.ppf(0.5 + level / 2), and
        // Brown, Cai & DasGupta's bound chi2.ppf(1 − level, 2x) / 2n within x* = 2 of an end for n <= 50):
        // p = 105/110, 47/54, 23/30, 4/6; mean − √Σ(p − l)² / 4, mean + √Σ(u − p)² / 4. 4 of 6 is 2 short of its
        // end, so its upper bound is the Poisson one (Wilson's alone gave 0.8826739126175368)
        Interval balanced = Proportions.meanOfRates(new long[] {105, 47, 23, 4}, new long[] {110, 54, 30, 6}, 0.95);
        assertEquals(0.7079856594208859, balanced.lower(), 1e-12);
        assertEquals(0.8909657722855279, balanced.upper(), 1e-12);
        // 19 of 20 is 1 short of its end (Wilson's alone: 0.9447361487563506)
        Interval twoClasses = Proportions.meanOfRates(new long[] {9, 19}, new long[] {12, 20}, 0.99);
        assertEquals(0.6245900863213882, twoClasses.lower(), 1e-12);
        assertEquals(0.9454001360480131, twoClasses.upper(), 1e-12);
        // one rate: its own modified Wilson interval, 7 of 9 at 90 %: Wilson's lower end, the Poisson upper end
        Interval one = Proportions.meanOfRates(new long[] {7}, new long[] {9}, 0.9);
        assertEquals(0.5036427823767539, one.lower(), 1e-12);
        assertEquals(0.9409098212900431, one.upper(), 1e-12);
        // every rate at 1: the upper end is 1, and the lower end below it (never zero width)
        Interval perfect = Proportions.meanOfRates(new long[] {5, 30}, new long[] {5, 30}, 0.95);
        assertEquals(1, perfect.upper(), 0);
        assertEquals(true, perfect.lower() < 1);
        assertThrows(IllegalArgumentException.class,
                () -> Proportions.meanOfRates(new long[] {1, 2}, new long[] {3, 0}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Proportions.meanOfRates(new long[] {1}, new long[] {3, 4}, 0.95));
    }
}
