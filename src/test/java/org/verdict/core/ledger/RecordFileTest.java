package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A decision record file is refused with every problem it has, each at its line and column. */
class RecordFileTest {
    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        return Files.writeString(dir.resolve("decision.json"), json);
    }

    private List<String> refused(Path file, List<String> leftOut) {
        return assertThrows(LedgerException.class, () -> {
            RecordFile read = RecordFile.read(file);
            read.requireSound(read.record(), leftOut);
        }).getMessage().lines().toList();
    }

    @Test
    void everyProblemIsListedAtItsLineAndColumnInTheOrderOfTheFile() throws Exception {
        Path file = file("""
                {
                  "kind": "promotion",
                  "model": "support-router",
                  "decisionDate": "2026-13-20",
                  "decision": "promote",
                  "dataSnapshot": "tickets-2026-10",
                  "candidateVersion": "43",
                  "productionVersion": "42",
                  "riskTier": 2.5,
                  "evaluationSummary": {
                    "gates": [{"gate": "primary metric", "result": "pass", "detail": "d", "colour": "red"}],
                    "keyMetrics": [{"metric": "macro_f1", "production": "high"}]
                  },
                  "aprovers": ["Ada Lovelace"],
                  "approvers": "Ada Lovelace",
                  "evidence": {"files": {"manifest.json": "%s"}}
                }
                """.formatted("1".repeat(64)));
        String name = file.toString();
        assertEquals(List.of(name + ": 7 problems in the record; nothing was appended:",
                "  " + name + ", line 1, column 1: 'rationale' is required",
                "  " + name + ", line 4, column 19: 'decisionDate' is not a date yyyy-MM-dd: 2026-13-20",
                "  " + name + ", line 9, column 15: riskTier must be a whole number, not the number 2.5",
                "  " + name + ", line 11, column 85: unknown key evaluationSummary.gates[0].colour (a typo?); known"
                        + " keys here: [detail, gate, result]",
                "  " + name + ", line 12, column 57: evaluationSummary.keyMetrics[0].production must be a number, not"
                        + " the string \"high\"",
                "  " + name + ", line 14, column 15: unknown key aprovers (a typo?); known keys here: [amends,"
                        + " approver, approvers, candidateVersion, dataSnapshot, decision, decisionDate,"
                        + " evaluationSummary, evidence, facts, kind, model, overrides, plannedDeploymentDate,"
                        + " productionVersion, rationale, riskTier, triggers]",
                "  " + name + ", line 15, column 16: approvers must be a list, not the string \"Ada Lovelace\""),
                refused(file, List.of()));
    }

    @Test
    void anUnknownKindAndAValueOfTheWrongKindAreBothNamed() throws Exception {
        Path file = file("{\"kind\": \"promo\",\n \"triggers\": {\"a\": 1}}");
        String name = file.toString();
        assertEquals(List.of(name + ": 2 problems in the record; nothing was appended:",
                "  " + name + ", line 1, column 10: kind: unknown kind 'promo' (retraining, promotion, amendment)",
                "  " + name + ", line 2, column 14: triggers must be a list, not a JSON object"),
                refused(file, List.of()));
    }

    @Test
    void jsonThatIsNotWellFormedStopsAtItsOneProblem() throws Exception {
        Path file = file("{\"kind\": \"retraining\",\n \"model\": \"m\",,}");
        assertEquals(List.of(file + ", line 2, column 15: is not valid JSON: two commas in a row; remove one"),
                refused(file, List.of()));
        Path list = file("[1, 2]");
        assertEquals(List.of(list + ", line 1, column 1: a decision record is a JSON object, not a list"),
                refused(list, List.of()));
    }

    /** The evidence and the gate table a pack fills in are judged once the record is bound to it. */
    @Test
    void whatThePackFillsInIsLeftToItAndJudgedOnTheBoundRecord() throws Exception {
        Path file = file("""
                {"kind": "retraining", "model": "support-router", "decisionDate": "2026-10-01", "decision": "retrain",
                 "rationale": "drift", "dataSnapshot": "tickets-2026-09", "approver": "Ada Lovelace",
                 "triggers": [{"trigger": "drift", "fired": true, "evidence": "psi 0.3"}]}
                """);
        RecordFile read = RecordFile.read(file);
        read.requireSound(read.record(), RecordFile.FILLED_BY_PACK);
        assertEquals(List.of(file + ", line 1, column 1: 'evidence.files' must hold the SHA-256 of every file of the"
                + " pack"), refused(file, List.of()));
        read.requireSound(read.record().withEvidence(LedgerFixtures.retraining("x").evidence()), List.of());
    }
}
