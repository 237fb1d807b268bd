package org.verdict.bench;

import java.util.ArrayList;
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
 * A superpopulation of paired evaluation rows with known truth, for the coverage benchmark: production is version
 * "1", the candidate "2". Under {@link Effect#NULL} the two models are exchangeable (the same generative model with
 * their own noise), so every true Δ is exactly 0; under {@link Effect#NON_NULL} the candidate is better. The models
 * share part of their noise, as retrained models do, so the comparison is genuinely paired.
 */
enum Superpopulation {
    /** Prevalence about 0.3; scores are logistic in a noisy copy of the true log-odds (production overconfident). */
    BINARY(Task.BINARY),
    /** Four classes with priors .55 / .27 / .15 / .03 (the last is rare); per-class accuracy differs by class. */
    MULTICLASS(Task.MULTICLASS),
    /** House prices in dollars (log-normal around $300k) with multiplicative errors and 3 % gross errors. */
    REGRESSION(Task.REGRESSION),
    /**
     * The binary superpopulation's labels and thresholded predictions in a multiclass pack of two classes ("no",
     * "yes"): a yes/no task declared multiclass gets macro_f1, weighted_f1 and cohen_kappa, whose small-sample
     * intervals the four-class population cannot measure (its rare class withholds macro_f1 at n ≤ 50).
     */
    TWO_CLASS(Task.MULTICLASS, "two-class"),
    /**
     * A rare positive class, as in fraud or defect packs: prevalence about 2.3 % (log-odds −5.4 + 2·z), roc_auc about
     * 0.87, the models' threshold 0.1 so that they select about as many rows as are positive. A 400-row slice holds
     * about 9 positives. Not in the default run: named with {@code --only rare-binary}.
     */
    RARE_BINARY(Task.BINARY, "rare-binary"),
    /**
     * The rare-positive population at a prevalence of 1 % (log-odds −6.4 + 2·z), threshold 0.2 so that a model selects
     * about 1 % of rows. Not in the default run: {@code --only prevalence-1}.
     */
    PREVALENCE_1(Task.BINARY, "prevalence-1"),
    /** The same at 5 % (log-odds −4.4 + 2·z, threshold 0.3). Not in the default run: {@code --only prevalence-5}. */
    PREVALENCE_5(Task.BINARY, "prevalence-5"),
    /**
     * The regression population with heavier gross errors (log-scale spread {@link #HEAVY_GROSS_ERROR_SPREAD}, factors
     * up to about 6): squared dollar errors with a far heavier tail. Not in the default run: {@code --only
     * heavy-regression}.
     */
    HEAVY_REGRESSION(Task.REGRESSION, "heavy-regression");

    /** The populations a run without a population named measures. */
    static final List<Superpopulation> DEFAULT_RUN = List.of(BINARY, MULTICLASS, REGRESSION, TWO_CLASS);

    enum Effect {
        NULL("null"), NON_NULL("effect");

        final String label;

        Effect(String label) {
            this.label = label;
        }
    }

    /**
     * Regression: the share of gross errors and their log-scale spread (a factor of about 1.4 at one sd). With a spread
     * of 0.6 instead (factors up to 6, {@link #HEAVY_REGRESSION}), the squared errors are so heavy-tailed that per-model
     * rmse and r2 intervals cover 71–86 % at 30–1,000 rows and 85–90 % at 10,000 (docs/statistics.md).
     */
    static final double GROSS_ERROR_RATE = 0.03;
    static final double GROSS_ERROR_SPREAD = 0.35;
    static final double HEAVY_GROSS_ERROR_SPREAD = 0.6;

    static final List<String> CLASSES = List.of("a", "b", "c", "rare");
    private static final double[] PRIORS = {0.55, 0.27, 0.15, 0.03};

    final Task task;
    private final String label;

    Superpopulation(Task task) {
        this(task, task.wireName());
    }

    Superpopulation(Task task, String label) {
        this.task = task;
        this.label = label;
    }

    String label() {
        return label;
    }

    /**
     * Draws independent rows: one slice column {@code slice} with one level per entry of {@code sliceSizes} when there
     * is more than one.
     */
    EvaluationTable draw(Effect effect, int[] sliceSizes, SplittableRandom random) {
        int rows = 0;
        for (int size : sliceSizes) {
            rows += size;
        }
        int[] sliceCodes = new int[rows];
        List<String> levels = new ArrayList<>();
        int row = 0;
        for (int s = 0; s < sliceSizes.length; s++) {
            levels.add(String.format("s%02d", s + 1));
            for (int i = 0; i < sliceSizes[s]; i++) {
                sliceCodes[row++] = s;
            }
        }
        ExampleIds.Builder ids = new ExampleIds.Builder(rows);
        for (int i = 0; i < rows; i++) {
            ids.add("ex-" + i);
        }
        Map<String, CategoricalColumn> slices = new LinkedHashMap<>();
        if (sliceSizes.length > 1) {
            slices.put("slice", new CategoricalColumn("slice", levels, sliceCodes));
        }
        return switch (this) {
            case BINARY -> binary(effect, rows, ids.build(), slices, random, -0.8, 1.2, 0.5);
            case RARE_BINARY -> binary(effect, rows, ids.build(), slices, random, -5.4, 2.0, 0.1);
            case PREVALENCE_1 -> binary(effect, rows, ids.build(), slices, random, -6.4, 2.0, 0.2);
            case PREVALENCE_5 -> binary(effect, rows, ids.build(), slices, random, -4.4, 2.0, 0.3);
            case MULTICLASS -> multiclass(effect, rows, ids.build(), slices, random);
            case REGRESSION -> regression(effect, rows, ids.build(), slices, random, GROSS_ERROR_SPREAD);
            case HEAVY_REGRESSION -> regression(effect, rows, ids.build(), slices, random, HEAVY_GROSS_ERROR_SPREAD);
            case TWO_CLASS -> twoClass(binary(effect, rows, ids.build(), slices, random, -0.8, 1.2, 0.5));
        };
    }

    /** True log-odds {@code intercept + spread·z}; a model predicts positive from {@code threshold} on. */
    private static EvaluationTable binary(Effect effect, int rows, ExampleIds ids, Map<String, CategoricalColumn> slices,
                                          SplittableRandom random, double intercept, double spread,
                                          double threshold) {
        // production: slope 1.3 on a noisier copy (overconfident); candidate: slope 1.0, less noise
        double[] slope = effect == Effect.NULL ? new double[] {1.15, 1.15} : new double[] {1.3, 1.0};
        double[] noise = effect == Effect.NULL ? new double[] {0.8, 0.8} : new double[] {0.9, 0.7};
        int[] labels = new int[rows];
        double[][] scores = new double[2][rows];
        for (int i = 0; i < rows; i++) {
            double logOdds = intercept + spread * random.nextGaussian();
            labels[i] = random.nextDouble() < logistic(logOdds) ? 1 : 0;
            double shared = 0.6 * random.nextGaussian();
            for (int m = 0; m < 2; m++) {
                scores[m][i] = logistic(slope[m] * (logOdds + shared + noise[m] * random.nextGaussian()));
            }
        }
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        for (int m = 0; m < 2; m++) {
            int[] predicted = new int[rows];
            for (int i = 0; i < rows; i++) {
                predicted[i] = scores[m][i] >= threshold ? 1 : 0;
            }
            predictions.put(version(m), new ModelPredictions(version(m), predicted, null, scores[m]));
        }
        return new EvaluationTable("primary.csv", Task.BINARY, rows, ids, List.of("no", "yes"), labels, null, slices,
                List.of(), predictions);
    }

    /** The same rows as a multiclass table: the classes "no" and "yes", each model's predicted class, no scores. */
    private static EvaluationTable twoClass(EvaluationTable binary) {
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        binary.predictions().forEach((version, p) ->
                predictions.put(version, new ModelPredictions(version, p.classCodes(), null, null)));
        return new EvaluationTable(binary.fileName(), Task.MULTICLASS, binary.rowCount(), binary.exampleIds(),
                binary.classes(), binary.labelCodes(), null, binary.sliceColumns(), List.of(), predictions);
    }

    private static EvaluationTable multiclass(Effect effect, int rows, ExampleIds ids,
                                              Map<String, CategoricalColumn> slices, SplittableRandom random) {
        double[][] correct = effect == Effect.NULL
                ? new double[][] {{0.85, 0.75, 0.65, 0.50}, {0.85, 0.75, 0.65, 0.50}}
                : new double[][] {{0.85, 0.75, 0.65, 0.45}, {0.87, 0.78, 0.66, 0.60}};
        int[] labels = new int[rows];
        int[][] predicted = new int[2][rows];
        for (int i = 0; i < rows; i++) {
            int label = categorical(PRIORS, -1, random);
            labels[i] = label;
            double difficulty = random.nextDouble();
            for (int m = 0; m < 2; m++) {
                // a shared difficulty and the model's own draw: P(correct) is a fixed function of the class
                boolean right = 0.5 * difficulty + 0.5 * random.nextDouble() < correct[m][label];
                predicted[m][i] = right ? label : categorical(PRIORS, label, random);
            }
        }
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        for (int m = 0; m < 2; m++) {
            predictions.put(version(m), new ModelPredictions(version(m), predicted[m], null, null));
        }
        return new EvaluationTable("primary.csv", Task.MULTICLASS, rows, ids, CLASSES, labels, null, slices, List.of(),
                predictions);
    }

    private static EvaluationTable regression(Effect effect, int rows, ExampleIds ids,
                                              Map<String, CategoricalColumn> slices, SplittableRandom random,
                                              double grossErrorSpread) {
        double[] spread = effect == Effect.NULL ? new double[] {0.14, 0.14} : new double[] {0.15, 0.12};
        double[] labels = new double[rows];
        double[][] values = new double[2][rows];
        for (int i = 0; i < rows; i++) {
            double price = Math.exp(12.6 + 0.45 * random.nextGaussian());
            labels[i] = Math.round(price);
            double shared = 0.12 * random.nextGaussian();
            for (int m = 0; m < 2; m++) {
                double logError = shared + spread[m] * random.nextGaussian();
                if (random.nextDouble() < GROSS_ERROR_RATE) {
                    logError += grossErrorSpread * random.nextGaussian();
                }
                values[m][i] = Math.round(labels[i] * Math.exp(logError));
            }
        }
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        for (int m = 0; m < 2; m++) {
            predictions.put(version(m), new ModelPredictions(version(m), null, values[m], null));
        }
        return new EvaluationTable("primary.csv", Task.REGRESSION, rows, ids, List.of(), null, labels, slices,
                List.of(), predictions);
    }

    static String version(int model) {
        return model == 0 ? "1" : "2";
    }

    /** A class drawn with the given priors, never {@code except} (-1: any). */
    private static int categorical(double[] priors, int except, SplittableRandom random) {
        double total = 0;
        for (int k = 0; k < priors.length; k++) {
            total += k == except ? 0 : priors[k];
        }
        double u = random.nextDouble() * total;
        for (int k = 0; k < priors.length; k++) {
            if (k == except) {
                continue;
            }
            u -= priors[k];
            if (u < 0) {
                return k;
            }
        }
        return except == priors.length - 1 ? priors.length - 2 : priors.length - 1;
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
