package org.verdict.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.gates.triggers.TriggerState;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
import org.verdict.ui.task.CurrentThreadExecutor;

/** The gate table and triggers of the bundled support-router sample, carried into a promotion record. */
class DecisionPrefillTest {
    private static ReviewPack pack;
    private static CandidateReview review;

    @BeforeAll
    static void reviewTheSample() throws Exception {
        PackLoader loader = new PackLoader();
        pack = loader.load(Path.of("sample-data", "support-router"), Progress.NONE);
        GateReview gates = new GateReview(new ComparisonEngine(), loader, new SuiteReader(), new PolicyReader());
        review = gates.reviewUnderItsPolicy(pack, null, Progress.NONE);
    }

    @Test
    void everyGateBecomesARowWithItsOutcomeAndNumbers() {
        DecisionPrefill prefill = DecisionPrefill.of(review);
        List<GateResult> gates = review.gates().gates();
        assertEquals(gates.size(), prefill.evaluation().gates().size());
        for (int i = 0; i < gates.size(); i++) {
            assertEquals(gates.get(i).gate().title(), prefill.evaluation().gates().get(i).gate());
            assertEquals(gates.get(i).outcome().label(), prefill.evaluation().gates().get(i).result());
            assertEquals(gates.get(i).summary(), prefill.evaluation().gates().get(i).detail());
        }
        assertEquals(review.triggers().triggers().size(), prefill.triggers().size());
        assertEquals(review.triggers().triggers().stream().filter(t -> t.state() == TriggerState.FIRED).count(),
                prefill.triggers().stream().filter(t -> t.fired()).count());
    }

    @Test
    void aPromotionRecordMadeFromTheSampleIsCompleteAndBoundToItsFiles() {
        DecisionPrefill prefill = DecisionPrefill.of(review);
        DecisionViewModel model = new DecisionViewModel(pack, prefill.evaluation(), prefill.triggers(), new CurrentThreadExecutor(), Clock.systemUTC());
        model.decisionProperty().set("hold");
        model.rationaleProperty().set("a gate fails; see the gate table");
        model.approversProperty().set("Ada Lovelace");
        DecisionRecord record = model.record("Ada Lovelace");
        assertEquals(List.of(), record.problems());
        assertEquals(pack.fileHashes(), record.evidence().files());
        assertFalse(record.evaluationSummary().gates().isEmpty());
        assertTrue(record.evidence().files().size() > 3, "every suite file of the sample is evidence");
    }
}
