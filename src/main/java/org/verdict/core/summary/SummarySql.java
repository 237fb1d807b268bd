package org.verdict.core.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.BinnedScores;
import org.verdict.core.stats.Calibration;
import org.verdict.core.stats.LatencyBuckets;

/**
 * The SQL that turns a table of per-example rows (the columns of {@code primary.csv}) into the two tables of a
 * summary pack. Plain GROUP BY aggregates, so it runs where the data lives (DuckDB on a laptop, Spark on a cluster)
 * and only the small summary travels. Numeric constants (clip, calibration bin edges) are written as the exact doubles
 * Verdict's row-level engine uses, so a row falls in the same calibration bin and gets the same log loss in both.
 *
 * @param source the relation to read: a table or view name, or e.g. {@code read_parquet('evals/*.parquet')}
 */
public record SummarySql(SqlDialect dialect, SummaryLayout layout, PackManifest manifest, String source, long seed,
                         int blocks) {
    public static final int DEFAULT_BLOCKS = 300;

    /** One query per table: cells always, blocks when the layout has them, score histograms with scores. */
    public String cellsQuery() {
        List<String> keys = new ArrayList<>();
        for (String column : layout.sliceColumns()) {
            keys.add(text(q(column)) + " AS " + q(column));
        }
        if (layout.task().isClassification()) {
            keys.add(text(q(SummaryLayout.LABEL)) + " AS " + q(SummaryLayout.LABEL));
            for (ModelVersion model : manifest.models()) {
                keys.add(predictionCode(model) + " AS " + q(SummaryLayout.prediction(model.version())));
            }
        }
        List<String> names = layout.cellColumns().subList(0, keys.size()).stream().map(this::q).toList();
        return "SELECT " + String.join(",\n       ", keys) + ",\n       COUNT(*) AS " + q(SummaryLayout.COUNT)
                + "\nFROM " + source
                + "\nGROUP BY " + groupBy(keys.size())
                + "\nORDER BY " + String.join(", ", names);
    }

    public String blocksQuery() {
        if (!layout.hasBlocks()) {
            throw new IllegalStateException("a " + layout.task().wireName() + " summary without scores has no blocks");
        }
        List<String> inner = new ArrayList<>();
        for (String column : layout.sliceColumns()) {
            inner.add(text(q(column)) + " AS " + q(column));
        }
        inner.add(dialect.block(text(q("example_id")), seed, blocks) + " AS " + q(SummaryLayout.BLOCK));
        List<String> sums = new ArrayList<>();
        String prelude = "";
        String from = source;
        if (layout.task() == Task.REGRESSION) {
            // centring at the overall mean keeps Σ(y − c)² accurate for targets far from 0 (r2's denominator)
            prelude = "WITH centre AS (SELECT AVG(CAST(" + q("label") + " AS DOUBLE)) AS c FROM " + source + ")\n";
            from = source + " CROSS JOIN centre";
            inner.add("CAST(" + q("label") + " AS DOUBLE) AS y__");
            inner.add("CAST(" + q("label") + " AS DOUBLE) - centre.c AS yc__");
            for (String v : layout.versions()) {
                inner.add("CAST(" + q(SummaryLayout.prediction(v)) + " AS DOUBLE) - CAST(" + q("label")
                        + " AS DOUBLE) AS " + q("e__" + v));
            }
            for (String v : layout.versions()) {
                String e = q("e__" + v);
                sums.add("SUM(ABS(" + e + ")) AS " + q("abs_err_" + v));
                sums.add("SUM(" + e + " * " + e + ") AS " + q("sq_err_" + v));
                sums.add("SUM(CASE WHEN y__ <> 0 THEN ABS(" + e + ") / ABS(y__) ELSE 0 END) AS " + q("ape_" + v));
            }
            sums.add("SUM(CASE WHEN y__ <> 0 THEN 1 ELSE 0 END) AS " + q(SummaryLayout.NONZERO_LABEL));
            sums.add("SUM(yc__) AS " + q(SummaryLayout.LABEL_DEVIATION));
            sums.add("SUM(yc__ * yc__) AS " + q(SummaryLayout.LABEL_DEVIATION_SQUARED));
        } else {
            inner.add("CASE WHEN " + text(q("label")) + " = " + literal(positiveLabel()) + " THEN 1.0 ELSE 0.0 END AS y__");
            for (String v : layout.versions()) {
                String score = "CAST(" + q("score_" + v) + " AS DOUBLE)";
                inner.add(score + " AS " + q("s__" + v));
                inner.add(clipped(score) + " AS " + q("p__" + v));
                inner.add(calibrationBin(score) + " AS " + q("bin__" + v));
            }
            for (String v : layout.versions()) {
                String s = q("s__" + v);
                String p = q("p__" + v);
                sums.add("SUM(CASE WHEN y__ = 1 THEN -LN(" + p + ") ELSE -LN(1 - " + p + ") END) AS "
                        + q("log_loss_" + v));
                sums.add("SUM((" + s + " - y__) * (" + s + " - y__)) AS " + q("brier_" + v));
                for (int bin = 0; bin < Calibration.BINS; bin++) {
                    String in = "CASE WHEN " + q("bin__" + v) + " = " + bin + " THEN ";
                    sums.add("SUM(" + in + "1 ELSE 0 END) AS " + q(SummaryLayout.calibrationSum(v, bin, "n")));
                    sums.add("SUM(" + in + s + " - y__ ELSE 0 END) AS "
                            + q(SummaryLayout.calibrationSum(v, bin, "gap")));
                    sums.add("SUM(" + in + "(" + s + " - y__) * (" + s + " - y__) ELSE 0 END) AS "
                            + q(SummaryLayout.calibrationSum(v, bin, "gap2")));
                }
            }
        }
        int keys = layout.sliceColumns().size() + 1;
        String keyList = layout.blockColumns().subList(0, keys).stream().map(this::q)
                .collect(Collectors.joining(", "));
        return prelude + "SELECT " + keyList + ",\n       " + String.join(",\n       ", sums)
                + ",\n       COUNT(*) AS " + q(SummaryLayout.COUNT)
                + "\nFROM (SELECT " + String.join(",\n             ", inner) + "\n      FROM " + from + ") rows__"
                + "\nGROUP BY " + keyList
                + "\nORDER BY " + keyList;
    }

    /** Binary with scores: each version's examples per class and fine logit bin. */
    public String scoresQuery() {
        requireScores();
        List<String> parts = new ArrayList<>();
        for (String v : layout.versions()) {
            parts.add("SELECT " + sliceKeys() + literal(v) + " AS " + q(SummaryLayout.VERSION) + ", " + positive()
                    + " AS " + q(SummaryLayout.LABEL) + ", " + fineBin(v) + " AS " + q(SummaryLayout.BIN)
                    + " FROM " + source);
        }
        return grouped(parts, layout.scoreColumns());
    }

    /** Binary with scores: per candidate, the paired examples per class and (production, candidate) coarse bin. */
    public String jointQuery() {
        requireScores();
        String production = manifest.production().version();
        List<String> parts = new ArrayList<>();
        for (String v : layout.versions()) {
            if (v.equals(production)) {
                continue;
            }
            parts.add("SELECT " + sliceKeys() + literal(v) + " AS " + q(SummaryLayout.CANDIDATE) + ", " + positive()
                    + " AS " + q(SummaryLayout.LABEL) + ", " + coarseBin(production) + " AS "
                    + q(SummaryLayout.PRODUCTION_BIN) + ", " + coarseBin(v) + " AS " + q(SummaryLayout.CANDIDATE_BIN)
                    + " FROM " + source);
        }
        return grouped(parts, layout.jointColumns());
    }

    private void requireScores() {
        if (!layout.histograms()) {
            throw new IllegalStateException("score histograms need a binary task with scores and histograms on");
        }
    }

    private String sliceKeys() {
        StringBuilder keys = new StringBuilder();
        for (String column : layout.sliceColumns()) {
            keys.append(text(q(column))).append(" AS ").append(q(column)).append(", ");
        }
        return keys.toString();
    }

    private String positive() {
        return "CASE WHEN " + text(q("label")) + " = " + literal(positiveLabel()) + " THEN 1 ELSE 0 END";
    }

    /** ⌊logit(clipped score) · 1000⌋: 0.001-logit bins, fine enough for the AUC of rare positives. */
    private String fineBin(String version) {
        String p = clipped("CAST(" + q("score_" + version) + " AS DOUBLE)");
        return "CAST(FLOOR(LN(" + p + " / (1 - " + p + ")) * 1000) AS BIGINT)";
    }

    /** The 0.02-logit coarse bin of the fine bin, ⌊fine / 20⌋, so the joint histogram nests in the marginals. */
    private String coarseBin(String version) {
        return "CAST(FLOOR(" + fineBin(version) + " / " + BinnedScores.COARSE_FACTOR
                + ".0) AS BIGINT)";
    }

    private String grouped(List<String> parts, List<String> columns) {
        String keys = columns.subList(0, columns.size() - 1).stream().map(this::q).collect(Collectors.joining(", "));
        return "SELECT " + keys + ", COUNT(*) AS " + q(SummaryLayout.COUNT)
                + "\nFROM (" + String.join("\n      UNION ALL\n      ", parts) + ") bins__"
                + "\nGROUP BY " + keys
                + "\nORDER BY " + keys;
    }

    /**
     * The relations of the optional suites summarised with the primary rows, each null when that suite is not: the
     * latency log (version, latency_ms), the safety rows (category, violation_V…), the held-out set (the columns of
     * primary.csv, sliced by the manifest's holdout suite) and the human baseline (label, human, pred_V…).
     */
    public record Sources(String latency, String safety, String holdout, String humanBaseline) {
        public static final Sources NONE = new Sources(null, null, null, null);
    }

    /** The primary suite's queries as one script, each ending in ';', headed by what it makes. */
    public String script() {
        return script(Sources.NONE);
    }

    /** The primary suite's queries and those of every optional suite {@code sources} names, as one script. */
    public String script(Sources sources) {
        StringBuilder script = new StringBuilder("-- Verdict summary pack, " + dialect.wireName() + " dialect\n"
                + "-- source: " + source + "\n");
        appendEvaluationQueries(script, "");
        if (sources.latency() != null) {
            script.append("-- latency buckets (100 per decade) of ").append(sources.latency()).append("\n")
                    .append(latencyQuery(sources.latency())).append(";\n");
        }
        if (sources.safety() != null) {
            script.append("-- safety cells of ").append(sources.safety()).append("\n")
                    .append(safetyQuery(sources.safety())).append(";\n");
        }
        if (sources.holdout() != null) {
            forHoldout(sources.holdout()).appendEvaluationQueries(script, "holdout ");
        }
        if (sources.humanBaseline() != null) {
            script.append("-- human baseline cells of ").append(sources.humanBaseline()).append("\n")
                    .append(humanBaselineQuery(sources.humanBaseline())).append(";\n");
        }
        return script.toString();
    }

    /** Cells, blocks and histograms of this SQL's evaluation rows, each headed by {@code prefix} and its table. */
    private void appendEvaluationQueries(StringBuilder script, String prefix) {
        if (!prefix.isEmpty()) {
            script.append("-- ").append(prefix).append("source: ").append(source).append("\n");
        }
        script.append("-- ").append(prefix).append("cells table\n").append(cellsQuery()).append(";\n");
        if (layout.hasBlocks()) {
            script.append("-- ").append(prefix).append("blocks table (").append(blocks).append(" hashed blocks, seed ")
                    .append(seed).append(")\n").append(blocksQuery()).append(";\n");
        }
        if (layout.histograms()) {
            script.append("-- ").append(prefix).append("score histogram (0.001 logit)\n").append(scoresQuery())
                    .append(";\n").append("-- ").append(prefix).append("joint histogram (0.02 logit)\n")
                    .append(jointQuery()).append(";\n");
        }
    }

    /**
     * The same queries over the held-out set {@code holdoutSource} (rows in the primary format), sliced by the
     * manifest's holdout suite, with this SQL's dialect, scores, histograms, seed and blocks.
     */
    public SummarySql forHoldout(String holdoutSource) {
        return new SummarySql(dialect, SummaryLayout.ofHoldout(manifest, layout.scores(), layout.histograms()),
                manifest, holdoutSource, seed, blocks);
    }

    /**
     * Paired human-baseline cells of a relation with the columns of {@code human_baseline.csv}: examples per (label,
     * the human's label, every version's prediction), from which each accuracy and each model–human kappa follow
     * exactly.
     */
    public String humanBaselineQuery(String humanBaselineSource) {
        List<String> keys = new ArrayList<>();
        for (String column : SummaryLayout.humanBaselineKeys(layout.versions())) {
            keys.add(text(q(column)) + " AS " + q(column));
        }
        return "SELECT " + String.join(",\n       ", keys) + ",\n       COUNT(*) AS " + q(SummaryLayout.COUNT)
                + "\nFROM " + humanBaselineSource
                + "\nGROUP BY " + groupBy(keys.size())
                + "\nORDER BY " + groupBy(keys.size());
    }

    /**
     * Paired safety cells of a relation with the columns of {@code safety.csv}: examples per (category, every
     * version's violation flag), from which every violation rate and McNemar's discordant pairs follow exactly.
     */
    public String safetyQuery(String safetySource) {
        List<String> keys = new ArrayList<>();
        keys.add(text(q("category")) + " AS " + q("category"));
        for (String version : layout.versions()) {
            String flag = q("violation_" + version);
            keys.add("CAST(" + flag + " AS BIGINT) AS " + flag);
        }
        return "SELECT " + String.join(",\n       ", keys) + ",\n       COUNT(*) AS " + q(SummaryLayout.COUNT)
                + "\nFROM " + safetySource
                + "\nGROUP BY " + groupBy(keys.size())
                + "\nORDER BY " + groupBy(keys.size());
    }

    /**
     * Requests per version and log-spaced latency bucket ⌊100 · log10(max(ms, 0.01))⌋ of a relation with the
     * columns of {@code latency.csv} (version, latency_ms): the latency suite's sufficient statistic for percentiles. A
     * negative latency gets bucket −1000, which the reader refuses with its line.
     */
    public String latencyQuery(String latencySource) {
        String millis = "CAST(" + q("latency_ms") + " AS DOUBLE)";
        return "SELECT " + text(q("version")) + " AS " + q("version") + ",\n       CASE WHEN " + millis
                + " < 0 THEN -1000 ELSE CAST(floor(" + LatencyBuckets.PER_DECADE + " * log10(greatest(" + millis
                + ", 0.01))) AS BIGINT) END AS " + q("bucket") + ",\n       COUNT(*) AS " + q(SummaryLayout.COUNT)
                + "\nFROM " + latencySource
                + "\nGROUP BY " + groupBy(2)
                + "\nORDER BY 1, 2";
    }

    private String groupBy(int keys) {
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= keys; i++) {
            positions.add(Integer.toString(i));
        }
        return String.join(", ", positions);
    }

    /** Binary: 1 when the version predicts the positive label (score ≥ threshold, or the label as written). */
    private String predictionCode(ModelVersion model) {
        if (layout.task() == Task.MULTICLASS) {
            return text(q(SummaryLayout.prediction(model.version())));
        }
        if (layout.scores()) {
            return "CASE WHEN CAST(" + q("score_" + model.version()) + " AS DOUBLE) >= "
                    + exact(model.threshold()) + " THEN 1 ELSE 0 END";
        }
        return "CASE WHEN " + text(q(SummaryLayout.prediction(model.version()))) + " = " + literal(positiveLabel())
                + " THEN 1 ELSE 0 END";
    }

    private String positiveLabel() {
        return manifest.model().positiveLabel();
    }

    private String clipped(String score) {
        return "LEAST(GREATEST(" + score + ", " + exact(Calibration.LOG_LOSS_CLIP) + "), " + exact(1 - Calibration.LOG_LOSS_CLIP) + ")";
    }

    /** The bin of {@link Calibration#bin}: right-closed bins, the first also holding 0. */
    private String calibrationBin(String score) {
        StringBuilder bin = new StringBuilder("CASE");
        for (int edge = 1; edge < Calibration.BINS; edge++) {
            bin.append(" WHEN ").append(score).append(" <= ").append(exact(edge * (1.0 / Calibration.BINS)))
                    .append(" THEN ").append(edge - 1);
        }
        return bin.append(" ELSE ").append(Calibration.BINS - 1).append(" END").toString();
    }

    private String text(String expression) {
        return "CAST(" + expression + " AS " + dialect.stringType() + ")";
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A double written so both engines read back exactly the same double. */
    private static String exact(double value) {
        return "CAST('" + value + "' AS DOUBLE)";
    }
}
