package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A valid signature by a key the trusted signers list does not name is said as such, never as a missing one. */
class UntrustedAppenderTest {
    @TempDir
    Path dir;

    @Test
    void theAppendersValidSignatureByAnUnlistedKeyIsNotCalledMissing() throws Exception {
        SignerKey appender = LedgerFixtures.signer("Log Fix", Roles.ML_LEAD);
        Path db = TamperedStore.withRecords(dir.resolve("decisions.db"), appender, LedgerFixtures.promotion(1, "wins"));
        String other = "a".repeat(64);
        TrustedSigners roster = new TrustedSigners(Path.of("ts_other.json"),
                Map.of(other, new TrustedSigners.Trusted("Ada Lovelace", Roles.ML_LEAD, other)));

        VerificationReport report = StoreSurgery.verify(db, new VerificationOptions(roster, null, false));

        assertFalse(report.isTampered());
        List<String> problems = report.problemsOf(1).stream().map(VerificationReport.Problem::message).toList();
        assertEquals(List.of("signed by " + appender.identity() + ", a key that is not in the trusted signers list"
                + " ts_other.json", "the signature of the signer who appended it is valid, but their key does not count"
                + " under the signing policy checked (the line above says why)"), problems);
        assertTrue(problems.stream().noneMatch(p -> p.contains("has no valid signature")), problems.toString());
    }
}
