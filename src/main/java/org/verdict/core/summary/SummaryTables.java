package org.verdict.core.summary;

/**
 * The tables one summary run returns; {@code blocks} null without blocks, {@code scores} and {@code joint} null
 * without scores (see {@link SummaryLayout}).
 */
public record SummaryTables(SummaryTable cells, SummaryTable blocks, SummaryTable scores, SummaryTable joint) {
}
