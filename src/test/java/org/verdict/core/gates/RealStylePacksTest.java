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

    /** The gates a primary-only pack has no evidence for; a regression has no fairness gate to judge at all. */
    private static List<Gate> withoutTheirEvidence(Kind kind) {
        return kind == Kind.REGRESSION
                ? List.of(Gate.SAFETY, Gate.LANGUAGE_PARITY, Gate.LATENCY, Gate.CIRCUIT_BREAKER)
                : List.of(Gate.SAFETY, Gate.FAIRNESS, Gate.LANGUAGE_PARITY, Gate.LATENCY, Gate.CIRCUIT_BREAKER);
    }

    private static final Map<Gate, String> REQUIRED_AS = Map.of(Gate.SAFETY, "safety", Gate.FAIRNESS, "sensitive",
            Gate.LANGUAGE_PARITY, "language", Gate.LATENCY, "latency", Gate.CIRCUIT_BREAKER, "metricHistory");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withoutTheirEvidenceTheGatesAreNotApplicableAndSayHowToRequireIt(Kind kind) throws Exception {
        CandidateReview review = new RealStylePack(folder, kind).review();
        GateEvaluation gates = review.gates();
        assertEquals(GateOutcome.PASS, gates.result(Gate.PRIMARY_METRIC).outcome(), "the candidate is far better");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> json = (List<Map<String, Object>>) GateJson.of(review).get("gates");
        for (Gate gate : withoutTheirEvidence(kind)) {
            GateResult result = gates.result(gate);
            assertEquals(GateOutcome.NOT_APPLICABLE, result.outcome(), gate.wireName());
            assertEquals(null, result.notApplicableReason(), "no reason was declared");
            assertEquals("not applicable — the pack has no " + result.missingEvidence() + "; list \""
                    + REQUIRED_AS.get(gate) + "\" in the policy's requiredSuites to require one", result.summary());
            assertEquals(result.missingEvidence(), json.stream().filter(g -> g.get("gate").equals(gate.wireName()))
                    .findFirst().orElseThrow().get("missingEvidence"));
        }
        assertEquals("latency suite", gates.result(Gate.LATENCY).missingEvidence());
        assertTrue(gates.everyGatePasses());
        // not evaluated is not passed: the approval names every such gate, and so does the JSON
        List<String> notEvaluated = gates.gates().stream().filter(g -> g.outcome() == GateOutcome.NOT_APPLICABLE)
                .map(g -> g.gate().title()).toList();
        assertTrue(notEvaluated.containsAll(withoutTheirEvidence(kind).stream().map(Gate::title).toList()));
        // why in the Gates view's words: a regression's fairness has nothing to judge, the rest lack their evidence
        String why = kind == Kind.REGRESSION ? (notEvaluated.size() - 1) + " optional evidence absent, 1 nothing to judge"
                : "optional evidence absent";
        assertTrue(gates.approval().text().startsWith("Risk tier 1: promotion is automatic because every applicable "
                + "gate passes; " + notEvaluated.size() + " gates not applicable (" + why + "): Safety (no safety "
                + "suite), "),
                gates.approval().text());
        assertTrue(gates.approval().text().contains("Latency (no latency suite)"), gates.approval().text());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notEvaluatedJson = (List<Map<String, Object>>) ((Map<String, Object>) GateJson
                .of(review).get("approval")).get("notEvaluated");
        assertEquals(notEvaluated, notEvaluatedJson.stream().map(g -> g.get("title")).toList());
        assertEquals(Map.of("gate", "latency", "title", "Latency", "because", "no latency suite"),
                notEvaluatedJson.stream().filter(g -> g.get("gate").equals("latency")).findFirst().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void requiredSuitesMakesEachMissingEvidenceInsufficientWithTheWayOut(Kind kind) throws Exception {
        String required = String.join("\", \"", withoutTheirEvidence(kind).stream().map(REQUIRED_AS::get).toList());
        GateEvaluation gates = new RealStylePack(folder, kind).riskTier(2)
                .policy("{\"requiredSuites\": [\"" + required + "\"]}").review().gates();
        for (Gate gate : withoutTheirEvidence(kind)) {
            GateResult result = gates.result(gate);
            assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result.outcome(), gate.wireName());
            assertTrue(result.summary().startsWith("no " + result.missingEvidence() + ", so "), result.summary());
            assertTrue(result.summary().contains(", and the policy requires it (\"" + REQUIRED_AS.get(gate)
                    + "\" in requiredSuites) — add "), result.summary());
        }
        assertTrue(gates.approval().blocked());
        assertTrue(gates.approval().text().startsWith("Blocked: not every gate passes. "), gates.approval().text());
        assertTrue(gates.approval().text().contains(". " + withoutTheirEvidence(kind).size() + " gates lack evidence the policy or the risk tier requires ("
                + String.join(", ", withoutTheirEvidence(kind).stream().map(Gate::title).toList()) + "): add it; "
                + "see their lines. "), gates.approval().text());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void riskTier3RequiresSafetyAndFairnessEvidenceUnlessTheBoardDeclaresThemNotApplicable(Kind kind)
            throws Exception {
        GateEvaluation gates = new RealStylePack(folder, kind).riskTier(3).review().gates();
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, gates.result(Gate.SAFETY).outcome());
        assertTrue(gates.result(Gate.SAFETY).summary().startsWith("no safety suite, so safety cannot be judged, and "
                + "risk tier 3 requires it — add safety.csv as the manifest's safety suite, or declare the gate not "
                + "applicable in the policy with the board's reason: \"notApplicable\": {\"safety\": \"<reason>\"}"),
                gates.result(Gate.SAFETY).summary());
        // a regression has no fairness gate to require; a classification must show its sensitive columns
        assertEquals(kind == Kind.REGRESSION ? GateOutcome.NOT_APPLICABLE : GateOutcome.INSUFFICIENT_EVIDENCE,
                gates.result(Gate.FAIRNESS).outcome());
        // the rest stays as at any tier
        assertEquals(GateOutcome.NOT_APPLICABLE, gates.result(Gate.LATENCY).outcome());
        assertTrue(gates.approval().blocked());

        GateEvaluation declared = new RealStylePack(folder, kind).riskTier(3).policy("{\"notApplicable\": "
                + "{\"safety\": \"internal scoring, no generated text\", \"fairness\": \"no personal data\"}}")
                .review().gates();
        assertTrue(declared.everyGatePasses(), declared.gates().toString());
        assertEquals("not applicable — internal scoring, no generated text", declared.result(Gate.SAFETY).summary());
        assertTrue(declared.approval().text().contains("Safety (declared: internal scoring, no generated text)"),
                declared.approval().text());
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
        // the pass is said to be on what was counted only, first, beside the outcome
        String expected = kind == Kind.REGRESSION ? "segments only: every segment (4) reaches its minimum"
                : "classes and segments only: every class (" + (kind == Kind.BINARY ? 2 : 4)
                        + ") and segment (4) reaches its minimum";
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
        assertEquals("segment=west: 100 examples (minimum 450, the policy's validation.minPerSegment) (and 2 more findings"
                + " that also fail)", volume.summary());
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
        // the judged outcome's reason follows it once, without repeating its words
        assertEquals("Safety: the record says pass, Verdict judges not applicable (the pack has no safety suite; list "
                + "\"safety\" in the policy's requiredSuites to require one)", differences.get(0));
        assertEquals("Latency: the record leaves it out; Verdict judges it not applicable", differences.get(1));
        assertTrue(differences.get(2).startsWith("Toxicity: not a gate Verdict judges"), differences.get(2));
    }
}
