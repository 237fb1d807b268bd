package org.verdict.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ExampleIds;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.Task;

/**
 * Three groups of a sensitive attribute with known prevalence, TPR and FPR per group and model, so every disparity's
 * true value is known exactly (selection rate = prevalence·TPR + (1 − prevalence)·FPR). The candidate reuses
 * production's uniform draw with probability 0.7, so the two models' decisions are paired, while each model's rates
 * stay exact.
 */
enum FairnessPopulation {
    /** Every group has the same rates under both models: every disparity is 0, where a max − min is most biased. */
    PARITY("parity", new double[] {0.3, 0.3, 0.3},
            new double[][] {{0.70, 0.70, 0.70}, {0.75, 0.75, 0.75}},
            new double[][] {{0.10, 0.10, 0.10}, {0.12, 0.12, 0.12}}),
    /** Clearly unequal groups (one pair of groups sets every gap); the candidate is less fair. */
    SEPARATED("separated", new double[] {0.3, 0.3, 0.3},
            new double[][] {{0.50, 0.65, 0.80}, {0.45, 0.65, 0.85}},
            new double[][] {{0.05, 0.12, 0.20}, {0.04, 0.12, 0.24}}),
    /**
     * A real TPR gap and no FPR gap (the FPRs equal in every group): equalized odds is then equal opportunity, and
     * their intervals must agree; a test of both strata together spends half its degrees of freedom on the FPRs' noise.
     */
    TPR_ONLY("tpr-only", new double[] {0.3, 0.3, 0.3},
            new double[][] {{0.55, 0.70, 0.75}, {0.50, 0.70, 0.80}},
            new double[][] {{0.10, 0.10, 0.10}, {0.12, 0.12, 0.12}}),
    /** Unequal groups, two of them nearly tied for the top rate under production; the candidate is less fair. */
    NEAR_TIE("near-tie", new double[] {0.25, 0.3, 0.35},
            new double[][] {{0.70, 0.69, 0.60}, {0.75, 0.64, 0.58}},
            new double[][] {{0.10, 0.12, 0.14}, {0.10, 0.13, 0.17}});

    static final List<String> GROUPS = List.of("g1", "g2", "g3");

    final String label;
    private final double[] prevalence;
    /** [model][group] */
    private final double[][] tpr;
    private final double[][] fpr;

    FairnessPopulation(String label, double[] prevalence, double[][] tpr, double[][] fpr) {
        this.label = label;
        this.prevalence = prevalence;
        this.tpr = tpr;
        this.fpr = fpr;
    }

    /** True disparities by wire name: {production, candidate, worsening}. */
    Map<String, double[]> truth() {
        Map<String, double[]> truth = new LinkedHashMap<>();
        double[][] selection = new double[2][GROUPS.size()];
        for (int m = 0; m < 2; m++) {
            for (int g = 0; g < GROUPS.size(); g++) {
                selection[m][g] = prevalence[g] * tpr[m][g] + (1 - prevalence[g]) * fpr[m][g];
            }
        }
        double[] parity = {gap(selection[0]), gap(selection[1])};
        double[] ratio = {min(selection[0]) / max(selection[0]), min(selection[1]) / max(selection[1])};
        double[] opportunity = {gap(tpr[0]), gap(tpr[1])};
        double[] odds = {Math.max(gap(tpr[0]), gap(fpr[0])), Math.max(gap(tpr[1]), gap(fpr[1]))};
        truth.put("demographic_parity_difference", new double[] {parity[0], parity[1], parity[1] - parity[0]});
        truth.put("demographic_parity_ratio", new double[] {ratio[0], ratio[1], ratio[0] - ratio[1]});
        truth.put("equalized_odds_difference", new double[] {odds[0], odds[1], odds[1] - odds[0]});
        truth.put("equal_opportunity_difference",
                new double[] {opportunity[0], opportunity[1], opportunity[1] - opportunity[0]});
        return truth;
    }

    /** {@code perGroup} rows in each group; sensitive column {@code group}; no scores. */
    EvaluationTable draw(int perGroup, SplittableRandom random) {
        int rows = perGroup * GROUPS.size();
        int[] labels = new int[rows];
        int[] groups = new int[rows];
        int[][] selected = new int[2][rows];
        ExampleIds.Builder ids = new ExampleIds.Builder(rows);
        for (int i = 0; i < rows; i++) {
            ids.add("ex-" + i);
            int g = i / perGroup;
            groups[i] = g;
            boolean positive = random.nextDouble() < prevalence[g];
            labels[i] = positive ? 1 : 0;
            double production = random.nextDouble();
            double candidate = random.nextDouble() < 0.7 ? production : random.nextDouble();
            selected[0][i] = production < (positive ? tpr[0][g] : fpr[0][g]) ? 1 : 0;
            selected[1][i] = candidate < (positive ? tpr[1][g] : fpr[1][g]) ? 1 : 0;
        }
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        for (int m = 0; m < 2; m++) {
            String version = Superpopulation.version(m);
            predictions.put(version, new ModelPredictions(version, selected[m], null, null));
        }
        return new EvaluationTable("primary.csv", Task.BINARY, rows, ids.build(), List.of("no", "yes"), labels, null,
                Map.of("group", new CategoricalColumn("group", GROUPS, groups)), List.of("group"), predictions);
    }

    private static double gap(double[] values) {
        return max(values) - min(values);
    }

    private static double max(double[] values) {
        double max = values[0];
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double min(double[] values) {
        double min = values[0];
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
