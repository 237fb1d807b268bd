package org.verdict.core.gates.suites;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** Example ids (and, when given, input hashes) of the candidate's training data, to find contamination. */
public record TrainingIds(Set<String> exampleIds, Set<String> inputHashes) {
    public TrainingIds {
        // one copy, where Set.copyOf of a HashSet makes three (a HashSet, an array, the immutable set): tens of
        // thousands of ids, in every gate review
        exampleIds = Collections.unmodifiableSet(new HashSet<>(exampleIds));
        inputHashes = Collections.unmodifiableSet(new HashSet<>(inputHashes));
    }
}
