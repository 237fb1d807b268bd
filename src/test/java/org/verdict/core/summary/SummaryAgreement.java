package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.Task;


/**
 * What a summary pack's comparison must share with the row engine's on the same rows. Stated tolerances:
 * <ul>
 *   <li>every slice and its n: equal;</li>
 *   <li>count metrics (from the paired cells): values, intervals and verdicts equal, because the same cells give the
 *       same resamples;</li>
 *   <li>means and binned sums (log_loss, brier, sq_calibration_error, mae, rmse, mape, r2): values within 1e-9 relative (summation
 *       order only); the standard error of Δ, from another random partition into blocks, within 25 % (35 % for
 *       sq_calibration_error, whose U-statistic jackknife subtracts an estimated excess from the jackknife variance:
 *       across random partitions of one sample with rare positives its standard error varied with a coefficient of
 *       variation of 3–7 % against the plain jackknife's 2–5 %, and 30 partitions spanned a factor of up to 0.70); the verdict
 *       equal wherever the row engine's p-value is clear of the decision (below 0.001 or above 0.2), except no
 *       significant difference against inconclusive where the interval's far end is within 25 % of its width of the
 *       equivalence band;</li>
 *   <li>roc_auc and pr_auc: see {@link #ranked}.</li>
 * </ul>
 */
final class SummaryAgreement {
    private SummaryAgreement() {
    }

    /** @return how many results were compared */
    static int assertAgree(ComparisonReport rows, ComparisonReport summary) {
        Map<String, SliceResult> bySummary = summary.results().stream()
                .collect(Collectors.toMap(SummaryAgreement::key, Function.identity()));
        assertEquals(rows.results().size(), summary.results().size(), "same slices and metrics");
        List<String> problems = new ArrayList<>();
        for (SliceResult row : rows.results()) {
            SliceResult sum = bySummary.get(key(row));
            assertNotNull(sum, "summary lacks " + key(row));
            assertEquals(row.n(), sum.n(), "n of " + key(row));
            Metric metric = row.metric();
            if (metric == Metric.ROC_AUC || metric == Metric.PR_AUC) {
                ranked(rows, row, sum, problems);
                continue;
            }
            if (!metric.needsScores() && metric.appliesTo(Task.MULTICLASS)
                    || isCountMetric(metric)) {
                assertEquals(row, sum, "count metric " + key(row) + " is computed from the same cells");
                continue;
            }
            closeValue(row.production() == null ? null : row.production().value(),
                    sum.production() == null ? null : sum.production().value(), key(row), problems);
            closeValue(row.candidate() == null ? null : row.candidate().value(),
                    sum.candidate() == null ? null : sum.candidate().value(), key(row), problems);
            if (row.unadjustedCi() != null && sum.unadjustedCi() != null && row.n() > 300) {
                double rowWidth = row.unadjustedCi().upper() - row.unadjustedCi().lower();
                double sumWidth = sum.unadjustedCi().upper() - sum.unadjustedCi().lower();
                double tolerance = metric == Metric.SQ_CALIBRATION_ERROR ? 0.35 : 0.25;
                if (Math.abs(sumWidth / rowWidth - 1) > tolerance) {
                    problems.add(key(row) + ": interval width " + sumWidth + " vs rows " + rowWidth);
                }
            }
            if (row.pValue() != null && (row.pValue() < 0.001 || row.pValue() > 0.2)
                    && row.verdict() != sum.verdict() && !nearTheEquivalenceBand(rows, row, sum)) {
                problems.add(key(row) + ": verdict " + sum.verdict() + " vs rows " + row.verdict() + " (p "
                        + row.pValue() + ")");
            }
            if (row.pValue() == null) {
                assertNull(sum.pValue(), key(row) + " untested in both");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        return rows.results().size();
    }

    /**
     * roc_auc and pr_auc from 0.001-logit bins: values within 1e-4, or 5 % of the value's standard error where that is
     * larger (rows in one bin count as tied, which moves average precision on small slices by a few 1e-4); the interval
     * of Δ within 5 % of the rows' width (pr_auc's Δ is the influence-function interval on both sides, with t on its
     * effective degrees of freedom up to 2,000 examples and z above); verdicts equal where the rows' p-value is clear
     * of the decision.
     */
    private static void ranked(ComparisonReport rows, SliceResult row, SliceResult sum, List<String> problems) {
        String key = key(row);
        if (row.isAvailable() != sum.isAvailable()) {
            problems.add(key + ": available " + sum.isAvailable() + " vs rows " + row.isAvailable());
            return;
        }
        if (!row.isAvailable()) {
            return;
        }
        if (Math.abs(row.production().value() - sum.production().value()) > tolerance(row.production())
                || Math.abs(row.candidate().value() - sum.candidate().value()) > tolerance(row.candidate())) {
            problems.add(key + ": " + sum.production().value() + "/" + sum.candidate().value() + " vs rows "
                    + row.production().value() + "/" + row.candidate().value());
        }
        if (row.unadjustedCi() != null && sum.unadjustedCi() != null) {
            double ratio = (sum.unadjustedCi().upper() - sum.unadjustedCi().lower())
                    / (row.unadjustedCi().upper() - row.unadjustedCi().lower());
            if (Math.abs(ratio - 1) > 0.05) {
                problems.add(key + ": interval width ratio " + ratio);
            }
        }
        if (row.pValue() != null && (row.pValue() < 0.001 || row.pValue() > 0.2) && row.verdict() != sum.verdict()
                && !nearTheEquivalenceBand(rows, row, sum)) {
            problems.add(key + ": verdict " + sum.verdict() + " vs rows " + row.verdict());
        }
    }

    /**
     * No significant difference and inconclusive part where the interval's far end crosses the equivalence band ±E
     * (for sq_calibration_error ±E², narrow), not at a p-value: the two may differ where the rows' far end lies within
     * the stated interval tolerance (25 % of the interval's width) of E, as another seed of the row engine could.
     */
    private static boolean nearTheEquivalenceBand(ComparisonReport rows, SliceResult row, SliceResult sum) {
        Set<Verdict> split = Set.of(Verdict.NO_SIGNIFICANT_DIFFERENCE, Verdict.INCONCLUSIVE);
        if (!split.contains(row.verdict()) || !split.contains(sum.verdict()) || row.deltaCi() == null) {
            return false;
        }
        double band = row.metric().equivalenceBand(rows.options().minDetectableEffect(), row.production().value());
        double farEnd = Math.max(-row.deltaCi().lower(), row.deltaCi().upper());
        return Math.abs(farEnd - band) <= 0.25 * (row.deltaCi().upper() - row.deltaCi().lower());
    }

    /** 1e-4, or 5 % of the standard error behind the value's interval (half-width / 1.96) where larger. */
    private static double tolerance(MetricEstimate estimate) {
        if (estimate.ci() == null) {
            return 1e-4;
        }
        double standardError = (estimate.ci().upper() - estimate.ci().lower()) / (2 * 1.96);
        return Math.max(1e-4, 0.05 * standardError);
    }

    private static boolean isCountMetric(Metric metric) {
        return metric.appliesTo(Task.BINARY) && !metric.needsScores();
    }

    private static void closeValue(Double row, Double summary, String key, List<String> problems) {
        if (row == null || summary == null) {
            if (row != summary) {
                problems.add(key + ": value " + summary + " vs rows " + row);
            }
            return;
        }
        if (Math.abs(row - summary) > 1e-9 * Math.max(1, Math.abs(row))) {
            problems.add(key + ": value " + summary + " vs rows " + row);
        }
    }

    private static String key(SliceResult result) {
        return result.slice().label() + " / " + result.metric().wireName();
    }
}
