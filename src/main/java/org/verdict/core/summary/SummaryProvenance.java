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
 * @param blockHash the hash that dealt rows into blocks: {@link #ROW_ENGINE_HASH}, the row engine's own; null for a
 *                  pack made before the manifest said (by each engine's own hash function)
 */
public record SummaryProvenance(String engine, String engineVersion, String sqlSha256, String source, String snapshot,
                                long rows, long seed, int blocks, String blockHash) {
    /** The manifest's name for {@link org.verdict.core.stats.HashedBlocks}' function, which the summary SQL writes. */
    public static final String ROW_ENGINE_HASH = "md5";

    /** A pack made now: its blocks are dealt by the row engine's hash. */
    public SummaryProvenance(String engine, String engineVersion, String sqlSha256, String source, String snapshot,
                             long rows, long seed, int blocks) {
        this(engine, engineVersion, sqlSha256, source, snapshot, rows, seed, blocks, ROW_ENGINE_HASH);
    }

    /** Whether the blocks are the ones the row engine deals the same rows into (same hash and number of blocks). */
    public boolean hasRowEngineBlocks(int rowEngineBlocks) {
        return ROW_ENGINE_HASH.equals(blockHash) && blocks == rowEngineBlocks;
    }
}
