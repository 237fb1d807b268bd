package org.verdict.core.summary;

/**
 * The tables one summary run returns; {@code blocks} null without blocks, {@code ranking} null
 * without ranking sums (see {@link SummaryLayout}); {@code latency}, {@code safety}, {@code holdout} and
 * {@code humanBaseline} null unless those suites' rows were summarised too.
 */
public record SummaryTables(SummaryTable cells, SummaryTable blocks, SummaryTable ranking,
                            SummaryTable latency, SummaryTable safety, HeldOut holdout, SummaryTable humanBaseline) {

    /** The primary suite's tables only. */
    public SummaryTables(SummaryTable cells, SummaryTable blocks, SummaryTable ranking) {
        this(cells, blocks, ranking, null, null, null, null);
    }

    /**
     * The held-out set's tables: the primary suite's tables over the holdout suite's own slice columns.
     *
     * @param source the files or table the held-out rows were read from, recorded in the manifest
     * @param tables its cells, blocks and ranking tables (the optional suites' tables null)
     */
    public record HeldOut(String source, SummaryLayout layout, SummaryTables tables) {
    }
}
