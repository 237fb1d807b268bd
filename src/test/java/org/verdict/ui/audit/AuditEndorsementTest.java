package org.verdict.ui.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.Integrity;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.Roles;
import org.verdict.core.ledger.SignerKey;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;

/**
 * Endorsing, in Audit, the registration of a co-signer who first signed before anyone endorsed them: the record says
 * whose registration holds its quorum back and why, and the endorser's key file endorses it through the core's
 * {@code DecisionLog.endorse}, the path of {@code log register --endorse-key}.
 */
class AuditEndorsementTest {
    @TempDir
    Path dir;
    private Path db;
    private Path adaKey;
    private Path joanKey;
    private SignerKey joan;
    private final AuditViewModel model = new AuditViewModel(new CurrentThreadExecutor(),
            new ActivityMonitor(System::currentTimeMillis));

    /** Ada appends a tier-3 promotion; Joan co-signs it with a key nobody endorsed. */
    @BeforeEach
    void joanCoSignedUnendorsed() throws Exception {
        adaKey = keyFile("Ada Lovelace", Roles.ML_LEAD);
        joanKey = keyFile("Joan Clarke", Roles.PRODUCT);
        joan = unlock(joanKey);
        db = dir.resolve("decisions.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(3, "candidate wins on every slice"), unlock(adaKey));
            log.cosign("1", joan);
        }
        model.open(db);
        model.selectedProperty().set(model.visibleRecords().get(0));
    }

    @Test
    void theRecordSaysWhoseRegistrationAwaitsAnEndorsementAndWhy() {
        assertEquals(Integrity.POLICY_NOT_MET, model.integrityProperty().get(), model.verificationProperty().get());
        AuditViewModel.AwaitingEndorsement awaiting = model.awaitingEndorsementProperty().get();
        assertEquals(joan.identity().keyId(), awaiting.keyId());
        assertEquals(2, awaiting.entry());
        // the key id in groups of eight hex digits, which wrap in a narrow pane
        String grouped = joan.identity().keyId().replaceAll("(.{8})(?!$)", "$1 ");
        assertEquals(8, grouped.split(" ").length);
        assertEquals("Joan Clarke (product) signs with a key registered in log entry #2 without an endorsement by an"
                + " existing signer, so its signatures count towards no quorum. Ask Joan Clarke for the key id and check"
                + " it is " + grouped + "; then a signer the log vouches for endorses it with their key file above.",
                model.endorsementNoteProperty().get());

        model.selectedProperty().set(null);
        assertNull(model.awaitingEndorsementProperty().get());
        assertEquals("", model.endorsementNoteProperty().get());
    }

    @Test
    void endorsingWithABoardMembersKeyFileMakesTheLogVerify() throws Exception {
        String before = model.visibleRecords().get(0).status();

        model.endorse(adaKey, LedgerFixtures.PASSPHRASE.clone());

        assertEquals("Endorsed: Joan Clarke (product) by " + unlock(adaKey).identity()
                + "; that key's signatures count towards the quorum now.", model.cosignOutcomeProperty().get());
        assertEquals(Integrity.VERIFIED, model.integrityProperty().get(), model.verificationProperty().get());
        String after = model.visibleRecords().get(0).status();
        assertTrue(before.contains("product") && !after.contains("product"), before + " → " + after);
        model.selectedProperty().set(model.visibleRecords().get(0));
        assertNull(model.awaitingEndorsementProperty().get(), "nothing awaits an endorsement any more");
    }

    @Test
    void aWrongPassphraseTheSignersOwnKeyAndAnUnregisteredKeyAreRefusedWithNothingWritten() throws Exception {
        byte[] stored = Files.readAllBytes(db);

        model.endorse(adaKey, "wrong passphrase".toCharArray());
        assertTrue(model.cosignOutcomeProperty().get().startsWith("Not endorsed: wrong passphrase"),
                model.cosignOutcomeProperty().get());

        assertEquals(joan.identity().keyId(), model.awaitingEndorsementProperty().get().keyId(),
                "nothing changed: the record stays selected for another key file");
        model.endorse(joanKey, LedgerFixtures.PASSPHRASE.clone());
        assertEquals("Not endorsed: the key file given is the key being endorsed, " + joan.identity() + ": a"
                + " registration is endorsed by another signer, with that signer's own key file; no endorsement was"
                + " added", model.cosignOutcomeProperty().get());

        Path graceKey = keyFile("Grace Hopper", Roles.AI_SAFETY);
        model.endorse(graceKey, LedgerFixtures.PASSPHRASE.clone());
        assertEquals("Not endorsed: " + unlock(graceKey).identity() + " is not a registered signer of " + db
                + " and cannot endorse a registration; no endorsement was added", model.cosignOutcomeProperty().get());

        assertArrayEquals(stored, Files.readAllBytes(db), "not one byte written");
        assertEquals(Integrity.POLICY_NOT_MET, model.integrityProperty().get());
    }

    /** A log whose append-only guard was dropped is refused in its own words, and nothing is written. */
    @Test
    void aSuspectLogIsRefused() throws Exception {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = sql.createStatement()) {
            s.execute("DROP TRIGGER signatures_no_delete");
        }
        model.open(db);
        model.selectedProperty().set(model.visibleRecords().get(0));
        assertEquals(Integrity.SUSPECT, model.integrityProperty().get(), model.verificationProperty().get());
        byte[] stored = Files.readAllBytes(db);

        model.endorse(adaKey, LedgerFixtures.PASSPHRASE.clone());

        assertTrue(model.cosignOutcomeProperty().get().startsWith("Not endorsed: the append-only guard of the decision"
                + " log " + db + " was changed by something other than Verdict (1 guard trigger dropped), so no"
                + " endorsement was added"), model.cosignOutcomeProperty().get());
        assertArrayEquals(stored, Files.readAllBytes(db));
        assertFalse(model.integrityProperty().get() == Integrity.VERIFIED);
    }

    private Path keyFile(String name, String role) throws Exception {
        return KeyFile.generate(name, role, LedgerFixtures.PASSPHRASE, LedgerFixtures.TEST_ITERATIONS)
                .writeTo(dir.resolve("keys"));
    }

    private static SignerKey unlock(Path keyFile) throws Exception {
        return KeyFile.read(keyFile).unlock(LedgerFixtures.PASSPHRASE.clone());
    }
}
