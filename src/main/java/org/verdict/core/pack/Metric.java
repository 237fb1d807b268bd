package org.verdict.core.pack;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every metric Verdict reports. Wire names are fixed: scripts read them from the JSON output.
 * Each metric knows its direction, so deltas, verdicts and colours respect it. The names are part of the pack format
 * (a manifest names its primary metric, checked against its task), so the catalogue lives with the pack; computing
 * a metric is the statistics layer's work.
 */
public enum Metric {
    ACCURACY("accuracy", true, "Share of examples whose predicted class equals the label.", Task.BINARY, Task.MULTICLASS),
    BALANCED_ACCURACY("balanced_accuracy", true, "Mean recall over the classes labelled in the slice (a set fixed for the comparison).", Task.BINARY, Task.MULTICLASS),
    PRECISION("precision", true, "Of the examples predicted positive, the share that are positive.", Task.BINARY),
    RECALL("recall", true, "Of the positive examples, the share predicted positive.", Task.BINARY),
    F1("f1", true, "Harmonic mean of precision and recall for the positive class.", Task.BINARY),
    ROC_AUC("roc_auc", true, "Probability that a random positive scores above a random negative (ties count half).", Task.BINARY),
    PR_AUC("pr_auc", true, "Average precision: precision summed over the recall steps of the ranked scores.", Task.BINARY),
    LOG_LOSS("log_loss", false, "Mean negative log-likelihood of the labels under the scores (clipped to [1e-15, 1-1e-15]).", Task.BINARY),
    BRIER("brier", false, "Mean squared difference between score and the 0/1 label.", Task.BINARY),
    SQ_CALIBRATION_ERROR("sq_calibration_error", false, "Squared calibration error, debiased: (mean score - positive rate)^2 over 10 equal-width bins, weighted by bin size; its square root is the typical gap. Being debiased, it can fall slightly below 0 where calibration is near perfect (0 is within its noise).", Task.BINARY),
    SELECTION_RATE("selection_rate", true, "Share of examples predicted positive (neither better nor worse; shown for fairness).", Task.BINARY),
    TPR("tpr", true, "True-positive rate: of the positive examples, the share predicted positive.", Task.BINARY),
    FPR("fpr", false, "False-positive rate: of the negative examples, the share predicted positive.", Task.BINARY),
    MACRO_F1("macro_f1", true, "Unweighted mean of per-class F1 over the classes labelled or predicted (by either model) in the slice.", Task.MULTICLASS),
    MICRO_F1("micro_f1", true, "F1 over all decisions pooled; equals accuracy for single-label multiclass.", Task.MULTICLASS),
    WEIGHTED_F1("weighted_f1", true, "Mean of per-class F1 weighted by each class's number of true examples.", Task.MULTICLASS),
    COHEN_KAPPA("cohen_kappa", true, "Agreement between prediction and label beyond what chance would give.", Task.MULTICLASS),
    MAE("mae", false, "Mean absolute error between prediction and label.", Task.REGRESSION),
    RMSE("rmse", false, "Square root of the mean squared error.", Task.REGRESSION),
    MAPE("mape", false, "Mean absolute percentage error; examples whose label is 0 are skipped and counted.", Task.REGRESSION),
    R2("r2", true, "Coefficient of determination: 1 - squared error / variance of the labels.", Task.REGRESSION);

    private final String wireName;
    private final boolean higherIsBetter;
    private final String description;
    private final Set<Task> tasks;

    Metric(String wireName, boolean higherIsBetter, String description, Task... tasks) {
        this.wireName = wireName;
        this.higherIsBetter = higherIsBetter;
        this.description = description;
        this.tasks = EnumSet.copyOf(Arrays.asList(tasks));
    }

    public String wireName() {
        return wireName;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** False for selection_rate: a change is reported as different, neither better nor worse. */
    public boolean hasDirection() {
        return this != SELECTION_RATE;
    }

    /**
     * Whether the metric is in the units of the regression target (mae, rmse): its numbers are written with the
     * target's unit. mape is a fraction and has none.
     */
    public boolean inTargetUnits() {
        return this == MAE || this == RMSE;
    }

    /**
     * Whether a band or margin on Δ of the metric (E, the primary and circuit-breaker margins) is a share of
     * production's value rather than a distance in the metric's units: the regression errors (mae, rmse, mape), whose
     * scale is the data's — 0.05 means five cents on house prices, and a mape of 0.02 on one pack is 0.6 on another,
     * so an absolute ±0.05 read 0.16 → 0.21, 31 % worse, as "no significant difference" — and the proper scoring
     * losses (log_loss, brier), whose scale is the base rate's: at 1.5 % positives a brier is 0.0002–0.01, so an
     * absolute ±0.05 read 0.0031 → 0.0049, half as bad again, as "no significant difference".
     */
    public boolean relativeBand() {
        return this == MAE || this == RMSE || this == MAPE || this == LOG_LOSS || this == BRIER;
    }

    /**
     * The band ±band within which a Δ that is not significant counts as "no significant difference", for a minimum
     * detectable effect E: a share E of production's value for the regression errors and the scoring losses
     * ({@link #relativeBand()});
     * E² for the squared calibration error, i.e. a typical calibration gap of E in probability (its values are
     * 0.0001–0.01, so ±E would call a fourfold worsening no difference); else E on the metric's own scale.
     */
    public double equivalenceBand(double effect, double productionValue) {
        if (relativeBand()) {
            return effect * Math.abs(productionValue);
        }
        return this == SQ_CALIBRATION_ERROR ? effect * effect : effect;
    }

    /**
     * The lowest value the metric can take: 0 for rates, averages of rates and errors, −1 for Cohen's kappa, −∞ for
     * r2 (a model worse than predicting the mean).
     */
    public double lowestValue() {
        return switch (this) {
            case COHEN_KAPPA -> -1;
            case R2 -> Double.NEGATIVE_INFINITY;
            default -> 0;
        };
    }

    /** The highest value the metric can take: 1 for rates, averages of rates, brier, kappa and r2; ∞ for errors. */
    public double highestValue() {
        return switch (this) {
            case LOG_LOSS, MAE, RMSE, MAPE -> Double.POSITIVE_INFINITY;
            default -> 1;
        };
    }

    /**
     * The widest difference two values of the metric can have (highest − lowest value): 1 for rates, areas, F1s and
     * brier, 2 for Cohen's kappa; ∞ for a metric unbounded on a side (log_loss, mae, rmse, mape, r2). A tolerance
     * band or margin in the metric's units at least this wide holds every Δ, so the verdict or gate it guards could
     * never go the other way (a share of production's value, {@link #relativeBand()}, has no such ceiling).
     */
    public double widestDifference() {
        return highestValue() - lowestValue();
    }

    /** One sentence for tooltips and reports. */
    public String description() {
        return description;
    }

    public boolean appliesTo(Task task) {
        return tasks.contains(task);
    }

    /**
     * The metric whose name the docs give a quantity measured under two names: recall for tpr (both are the share of
     * positives predicted positive); itself otherwise. A list of findings names such a quantity once.
     */
    public Metric quantity() {
        return this == TPR ? RECALL : this;
    }

    /** macro_f1 and balanced_accuracy: every class weighs alike, so a rare class weighs as much as a common one. */
    public boolean isUnweightedClassAverage() {
        return this == MACRO_F1 || this == BALANCED_ACCURACY;
    }

    /** Metrics that need {@code score_V} (binary probability) rather than the predicted label. */
    public boolean needsScores() {
        return this == ROC_AUC || this == PR_AUC || this == LOG_LOSS || this == BRIER || this == SQ_CALIBRATION_ERROR;
    }

    public static List<Metric> forTask(Task task) {
        return Arrays.stream(values()).filter(m -> m.appliesTo(task)).toList();
    }

    public static Optional<Metric> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }

    /**
     * What to say about a name that is not a metric: the retired plug-in {@code ece} names its replacement (its
     * interval did not cover the population calibration error); any other name lists the metrics of the pack's task.
     */
    public static String unknownNameHint(String name, Task task) {
        return "ece".equals(name)
                ? "the plug-in ece was replaced by sq_calibration_error, the debiased squared calibration error"
                : ofTask(task);
    }

    /** "metrics of a multiclass task: [accuracy, …]", for any message refusing a metric the task does not have. */
    public static String ofTask(Task task) {
        return "metrics of a " + task.wireName() + " task: " + forTask(task).stream().map(Metric::wireName).toList();
    }
}
