package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.Metric;

class ConfusionMatrixTest {
    private static final double EPS = 1e-12;

    /**
     * Binary, rows = label (no, yes), columns = prediction:
     * <pre>
     *            pred no  pred yes
     * label no      50       10      (60 negatives)
     * label yes      5       35      (40 positives)
     * </pre>
     * accuracy 85/100; precision 35/45; recall = tpr 35/40; fpr 10/60; f1 = 70/(70+10+5) = 70/85;
     * balanced accuracy (50/60 + 35/40)/2 = (0.833333 + 0.875)/2 = 0.8541667; selection rate 45/100.
     */
    @Test
    void binaryMetricsFollowTheirTextbookDefinitions() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("no", "yes"), new long[] {50, 10, 5, 35});
        assertEquals(0.85, m.value(Metric.ACCURACY).value(), EPS);
        assertEquals(35.0 / 45, m.value(Metric.PRECISION).value(), EPS);
        assertEquals(35.0 / 40, m.value(Metric.RECALL).value(), EPS);
        assertEquals(35.0 / 40, m.value(Metric.TPR).value(), EPS);
        assertEquals(10.0 / 60, m.value(Metric.FPR).value(), EPS);
        assertEquals(70.0 / 85, m.value(Metric.F1).value(), EPS);
        assertEquals((50.0 / 60 + 35.0 / 40) / 2, m.value(Metric.BALANCED_ACCURACY).value(), EPS);
        assertEquals(0.45, m.value(Metric.SELECTION_RATE).value(), EPS);
    }

    /**
     * scikit-learn's documented example: y_true = [0, 1, 2, 0, 1, 2], y_pred = [0, 2, 1, 0, 0, 1]
     * gives f1 macro 0.26666, micro 0.33333, weighted 0.26666 (sklearn.metrics.f1_score docs).
     * Per class: class 0 tp 2, fp 1, fn 0 → f1 4/5; classes 1 and 2 tp 0 → f1 0. macro = 0.8/3.
     * Kappa: p_o = 2/6; p_e = (2·3 + 2·1 + 2·2)/36 = 12/36; κ = (1/3 − 1/3)/(1 − 1/3) = 0.
     * Balanced accuracy: recalls 2/2, 0/2, 0/2 → 1/3.
     */
    @Test
    void multiclassAveragesMatchScikitLearnsDocumentedExample() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b", "c"), new int[] {0, 1, 2, 0, 1, 2},
                new int[] {0, 2, 1, 0, 0, 1}, new int[] {0, 1, 2, 3, 4, 5});
        assertEquals(0.26666666666666666, m.value(Metric.MACRO_F1).value(), EPS);
        assertEquals(1.0 / 3, m.value(Metric.MICRO_F1).value(), EPS);
        assertEquals(0.26666666666666666, m.value(Metric.WEIGHTED_F1).value(), EPS);
        assertEquals(0.0, m.value(Metric.COHEN_KAPPA).value(), EPS);
        assertEquals(1.0 / 3, m.value(Metric.BALANCED_ACCURACY).value(), EPS);
        assertEquals(2.0 / 3, m.precision(0).value(), EPS);
        assertEquals(1.0, m.recall(0).value(), EPS);
    }

    /**
     * Classes present only in predictions count in macro F1 (with F1 0) but not in balanced accuracy:
     * labels [a, a, b, b], predictions [a, c, b, b]: class a f1 = 2/(2+0+1)... tp 1, support 2, predicted 1 → 2/3;
     * b tp 2, support 2, predicted 2 → 1; c tp 0, support 0, predicted 1 → 0. macro = (2/3 + 1 + 0)/3 = 5/9.
     * weighted by support (2, 2, 0) → (2·2/3 + 2·1)/4 = 5/6. balanced accuracy over labelled a, b: (1/2 + 1)/2 = 3/4.
     */
    @Test
    void averagesUseTheClassesPresentInLabelsOrPredictions() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b", "c", "d"), new int[] {0, 0, 1, 1},
                new int[] {0, 2, 1, 1}, new int[] {0, 1, 2, 3});
        assertEquals(5.0 / 9, m.value(Metric.MACRO_F1).value(), EPS);
        assertEquals(5.0 / 6, m.value(Metric.WEIGHTED_F1).value(), EPS);
        assertEquals(0.75, m.value(Metric.BALANCED_ACCURACY).value(), EPS);
        assertFalse(m.precision(3).isAvailable());
    }

    @Test
    void undefinedMetricsAreUnavailableWithAReasonNeverZero() {
        // only negatives, all predicted negative
        ConfusionMatrix m = new ConfusionMatrix(List.of("no", "yes"), new long[] {7, 0, 0, 0});
        assertFalse(m.value(Metric.PRECISION).isAvailable());
        assertTrue(m.value(Metric.PRECISION).unavailableReason().contains("predicted"));
        assertFalse(m.value(Metric.RECALL).isAvailable());
        assertFalse(m.value(Metric.F1).isAvailable());
        assertFalse(m.value(Metric.COHEN_KAPPA).isAvailable());
        assertEquals(0.0, m.value(Metric.FPR).value(), EPS);
        assertEquals(1.0, m.value(Metric.ACCURACY).value(), EPS);

        ConfusionMatrix empty = new ConfusionMatrix(List.of("no", "yes"), new long[4]);
        assertEquals("empty slice", empty.value(Metric.ACCURACY).unavailableReason());
    }

    @Test
    void oneExampleGivesDefinedCountMetrics() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("no", "yes"), new long[] {0, 0, 0, 1});
        assertEquals(1.0, m.value(Metric.ACCURACY).value(), EPS);
        assertEquals(1.0, m.value(Metric.RECALL).value(), EPS);
        assertFalse(m.value(Metric.FPR).isAvailable());
    }

    /**
     * A class set fixed by the caller, as scikit-learn's {@code labels=} with {@code zero_division=0}. Classes a, b, c;
     * a→a 3, a→b 1, b→b 2; c is neither labelled nor predicted here. F1(a) = 6/7, F1(b) = 4/5, F1(c) = 0/0 → 0.
     * f1_score(average='macro', labels=[a, b, c]) = (6/7 + 4/5 + 0)/3 = 0.5523810 (by default, over a and b only:
     * (6/7 + 4/5)/2 = 0.8285714); weighted: c has no support, so (4·6/7 + 2·4/5)/6 = 0.8380952 either way;
     * balanced accuracy over the labelled classes {a, b}: (3/4 + 2/2)/2 = 0.875, balanced_accuracy_score's value.
     */
    @Test
    void aFixedClassSetKeepsTheAverageDenominatorLikeScikitLearnsLabelsArgument() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b", "c"), new long[] {3, 1, 0, 0, 2, 0, 0, 0, 0});
        boolean[] all = {true, true, true};
        assertEquals((6.0 / 7 + 4.0 / 5) / 3, m.valueOrNaN(Metric.MACRO_F1, all), EPS);
        assertEquals((6.0 / 7 + 4.0 / 5) / 2, m.valueOrNaN(Metric.MACRO_F1, new boolean[] {true, true, false}), EPS);
        assertEquals(m.valueOrNaN(Metric.MACRO_F1), m.valueOrNaN(Metric.MACRO_F1, new boolean[] {true, true, false}),
                EPS);
        assertEquals((4 * 6.0 / 7 + 2 * 4.0 / 5) / 6, m.valueOrNaN(Metric.WEIGHTED_F1, all), EPS);
        assertEquals(0.875, m.valueOrNaN(Metric.BALANCED_ACCURACY, new boolean[] {true, true, false}), EPS);
        // null: the classes present, scikit-learn's default
        assertEquals(m.valueOrNaN(Metric.BALANCED_ACCURACY), m.valueOrNaN(Metric.BALANCED_ACCURACY, null), EPS);
    }
}
