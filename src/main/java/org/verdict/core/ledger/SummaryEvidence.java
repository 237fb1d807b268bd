package org.verdict.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a summary pack's statistics were made, as its manifest's {@code summary} object states it: signed into the
 * decision so the record itself names the computation its evidence came from (the manifest's hash binds the rest).
 *
 * @param sqlSha256 SHA-256 of the SQL that turned the rows into the pack
 * @param source the table or files summarised; {@code snapshot} their snapshot or version, when known
 * @param rows the number of source rows summarised
 * @param blockCount hashed bootstrap blocks and their hash {@code seed}; absent without blocks
 * @param scoreBins the bins of the ranking sums, e.g. "logit 0.001" (records of earlier packs also name a joint
 *                  histogram's bins: "logit 0.001, joint 0.02"); absent without them
 * @param holdoutSource the table or files of the held-out set, and {@code holdoutRows} its rows, when the pack
 *                      summarised it too (same SQL, blocks and bins); absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SummaryEvidence(String format, String engine, String engineVersion, String sqlSha256, String source,
                              String snapshot, Long rows, Integer blockCount, Long seed, String scoreBins,
                              String holdoutSource, Long holdoutRows) {

    /** From a summary pack manifest's {@code summary} object. */
    static SummaryEvidence of(JsonNode summary) {
        JsonNode bins = summary.path("scoreBins");
        String scoreBins = bins.isObject()
                ? bins.path("scale").asText() + " " + bins.path("width").asText()
                : null;
        return new SummaryEvidence(text(summary, "format"), text(summary, "engine"), text(summary, "engineVersion"),
                text(summary, "sqlSha256"), text(summary, "source"), text(summary, "snapshot"),
                summary.path("rows").isIntegralNumber() ? summary.path("rows").asLong() : null,
                summary.path("blockCount").isIntegralNumber() ? summary.path("blockCount").asInt() : null,
                summary.path("seed").isIntegralNumber() ? summary.path("seed").asLong() : null, scoreBins,
                text(summary.path("holdout"), "source"), summary.path("holdout").path("rows").isIntegralNumber()
                        ? summary.path("holdout").path("rows").asLong() : null);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    /** One line for the record's detail view. */
    public String describe() {
        return engine + " " + engineVersion + " over " + source + (snapshot == null ? "" : " @ " + snapshot)
                + ", " + rows + " rows" + (blockCount == null ? "" : ", " + blockCount + " hashed blocks (seed " + seed
                + ")") + (scoreBins == null ? "" : ", score bins " + scoreBins)
                + (holdoutSource == null ? "" : "; held-out set " + holdoutRows + " rows over " + holdoutSource)
                + "; SQL SHA-256 " + sqlSha256;
    }
}
