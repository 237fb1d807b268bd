package org.verdict.core.summary;

import java.util.List;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SummarySlice;
import org.verdict.core.pack.Metric;
import org.verdict.core.task.Progress;

/** Compares a candidate with production on a summary pack, through the same engine and verdict rule as rows. */
public final class SummaryComparison {
    private final ComparisonEngine engine;

    public SummaryComparison(ComparisonEngine engine) {
        this.engine = engine;
    }

    /** {@code candidateVersion} null means the first candidate. */
    public ComparisonReport compare(SummaryPack pack, String candidateVersion, ComparisonOptions options,
                                    Progress progress) {
        var manifest = pack.manifest();
        String candidate = manifest.candidateVersion(candidateVersion);
        String production = manifest.production().version();
        Metric primary = Metric.fromWireName(manifest.primaryMetric()).orElseThrow();
        PrimarySummary summary = pack.primary();
        progress.update(0, "Adding up slices");
        // each slice adds up its own combinations' cells and blocks, independently of the others
        List<SummarySlice> slices = summary.sliceKeys(options.crosses()).parallelStream()
                .map(key -> summary.slice(key, production, candidate))
                .filter(slice -> slice.n() > 0)
                .toList();
        return engine.compare(manifest.model().name(), manifest.task(), summary.classes(), slices, production,
                candidate, primary, options, progress);
    }
}
