package org.verdict.ui.compare;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricCounts;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.Interval;

/**
 * A fraud model's f1 over a reviewer's card-fraud pack (p12): 40,000 rows, two merchants worse, countries and
 * categories mostly better, and many merchants of 4 to 29 rows too few to test, whose production value still has its
 * interval. More slices than a chart pane holds, so the forest plot scrolls; slice names of 10 to 14 characters.
 */
final class CardFraudReport {
    static final int SMALL_MERCHANTS = 60;
    private static final String[] COUNTRIES = {"JP", "US", "IT", "IN", "FR", "DE", "MX", "SE", "ES", "BR", "CA", "PL",
            "NL", "GB"};

    private CardFraudReport() {
    }

    private static MetricCounts positives(long positives, long n) {
        return new MetricCounts(positives, n - positives, null, null, null, null);
    }

    private static SliceResult tested(SliceKey slice, int n, double production, double candidate, double low,
                                      double high, Verdict verdict, ShownInterval shown) {
        double delta = candidate - production;
        return new SliceResult(slice, n, Metric.F1, true,
                new MetricEstimate(production, new Interval(production - 0.05, production + 0.05)),
                new MetricEstimate(candidate, new Interval(candidate - 0.05, candidate + 0.05)), delta,
                new Interval(low, high), new Interval(low + 0.02, high - 0.02), 0.0004, 0.009, "paired-bootstrap",
                verdict, shown, null, null, null, 0.01, TargetUnit.NONE, positives(Math.round(n * 0.077), n));
    }

    static ComparisonReport report() {
        ShownInterval overall = new ShownInterval(TestFamily.OVERALL, 0.95, ShownInterval.NONE, 1);
        ShownInterval holm = new ShownInterval(TestFamily.SLICES, 0.9998, ShownInterval.HOLM, 259);
        List<SliceResult> results = new ArrayList<>();
        results.add(tested(SliceKey.OVERALL, 40_000, 0.647, 0.776, 0.114, 0.143, Verdict.BETTER, overall));
        results.add(tested(ReportFixture.slice("merchant", "m000"), 40, 0.857, 0.0, -0.971, -0.591, Verdict.WORSE,
                holm));
        results.add(tested(ReportFixture.slice("merchant", "m001"), 41, 0.649, 0.0, -0.880, -0.263, Verdict.WORSE,
                holm));
        for (int c = 0; c < COUNTRIES.length; c++) {
            boolean better = c < 7;
            results.add(tested(ReportFixture.slice("country", COUNTRIES[c]), 800 + 613 * c, 0.65, better ? 0.78 : 0.66,
                    better ? 0.011 : -0.08, better ? 0.214 : 0.10, better ? Verdict.BETTER
                            : Verdict.NO_SIGNIFICANT_DIFFERENCE, holm));
        }
        for (int c = 0; c < 30; c++) {
            boolean better = c % 3 == 0;
            results.add(tested(ReportFixture.slice("category", String.format("cat%02d", c)), 129 + 131 * c, 0.65,
                    better ? 0.78 : 0.67, better ? 0.011 : -0.09, better ? 0.25 : 0.12, better ? Verdict.BETTER
                            : Verdict.NO_SIGNIFICANT_DIFFERENCE, holm));
        }
        for (int m = 0; m < SMALL_MERCHANTS; m++) {
            int n = 4 + m % 26;
            long positives = m % 4;
            results.add(new SliceResult(ReportFixture.slice("merchant", String.format("m%03d", m + 2)), n, Metric.F1,
                    true, new MetricEstimate(0.0, new Interval(0.0, 0.974)), new MetricEstimate(0.0, null), null,
                    null, null, null, null, null, Verdict.TOO_FEW_EXAMPLES, null, null, null, null, 0.01,
                    TargetUnit.NONE, positives(positives, n)));
        }
        return LaptopCompareView.oneMetric("card-fraud", "p7", "c8", Metric.F1, ComparisonOptions.DEFAULTS, results);
    }
}
