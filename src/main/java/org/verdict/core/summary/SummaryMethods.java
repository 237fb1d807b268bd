package org.verdict.core.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.verdict.core.compare.ClassRates;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.BinnedAveragePrecision;
import org.verdict.core.stats.BinnedDeLong;

/**
 * What a summary pack's numbers are computed from, in words, so every view that shows them says so beside them:
 * where the statistics came from (engine, source, rows) and which method each kind of metric used.
 */
public final class SummaryMethods {
    private SummaryMethods() {
    }

    /** Where the statistics came from, e.g. "20,000 rows summarised by duckdb v1.4.4 from evals/*.parquet". */
    public static String provenance(PrimarySummary summary) {
        SummaryProvenance made = summary.provenance();
        return org.verdict.core.stats.MetricFormat.count(made.rows()) + " rows summarised by " + made.engine() + " "
                + made.engineVersion() + " from "
                + made.source() + (made.snapshot() == null ? "" : " (snapshot " + made.snapshot() + ")")
                + ", SQL SHA-256 " + made.sqlSha256().substring(0, Math.min(12, made.sqlSha256().length())) + "…";
    }

    /** Which method each kind of metric used, one clause per kind. */
    public static List<String> methods(PrimarySummary summary) {
        SummaryLayout layout = summary.layout();
        SummaryProvenance made = summary.provenance();
        List<String> methods = new ArrayList<>();
        if (layout.task().isClassification()) {
            methods.add("count metrics from the paired cells, exactly as from the rows");
        }
        if (layout.hasBlocks()) {
            methods.add((layout.task() == Task.REGRESSION ? "mae, rmse, mape and r2" : "log_loss, brier and "
                    + "sq_calibration_error") + " from " + made.blocks() + " blocks dealt by a hash of the example id "
                    + "(seed " + made.seed() + ")" + (made.hasRowEngineBlocks(ComparisonEngine.BOOTSTRAP_BLOCKS)
                    ? ": the blocks the row engine deals the same rows into, so intervals and verdicts are the"
                    + " rows' own when they are compared with seed " + made.seed()
                    : ": each engine's own hash (a pack made before Verdict named it), so intervals agree with the"
                    + " rows' within the bootstrap's noise, not exactly"));
        }
        if (layout.ranking()) {
            methods.add("roc_auc by DeLong from binned scores, 0.001 logit (test " + BinnedDeLong.TEST + "), for the "
                    + "overall slice, each column and each pair of columns");
            methods.add(summary.hasInfluenceDeltaFourth()
                    ? "pr_auc by its influence-function interval from the same bins, Δ with t on its effective degrees "
                    + "of freedom up to 2,000 examples as the rows (test " + BinnedAveragePrecision.T_TEST + ") and z "
                    + "above (test " + BinnedAveragePrecision.TEST + ")"
                    : "pr_auc by its influence-function interval from the same bins, Δ with z on every slice (test "
                    + BinnedAveragePrecision.TEST + "): the pack was summarised before its ranking sums held Σψ⁴, "
                    + "so slices up to 2,000 examples get narrower intervals than the rows' t; summarise it again "
                    + "for t");
        } else if (layout.task() == Task.BINARY) {
            methods.add("roc_auc and pr_auc unavailable: the pack holds no ranking sums");
        }
        return methods;
    }

    /** For JSON: the manifest's {@code summary} object (how the pack was made) with the {@code methods} added. */
    public static JsonNode json(PackManifest manifest, PrimarySummary summary) {
        ObjectNode node = manifest.raw().path("summary").isObject()
                ? ((ObjectNode) manifest.raw().path("summary")).deepCopy() : JsonNodeFactory.instance.objectNode();
        ArrayNode methods = node.putArray("methods");
        methods(summary).forEach(methods::add);
        return node;
    }

    /** Provenance and methods in one paragraph. */
    public static String describe(PrimarySummary summary) {
        return describe("Summary pack", summary);
    }

    /** Provenance and methods in one paragraph, headed by what the statistics are of (e.g. "Held-out set"). */
    public static String describe(String what, PrimarySummary summary) {
        return what + ": " + provenance(summary) + ". " + capitalised(String.join("; ", methods(summary))) + ".";
    }

    /**
     * Per-class precision and recall of every slice of a multiclass comparison, from the cells (which hold the same
     * confusion matrices as the rows); none for other tasks.
     */
    public static List<ClassRates> perClass(PrimarySummary summary, ComparisonReport report) {
        if (summary.layout().task() != Task.MULTICLASS) {
            return List.of();
        }
        return report.results().stream().map(SliceResult::slice).distinct()
                .flatMap(slice -> ClassRates.of(slice, summary.confusionMatrix(report.productionVersion(), slice),
                        summary.confusionMatrix(report.candidateVersion(), slice),
                        report.options().confidenceLevel()).stream())
                .toList();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
