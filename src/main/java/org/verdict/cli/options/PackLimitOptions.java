package org.verdict.cli.options;

import org.verdict.core.pack.PackLimits;
import picocli.CommandLine.Option;

/** The limits of docs/pack-format.md that a real pack could need raised, as options of every command reading one. */
public final class PackLimitOptions {
    @Option(names = "--max-slice-values", paramLabel = "N",
            description = "Most distinct values one slice or sensitive column may have (default: ${DEFAULT-VALUE}).")
    int maxValuesPerSliceColumn = PackLimits.DEFAULTS.maxValuesPerSliceColumn();

    @Option(names = "--max-slices", paramLabel = "N",
            description = "Most distinct slice values of all slice columns together (default: ${DEFAULT-VALUE}).")
    int maxSliceValues = PackLimits.DEFAULTS.maxSliceValues();

    @Option(names = "--max-suite-rows", paramLabel = "N",
            description = "Most rows an optional suite CSV may have (default: ${DEFAULT-VALUE}).")
    long maxSuiteRows = PackLimits.DEFAULTS.maxSuiteRows();

    public PackLimits limits() {
        return new PackLimits(maxValuesPerSliceColumn, maxSliceValues, maxSuiteRows);
    }
}
