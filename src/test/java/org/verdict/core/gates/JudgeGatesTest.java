package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/**
 * {@code verdict gate} judges the gates without the evidence pages' extra metrics, and judges them exactly as the
 * full review does: on the bundled sample (every optional suite, a held-out set, a language column, two candidates).
 */
class JudgeGatesTest {
    @Test
    void judgingTheGatesAloneGivesTheFullReviewsGatesFindingsAndTriggers() throws PackException {
        ReviewPack pack = SampleReview.pack();
        GateReview gates = new GateReview(new ComparisonEngine(), new PackLoader(), new SuiteReader(),
                new PolicyReader());
        for (String candidate : pack.manifest().candidates().stream().map(ModelVersion::version).toList()) {
            CandidateReview full = gates.reviewUnderItsPolicy(pack, candidate, Progress.NONE);
            CandidateReview judged = gates.judgeGates(pack, candidate, gates.policyOf(pack), Progress.NONE);
            assertEquals(GateJson.of(full), GateJson.of(judged), candidate);
            assertTrue(full.evidence().holdoutComparison().isPresent(), "the sample has a held-out set");
            // no gate reads the held-out set, but what it shows worse is a finding: its primary metric is compared
            assertEquals(full.evidence().holdoutComparison().orElseThrow().report()
                    .resultsFor(full.evidence().primaryMetric()), judged.evidence().holdoutComparison().orElseThrow()
                    .report().results(), candidate);
            List<SliceResult> languages = full.evidence().languageComparison().orElseThrow()
                    .resultsFor(full.evidence().primaryMetric());
            assertEquals(languages, judged.evidence().languageComparison().orElseThrow().results(), candidate);
            assertTrue(judged.evidence().languageComparison().orElseThrow().classRecalls().isEmpty(), candidate);
        }
    }
}
