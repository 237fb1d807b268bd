package org.verdict.core.pack;

import java.util.List;

/**
 * A suite entry of the manifest: the CSV it points to and, for evaluation suites, which columns define slices.
 *
 * @param file path relative to the pack root, already checked to stay inside the pack
 * @param slices slice dimensions (e.g. segment, language)
 * @param sensitive sensitive attributes (e.g. gender); also sliced, and used for fairness
 */
public record SuiteSpec(String name, String file, List<String> slices, List<String> sensitive) {
    public SuiteSpec {
        slices = List.copyOf(slices);
        sensitive = List.copyOf(sensitive);
    }
}
