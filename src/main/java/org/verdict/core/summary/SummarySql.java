package org.verdict.core.summary;


import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.Task;
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
    /** The row engine's number of blocks: a pack summarised with it resamples the rows' very blocks. */
    public static final int DEFAULT_BLOCKS = ComparisonEngine.BOOTSTRAP_BLOCKS;

    /** One query per table: cells always, blocks when the layout has them, ranking sums with scores. */
    public String cellsQuery() {
        List<String> expressions = cellKeys();
        List<String> names = layout.cellColumns().subList(0, expressions.size()).stream().map(this::q).toList();
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < expressions.size(); k++) {
            keys.add(expressions.get(k) + " AS " + names.get(k));
        }
        return "SELECT " + String.join(",\n       ", keys) + ",\n       COUNT(*) AS " + q(SummaryLayout.COUNT)
                + "\nFROM " + source
                + "\nGROUP BY " + groupBy(keys.size())
                + "\nORDER BY " + String.join(", ", names);
    }

    /** The expressions of a cell's key, in the order of {@link SummaryLayout#cellColumns}. */
    private List<String> cellKeys() {
        List<String> keys = new ArrayList<>();
        for (String column : layout.sliceColumns()) {
            keys.add(text(q(column)));
        }
        if (layout.task().isClassification()) {
            keys.add(text(q(SummaryLayout.LABEL)));
            for (ModelVersion model : manifest.models()) {
                keys.add(predictionCode(model));
            }
        }
        return keys;
    }

    /** The row checks query of the script with no optional suites ({@link #script()}). */
    public String checksQuery() {
        return checksQuery(scriptId(Sources.NONE));
    }

    /**
     * One row per check of {@link RowChecks#of}: the rows breaking the row loader's rule (for repeated ids: the ids
     * used more than once), the smallest such example id and its value. Every value is read as text and numbers with
     * TRY_CAST, so a value that is no number is counted here rather than summed as NULL (Spark without ANSI mode) or
     * stopping the script. {@code --engine import} refuses a pack whose checks failed.
     * <p>
     * Every row also says what the query saw ({@link RowChecks#SEEN_COLUMNS}), so import can refuse the checks of
     * other rows: the number of rows, and a fingerprint of the cells they make, Σ n × the first 60 bits of MD5 of the
     * cell's key values joined by line breaks (which no value of a passing key holds), computed with the cells query's
     * own key expressions; then the script's id and the engine's own {@code version()}. Deterministic, so the same
     * rows give the same table in any engine and any partitioning; one more grouping of the rows, hashing only the
     * distinct cells.
     *
     * @param scriptId the id of the printed script holding this query ({@link #scriptId})
     */
    public String checksQuery(String scriptId) {
        List<RowChecks.Check> checks = RowChecks.of(layout, manifest);
        List<String> columns = new ArrayList<>(List.of("example_id"));
        checks.stream().filter(c -> c.kind() != RowChecks.Kind.THIRD_CLASS).map(RowChecks.Check::column)
                .filter(c -> !columns.contains(c)).forEach(columns::add);
        String rows = "WITH rows__ AS (SELECT " + columns.stream().map(c -> text(q(c)) + " AS " + q(c))
                .collect(Collectors.joining(", ")) + " FROM " + source + "),\n";
        String id = q("example_id");
        List<String> selects = new ArrayList<>();
        for (RowChecks.Check check : checks) {
            String v = check.kind() == RowChecks.Kind.THIRD_CLASS ? "v__" : q(check.column());
            String present = "NOT " + RowChecks.missing(v);
            List<String> found = switch (check.kind()) {
                case REPEATED_ID -> List.of("COUNT(*)", "MIN(" + id + ")", text("min_by(n__, " + id + ")"),
                        "(SELECT " + id + ", COUNT(*) AS n__ FROM rows__ WHERE NOT " + RowChecks.missing(id)
                                + " GROUP BY " + id + " HAVING COUNT(*) > 1) repeated__");
                // the values besides the positive label, one of which is the negative class: the rarest is named
                case THIRD_CLASS -> List.of("CASE WHEN COUNT(*) > 1 THEN COUNT(*) ELSE 0 END",
                        "CAST(NULL AS " + dialect.stringType() + ")", "CASE WHEN COUNT(*) > 1 THEN min_by(v__, n__) END",
                        "(SELECT v__, COUNT(*) AS n__ FROM (" + RowChecks.classColumns(layout).stream()
                                .map(c -> "SELECT " + q(c) + " AS v__ FROM rows__")
                                .collect(Collectors.joining(" UNION ALL ")) + ") classes__ WHERE " + present
                                + " AND v__ <> " + dialect.literal(positiveLabel()) + " GROUP BY v__) others__");
                default -> List.of("COUNT(*)", "MIN(" + id + ")", "min_by(" + v + ", " + id + ")",
                        "rows__ WHERE " + switch (check.kind()) {
                            case MISSING -> RowChecks.missing(v);
                            case NOT_A_NUMBER -> present + " AND " + RowChecks.notANumber(dialect, v);
                            // NaN, which DuckDB orders above 1, is not_a_number only
                            case OUTSIDE_UNIT -> "NOT " + RowChecks.notANumber(dialect, v) + " AND ("
                                    + RowChecks.number(v) + " < 0 OR " + RowChecks.number(v) + " > 1)";
                            case MISPRINTED -> RowChecks.misprinted(dialect, v);
                            case UNDECLARED_CLASS -> present + " AND " + v + " NOT IN (" + manifest.declaredClasses()
                                    .orElseThrow().stream().map(dialect::literal).collect(Collectors.joining(", "))
                                    + ")";
                            case NEVER_LABELLED -> present + " AND " + v + " NOT IN (SELECT " + q(SummaryLayout.LABEL)
                                    + " FROM rows__ WHERE " + q(SummaryLayout.LABEL) + " IS NOT NULL)";
                            default -> throw new IllegalStateException(check.kind().toString());
                        });
            };
            selects.add("SELECT " + dialect.literal(check.kind().wireName) + " AS " + q(RowChecks.COLUMNS.get(0))
                    + ", " + dialect.literal(check.column()) + " AS " + q(RowChecks.COLUMNS.get(1))
                    + ", " + found.get(0) + " AS " + q(RowChecks.COLUMNS.get(2))
                    + ", " + found.get(1) + " AS " + q(RowChecks.COLUMNS.get(3))
                    + ", " + found.get(2) + " AS " + q(RowChecks.COLUMNS.get(4))
                    + " FROM " + found.get(3));
        }
        List<String> keys = cellKeys();
        List<String> keyNames = new ArrayList<>();
        List<String> keyColumns = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            keyNames.add("k" + k + "__");
            keyColumns.add(keys.get(k) + " AS " + keyNames.get(k));
        }
        String cells = "cells__ AS (SELECT " + String.join(", ", keyColumns) + ", COUNT(*) AS n__ FROM " + source
                + " GROUP BY " + groupBy(keys.size()) + "),\n";
        String cellHash = dialect.md5Number("concat_ws(chr(10), " + keyNames.stream()
                .map(k -> "coalesce(" + text(k) + ", '')").collect(Collectors.joining(", ")) + ")");
        String seen = "seen__ AS (SELECT CAST(coalesce(SUM(n__), 0) AS BIGINT) AS " + q(RowChecks.ROWS_SEEN)
                + ", coalesce(SUM(" + decimal("n__") + " * " + decimal(cellHash) + "), 0) AS "
                + q(RowChecks.CELLS_FINGERPRINT) + " FROM cells__)\n";
        return rows + cells + seen + "SELECT checks__.*, seen__." + q(RowChecks.ROWS_SEEN) + ", seen__."
                + q(RowChecks.CELLS_FINGERPRINT) + ", " + dialect.literal(scriptId) + " AS " + q(RowChecks.SCRIPT_ID)
                + ", " + dialect.literal(dialect.wireName()) + " AS " + q(RowChecks.ENGINE) + ", version() AS "
                + q(RowChecks.ENGINE_VERSION) + "\nFROM (" + String.join("\nUNION ALL\n", selects)
                + ") checks__ CROSS JOIN seen__";
    }

    /** An integer as a 38-digit decimal: a sum of row counts times 60-bit hashes overflows BIGINT, not this. */
    private static String decimal(String integer) {
        return "CAST(" + integer + " AS DECIMAL(38, 0))";
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
            prelude = "WITH centre AS (SELECT AVG(" + number("label") + ") AS c FROM " + source + ")\n";
            from = source + " CROSS JOIN centre";
            inner.add(number("label") + " AS y__");
            inner.add(number("label") + " - centre.c AS yc__");
            for (String v : layout.versions()) {
                inner.add(number(SummaryLayout.prediction(v)) + " - " + number("label") + " AS " + q("e__" + v));
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
            inner.add("CASE WHEN " + text(q("label")) + " = " + dialect.literal(positiveLabel()) + " THEN 1.0 ELSE 0.0 END AS y__");
            for (String v : layout.versions()) {
                String score = number("score_" + v);
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

    /**
     * Binary with scores: per slice of {@link SummaryLayout#rankingGroupings} and version, the sums of each example's
     * DeLong placement values and average-precision influences (see {@link org.verdict.core.stats.RankingSums}). A
     * placement value depends only on the example's fine score bin, its class and the slice's histogram, so the query
     * (1) counts each combination's examples per version, class and fine bin; (2) adds those up per slice; (3) turns
     * each slice's histogram into placement values and influences per bin with running sums over the bins; (4) joins
     * every row, once per grouping, to its two models' values and adds up the handful of sums. Exact at the 0.001-logit
     * binning; the rows are read twice, whatever the number of slices.
     */
    public String rankingQuery() {
        if (!layout.ranking()) {
            throw new IllegalStateException("ranking sums need a binary task with scores");
        }
        List<String> keys = layout.sliceColumns().stream().map(this::q).toList();
        List<String> versions = layout.versions();
        List<List<Integer>> groupings = layout.rankingGroupings();
        String keyList = keys.stream().map(k -> k + ", ").collect(Collectors.joining());
        String partition = "PARTITION BY g__, " + keyList + "version__";
        String running = "OVER (" + partition + " ORDER BY bin__ ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";

        List<String> binnedColumns = new ArrayList<>();
        keys.forEach(k -> binnedColumns.add(text(k) + " AS " + k));
        binnedColumns.add(positive() + " AS y__");
        versions.forEach(v -> binnedColumns.add(fineBin(v) + " AS " + q("b__" + v)));
        String binned = "SELECT " + String.join(", ", binnedColumns) + " FROM " + source;
        String versionTable = versions.stream().map(v -> "SELECT " + dialect.literal(v) + " AS version__")
                .collect(Collectors.joining(" UNION ALL "));
        List<String> groupingIds = new ArrayList<>();
        for (int g = 0; g < groupings.size(); g++) {
            groupingIds.add("SELECT " + g + " AS g__");
        }
        String binOfVersion = versions.stream()
                .map(v -> " WHEN version__ = " + dialect.literal(v) + " THEN " + q("b__" + v))
                .collect(Collectors.joining("", "CASE", " END"));
        String rowBins = versions.stream().map(v -> ", " + q("b__" + v)).collect(Collectors.joining());
        String groupingAndKeys = String.join(", ", Stream.concat(Stream.of("g__"), keys.stream()).toList());
        int slices = keys.size();

        String production = q("p__" + manifest.production().version());
        List<String> sums = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        for (String v : versions) {
            String p = q("p__" + v);
            String placement = "(CASE WHEN y__ = 1 THEN " + p + ".v10__ ELSE " + p + ".v01__ END)";
            String productionPlacement = "(CASE WHEN y__ = 1 THEN " + production + ".v10__ ELSE " + production
                    + ".v01__ END)";
            String influence = "(CASE WHEN y__ = 1 THEN " + p + ".ip__ ELSE " + p + ".in__ END)";
            String productionInfluence = "(CASE WHEN y__ = 1 THEN " + production + ".ip__ ELSE " + production
                    + ".in__ END)";
            for (int label = 1; label >= 0; label--) {
                String name = label == 1 ? "v10" : "v01";
                String of = "SUM(CASE WHEN y__ = " + label + " THEN ";
                sums.add(of + placement + " ELSE 0 END) AS " + q(name + "__" + v));
                sums.add(of + placement + " * " + placement + " ELSE 0 END) AS " + q(name + "_sq__" + v));
                sums.add(of + placement + " * " + productionPlacement + " ELSE 0 END) AS " + q(name + "_x__" + v));
            }
            sums.add("SUM(CASE WHEN y__ = 1 THEN " + p + ".precision__ ELSE 0 END) AS " + q("precision__" + v));
            sums.add("SUM(" + influence + " * " + influence + ") AS " + q("influence_sq__" + v));
            sums.add("SUM(" + influence + " * " + productionInfluence + ") AS " + q("influence_x__" + v));
            // Σ of Δ's influence to the fourth, for the effective degrees of freedom of Δ's variance (0 for production)
            String deltaSquared = "((" + influence + " - " + productionInfluence + ") * (" + influence + " - "
                    + productionInfluence + "))";
            sums.add("SUM(" + deltaSquared + " * " + deltaSquared + ") AS " + q("influence_d4__" + v));
            // one numeric key per version: equal slice columns on both joins would let an optimiser join the two
            // placement tables to each other first (a product per slice)
            joins.add("JOIN (SELECT * FROM placed__ WHERE version__ = " + dialect.literal(v) + ") " + p + " ON " + p
                    + ".key__ = s__.slice__ * " + SLICE_KEY_STRIDE + " + s__." + q("b__" + v));
        }
        List<String> perVersion = List.of("v10__", "v10_sq__", "v10_x__", "v01__", "v01_sq__", "v01_x__",
                "precision__", "influence_sq__", "influence_x__", "influence_d4__");
        List<String> unpivoted = new ArrayList<>();
        for (int sum = 0; sum < perVersion.size(); sum++) {
            String name = perVersion.get(sum);
            unpivoted.add(versions.stream().map(v -> " WHEN " + dialect.literal(v) + " THEN " + q(name + v))
                    .collect(Collectors.joining("", "CASE version__", " END")) + " AS "
                    + q(SummaryLayout.RANKING_SUMS.get(sum)));
        }
        return """
                WITH versions__ AS (%s),
                groupings__ AS (%s),
                -- (1) examples per combination of slice values, version and 0.001-logit bin, by class
                fine__ AS (SELECT %sversion__, %s AS bin__,
                                  CAST(SUM(y__) AS BIGINT) AS pos__, CAST(COUNT(*) - SUM(y__) AS BIGINT) AS neg__
                           FROM (%s) rows__ CROSS JOIN versions__
                           GROUP BY %s),
                -- (2) the same per slice of each grouping of columns, '' standing for any value
                hist__ AS (SELECT g__, %sversion__, bin__,
                                  CAST(SUM(pos__) AS BIGINT) AS pos__, CAST(SUM(neg__) AS BIGINT) AS neg__
                           FROM fine__ CROSS JOIN groupings__
                           GROUP BY %s),
                -- each slice numbered, so a row finds its bin's values by one number per version
                slices__ AS (SELECT %s, ROW_NUMBER() OVER (ORDER BY %s) AS slice__
                             FROM (SELECT DISTINCT %s FROM hist__) sliced__),
                -- (3) per slice, version and bin: class totals, the examples in lower bins, then the running sums
                counted__ AS (SELECT hist__.*,
                                     CAST(SUM(pos__) OVER (%s) AS BIGINT) AS m__,
                                     CAST(SUM(neg__) OVER (%s) AS BIGINT) AS n__,
                                     CAST(SUM(pos__) %s - pos__ AS BIGINT) AS pos_below__,
                                     CAST(SUM(neg__) %s - neg__ AS BIGINT) AS neg_below__
                              FROM hist__),
                above__ AS (SELECT counted__.*, CAST(m__ + n__ - pos_below__ - neg_below__ AS DOUBLE) AS at_or_above__
                            FROM counted__),
                stepped__ AS (SELECT above__.*, (m__ - pos_below__) / at_or_above__ AS precision__,
                                     SUM(pos__ / at_or_above__) %s AS c1__,
                                     SUM(CAST(pos__ AS DOUBLE) * (m__ - pos_below__) / (at_or_above__ * at_or_above__)) %s AS c2__,
                                     SUM(CAST(pos__ AS DOUBLE) * (m__ - pos_below__) / at_or_above__) OVER (%s) AS precision_sum__
                              FROM above__),
                -- DeLong's placement values (ties half) and the AP influence of a positive (ip) and a negative (in)
                placed__ AS (SELECT slices__.slice__ * %s + bin__ AS key__, version__, precision__,
                                    CASE WHEN n__ > 0 THEN (neg_below__ + 0.5 * neg__) / CAST(n__ AS DOUBLE) ELSE 0 END AS v10__,
                                    CASE WHEN m__ > 0 THEN (m__ - pos_below__ - 0.5 * pos__) / CAST(m__ AS DOUBLE) ELSE 0 END AS v01__,
                                    CASE WHEN m__ > 0 THEN (precision__ + c1__ - c2__ - precision_sum__ / m__) / m__ ELSE 0 END AS ip__,
                                    CASE WHEN m__ > 0 THEN -c2__ / m__ ELSE 0 END AS in__
                             FROM stepped__ JOIN slices__ ON %s),
                -- (4) every row once per grouping, joined to both models' values in its slice, summed
                sums__ AS (SELECT s__.g__, %sCAST(SUM(y__) AS BIGINT) AS pos__, CAST(COUNT(*) - SUM(y__) AS BIGINT) AS neg__,
                                  %s
                           FROM (SELECT sliced__.*, slices__.slice__
                                 FROM (SELECT g__, %sy__%s FROM (%s) rows__ CROSS JOIN groupings__) sliced__
                                 JOIN slices__ ON %s) s__
                           %s
                           GROUP BY %s)
                SELECT %sversion__ AS %s, pos__ AS %s, neg__ AS %s,
                       %s
                FROM sums__ CROSS JOIN versions__
                ORDER BY %sversion__""".formatted(
                versionTable, String.join(" UNION ALL ", groupingIds),
                keyList, binOfVersion, binned, groupBy(slices + 2),
                sliced("fine__", groupings), groupBy(slices + 3),
                groupingAndKeys, groupingAndKeys, groupingAndKeys,
                partition, partition, running, running,
                running, running, partition,
                SLICE_KEY_STRIDE, sameSlice("stepped__", keys),
                keys.stream().map(k -> "s__." + k + ", ").collect(Collectors.joining()),
                String.join(",\n                  ", sums),
                sliced("rows__", groupings), rowBins, binned, sameSlice("sliced__", keys),
                String.join("\n           ", joins),
                groupBy(slices + 1),
                keyList, q(SummaryLayout.VERSION), q(SummaryLayout.POSITIVES), q(SummaryLayout.NEGATIVES),
                String.join(",\n       ", unpivoted),
                keyList);
    }

    /**
     * Slice number × this + fine bin is one number per (slice, bin): bins of clipped scores lie within ±34,539
     * (logit of 1 − 1e-15 is 34.54), well inside ±{@code SLICE_KEY_STRIDE} / 2.
     */
    private static final String SLICE_KEY_STRIDE = "CAST(1000000 AS BIGINT)";

    /** The join condition of a relation's grouping and slice columns with {@code slices__}'s. */
    private static String sameSlice(String relation, List<String> keys) {
        StringBuilder on = new StringBuilder("slices__.g__ = " + relation + ".g__");
        keys.forEach(k -> on.append(" AND slices__.").append(k).append(" = ").append(relation).append(".").append(k));
        return on.toString();
    }

    /** Each slice column as the grouping {@code g__} sees it: its value where the grouping fixes it, else ''. */
    private String sliced(String relation, List<List<Integer>> groupings) {
        StringBuilder columns = new StringBuilder();
        for (int column = 0; column < layout.sliceColumns().size(); column++) {
            List<String> fixing = new ArrayList<>();
            for (int g = 0; g < groupings.size(); g++) {
                if (groupings.get(g).contains(column)) {
                    fixing.add(Integer.toString(g));
                }
            }
            String name = q(layout.sliceColumns().get(column));
            columns.append("CASE WHEN g__ IN (").append(String.join(", ", fixing)).append(") THEN ")
                    .append(relation).append(".").append(name).append(" ELSE '' END AS ").append(name).append(", ");
        }
        return columns.toString();
    }

    private String positive() {
        return "CASE WHEN " + text(q("label")) + " = " + dialect.literal(positiveLabel()) + " THEN 1 ELSE 0 END";
    }

    /** ⌊logit(clipped score) · 1000⌋: 0.001-logit bins, fine enough for the AUC of rare positives. */
    private String fineBin(String version) {
        String p = clipped(number("score_" + version));
        return "CAST(FLOOR(LN(" + p + " / (1 - " + p + ")) * 1000) AS BIGINT)";
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
        return script(sources, scriptId(sources));
    }

    /**
     * The id of the script {@link #script(Sources)} prints, which its row checks queries write into every row of
     * their tables: the SHA-256 of the script printed with an id of 64 zeros. It names one printing (these options,
     * manifest and sources), so import can tell the checks of the --sql script from another's.
     */
    public String scriptId(Sources sources) {
        return Hashes.sha256Hex(script(sources, UNPRINTED_ID));
    }

    /** The id a script is printed with to compute its own id. */
    static final String UNPRINTED_ID = "0".repeat(64);
    /** An id as the checks query writes it into the script: a quoted literal of 64 hex digits. */
    private static final Pattern QUOTED_ID = Pattern.compile("'([0-9a-f]{64})'");

    /**
     * Whether {@code script} is exactly a script Verdict printed with the id {@code scriptId} ({@link #scriptId}):
     * its SHA-256 with that id written as 64 zeros is the id. An edit anywhere in the text, or another script quoting
     * the id of the one that ran, makes another hash; a forger would need a preimage of SHA-256.
     */
    static boolean isPrintedAs(String script, String scriptId) {
        return scriptId.matches("[0-9a-f]{64}")
                && Hashes.sha256Hex(script.replace(scriptId, UNPRINTED_ID)).equals(scriptId);
    }

    /** Whether one of the ids {@code script} quotes is its own ({@link #isPrintedAs}): it is as Verdict printed it. */
    static boolean holdsItsOwnId(String script) {
        return ownId(script).isPresent();
    }

    /** The id {@code script} quotes that is its own ({@link #isPrintedAs}), if one is. */
    static java.util.Optional<String> ownId(String script) {
        return QUOTED_ID.matcher(script).results().map(id -> id.group(1)).distinct()
                .filter(id -> isPrintedAs(script, id)).findFirst();
    }

    private String script(Sources sources, String scriptId) {
        StringBuilder script = new StringBuilder("-- Verdict summary pack, " + dialect.wireName() + " dialect\n"
                + "-- source: " + source + "\n");
        appendEvaluationQueries(script, "", scriptId);
        if (sources.latency() != null) {
            script.append("-- latency buckets (100 per decade) of ").append(sources.latency()).append("\n")
                    .append(latencyQuery(sources.latency())).append(";\n");
        }
        if (sources.safety() != null) {
            script.append("-- safety cells of ").append(sources.safety()).append("\n")
                    .append(safetyQuery(sources.safety())).append(";\n");
        }
        if (sources.holdout() != null) {
            forHoldout(sources.holdout()).appendEvaluationQueries(script, "holdout ", scriptId);
        }
        if (sources.humanBaseline() != null) {
            script.append("-- human baseline cells of ").append(sources.humanBaseline()).append("\n")
                    .append(humanBaselineQuery(sources.humanBaseline())).append(";\n");
        }
        return script.toString();
    }

    /** Cells, blocks and ranking sums of this SQL's evaluation rows, each headed by {@code prefix} and its table. */
    private void appendEvaluationQueries(StringBuilder script, String prefix, String scriptId) {
        if (!prefix.isEmpty()) {
            script.append("-- ").append(prefix).append("source: ").append(source).append("\n");
        }
        // first, so an engine stopping at a bad value (DuckDB's strict CAST) has written what is wrong with the rows
        script.append("-- ").append(prefix).append(RowChecks.HEADING).append(" (--").append(prefix.isEmpty() ? ""
                : "holdout-").append("checks; import refuses rows that fail one)\n").append(checksQuery(scriptId))
                .append(";\n");
        script.append("-- ").append(prefix).append("cells table\n").append(cellsQuery()).append(";\n");
        if (layout.hasBlocks()) {
            script.append("-- ").append(prefix).append("blocks table (").append(blocks).append(" hashed blocks, seed ")
                    .append(seed).append(")\n").append(blocksQuery()).append(";\n");
        }
        if (layout.ranking()) {
            script.append("-- ").append(prefix).append("ranking sums (0.001-logit bins)\n").append(rankingQuery())
                    .append(";\n");
        }
    }

    /**
     * The same queries over the held-out set {@code holdoutSource} (rows in the primary format), sliced by the
     * manifest's holdout suite, with this SQL's dialect, scores, ranking sums, seed and blocks.
     */
    public SummarySql forHoldout(String holdoutSource) {
        return new SummarySql(dialect, SummaryLayout.ofHoldout(manifest, layout.scores(), layout.ranking()),
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
            return "CASE WHEN " + number("score_" + model.version()) + " >= " + exact(model.threshold())
                    + " THEN 1 ELSE 0 END";
        }
        return "CASE WHEN " + text(q(SummaryLayout.prediction(model.version()))) + " = " + dialect.literal(positiveLabel())
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

    /**
     * A row's number column as a double: TRY_CAST, so every engine and mode (Spark with ANSI mode on or off, DuckDB)
     * gives NULL for a value that is no number, which the row checks count and import refuses, rather than some
     * engines stopping and others summing it as NULL.
     */
    private String number(String column) {
        return RowChecks.number(q(column));
    }

    private String text(String expression) {
        return "CAST(" + expression + " AS " + dialect.stringType() + ")";
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }

    /** A double written so both engines read back exactly the same double. */
    private static String exact(double value) {
        return "CAST('" + value + "' AS DOUBLE)";
    }
}
