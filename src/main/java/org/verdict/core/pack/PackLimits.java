package org.verdict.core.pack;

/**
 * Bounds on what one pack may hold, so that a careless or hostile file is refused quickly with a clear reason
 * instead of exhausting memory or running for minutes. The defaults are far above what real packs need; the command
 * line raises them where a real user could need more (docs/pack-format.md, "Limits").
 *
 * @param maxValuesPerSliceColumn distinct values one slice or sensitive column may have; a column with more is
 *                                almost always an id or a free-text column named by mistake
 * @param maxSliceValues distinct slice values of all slice and sensitive columns of a suite together
 * @param maxSuiteRows data rows an optional suite CSV may have
 */
public record PackLimits(int maxValuesPerSliceColumn, int maxSliceValues, long maxSuiteRows) {
    public static final PackLimits DEFAULTS = new PackLimits(1_000, 10_000, 5_000_000);

    public PackLimits {
        if (maxValuesPerSliceColumn < 1 || maxSliceValues < 1 || maxSuiteRows < 1) {
            throw new IllegalArgumentException("pack limits must be at least 1");
        }
    }

    /** These limits with no bound on slice values: to count what a pack beyond them holds. */
    public PackLimits withoutSliceBounds() {
        return new PackLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, maxSuiteRows);
    }

    /** These limits raised, where lower, to hold {@code valuesPerColumn} values in a column and {@code sliceValues} in all. */
    public PackLimits raisedTo(int valuesPerColumn, int sliceValues) {
        return new PackLimits(Math.max(maxValuesPerSliceColumn, valuesPerColumn),
                Math.max(maxSliceValues, sliceValues), maxSuiteRows);
    }
}
