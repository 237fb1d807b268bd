package org.verdict.core.summary;

/**
 * How a summary pack was made, recorded under {@code summary} in its manifest so a decision names exactly which
 * computation its evidence came from.
 *
 * @param engine e.g. {@code duckdb}, {@code spark}
 * @param engineVersion the engine's own version string
 * @param sqlSha256 SHA-256 (hex) of the SQL script stored in the pack as {@code summary.sql}
 * @param source the table or files summarised, e.g. {@code evals/*.parquet}
 * @param snapshot the source's snapshot or version (e.g. a Delta/Iceberg snapshot id); null when not known
 * @param rows the number of source rows summarised
 * @param seed seed of the hashed bootstrap blocks
 * @param blocks number of hashed bootstrap blocks
 */
public record SummaryProvenance(String engine, String engineVersion, String sqlSha256, String source, String snapshot,
                                long rows, long seed, int blocks) {
}
