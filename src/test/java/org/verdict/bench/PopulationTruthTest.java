package org.verdict.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's own metric code against scikit-learn's documented examples, so the truth it measures is true. */
class PopulationTruthTest {
    /** sklearn roc_auc_score / average_precision_score examples: y [0, 0, 1, 1], scores [.1, .4, .35, .8]. */
    @Test
    void binaryRankingMetricsMatchScikitLearn() {
        Map<String, Double> m = PopulationTruth.binary(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 1},
                new double[] {0.1, 0.4, 0.35, 0.8});
        assertEquals(0.75, m.get("roc_auc"), 1e-12);
        assertEquals(0.8333333333333333, m.get("pr_auc"), 1e-12);
        // one true positive, no false positive, one false negative: precision 1, recall 0.5, f1 2/3
        assertEquals(1.0, m.get("precision"), 1e-12);
        assertEquals(0.5, m.get("recall"), 1e-12);
        assertEquals(2.0 / 3, m.get("f1"), 1e-12);
    }

    /** sklearn f1_score example: y_true [0, 1, 2, 0, 1, 2], y_pred [0, 2, 1, 0, 0, 1]. */
    @Test
    void multiclassAveragesMatchScikitLearn() {
        Map<String, Double> m = PopulationTruth.multiclass(new int[] {0, 1, 2, 0, 1, 2}, new int[] {0, 2, 1, 0, 0, 1},
                3);
        assertEquals(0.26666666666666666, m.get("macro_f1"), 1e-12);
        assertEquals(0.3333333333333333, m.get("micro_f1"), 1e-12);
        assertEquals(0.26666666666666666, m.get("weighted_f1"), 1e-12);
        assertEquals(1.0 / 3, m.get("balanced_accuracy"), 1e-12);
        // p_o = 1/3, p_e = (2·3 + 2·2 + 2·1)/36 = 1/3: kappa 0
        assertEquals(0.0, m.get("cohen_kappa"), 1e-12);
    }

    /** sklearn r2_score / mean_absolute_percentage_error examples: y [3, −0.5, 2, 7], prediction [2.5, 0, 2, 8]. */
    @Test
    void regressionMetricsMatchScikitLearn() {
        Map<String, Double> m = PopulationTruth.regression(new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0, 2, 8});
        assertEquals(0.9486081370449679, m.get("r2"), 1e-12);
        assertEquals(0.5, m.get("mae"), 1e-12);
        assertEquals(Math.sqrt(0.375), m.get("rmse"), 1e-12);
        assertEquals(0.3273809523809524, m.get("mape"), 1e-12);
    }
}
