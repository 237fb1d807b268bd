package org.verdict.core.gates.suites;

import java.util.Set;

/** Example ids (and, when given, input hashes) of the candidate's training data, to find contamination. */
public record TrainingIds(Set<String> exampleIds, Set<String> inputHashes) {
    public TrainingIds {
        exampleIds = Set.copyOf(exampleIds);
        inputHashes = Set.copyOf(inputHashes);
    }
}
