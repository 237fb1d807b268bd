package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.gates.triggers.RetrainingDecision;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/** The demo's story, end to end on the bundled sample packs: what a new user sees in the Gates view. */
class SamplePackGatesTest {
    private final GateReview review = new GateReview(new ComparisonEngine(), new PackLoader(), new SuiteReader(),
            new PolicyReader());

    private CandidateReview reviewOf(String folder) throws PackException {
        ReviewPack pack = new PackLoader().load(Path.of("sample-data", folder), Progress.NONE);
        return review.review(pack, null, review.policyOf(pack), Progress.NONE);
    }

    @Test
    void theSupportRouterIsBetterOverallButBlockedByJapaneseLatencyAndContamination() throws PackException {
        CandidateReview router = reviewOf("support-router");
        GateEvaluation gates = router.gates();
        assertEquals(GateOutcome.PASS, gates.result(Gate.PRIMARY_METRIC).outcome());
        GateResult languages = gates.result(Gate.LANGUAGE_PARITY);
        assertEquals(GateOutcome.FAIL, languages.outcome());
        assertTrue(languages.findings().stream().anyMatch(f -> f.subject().equals("language=ja")
                && f.outcome() == GateOutcome.FAIL), languages.summary());
        assertEquals(GateOutcome.FAIL, gates.result(Gate.LATENCY).outcome());
        assertEquals(GateOutcome.FAIL, gates.result(Gate.CONTAMINATION).outcome());
        assertTrue(gates.approval().blocked());
        assertEquals(3, gates.approval().approvers().size());
        assertEquals(List.of(), gates.missingSuites(), "the hero pack has every suite");
        // the metric decayed since the baseline and 18,400 new labels arrived (safety is quiet)
        assertEquals(RetrainingDecision.RETRAIN, router.triggers().suggestion());
    }

    @Test
    void theFraudScreenPassesEveryGate() throws PackException {
        CandidateReview fraud = reviewOf("fraud-screen-pass");
        assertTrue(fraud.gates().everyGatePasses(), () -> fraud.gates().gates().stream()
                .filter(g -> g.outcome().blocksPromotion()).map(GateResult::summary).toList().toString());
        assertEquals(List.of("ML Lead"), fraud.gates().approval().approvers());
    }
}
