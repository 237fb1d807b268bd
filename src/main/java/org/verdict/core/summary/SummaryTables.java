package org.verdict.core.summary;

/**
 * The tables one summary run returns; {@code blocks} null without blocks, {@code scores} and {@code joint} null
 * without scores (see {@link SummaryLayout}), {@code latency} and {@code safety} null unless latency or safety rows
 * were summarised too.
 */
public record SummaryTables(SummaryTable cells, SummaryTable blocks, SummaryTable scores, SummaryTable joint,
                            SummaryTable latency, SummaryTable safety) {

    /** The primary suite's tables only. */
    public SummaryTables(SummaryTable cells, SummaryTable blocks, SummaryTable scores, SummaryTable joint) {
        this(cells, blocks, scores, joint, null, null);
    }
}
