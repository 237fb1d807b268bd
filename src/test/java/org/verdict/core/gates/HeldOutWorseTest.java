package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/**
 * A loss the held-out set shows on a slice the primary suite could not test ({@link HeldOutLossPack}). No gate reads
 * the held-out set, so the loss must be a finding of its own, and the Slices gate's pass over the untested kiosk
 * slice must point to it.
 */
class HeldOutWorseTest {
    @TempDir
    static Path folder;
    private static ReviewPack pack;
    private static GateReview gates;

    @BeforeAll
    static void writePack() throws IOException, PackException {
        pack = new PackLoader().load(HeldOutLossPack.write(folder), Progress.NONE);
        gates = new GateReview(new ComparisonEngine(), new PackLoader(), new SuiteReader(), new PolicyReader());
    }

    @Test
    void theHeldOutLossIsAFindingOfItsOwnLargestFirst() throws PackException {
        CandidateReview review = gates.reviewUnderItsPolicy(pack, null, Progress.NONE);
        List<SliceResult> worse = review.evidence().heldOutWorse();
        assertEquals(List.of("device=kiosk", "overall"), worse.stream().map(r -> r.slice().label()).toList());
        // by hand: kiosk right 180 → 100 of 200; all 400 held-out examples (web 180 each): 360 → 280
        assertEquals(-0.4, worse.get(0).delta(), 1e-12);
        assertEquals(200, worse.get(0).n());
        assertEquals((280 - 360) / 400.0, worse.get(1).delta(), 1e-12);
        WorseFindings findings = review.evidence().worseFindings();
        assertEquals(2, findings.heldOut().size());
        assertTrue(findings.heldOut().get(0).startsWith("held-out set, device=kiosk: Δ −0.400 ["),
                findings.heldOut().get(0));
        assertTrue(findings.heldOut().get(0).contains("(n=200"), findings.heldOut().get(0));
        assertEquals("Significantly worse on the held-out set (2), which no gate judges: read them before approving.",
                findings.heldOutHeading());
        assertTrue(!findings.isEmpty(), "a promote is warned of a held-out loss");
    }

    @Test
    void theSlicesGateStillPassesButPointsToTheHeldOutLossOfASliceItCouldNotTest() throws PackException {
        CandidateReview review = gates.reviewUnderItsPolicy(pack, null, Progress.NONE);
        GateResult slices = review.gates().gates().stream().filter(g -> g.gate() == Gate.SLICES).findFirst()
                .orElseThrow();
        assertEquals(GateOutcome.PASS, slices.outcome(), "the held-out set is evidence only");
        String kiosk = review.evidence().describe(review.evidence().heldOutWorse().get(0));
        assertTrue(slices.summary().endsWith(" The held-out set tested one of the slices untested here and found it"
                + " worse (evidence only, so no outcome changes; read it before approving): " + kiosk + "."),
                slices.summary());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGateCommandsJudgingSaysTheSameAndTheJsonCarriesEachFinding() throws PackException {
        CandidateReview full = gates.reviewUnderItsPolicy(pack, null, Progress.NONE);
        CandidateReview judged = gates.judgeGates(pack, null, gates.policyOf(pack), Progress.NONE);
        assertEquals(full.evidence().worseFindings(), judged.evidence().worseFindings());
        Map<String, Object> json = GateJson.of(judged);
        assertEquals(GateJson.of(full), json);
        List<Map<String, Object>> heldOut = (List<Map<String, Object>>) json.get("heldOutWorse");
        assertEquals("device=kiosk", heldOut.get(0).get("slice"));
        assertEquals(200L, ((Number) heldOut.get(0).get("n")).longValue());
        assertEquals(-0.4, (Double) heldOut.get(0).get("delta"), 1e-12);
        assertTrue((Double) heldOut.get(0).get("ciUpper") < 0, "worse: the interval lies below 0");
        assertEquals(full.evidence().worseFindings().heldOut().get(0), heldOut.get(0).get("text"));
    }
}
