package org.verdict.core.summary;

/** The SQL engines a summary query is written for; they differ in string type, quoting and hashing. */
public enum SqlDialect {
    DUCKDB("duckdb", "VARCHAR"),
    SPARK("spark", "STRING");

    /** How every dialect's block expression starts: a script without it deals rows into blocks some other way. */
    static final String BLOCK_HASH_CALL = "substr(md5(";

    private final String wireName;
    private final String stringType;

    SqlDialect(String wireName, String stringType) {
        this.wireName = wireName;
        this.stringType = stringType;
    }

    public String wireName() {
        return wireName;
    }

    String stringType() {
        return stringType;
    }

    /** A quoted identifier, so column names such as {@code pred_1.2} or {@code group} are safe. */
    String quote(String identifier) {
        return switch (this) {
            case DUCKDB -> "\"" + identifier.replace("\"", "\"\"") + "\"";
            case SPARK -> "`" + identifier.replace("`", "``") + "`";
        };
    }

    /**
     * A string literal holding {@code value} as this dialect reads it: every value Verdict writes into SQL text (file
     * patterns, labels, versions, slice values) goes through here, never spliced in raw. DuckDB doubles a quote, as
     * standard SQL does; Spark reads backslash escapes and joins adjacent literals, so {@code 'it''s'} would be
     * {@code its} there: it gets a backslash before a quote and before a backslash.
     */
    String literal(String value) {
        return switch (this) {
            case DUCKDB -> "'" + value.replace("'", "''") + "'";
            case SPARK -> "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
        };
    }

    /**
     * The bootstrap block of a row in [0, blocks): a hash of its id and the seed, so the assignment is the same
     * however the engine partitions the data (never a random function, whose draws depend on partitioning), and the
     * same as the row engine's ({@link org.verdict.core.stats.HashedBlocks}): the first 15 hexadecimal digits of
     * MD5(id || ':' || seed) as a number, modulo the blocks.
     *
     * @param exampleId an expression of string type
     */
    String block(String exampleId, long seed, int blocks) {
        String hashed = md5Number(switch (this) {
            case DUCKDB -> exampleId + " || ':" + seed + "'";
            case SPARK -> "concat(" + exampleId + ", ':" + seed + "')";
        });
        return switch (this) {
            case DUCKDB -> hashed + " % " + blocks;
            case SPARK -> "pmod(" + hashed + ", " + blocks + ")";
        };
    }

    /**
     * The first 15 hexadecimal digits of MD5(text) as a BIGINT in [0, 2^60), the number
     * {@link org.verdict.core.stats.HashedBlocks#md5Number} gives in Java.
     *
     * @param text an expression of string type
     */
    String md5Number(String text) {
        String hex = BLOCK_HASH_CALL + text + "), 1, 15)";
        return switch (this) {
            case DUCKDB -> "CAST(('0x' || " + hex + ") AS BIGINT)";
            case SPARK -> "CAST(conv(" + hex + ", 16, 10) AS BIGINT)";
        };
    }

    public static SqlDialect fromWireName(String name) {
        for (SqlDialect dialect : values()) {
            if (dialect.wireName.equals(name)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unknown SQL dialect '" + name + "'; use duckdb or spark");
    }
}
