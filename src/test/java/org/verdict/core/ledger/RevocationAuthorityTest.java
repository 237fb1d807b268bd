package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.verdict.core.ledger.StoreSurgery.anyProblem;
import static org.verdict.core.ledger.StoreSurgery.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may revoke a key. Co-signing once registers a key, so "any signer in force" would let an outsider who
 * co-signed lock the board's signers out for good. A key is revoked by its own holder, or by a signer the log vouches
 * for (its first signer, or one such a signer endorsed); under a trusted signers list, a revocation counts only when
 * a listed key (or the key itself) signed it.
 */
class RevocationAuthorityTest {
    private static final SignerKey ADA = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
    private static final SignerKey GRACE = LedgerFixtures.signer("Grace Hopper", Roles.PRODUCT);
    private static final SignerKey MALLORY = LedgerFixtures.signer("Mallory", "observer");

    @TempDir
    Path dir;

    /** #1 appended by Ada (the log's first signer), co-signed by Grace and by Mallory, both unendorsed. */
    private Path logCoSignedByOutsiders() throws Exception {
        Path db = dir.resolve("d.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("first"), ADA);
            log.cosign("1", GRACE);
            log.cosign("1", MALLORY);
        }
        return db;
    }

    @Test
    void aSignerWhoOnlyCoSignedCannotRevokeAnotherSignersKeyAndNothingIsWritten() throws Exception {
        Path db = logCoSignedByOutsiders();
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            int entries = log.snapshot().entries().size();
            LedgerException refused = assertThrows(LedgerException.class,
                    () -> log.revoke(ADA.identity().keyId(), "lol", MALLORY));
            assertTrue(refused.getMessage().startsWith(MALLORY.identity() + " may not revoke the key of Ada Lovelace"
                    + " (ml-lead, " + ADA.identity().shortKeyId() + "); no key was revoked"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Mallory was registered without such an endorsement"),
                    refused.getMessage());
            // an unendorsed signer of the board is no more entitled than the outsider
            assertThrows(LedgerException.class, () -> log.revoke(ADA.identity().keyId(), "lol", GRACE));
            assertEquals(entries, log.snapshot().entries().size(), "no revocation entry was written");
            // Ada is not locked out
            log.append(LedgerFixtures.retraining("second"), ADA);
        }
        VerificationReport report = verify(db);
        assertTrue(report.isIntact(), report.problems().toString());
    }

    @Test
    void aKeysHolderAndTheLogsFirstSignerMayRevokeIt() throws Exception {
        Path db = logCoSignedByOutsiders();
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            // a lost or stolen key: its holder revokes it
            assertTrue(log.revoke(MALLORY.identity().keyId(), "laptop stolen", MALLORY).isRevoked());
            // the log's first signer vouches for itself
            assertTrue(log.revoke(GRACE.identity().keyId(), "left the board", ADA).isRevoked());
        }
        assertTrue(verify(db).isIntact());
    }

    @Test
    void aSignerEndorsedByAVouchedSignerMayRevokeOthers() throws Exception {
        Path db = dir.resolve("e.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("first"), ADA);
            log.register(GRACE.identity(), SignerClaim.selfSign(GRACE), List.of(ADA));
            log.cosign("1", MALLORY);
            // endorsed by an unvouched signer: still not vouched for
            SignerKey eve = LedgerFixtures.signer("Eve", "observer");
            log.register(eve.identity(), SignerClaim.selfSign(eve), List.of(MALLORY));
            assertThrows(LedgerException.class, () -> log.revoke(ADA.identity().keyId(), "lol", eve));
            assertTrue(log.revoke(MALLORY.identity().keyId(), "not on the board", GRACE).isRevoked());
        }
        assertTrue(verify(db).isIntact());
    }

    /**
     * A log where a vouched signer the organisation does not list revoked the ML lead's key (as any co-signer could
     * before this rule): under the trusted signers list the revocation does not count, is reported, and the key
     * stays in force.
     */
    @Test
    void underTheTrustedSignersListARevocationByAnUnlistedKeyDoesNotCount() throws Exception {
        Path db = dir.resolve("t.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("first"), ADA);
            log.register(MALLORY.identity(), SignerClaim.selfSign(MALLORY), List.of(ADA));
            log.revoke(ADA.identity().keyId(), "lol", MALLORY);
        }
        VerificationReport storeAlone = verify(db);
        assertTrue(storeAlone.isIntact(), "the store alone cannot tell whom the organisation trusts");
        assertTrue(storeAlone.problems().isEmpty());

        Path list = dir.resolve("ts.json");
        Files.writeString(list, "{\"format\": \"verdict-trusted-signers/1\", \"signers\": [" + Stream.of(ADA, GRACE)
                .map(k -> "{\"name\": \"" + k.identity().name() + "\", \"role\": \"" + k.identity().role()
                        + "\", \"keyId\": \"" + k.identity().keyId() + "\"}").collect(Collectors.joining(", ")) + "]}");
        VerificationReport report = verify(db, new VerificationOptions(TrustedSigners.read(list), null, false));
        assertFalse(report.isIntact());
        assertTrue(report.summary().startsWith("POLICY NOT MET"), report.summary());
        assertTrue(anyProblem(report, "(revocation of Ada Lovelace's key " + ADA.identity().shortKeyId()
                + "): signed only by Mallory (observer, " + MALLORY.identity().shortKeyId() + "), a key that is not in"
                + " the trusted signers list, not by the key's own holder: the revocation does not count, and the key"
                + " of Ada Lovelace stays in force"), report.problems().toString());
        assertEquals(1, report.problems().stream().filter(p -> p.message().contains("revocation of")).count(),
                "reported once: " + report.problems());

        // the same rule for the organisation that wants every signer endorsed: Mallory was, so it counts there
        VerificationReport endorsed = verify(db, new VerificationOptions(null, null, true));
        assertTrue(endorsed.isIntact(), endorsed.problems().toString());
        Map<String, RegisteredSigner> signers;
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            signers = log.snapshot().signers();
        }
        assertTrue(signers.get(ADA.identity().keyId()).isRevoked(), "the store itself still records the revocation");
    }
}
