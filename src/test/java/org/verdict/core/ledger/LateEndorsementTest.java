package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A co-signer whose key entered the log when they first signed (in the app, or by {@code log cosign}) is endorsed
 * afterwards by a signer the log vouches for: one log entry repeating their signed claim, signed by the endorser, with
 * the endorser's checkpoint. From then on the key's signatures count, those made before too; every wrong endorser is
 * refused with nothing written.
 */
class LateEndorsementTest {
    static final SignerKey ADA = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
    static final SignerKey JOAN = LedgerFixtures.signer("Joan Clarke", Roles.PRODUCT);
    static final SignerKey GRACE = LedgerFixtures.signer("Grace Hopper", Roles.AI_SAFETY);

    @TempDir
    Path dir;
    private Path db;

    /** Ada appends a tier-2 record and Joan co-signs it, unendorsed. */
    @BeforeEach
    void joanCoSignedBeforeAnyoneEndorsedHer() throws Exception {
        db = dir.resolve("decisions.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(3, "candidate wins on every slice"), ADA);
            log.cosign("1", JOAN);
        }
    }

    @Test
    void anEndorsementAfterTheKeySignedMakesItsSignaturesCount() throws Exception {
        VerificationReport before = StoreSurgery.verify(db, VerificationOptions.DEFAULT);
        assertEquals("POLICY NOT MET", before.heading(), before.problems().toString());
        assertTrue(StoreSurgery.anyProblem(before, "registers Joan Clarke (product, "
                + JOAN.identity().shortKeyId() + ") without an endorsement"), before.problems().toString());
        assertTrue(before.quorums().get(1L).missing().contains(Roles.PRODUCT), before.quorums().toString());

        RegisteredSigner endorsed;
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            endorsed = log.endorse(JOAN.identity().keyId().substring(0, 12), ADA);
        }

        assertEquals(List.of(ADA.identity().toString()), endorsed.endorsers());
        assertEquals(2, endorsed.registrationEntry(), "the key stays registered where it first entered the log");
        VerificationReport after = StoreSurgery.verify(db, VerificationOptions.DEFAULT);
        assertTrue(after.isIntact(), after.problems().toString());
        assertFalse(after.quorums().get(1L).missing().contains(Roles.PRODUCT), "Joan's earlier signature counts now");
    }

    /** {@code log register --endorse-key} of a signer already in the log takes the same path. */
    @Test
    void registeringTheSameSignerWithAnEndorserEndorsesTheRegistration() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.register(JOAN.identity(), SignerClaim.selfSign(JOAN), List.of(ADA));
        }
        assertTrue(StoreSurgery.verify(db, VerificationOptions.DEFAULT).isIntact());
    }

    /** Deleting the checkpoint written with the endorsement is seen, as for an endorsed registration. */
    @Test
    void theEndorsementsCheckpointCannotBeDeletedUnseen() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.endorse(JOAN.identity().keyId(), ADA);
        }
        StoreSurgery.execute(db, "DELETE FROM checkpoints WHERE id = (SELECT max(id) FROM checkpoints)");

        VerificationReport report = StoreSurgery.verify(db);
        assertTrue(StoreSurgery.anyProblem(report, "log entry #3 (registration of Joan Clarke, product) is covered by"
                + " no checkpoint, though it was signed by Ada Lovelace"), report.problems().toString());
    }

    @Test
    void theSignersOwnKeyAnUnregisteredKeyAndAnUnvouchedSignerAreRefusedWithNothingWritten() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.register(GRACE); // by her own key: registered, but nobody vouches for her
        }
        byte[] stored = Files.readAllBytes(db);
        SignerKey outsider = LedgerFixtures.signer("Mallory Byrne", Roles.ML_LEAD);

        assertEquals("the key file given is the key being endorsed, Joan Clarke (product, "
                + JOAN.identity().shortKeyId() + "): a registration is endorsed by another signer, with that signer's"
                + " own key file; no endorsement was added", refusal(JOAN));
        assertEquals(outsider.identity() + " is not a registered signer of " + db + " and cannot endorse a"
                + " registration; no endorsement was added", refusal(outsider));
        assertTrue(refusal(GRACE).startsWith(GRACE.identity() + " may not endorse the registration of Joan Clarke"
                + " (product, " + JOAN.identity().shortKeyId() + "); no endorsement was added."), refusal(GRACE));
        assertArrayEquals(stored, Files.readAllBytes(db), "not one byte written");
    }

    @Test
    void aRegistrationThatNeedsNoEndorsementIsNotEndorsedAgain() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.endorse(JOAN.identity().keyId(), ADA);
            LedgerException again = assertThrows(LedgerException.class, () -> log.endorse(JOAN.identity().keyId(), ADA));
            assertEquals("the registration of Joan Clarke (product, " + JOAN.identity().shortKeyId() + ") (log entry #2)"
                    + " needs no endorsement: it is endorsed by " + ADA.identity() + "; nothing was written",
                    again.getMessage());
            LedgerException first = assertThrows(LedgerException.class, () -> log.endorse(ADA.identity().keyId(), JOAN));
            assertTrue(first.getMessage().contains("needs no endorsement: the log vouches for it already"),
                    first.getMessage());
        }
    }

    /** A log whose guard was dropped takes no endorsement either: it would vouch for a history that may be cut short. */
    @Test
    void aSuspectLogTakesNoEndorsement() throws Exception {
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = sql.createStatement()) {
            s.execute("DROP TRIGGER records_no_delete");
        }
        byte[] stored = Files.readAllBytes(db);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LogNotIntactException refused = assertThrows(LogNotIntactException.class,
                    () -> log.endorse(JOAN.identity().keyId(), ADA));
            assertTrue(refused.getMessage().startsWith("the append-only guard of the decision log " + db + " was changed by"
                    + " something other than Verdict (1 guard trigger dropped), so no endorsement was added"),
                    refused.getMessage());
        }
        assertArrayEquals(stored, Files.readAllBytes(db));
    }

    private String refusal(SignerKey endorser) throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            return assertThrows(LedgerException.class, () -> log.endorse(JOAN.identity().keyId(), endorser))
                    .getMessage();
        }
    }
}
