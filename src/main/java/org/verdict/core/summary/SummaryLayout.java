package org.verdict.core.summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.SuiteSpec;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.Calibration;

/**
 * The columns of a summary pack's two tables, shared by the SQL that writes them and the reader that checks them.
 *
 * <ul>
 *   <li>cells: the slice columns, then (classification) {@code label} and {@code pred_V} per version (binary:
 *       1 when V predicts the positive label, else 0), then the count {@code n};</li>
 *   <li>blocks (regression, binary with scores): the slice columns, {@code block}, the sums of per-row values named
 *       by {@link #blockSums}, then the count {@code n}.</li>
 *   <li>ranking (binary with scores): per slice of {@link #rankingGroupings} (the slice columns, {@code ""} where
 *       the slice takes any value) and version, the sums of placement values and AP influences named by
 *       {@link #rankingSums}.</li>
 * </ul>
 *
 * The held-out set ({@code holdout}, in the primary format) has tables of the same layout over its own slice columns.
 *
 * @param sliceColumns the suite's slice and sensitive columns, each once, in manifest order
 * @param versions every model version of the manifest, in manifest order
 * @param scores binary: predictions from score_V and score sums in the blocks
 * @param ranking binary with scores: the ranking sums for roc_auc and pr_auc (a row per slice and version)
 */
public record SummaryLayout(Task task, List<String> sliceColumns, List<String> versions, boolean scores,
                            boolean ranking) {
    public static final String COUNT = "n";
    public static final String BLOCK = "block";
    public static final String LABEL = "label";
    /** The suite name of the held-out evaluation set, whose tables have this layout over its own slice columns. */
    public static final String HOLDOUT_SUITE = "holdout";
    static final String HUMAN = "human";
    static final String VERSION = "version";
    static final String POSITIVES = "positives";
    static final String NEGATIVES = "negatives";
    /**
     * The ranking sums per slice and version, in {@link org.verdict.core.stats.RankingSums.Model} order and crosses,
     * then Σ (AP influence − production's)⁴ ({@link #INFLUENCE_DELTA_FOURTH}, which packs summarised before it lack).
     */
    static final List<String> RANKING_SUMS = List.of("v10", "v10_sq", "v10_x_production", "v01", "v01_sq",
            "v01_x_production", "precision", "influence_sq", "influence_x_production", "influence_delta_fourth");
    /** The one ranking sum a pack may lack: it came later, and without it pr_auc's Δ falls back to z. */
    static final String INFLUENCE_DELTA_FOURTH = "influence_delta_fourth";
    static final String NONZERO_LABEL = "nonzero_label";
    static final String LABEL_DEVIATION = "label_dev";
    static final String LABEL_DEVIATION_SQUARED = "label_dev_sq";

    public SummaryLayout {
        sliceColumns = List.copyOf(sliceColumns);
        versions = List.copyOf(versions);
    }

    /**
     * @param scores binary tasks: whether the summary reads {@code score_V} (else the predicted labels only)
     * @param ranking whether to add the ranking sums roc_auc and pr_auc need (only with scores)
     */
    public static SummaryLayout of(PackManifest manifest, boolean scores, boolean ranking) {
        return of(manifest, manifest.primarySuite(), scores, ranking);
    }

    /**
     * The layout of the held-out set's tables: the primary format, sliced by the manifest's holdout suite.
     *
     * @throws IllegalArgumentException when the manifest names no holdout suite
     */
    public static SummaryLayout ofHoldout(PackManifest manifest, boolean scores, boolean ranking) {
        SuiteSpec holdout = manifest.suite(HOLDOUT_SUITE).orElseThrow(() -> new IllegalArgumentException(
                "the manifest names no holdout suite, so there are no slice columns to summarise the held-out rows by; "
                        + "add \"holdout\": {\"file\": …, \"slices\": […]} to its suites"));
        return of(manifest, holdout, scores, ranking);
    }

    /** The layout of an evaluation suite in the primary format (the primary suite, or the held-out set). */
    public static SummaryLayout of(PackManifest manifest, SuiteSpec suite, boolean scores, boolean ranking) {
        LinkedHashSet<String> columns = new LinkedHashSet<>(suite.slices());
        columns.addAll(suite.sensitive());
        return new SummaryLayout(manifest.task(), new ArrayList<>(columns),
                manifest.models().stream().map(m -> m.version()).toList(),
                manifest.task() == Task.BINARY && scores, manifest.task() == Task.BINARY && scores && ranking);
    }

    public static String prediction(String version) {
        return "pred_" + version;
    }

    /** The columns of the per-example rows the summary SQL reads (those of {@code primary.csv} it needs). */
    public List<String> rowColumns() {
        List<String> columns = new ArrayList<>();
        if (hasBlocks()) {
            columns.add("example_id");
        }
        columns.add(LABEL);
        columns.addAll(sliceColumns);
        versions.forEach(v -> columns.add(scores ? "score_" + v : prediction(v)));
        return columns;
    }

    public List<String> cellColumns() {
        List<String> columns = new ArrayList<>(sliceColumns);
        if (task.isClassification()) {
            columns.add(LABEL);
            versions.forEach(v -> columns.add(prediction(v)));
        }
        columns.add(COUNT);
        return columns;
    }

    /** Whether the pack has a blocks table (regression, or binary with scores). */
    public boolean hasBlocks() {
        return task == Task.REGRESSION || scores;
    }

    /** The names of the per-block sums, without the slice columns, block and count. */
    public List<String> blockSums() {
        List<String> sums = new ArrayList<>();
        if (task == Task.REGRESSION) {
            for (String v : versions) {
                sums.add("abs_err_" + v);
                sums.add("sq_err_" + v);
                sums.add("ape_" + v);
            }
            sums.add(NONZERO_LABEL);
            sums.add(LABEL_DEVIATION);
            sums.add(LABEL_DEVIATION_SQUARED);
        } else if (scores) {
            for (String v : versions) {
                sums.add("log_loss_" + v);
                sums.add("brier_" + v);
                // per calibration bin, in Calibration.addExample's order: examples, Σ (score − y), Σ (score − y)²
                for (int bin = 0; bin < Calibration.BINS; bin++) {
                    sums.add(calibrationSum(v, bin, "n"));
                    sums.add(calibrationSum(v, bin, "gap"));
                    sums.add(calibrationSum(v, bin, "gap2"));
                }
            }
        }
        return sums;
    }

    /** The key columns of the human-baseline cells, before the count: label, human, pred_V for every version. */
    public static List<String> humanBaselineKeys(List<String> versions) {
        List<String> columns = new ArrayList<>(List.of(LABEL, HUMAN));
        versions.forEach(v -> columns.add(prediction(v)));
        return columns;
    }

    /** e.g. {@code cal_8_3_gap}: Σ (score − label) of version 8 over the rows in calibration bin 3. */
    static String calibrationSum(String version, int bin, String sum) {
        return "cal_" + version + "_" + bin + "_" + sum;
    }

    /**
     * The slices the ranking sums are computed for, as sets of slice-column positions: the overall slice (no column),
     * each column, and each pair of columns (the crosses the app offers). A cross of three or more columns has no
     * ranking sums: they are not additive over combinations, so each grouping costs the SQL a pass over the rows.
     */
    public List<List<Integer>> rankingGroupings() {
        List<List<Integer>> groupings = new ArrayList<>();
        groupings.add(List.of());
        for (int i = 0; i < sliceColumns.size(); i++) {
            groupings.add(List.of(i));
        }
        for (int i = 0; i < sliceColumns.size(); i++) {
            for (int j = i + 1; j < sliceColumns.size(); j++) {
                groupings.add(List.of(i, j));
            }
        }
        return groupings;
    }

    /** Binary with scores: the slice columns ({@code ""} for any value), version, class counts, then the sums. */
    public List<String> rankingColumns() {
        List<String> columns = new ArrayList<>(sliceColumns);
        columns.addAll(List.of(VERSION, POSITIVES, NEGATIVES));
        columns.addAll(RANKING_SUMS);
        return columns;
    }

    public List<String> blockColumns() {
        List<String> columns = new ArrayList<>(sliceColumns);
        columns.add(BLOCK);
        columns.addAll(blockSums());
        columns.add(COUNT);
        return columns;
    }
}
