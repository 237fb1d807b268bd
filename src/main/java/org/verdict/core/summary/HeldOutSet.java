package org.verdict.core.summary;

import java.util.Optional;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackFiles;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.SuiteSpec;
import org.verdict.core.task.Progress;

/**
 * A pack's held-out evaluation set (suite {@code holdout}, in the primary format): its rows, or, in a summary pack
 * that summarised it, its sufficient statistics. Either way it is compared by the same engine and verdict rule as
 * the primary suite.
 */
public final class HeldOutSet {
    private final String fileName;
    private final EvaluationTable rows;
    private final PrimarySummary summary;

    private HeldOutSet(String fileName, EvaluationTable rows, PrimarySummary summary) {
        this.fileName = fileName;
        this.rows = rows;
        this.summary = summary;
    }

    /**
     * Reads the pack's held-out set whole, checked as strictly as its primary suite; empty when the pack has none.
     * A summary pack's holdout suite is read as statistics when its {@code summary.holdout} says so, else as rows.
     */
    public static Optional<HeldOutSet> read(ReviewPack pack, PackLoader loader, Progress progress)
            throws PackException {
        PackManifest manifest = pack.manifest();
        Optional<SuiteSpec> suite = manifest.suite(SummaryLayout.HOLDOUT_SUITE);
        if (suite.isEmpty()) {
            return Optional.empty();
        }
        String file = suite.get().file();
        if (pack.isSummary()) {
            Optional<PrimarySummary> statistics = new SummaryPackReader().readHoldout(PackFiles.open(pack.root()),
                    manifest, progress);
            if (statistics.isPresent()) {
                return Optional.of(new HeldOutSet(file, null, statistics.get()));
            }
        }
        return Optional.of(new HeldOutSet(file, loader.loadEvaluationTable(pack.root(), manifest, suite.get(),
                progress), null));
    }

    /** The file the set was read from: its rows, or a summary pack's cells. */
    public String fileName() {
        return fileName;
    }

    /** How many examples the set holds (rows, or the rows its statistics summarise). */
    public long rowCount() {
        return rows != null ? rows.rowCount() : summary.rowCount();
    }

    /** The rows, when the set is held as rows (example ids, for the contamination check). */
    public Optional<EvaluationTable> rows() {
        return Optional.ofNullable(rows);
    }

    /** The sufficient statistics, when a summary pack summarised the set. */
    public Optional<PrimarySummary> summary() {
        return Optional.ofNullable(summary);
    }

    /**
     * Candidate against production on the set, with the pack's primary metric and the given options.
     *
     * @param candidate a candidate version of the manifest
     */
    public Comparison compare(ComparisonEngine engine, PackManifest manifest, String candidate,
                              ComparisonOptions options, Progress progress) {
        if (summary != null) {
            return new Comparison(new SummaryComparison(engine).compare(manifest, summary, candidate, options,
                    progress), SummaryMethods.describe("Held-out set", summary));
        }
        Metric metric = Metric.fromWireName(manifest.primaryMetric()).orElseThrow();
        return new Comparison(engine.compare(manifest.model().name(), rows, manifest.production().version(),
                candidate, metric, options.withTargetUnit(manifest.model().targetUnit()), progress), null);
    }

    /**
     * A comparison on the held-out set.
     *
     * @param methods where a summarised set's statistics came from and which method each kind of metric used; null
     *                for rows
     */
    public record Comparison(ComparisonReport report, String methods) {
    }
}
