package org.verdict.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;

/**
 * Comparison reports written by hand for UI tests: the view must show whatever the engine says, so the numbers are
 * arbitrary but distinct. Shaped like the multiclass {@code PackFixture} pack (language en/de, gender f/m).
 */
final class ReportFixture {
    private ReportFixture() {
    }

    static SliceResult result(SliceKey slice, int n, Metric metric, double production, double candidate,
                              double deltaLow, double deltaHigh, double p, double adjustedP, Verdict verdict) {
        return new SliceResult(slice, n, metric, metric == Metric.MACRO_F1,
                new MetricEstimate(production, new Interval(production - 0.02, production + 0.02)),
                new MetricEstimate(candidate, new Interval(candidate - 0.02, candidate + 0.02)),
                candidate - production, new Interval(deltaLow, deltaHigh), p, adjustedP, "paired-bootstrap", verdict,
                null, null);
    }

    static SliceResult unavailable(SliceKey slice, int n, Metric metric, String reason) {
        return new SliceResult(slice, n, metric, false, null, null, null, null, null, null, null,
                Verdict.UNAVAILABLE, reason, null);
    }

    /**
     * {@code count} stores named as a retailer's branches are (85 characters, typographic quotes, a check mark), each
     * inconclusive on {@code metric} over 98 + 11·i examples.
     */
    static void addLongNamedStores(List<SliceResult> results, Metric metric, int count) {
        for (int i = 0; i < count; i++) {
            String name = String.format("Filiale %03d – Einkaufszentrum „Große Straße“ Nord-West Erweiterungsbau Ebene %d ✓",
                    i, i % 7);
            results.add(result(slice("store", name), 98 + 11 * i, metric, 0.78, 0.79, -0.080, 0.309, 0.3, 1.0,
                    Verdict.INCONCLUSIVE));
        }
    }

    static SliceKey slice(String dimension, String value) {
        return new SliceKey(List.of(dimension), List.of(value));
    }

    static SliceKey cross(String value1, String value2) {
        return new SliceKey(List.of("language", "gender"), List.of(value1, value2));
    }

    /** macro_f1: overall better, language=en worse, language=de better, gender=f no difference, gender=m too few. */
    static List<SliceResult> macroF1Results() {
        Metric m = Metric.MACRO_F1;
        return List.of(
                result(SliceKey.OVERALL, 4000, m, 0.800, 0.820, 0.010, 0.030, 0.0004, 0.0016, Verdict.BETTER),
                result(slice("language", "en"), 2000, m, 0.810, 0.770, -0.055, -0.025, 0.0001, 0.0004, Verdict.WORSE),
                result(slice("language", "de"), 1980, m, 0.790, 0.860, 0.050, 0.090, 0.0002, 0.0006, Verdict.BETTER),
                result(slice("gender", "f"), 3990, m, 0.800, 0.801, -0.010, 0.012, 0.8, 1.0,
                        Verdict.NO_SIGNIFICANT_DIFFERENCE),
                new SliceResult(slice("gender", "m"), 10, m, true, null, null, null, null, null, null, null,
                        Verdict.TOO_FEW_EXAMPLES, null, null));
    }

    static ComparisonReport report(List<SliceResult> results) {
        return new ComparisonReport("router", "42", "43", Metric.MACRO_F1, ComparisonOptions.DEFAULTS, results, 4,
                Map.of(Metric.MACRO_F1, 4));
    }

    /** The default report: macro_f1 as above, and accuracy unavailable everywhere (to show the reason). */
    static ComparisonReport standard() {
        List<SliceResult> results = new ArrayList<>(macroF1Results());
        results.add(unavailable(SliceKey.OVERALL, 4000, Metric.ACCURACY, "the engine does not compute it here"));
        return report(results);
    }

    /** With the language × gender cross added, as the engine returns when asked for crosses. */
    static ComparisonReport withCross() {
        List<SliceResult> results = new ArrayList<>(standard().results());
        results.add(result(cross("en", "f"), 1000, Metric.MACRO_F1, 0.8, 0.75, -0.07, -0.03, 0.001, 0.004,
                Verdict.WORSE));
        return report(results);
    }
}
