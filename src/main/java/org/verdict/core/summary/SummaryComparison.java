package org.verdict.core.summary;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SummarySlice;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.ReviewPack;
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
        return compare(pack.manifest(), pack.primary(), candidateVersion, options, progress);
    }

    /**
     * Compares on any loaded pack's primary suite: a row-level pack's rows through the engine, a summary pack's
     * statistics as {@link #compare(SummaryPack, String, ComparisonOptions, Progress)}.
     */
    public ComparisonReport compare(ReviewPack pack, String candidateVersion, ComparisonOptions options,
                                    Progress progress) {
        return SummaryPacks.primaryOf(pack)
                .map(summary -> compare(pack.manifest(), summary, candidateVersion, options, progress))
                .orElseGet(() -> engine.compare(pack, candidateVersion, options, progress));
    }

    /**
     * The overall slice and one column's slices only, so the multiplicity adjustment runs over that column's values
     * (as the language-parity gate compares languages); the column must be a slice column of the summary.
     */
    public ComparisonReport compareColumn(PackManifest manifest, PrimarySummary summary, String candidateVersion,
                                          String column, ComparisonOptions options, Progress progress) {
        List<SliceKey> keys = new ArrayList<>();
        keys.add(SliceKey.OVERALL);
        summary.levels(column).forEach(value -> keys.add(new SliceKey(List.of(column), List.of(value))));
        return compare(manifest, summary, candidateVersion, keys, options, progress);
    }

    /**
     * Compares on an evaluation suite's statistics (a summary pack's primary suite or held-out set); every slice of
     * its columns, with the crosses of {@code options}.
     */
    public ComparisonReport compare(PackManifest manifest, PrimarySummary summary, String candidateVersion,
                                    ComparisonOptions options, Progress progress) {
        return compare(manifest, summary, candidateVersion, summary.sliceKeys(options.crosses()), options, progress);
    }

    private ComparisonReport compare(PackManifest manifest, PrimarySummary summary, String candidateVersion,
                                     List<SliceKey> keys, ComparisonOptions options, Progress progress) {
        String candidate = manifest.candidateVersion(candidateVersion);
        String production = manifest.production().version();
        Metric primary = Metric.fromWireName(manifest.primaryMetric()).orElseThrow();
        progress.update(0, "Adding up slices");
        // each slice adds up its own combinations' cells and blocks, independently of the others
        List<SummarySlice> slices = keys.parallelStream()
                .map(key -> summary.slice(key, production, candidate))
                .filter(slice -> slice.n() > 0)
                .toList();
        return engine.compare(manifest.model().name(), manifest.task(), summary.classes(), slices, production,
                candidate, primary, options.withTargetUnit(manifest.model().targetUnit()), progress);
    }
}
