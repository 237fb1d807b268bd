package org.verdict.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.verdict.core.pack.EvaluationTable;

/**
 * The superpopulation value of every metric, for each model and for Δ, computed on one very large draw with metric
 * code written here from the definitions (docs/statistics.md, scikit-learn's conventions), independently of the code
 * under test. At millions of rows the Monte-Carlo error of a truth is far below the width of any interval checked
 * against it. Under the null the models are exchangeable, so Δ is exactly 0 and each model's truth is the average of
 * the two estimates.
 *
 * @param values metric wire name → {production, candidate, Δ}
 */
record PopulationTruth(Map<String, double[]> values) {

    static PopulationTruth of(Superpopulation population, Superpopulation.Effect effect, int rows, long seed) {
        EvaluationTable table = population.draw(effect, new int[] {rows}, new SplittableRandom(seed));
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, Double> production = metrics(table, Superpopulation.version(0));
        Map<String, Double> candidate = metrics(table, Superpopulation.version(1));
        for (String metric : production.keySet()) {
            double p = production.get(metric);
            double c = candidate.get(metric);
            values.put(metric, effect == Superpopulation.Effect.NULL
                    ? new double[] {(p + c) / 2, (p + c) / 2, 0} : new double[] {p, c, c - p});
        }
        return new PopulationTruth(values);
    }

    private static Map<String, Double> metrics(EvaluationTable table, String version) {
        return switch (table.task()) {
            case BINARY -> binary(table.labelCodes(), table.predictionsOf(version).classCodes(),
                    table.predictionsOf(version).scores());
            case MULTICLASS -> multiclass(table.labelCodes(), table.predictionsOf(version).classCodes(),
                    table.classes().size());
            case REGRESSION -> regression(table.labelValues(), table.predictionsOf(version).values());
        };
    }

    static Map<String, Double> binary(int[] labels, int[] predicted, double[] scores) {
        double tp = 0;
        double fp = 0;
        double tn = 0;
        double fn = 0;
        double logLoss = 0;
        double brier = 0;
        double[] binCount = new double[10];
        double[] binGap = new double[10];
        int n = labels.length;
        for (int i = 0; i < n; i++) {
            boolean positive = labels[i] == 1;
            boolean selected = predicted[i] == 1;
            tp += positive && selected ? 1 : 0;
            fp += !positive && selected ? 1 : 0;
            tn += !positive && !selected ? 1 : 0;
            fn += positive && !selected ? 1 : 0;
            double p = Math.min(Math.max(scores[i], 1e-15), 1 - 1e-15);
            logLoss -= positive ? Math.log(p) : Math.log(1 - p);
            brier += (scores[i] - labels[i]) * (scores[i] - labels[i]);
            // bins (k/10, (k+1)/10], 0 in the first
            int bin = Math.min(9, Math.max(0, (int) Math.ceil(scores[i] * 10) - 1));
            binCount[bin]++;
            binGap[bin] += scores[i] - labels[i];
        }
        double calibration = 0;
        for (int b = 0; b < 10; b++) {
            calibration += binCount[b] == 0 ? 0 : (binCount[b] / n) * Math.pow(binGap[b] / binCount[b], 2);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", (tp + tn) / n);
        m.put("balanced_accuracy", (tp / (tp + fn) + tn / (tn + fp)) / 2);
        m.put("precision", tp / (tp + fp));
        m.put("recall", tp / (tp + fn));
        m.put("f1", 2 * tp / (2 * tp + fp + fn));
        m.put("roc_auc", rocAuc(labels, scores));
        m.put("pr_auc", averagePrecision(labels, scores));
        m.put("log_loss", logLoss / n);
        m.put("brier", brier / n);
        m.put("sq_calibration_error", calibration);
        m.put("selection_rate", (tp + fp) / n);
        m.put("tpr", tp / (tp + fn));
        m.put("fpr", fp / (fp + tn));
        return m;
    }

    /** Mann–Whitney: (sum of the positives' midranks − P(P+1)/2) / (P·N). */
    private static double rocAuc(int[] labels, double[] scores) {
        Integer[] order = ascending(scores);
        double positiveRanks = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double midrank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (labels[order[k]] == 1) {
                    positiveRanks += midrank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = labels.length - positives;
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Average precision: Σ over distinct thresholds, descending, of (recall step) × precision. */
    private static double averagePrecision(int[] labels, double[] scores) {
        Integer[] order = ascending(scores);
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        double ap = 0;
        long truePositives = 0;
        long selected = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            long stepPositives = 0;
            while (j >= 0 && scores[order[j]] == scores[order[i]]) {
                stepPositives += labels[order[j]];
                selected++;
                j--;
            }
            truePositives += stepPositives;
            ap += ((double) stepPositives / positives) * ((double) truePositives / selected);
            i = j;
        }
        return ap;
    }

    private static Integer[] ascending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        return order;
    }

    static Map<String, Double> multiclass(int[] labels, int[] predicted, int k) {
        double[][] counts = new double[k][k];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][predicted[i]]++;
        }
        double n = labels.length;
        double[] row = new double[k];
        double[] column = new double[k];
        double diagonal = 0;
        for (int a = 0; a < k; a++) {
            diagonal += counts[a][a];
            for (int b = 0; b < k; b++) {
                row[a] += counts[a][b];
                column[b] += counts[a][b];
            }
        }
        double recalls = 0;
        double macro = 0;
        double weighted = 0;
        double chance = 0;
        for (int c = 0; c < k; c++) {
            recalls += counts[c][c] / row[c];
            double f1 = 2 * counts[c][c] / (row[c] + column[c]);
            macro += f1 / k;
            weighted += f1 * row[c] / n;
            chance += row[c] * column[c] / (n * n);
        }
        double accuracy = diagonal / n;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("balanced_accuracy", recalls / k);
        m.put("macro_f1", macro);
        m.put("micro_f1", accuracy);
        m.put("weighted_f1", weighted);
        m.put("cohen_kappa", (accuracy - chance) / (1 - chance));
        return m;
    }

    static Map<String, Double> regression(double[] labels, double[] predicted) {
        double n = labels.length;
        double absolute = 0;
        double squared = 0;
        double percentage = 0;
        double mean = Arrays.stream(labels).average().orElseThrow();
        double variance = 0;
        for (int i = 0; i < labels.length; i++) {
            double error = predicted[i] - labels[i];
            absolute += Math.abs(error);
            squared += error * error;
            percentage += Math.abs(error) / Math.abs(labels[i]);
            variance += (labels[i] - mean) * (labels[i] - mean);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mae", absolute / n);
        m.put("rmse", Math.sqrt(squared / n));
        m.put("mape", percentage / n);
        m.put("r2", 1 - squared / variance);
        return m;
    }
}
