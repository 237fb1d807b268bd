package org.verdict.core.compare;

import java.util.Map;
import java.util.Set;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.AgreementBound;
import org.verdict.core.stats.BalancedAccuracyDifference;
import org.verdict.core.stats.BinnedAveragePrecision;
import org.verdict.core.stats.BinnedDeLong;
import org.verdict.core.stats.PairedProportionDifference;
import org.verdict.core.stats.SeparatedAucDifference;

/**
 * What each test of a {@link SliceResult} computes its interval and p-value from, in a few words, so every number
 * can name its method beside it (the JSON's {@code method}, the gate texts, the approval pack). The glossary in the
 * app and docs/statistics.md explain each at length.
 */
public final class TestMethods {
    private static final String PAIR_ORDER_BOUND = "Δ roc_auc bounded by how often the models could order a "
            + "(positive, negative) pair differently (exact limit for 0 in min(positives, negatives))";

    private static final Map<String, String> METHODS = Map.ofEntries(
            Map.entry(PairedProportionDifference.TEST, "Tango's score interval of a paired difference of rates"),
            Map.entry(BalancedAccuracyDifference.TEST,
                    "Tango's score intervals of Δ recall and Δ fpr, combined by MOVER"),
            Map.entry(SliceAnalysis.CELL_BOOTSTRAP, cellMethod("bootstrap")),
            Map.entry(SliceAnalysis.ROW_BOOTSTRAP, "paired bootstrap of examples"),
            Map.entry(SliceAnalysis.HASHED_BLOCK_BOOTSTRAP,
                    "paired bootstrap of 300 blocks dealt by a hash of the example id"),
            Map.entry(SliceAnalysis.HASHED_BLOCK_T,
                    "paired t interval over 300 blocks dealt by a hash of the example id (delta method; large slice)"),
            Map.entry(SliceAnalysis.ROW_U_JACKKNIFE, "paired U-statistic jackknife of examples"),
            Map.entry(SliceAnalysis.HASHED_BLOCK_U_JACKKNIFE,
                    "paired U-statistic jackknife of 300 blocks dealt by a hash of the example id"),
            Map.entry(SliceAnalysis.DELONG, "DeLong's paired test from the scores"),
            Map.entry(AgreementBound.TEST,
                    "identical scores or predictions: Δ bounded by how often the models could disagree (exact limits"
                            + " for 0 in n)"),
            Map.entry(AgreementBound.SAME_RANKING_TEST, "identical ranking, other scores: " + PAIR_ORDER_BOUND),
            Map.entry(BinnedDeLong.TEST, "DeLong from binned scores, 0.001 logit"),
            Map.entry(SeparatedAucDifference.TEST, "a model separates the classes perfectly: each model's roc_auc "
                    + "interval (the exact bound for perfect separation), combined by MOVER"),
            Map.entry(SliceAnalysis.AP_INFLUENCE, "influence-function normal interval from the scores"),
            Map.entry(BinnedAveragePrecision.TEST, "influence-function normal interval from binned scores, 0.001 logit"),
            Map.entry(BinnedAveragePrecision.T_TEST,
                    "influence-function t interval (effective degrees of freedom) from binned scores, 0.001 logit"));

    /** The tests whose Δ log_loss interval has the end on the side of the blocks' skew moved out. */
    private static final Set<String> SKEW_MOVED_LOG_LOSS = Set.of(SliceAnalysis.ROW_BOOTSTRAP,
            SliceAnalysis.HASHED_BLOCK_BOOTSTRAP, SliceAnalysis.HASHED_BLOCK_T);

    private TestMethods() {
    }

    /**
     * The method of {@code result}'s test, as {@link #describe(String)}; the same-ranking bound on byte-identical
     * scores says "identical scores", not "other scores", and the cell bootstrap names the metric's own interval of
     * each model.
     */
    public static String methodOf(SliceResult result) {
        if (AgreementBound.SAME_RANKING_TEST.equals(result.test()) && result.note() != null
                && result.note().startsWith(AgreeingModels.SAME_SCORES)) {
            return "identical scores: " + PAIR_ORDER_BOUND;
        }
        if (SliceAnalysis.CELL_BOOTSTRAP.equals(result.test())) {
            return cellMethod(switch (result.metric()) {
                case PRECISION -> "modified Wilson";
                case F1 -> "modified Wilson of tp / (tp + fp + fn)";
                case BALANCED_ACCURACY -> "MOVER-Wilson";
                case COHEN_KAPPA -> "jackknife Fisher z";
                case WEIGHTED_F1 -> "jackknife logit";
                default -> "bootstrap";
            });
        }
        if (result.metric() == Metric.LOG_LOSS && result.test() != null
                && SKEW_MOVED_LOG_LOSS.contains(result.test())) {
            return describe(result.test()) + "; Δ's end on the side of the skew moved out (Edgeworth)";
        }
        return describe(result.test());
    }

    /**
     * The cell bootstrap's method, naming each model's interval: the bootstrap's BCa, or the closed form that
     * replaced it for the metric (docs/statistics.md, "Each model's interval").
     */
    private static String cellMethod(String modelInterval) {
        return "paired contingency cells: " + modelInterval + " for each model, jackknife t for Δ";
    }

    /** The method of a test name, or the name itself when it has no description; null for no test. */
    public static String describe(String test) {
        return test == null ? null : METHODS.getOrDefault(test, test);
    }
}
