package org.verdict.core.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.ledger.EvaluationSummary.GateOutcome;
import org.verdict.core.ledger.EvaluationSummary.KeyMetric;

/** Signers and records for ledger tests. Keys use few PBKDF2 iterations so tests stay quick. */
public final class LedgerFixtures {
    public static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    public static final int TEST_ITERATIONS = 1_000;

    private LedgerFixtures() {
    }

    public static SignerKey signer(String name, String role) {
        try {
            return KeyFile.generate(name, role, PASSPHRASE, TEST_ITERATIONS).unlock(PASSPHRASE);
        } catch (LedgerException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Registers {@code newcomer} endorsed by {@code endorser}, a signer of {@code log} already: what an organisation
     * does before a new board member signs, so that verification's default endorsement rule is met.
     */
    public static void registerEndorsed(DecisionLog log, SignerKey newcomer, SignerKey endorser) throws LedgerException {
        log.register(newcomer.identity(), SignerClaim.selfSign(newcomer), List.of(endorser));
    }

    public static Map<String, String> packHashes() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.json", "a".repeat(64));
        files.put("primary.csv", "b".repeat(64));
        files.put("policy.json", "c".repeat(64));
        return files;
    }

    public static DecisionRecord promotion(int riskTier, String rationale) {
        return new DecisionRecord(RecordKind.PROMOTION, "support-router", "2026-11-20", "promote", rationale,
                "tickets-2026-10", null, null, "43", "42", riskTier,
                new EvaluationSummary(List.of(new GateOutcome("primary metric", "pass", "Δ macro_f1 +0.021 [0.008, 0.034]")),
                        List.of(new KeyMetric("macro_f1", 0.801, 0.822, 0.021, 0.008, 0.034))),
                List.of("Ada Lovelace"), "2026-12-01", null, null,
                new Evidence("f".repeat(64), packHashes(), new Evidence.PolicyEvidence("policy.json", "c".repeat(64))));
    }

    public static DecisionRecord retraining(String rationale) {
        return retraining(rationale, "2026-10-01");
    }

    public static DecisionRecord retraining(String rationale, String decisionDate) {
        return new DecisionRecord(RecordKind.RETRAINING, "support-router", decisionDate, "retrain", rationale,
                "tickets-2026-09", List.of(new TriggerEvidence("primary metric below baseline", true,
                        "macro_f1 0.77 vs baseline 0.80 (-3.8%)")), "Ada Lovelace", null, null, null, null, null, null,
                null, null, new Evidence(null, packHashes(), null));
    }

    public static DecisionRecord amendment(String amends) {
        return new DecisionRecord(RecordKind.AMENDMENT, "support-router", "2026-12-02", null, "deployed a day late",
                null, null, null, null, null, null, null, null, null, amends, Map.of("actualDeploymentDate", "2026-12-02"),
                null);
    }
}
