package org.verdict.core.summary;

/**
 * The tables one summary run returns; {@code blocks} null without blocks, {@code ranking} null without ranking sums
 * (see {@link SummaryLayout}), {@code latency} and {@code safety} null unless latency or safety rows were summarised
 * too.
 */
public record SummaryTables(SummaryTable cells, SummaryTable blocks, SummaryTable ranking, SummaryTable latency,
                            SummaryTable safety) {

    /** The primary suite's tables only. */
    public SummaryTables(SummaryTable cells, SummaryTable blocks, SummaryTable ranking) {
        this(cells, blocks, ranking, null, null);
    }
}
