package org.verdict.core.gates;

import java.nio.file.Path;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/** The bundled support-router sample (every optional suite) and its gates judged under its own policy. */
public final class SampleReview {
    private SampleReview() {
    }

    public static ReviewPack pack() throws PackException {
        return new PackLoader().load(Path.of("sample-data", "support-router"), Progress.NONE);
    }

    /** @param candidate a candidate version of the sample, or null for its first */
    public static CandidateReview of(ReviewPack pack, String candidate) throws PackException {
        GateReview gates = new GateReview(new ComparisonEngine(), new PackLoader(), new SuiteReader(),
                new PolicyReader());
        return gates.reviewUnderItsPolicy(pack, candidate, Progress.NONE);
    }
}
