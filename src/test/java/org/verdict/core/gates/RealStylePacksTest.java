package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verdict.core.gates.RealStylePack.Kind;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.triggers.RetrainingDecision;
import org.verdict.core.ledger.EvaluationSummary;
import org.verdict.core.ledger.RecordedOutcomes;

/** Primary-only packs of each task, as real teams bring them: what blocks them, and a policy that lets them pass. */
class RealStylePacksTest {
    @TempDir
    Path folder;

    private static final List<Gate> WITHOUT_THEIR_SUITE = List.of(Gate.SAFETY, Gate.LANGUAGE_PARITY, Gate.LATENCY,
            Gate.CIRCUIT_BREAKER);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withoutADeclarationMissingEvidenceStaysInsufficient(Kind kind) throws Exception {
        CandidateReview review = new RealStylePack(folder, kind).review();
        GateEvaluation gates = review.gates();
        assertEquals(GateOutcome.PASS, gates.result(Gate.PRIMARY_METRIC).outcome(), "the candidate is far better");
        for (Gate gate : WITHOUT_THEIR_SUITE) {
            assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, gates.result(gate).outcome(), gate.wireName());
            assertEquals(null, gates.result(gate).notApplicableReason());
        }
        assertFalse(gates.everyGatePasses());
        assertTrue(gates.approval().blocked());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachGateWantingAnOptionalSuiteOrColumnSaysBothWaysOut(Kind kind) throws Exception {
        CandidateReview review = new RealStylePack(folder, kind).review();
        GateEvaluation gates = review.gates();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> json = (List<Map<String, Object>>) GateJson.of(review).get("gates");
        for (Gate gate : WITHOUT_THEIR_SUITE) {
            GateResult result = gates.result(gate);
            assertTrue(result.summary().startsWith("no "), result.summary());
            assertTrue(result.summary().contains(" — add "), result.summary());
            assertTrue(result.summary().endsWith(", or declare the gate not applicable in the policy: "
                    + "\"notApplicable\": {\"" + gate.wireName() + "\": \"<reason>\"}"), result.summary());
            assertEquals(result.missingEvidence(), json.stream().filter(g -> g.get("gate").equals(gate.wireName()))
                    .findFirst().orElseThrow().get("missingEvidence"));
        }
        assertEquals("latency suite", gates.result(Gate.LATENCY).missingEvidence());
        // classification packs without sensitive columns want them for fairness too; a regression has no fairness
        String wanting = kind == Kind.REGRESSION ? "4 gates lack evidence for want of an optional suite or column "
                + "(Safety, Language parity, Latency, Circuit breaker): add it, or declare the gate not applicable"
                : "5 gates lack evidence for want of an optional suite or column (Safety, Fairness, Language parity, "
                        + "Latency, Circuit breaker): add it, or declare the gate not applicable";
        assertTrue(gates.approval().text().contains(wanting), gates.approval().text());
        // parity's line says why it is not 'nothing to count' like volume's (VolumeGateTest: the other side)
        assertTrue(gates.result(Gate.LANGUAGE_PARITY).summary().contains("volume just has nothing to count; parity "
                + "needs per-language evidence"), gates.result(Gate.LANGUAGE_PARITY).summary());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPolicyDeclaringGatesNotApplicableLetsAGoodCandidatePass(Kind kind) throws Exception {
        CandidateReview review = new RealStylePack(folder, kind).policy(RealStylePack.NOT_APPLICABLE_POLICY).review();
        GateEvaluation gates = review.gates();
        assertTrue(gates.everyGatePasses(), gates.gates().toString());
        GateResult latency = gates.result(Gate.LATENCY);
        assertEquals(GateOutcome.NOT_APPLICABLE, latency.outcome());
        assertEquals("not applicable — batch scoring, no SLO", latency.summary());
        assertEquals("batch scoring, no SLO", latency.notApplicableReason());
        assertEquals("not applicable — single-language model", gates.result(Gate.LANGUAGE_PARITY).summary());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> json = (List<Map<String, Object>>) GateJson.of(review).get("gates");
        Map<String, Object> latencyJson = json.stream().filter(g -> g.get("gate").equals("latency")).findFirst()
                .orElseThrow();
        assertEquals("not applicable", latencyJson.get("outcome"));
        assertEquals("batch scoring, no SLO", latencyJson.get("notApplicableReason"));
        // no part of a declared gate says otherwise: the pack has no latency suite, yet no finding reads "insufficient"
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> latencyFindings = (List<Map<String, Object>>) latencyJson.get("findings");
        assertFalse(latencyFindings.isEmpty());
        for (Map<String, Object> finding : latencyFindings) {
            assertEquals("not applicable", finding.get("outcome"));
            assertEquals("not applicable — batch scoring, no SLO", finding.get("detail"));
        }
        assertEquals(true, GateJson.of(review).get("everyGatePasses"));

        // the record made from this review states the reason: it is part of the signed payload
        EvaluationSummary summary = RecordedOutcomes.summaryOf(review);
        EvaluationSummary.GateOutcome stated = summary.gates().stream().filter(g -> g.gate().equals("Latency"))
                .findFirst().orElseThrow();
        assertEquals("not applicable", stated.result());
        assertEquals("not applicable — batch scoring, no SLO", stated.detail());
        assertEquals(List.of(), RecordedOutcomes.differences(summary, gates));
        assertEquals(review.evidence().primaryMetric().wireName(), summary.keyMetrics().get(0).metric());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void volumeNamesOnlyWhatThePackLetItCount(Kind kind) throws Exception {
        GateResult volume = new RealStylePack(folder, kind).review().gates().result(Gate.VOLUME);
        assertEquals(GateOutcome.PASS, volume.outcome());
        assertFalse(volume.summary().contains("language and segment"), volume.summary());
        String expected = kind == Kind.REGRESSION ? "every segment (4) reaches its minimum"
                : "every class (" + (kind == Kind.BINARY ? 2 : 4) + ") and segment (4) reaches its minimum";
        assertEquals(expected + "; no 'language' column in the primary suite, so its volume is not checked",
                volume.summary());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailingGateNamesItsWorstFindingNotItsFirst(Kind kind) throws Exception {
        // minimum 450 per segment: north (500) passes, south 400, east 200 and west 100 fail; west is the worst
        GateResult volume = new RealStylePack(folder, kind)
                .policy("{\"validation\": {\"minPerSegment\": 450, \"minPerClass\": 1}}").review().gates()
                .result(Gate.VOLUME);
        assertEquals(GateOutcome.FAIL, volume.outcome());
        assertEquals("segment=west: 100 examples (minimum 450) (and 2 more)", volume.summary());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSlicesSignificantlyWorseAreListed(Kind kind) throws Exception {
        CandidateReview review = new RealStylePack(folder, kind).worseInTheWest().review();
        List<String> worse = review.evidence().worseSlices().stream().map(s -> s.slice().label()).toList();
        assertEquals(List.of("segment=west"), worse);
        assertTrue(review.evidence().describe(review.evidence().worseSlices().get(0)).startsWith("segment=west: Δ "));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> json = (List<Map<String, Object>>) GateJson.of(review).get("worseSlices");
        assertEquals("segment=west", json.get(0).get("slice"));
        assertEquals(100, json.get(0).get("n"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeclarationNeverHidesWhatTheEvidenceWouldGive(Kind kind) throws Exception {
        GateResult volume = new RealStylePack(folder, kind)
                .policy("{\"validation\": {\"minPerSegment\": 450, \"minPerClass\": 1},"
                        + " \"notApplicable\": {\"volume\": \"segments are reported, not gated\"}}")
                .review().gates().result(Gate.VOLUME);
        assertEquals(GateOutcome.NOT_APPLICABLE, volume.outcome());
        assertTrue(volume.summary().startsWith("not applicable — segments are reported, not gated (the evidence in "
                + "the pack would give: fail — segment=west"), volume.summary());
        Finding west = volume.findings().stream().filter(f -> f.subject().equals("segment=west")).findFirst()
                .orElseThrow();
        assertEquals(GateOutcome.NOT_APPLICABLE, west.outcome());
        assertTrue(west.detail().startsWith("not applicable — segments are reported, not gated (the evidence in "
                + "the pack would give: fail — segment=west"), west.detail());
        assertFalse(west.numbers().isEmpty(), "the numbers behind what it would give stay");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withoutMonitoringTheSuggestionSaysNothingCouldBeJudged(Kind kind) throws Exception {
        CandidateReview review = new RealStylePack(folder, kind).review();
        assertEquals(RetrainingDecision.DEFER, review.triggers().suggestion());
        assertTrue(review.triggers().rationale().startsWith("no monitoring evidence"), review.triggers().rationale());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void statedOutcomesThatDifferFromTheJudgedOnesAreNamed(Kind kind) throws Exception {
        CandidateReview review = new RealStylePack(folder, kind).review();
        EvaluationSummary judged = RecordedOutcomes.summaryOf(review);
        List<EvaluationSummary.GateOutcome> claimed = new java.util.ArrayList<>(judged.gates().stream()
                .map(g -> g.gate().equals("Safety") ? new EvaluationSummary.GateOutcome("safety", "pass", "fine")
                        : g).toList());
        claimed.removeIf(g -> g.gate().equals("Latency"));
        claimed.add(new EvaluationSummary.GateOutcome("Toxicity", "pass", null));
        List<String> differences = RecordedOutcomes.differences(new EvaluationSummary(claimed, List.of()),
                review.gates());
        assertEquals(3, differences.size(), differences.toString());
        assertTrue(differences.get(0).startsWith("Safety: the record says pass, Verdict judges insufficient evidence"),
                differences.get(0));
        assertEquals("Latency: the record leaves it out; Verdict judges it insufficient evidence", differences.get(1));
        assertTrue(differences.get(2).startsWith("Toxicity: not a gate Verdict judges"), differences.get(2));
    }
}
