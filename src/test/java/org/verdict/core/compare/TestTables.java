package org.verdict.core.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ExampleIds;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.Task;

/** Small evaluation tables built in code for tests: production is version "1", the candidate "2". */
final class TestTables {
    private TestTables() {
    }

    static CategoricalColumn column(String name, String... values) {
        List<String> levels = new ArrayList<>(new TreeSet<>(List.of(values)));
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = levels.indexOf(values[i]);
        }
        return new CategoricalColumn(name, levels, codes);
    }

    static Map<String, CategoricalColumn> columns(CategoricalColumn... columns) {
        Map<String, CategoricalColumn> map = new LinkedHashMap<>();
        for (CategoricalColumn c : columns) {
            map.put(c.name(), c);
        }
        return map;
    }

    static ExampleIds ids(int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "ex-" + (i + 1);
        }
        return ExampleIds.of(ids);
    }

    /** Binary table; predictions are score ≥ 0.5 unless scores are null, then {@code predictions} are used. */
    static EvaluationTable binary(int[] labels, double[] prodScores, double[] candScores, int[] prodPred, int[] candPred,
                                  Map<String, CategoricalColumn> slices) {
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        predictions.put("1", new ModelPredictions("1", prodPred != null ? prodPred : threshold(prodScores), null, prodScores));
        predictions.put("2", new ModelPredictions("2", candPred != null ? candPred : threshold(candScores), null, candScores));
        return new EvaluationTable("primary.csv", Task.BINARY, labels.length, ids(labels.length), List.of("no", "yes"),
                labels, null, slices, List.of(), predictions);
    }

    static EvaluationTable multiclass(List<String> classes, int[] labels, int[] prodPred, int[] candPred,
                                      Map<String, CategoricalColumn> slices) {
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        predictions.put("1", new ModelPredictions("1", prodPred, null, null));
        predictions.put("2", new ModelPredictions("2", candPred, null, null));
        return new EvaluationTable("primary.csv", Task.MULTICLASS, labels.length, ids(labels.length), classes,
                labels, null, slices, List.of(), predictions);
    }

    static EvaluationTable regression(double[] labels, double[] prod, double[] cand, Map<String, CategoricalColumn> slices) {
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        predictions.put("1", new ModelPredictions("1", null, prod, null));
        predictions.put("2", new ModelPredictions("2", null, cand, null));
        return new EvaluationTable("primary.csv", Task.REGRESSION, labels.length, ids(labels.length), List.of(),
                null, labels, slices, List.of(), predictions);
    }

    /**
     * n rows of a binary task, about 30 % positive, scored by two noisy models (the candidate's scores a little more
     * separated) with 4 decimals, as pipelines write them; the slice columns are made after the rows, from the same
     * stream.
     */
    static EvaluationTable noisyBinary(int n, SplittableRandom random,
                                       Function<SplittableRandom, Map<String, CategoricalColumn>> slices) {
        int[] labels = new int[n];
        double[] production = new double[n];
        double[] candidate = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
            production[i] = fourDecimalScore(0.3 + 0.3 * labels[i] + 0.25 * random.nextGaussian());
            candidate[i] = fourDecimalScore(0.28 + 0.36 * labels[i] + 0.25 * random.nextGaussian());
        }
        return binary(labels, production, candidate, null, null, slices.apply(random));
    }

    /**
     * n rows of a regression target of 100 – 150, predicted by two noisy models (the candidate's errors a little
     * smaller), a share {@code heavyTail} of the candidate's errors ten times as large; the slice columns are made
     * after the rows, from the same stream.
     */
    static EvaluationTable noisyRegression(int n, SplittableRandom random, double heavyTail,
                                           Function<SplittableRandom, Map<String, CategoricalColumn>> slices) {
        double[] labels = new double[n];
        double[] production = new double[n];
        double[] candidate = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = 100 + 50 * random.nextDouble();
            production[i] = labels[i] + 8 * random.nextGaussian();
            candidate[i] = labels[i] + 7 * random.nextGaussian()
                    * (heavyTail > 0 && random.nextDouble() < heavyTail ? 10 : 1);
        }
        return regression(labels, production, candidate, slices.apply(random));
    }

    private static double fourDecimalScore(double x) {
        return Math.round(Math.min(0.999, Math.max(0.001, x)) * 1e4) / 1e4;
    }

    static int[] threshold(double[] scores) {
        int[] predicted = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= 0.5 ? 1 : 0;
        }
        return predicted;
    }

    static int[] repeat(int value, int times) {
        int[] out = new int[times];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
