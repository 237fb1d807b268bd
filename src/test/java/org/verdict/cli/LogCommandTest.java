package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.cli.terminal.TerminalWidth;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.TamperedStore;
import org.verdict.core.pack.PackFixture;

/** The key and log commands as scripts call them. */
class LogCommandTest {
    static final String RECORD = """
            {
              "kind": "promotion",
              "model": "support-router",
              "decisionDate": "2026-11-20",
              "decision": "promote",
              "rationale": "candidate 43 beats production 42 on macro F1 in every segment",
              "dataSnapshot": "tickets-2026-10",
              "candidateVersion": "43",
              "productionVersion": "42",
              "riskTier": 3,
              "evaluationSummary": {
                "gates": [{"gate": "primary metric", "result": "pass", "detail": "Δ +0.021 [0.008, 0.034]"}],
                "keyMetrics": [{"metric": "macro_f1", "production": 0.801, "candidate": 0.822}]
              },
              "approvers": ["Ada Lovelace", "Grace Hopper", "Joan Clarke"],
              "plannedDeploymentDate": "2026-12-01",
              "evidence": {
                "files": {"manifest.json": "%s", "primary.csv": "%s"},
                "policy": {"file": "policy.json", "sha256": "%s"}
              }
            }
            """.formatted("1".repeat(64), "2".repeat(64), "3".repeat(64));

    @TempDir
    Path dir;
    private Path db;
    private BoardCommandLine cli;
    private Path passphrase;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void keysAndRecord() throws Exception {
        db = dir.resolve("decisions.db");
        cli = new BoardCommandLine(dir);
        passphrase = cli.passphrase;
        out = cli.out;
        err = cli.err;
        Files.writeString(dir.resolve("record.json"), RECORD);
    }

    /**
     * A row Verdict never writes, added to log_info through the guard (which lets new keys in): no signature covers
     * it, so verify names it in a note, saying who plausibly wrote it; the records still verify and the log still
     * takes writes, as the guard refuses deleting the row.
     */
    @Test
    void aKeyVerdictNeverWritesInLogInfoIsReported() throws Exception {
        append();
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("verify", "--db", db.toString()));
        assertFalse(out.toString().contains("log_info"), out.toString());

        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            s.executeUpdate("INSERT INTO log_info VALUES ('retention', 'forever')");
        }
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("verify", "--db", db.toString()), out.toString());
        assertTrue(out.toString().contains("  note: log_info holds a key no Verdict writes ('retention' = 'forever'):"
                + " a newer Verdict would have raised the store's format"), out.toString());
        assertTrue(out.toString().contains("something other than Verdict with write access to the file added it"),
                out.toString());
    }

    /**
     * A co-signer whose key entered the log unendorsed (they signed before anyone endorsed them) is endorsed later by
     * {@code log register --endorse-key}, and the log then verifies: their signature counts.
     */
    @Test
    void aCoSignerWhoSignedUnendorsedIsEndorsedByRegisterAfterwards() throws Exception {
        append();
        assertEquals(0, cli.log("cosign", "--db", db.toString(), "--id", "1", "--key", cli.keyFile("joan-clarke"),
                "--passphrase-file", passphrase.toString()), err.toString());
        // signing first and being endorsed afterwards is allowed, but the signer is told at once what it takes
        assertTrue(err.toString().contains("warning: Joan Clarke (product, "), err.toString());
        assertTrue(err.toString().contains("verdict log register --db " + db + " --signer "
                + dir.resolve("keys/joan-clarke.signer.json") + " --endorse-key "), err.toString());
        assertEquals(1, cli.log("verify", "--db", db.toString()));
        assertTrue(out.toString().contains("registers Joan Clarke (product, "), out.toString());

        assertEquals(0, cli.log("register", "--db", db.toString(), "--signer",
                dir.resolve("keys/joan-clarke.signer.json").toString(), "--endorse-key", cli.keyFile("ada-lovelace"),
                "--passphrase-file", passphrase.toString()), err.toString());
        assertTrue(out.toString().contains(", endorsed by Ada Lovelace (ml-lead, "), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("verify", "--db", db.toString()), out.toString());
        assertTrue(out.toString().startsWith("intact: 1 record"), out.toString());

        assertEquals(2, cli.log("register", "--db", db.toString(), "--signer",
                dir.resolve("keys/joan-clarke.signer.json").toString(), "--endorse-key", cli.keyFile("ada-lovelace"),
                "--passphrase-file", passphrase.toString()));
        assertTrue(err.toString().contains("needs no endorsement: it is endorsed by Ada Lovelace"), err.toString());
    }

    @Test
    void tierThreeRecordIsAppendedCoSignedInPlaceAndViaAnEnvelopeFile() throws Exception {
        assertEquals(0, cli.log("append", "--db", db.toString(), "--record", dir.resolve("record.json").toString(),
                "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()), err.toString());
        assertTrue(out.toString().contains("status: awaiting signatures (ai-safety, product)"), out.toString());

        // the organisation endorses each new signer's registration, as verification requires by default
        assertEquals(0, cli.log("register", "--db", db.toString(), "--signer", signerFile("grace-hopper"),
                "--endorse-key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()), err.toString());
        assertEquals(0, cli.log("cosign", "--db", db.toString(), "--id", "1", "--key", cli.keyFile("grace-hopper"),
                "--passphrase-file", passphrase.toString()), err.toString());
        assertTrue(out.toString().contains("status: awaiting signatures (product)"), out.toString());
        assertFalse(err.toString().contains("warning:"), err.toString());

        Path envelope = dir.resolve("record-1.dsse.json");
        assertEquals(0, cli.log("export-envelope", "--db", db.toString(), "--id", "1", "--out", envelope.toString()));
        assertEquals(0, cli.log("sign-envelope", "--envelope", envelope.toString(), "--key", cli.keyFile("joan-clarke"),
                "--passphrase-file", passphrase.toString()), err.toString());
        assertEquals(2, cli.log("import-signature", "--db", db.toString(), "--envelope", envelope.toString()));
        assertTrue(err.toString().contains("unknown signer"), err.toString());
        assertEquals(0, cli.log("register", "--db", db.toString(), "--signer", dir.resolve("keys/joan-clarke.signer.json").toString(),
                "--endorse-key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()), err.toString());
        assertEquals(0, cli.log("import-signature", "--db", db.toString(), "--envelope", envelope.toString()), err.toString());
        assertTrue(out.toString().contains("imported 1 new signature" + System.lineSeparator()));
        assertTrue(out.toString().contains("status: signed"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString(), "--json"));
        JsonNode list = new ObjectMapper().readTree(out.toString());
        assertEquals(1, list.size());
        assertEquals("signed", list.get(0).get("status").asText());
        assertEquals(3, list.get(0).get("signatures").size());
        assertEquals("promote", list.get(0).get("record").get("decision").asText());

        assertEquals(0, cli.log("verify", "--db", db.toString()));
        assertTrue(out.toString().contains("intact: 1 record,"));
    }

    @Test
    void verifyExitsOneAndNamesTheFirstBadRecordAfterTampering() throws Exception {
        append();
        append();
        TamperedStore.changeRecord(db, 2, "every segment", "every segmenT");
        assertEquals(1, cli.log("verify", "--db", db.toString()));
        assertTrue(out.toString().contains("TAMPERED: first bad record is #2"), out.toString());
        assertEquals(2, cli.log("verify", "--db", dir.resolve("missing.db").toString()));
        assertTrue(err.toString().contains("no decision log at"));
    }

    /** A record changed after signing is listed with its signature invalid, never as awaiting signatures. */
    @Test
    void listShowsTheSignatureOfAChangedRecordAsInvalid() throws Exception {
        append();
        append();
        TamperedStore.changeRecord(db, 2, "every segment", "every segmenT");
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString()));
        String recordTwo = out.toString().lines().filter(l -> l.strip().startsWith("2 ")).findFirst().orElseThrow();
        assertTrue(recordTwo.contains("✖ tampered") && recordTwo.contains("signature invalid: record altered after signing"),
                out.toString());
        String summary = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(summary.startsWith("TAMPERED: first bad record is #2; "), out.toString());
        assertFalse(recordTwo.contains("awaiting"), recordTwo);

        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString(), "--json"));
        JsonNode list = new ObjectMapper().readTree(out.toString());
        assertEquals("signature invalid: record altered after signing", list.get(1).get("status").asText());
        assertEquals("awaiting signatures (ai-safety, product)", list.get(0).get("status").asText());
        assertTrue(list.get(0).get("signatures").get(0).get("verified").asBoolean());
        JsonNode invalid = list.get(1).get("signatures").get(0);
        assertFalse(invalid.get("verified").asBoolean());
        assertTrue(invalid.get("problem").asText().endsWith(" is invalid: the record was altered after it was signed"
                + " (its bytes no longer match its id)"), invalid.toString());
    }

    /**
     * The format-2 store kept as a fixture (#2 promote, #3 hold amending it, #4 hold again): `log list` says #3 stands,
     * restated by #4, and #2 was replaced by #3; with a guard trigger altered, `log verify` heads it so.
     */
    @Test
    void listSaysARestatementReplacesNothingAndVerifyHeadsAnAlteredTriggerSo() throws Exception {
        Path old = TamperedStore.copyOfResource("/ledger/format-2-store/decisions.db", dir.resolve("format-2.db"));
        assertEquals(0, cli.log("list", "--db", old.toString()), err.toString());
        List<String> standing = out.toString().lines().filter(line -> line.startsWith("     ↳ ")).toList();
        assertEquals(List.of("     ↳ replaced by #3, which stands (hold production 42; do not promote candidate 43),"
                + " restated by #4", "     ↳ stands: restated by #4 (3 decisions on this question and evidence)",
                "     ↳ stands: restates #3, which first decided it (3 decisions on this question and evidence)"),
                standing, out.toString());

        TamperedStore.makeDeleteGuardInert(old, "records");
        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", old.toString()));
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("SUSPECT: 1 guard trigger altered — cannot tell whether records were"
                + " removed from the end of the log"), out.toString());
        assertTrue(lines.get(1).startsWith("  the store's append-only guard is not as Verdict made it, 1 trigger"
                + " altered, so that it may no longer refuse a change (records_no_delete: "), out.toString());
    }

    /** A store migrated from format 2 and set back by hand is SUSPECT, headed with what was found, exit 1. */
    @Test
    void verifyHeadsAStoreSetBackToFormat2WithWhatWasFound() throws Exception {
        Path setBack = TamperedStore.setBackToFormat2(dir.resolve("set-back.db"), false);
        assertEquals(1, cli.log("verify", "--db", setBack.toString()));
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("SUSPECT: store format set back from 3 to 2 and 8 guard triggers dropped —"
                + " cannot tell whether records were removed from the end of the log"), out.toString());
        assertTrue(lines.get(1).startsWith("  the store's append-only guard is set back to format 2, though log entry"
                + " #"), out.toString());
    }

    /**
     * A store one format newer than this Verdict (as a later Verdict would leave it) is bad input for this one, exit
     * 2, said to be made by a newer Verdict and no sign of tampering; not TAMPERED, and not a byte of it changed.
     */
    @Test
    void aStoreOfANewerFormatIsSaidToBeANewerVerdictsNotTampered() throws Exception {
        Path newer = TamperedStore.copyOfResource("/ledger/format-2-store/decisions.db", dir.resolve("newer.db"));
        DecisionLog.openForWriting(newer).close(); // migrated to this Verdict's format, then one above it
        int format;
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = sql.createStatement()) {
            s.execute("UPDATE schema_version SET version = (SELECT max(version) FROM schema_version) + 1");
            format = s.executeQuery("SELECT version FROM schema_version").getInt(1);
        }
        byte[] stored = Files.readAllBytes(newer);
        for (String command : List.of("verify", "list")) {
            err.getBuffer().setLength(0);
            assertEquals(2, cli.log(command, "--db", newer.toString()), err.toString());
            assertEquals("error: " + newer + " is a decision log of format version " + format + ", made by a newer"
                    + " Verdict: this one reads formats 1 to " + (format - 1) + " only, so it neither verified nor"
                    + " changed it (a newer format is no sign of tampering); open it with a Verdict that writes format "
                    + format + " or later", err.toString().strip());
            assertFalse(out.toString().contains("TAMPERED"), out.toString());
        }
        assertArrayEquals(stored, Files.readAllBytes(newer), "the file was not changed");
    }

    /**
     * Without a checkpoint kept outside the log, "intact" says what the store alone cannot show; a log whose records,
     * signatures and checkpoints were all deleted says it, and notes the registration no checkpoint covers.
     */
    @Test
    void verifyWithoutAKeptCheckpointSaysWhatItCannotDetect() throws Exception {
        append();
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("verify", "--db", db.toString()));
        assertTrue(out.toString().startsWith("intact: 1 record, every signature, the hash chain, the Merkle tree and"
                + " every checkpoint verify; records removed from the end cannot be detected without a checkpoint kept"
                + " outside the log (give one with --checkpoint FILE; see docs/decision-log.md)"), out.toString());

        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            for (String table : List.of("signatures", "records", "checkpoints")) {
                s.execute("DROP TRIGGER " + table + "_no_delete");
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        out.getBuffer().setLength(0);
        // the wipe dropped the triggers that refuse DELETE: what is left looks like a fresh log, but it is SUSPECT
        // (exit 1), never a green "intact"
        assertEquals(1, cli.log("verify", "--db", db.toString()));
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("SUSPECT: 3 guard triggers dropped — cannot tell whether records were removed from the"
                + " end of the log; verify it against a checkpoint kept outside it (0 records"), out.toString());
        assertTrue(lines.get(1).startsWith("  the store's append-only guard is missing, 3 triggers dropped"
                + " (records_no_delete, signatures_no_delete, checkpoints_no_delete)"), out.toString());
        assertTrue(lines.get(2).startsWith("  note: log entry #1 (registration of Ada Lovelace, ml-lead) is covered"
                + " by no checkpoint: it came either from a signer file"), out.toString());
    }

    /** The docs give a retraining one 'approver' and a promotion its 'approvers': the message names the right one. */
    @Test
    void aRetrainingRecordWithApproversIsToldToNameItsApprover() throws Exception {
        Path retraining = dir.resolve("retraining.json");
        Files.writeString(retraining, """
                {"kind": "retraining", "model": "churn", "decisionDate": "2026-12-05", "decision": "retrain",
                 "rationale": "dsl segment degraded", "dataSnapshot": "snap-2026-10", "riskTier": 2,
                 "triggers": [{"trigger": "metric drop", "fired": true, "evidence": "auc fell"}],
                 "approvers": ["Ada Lovelace"], "evidence": {"files": {"manifest.json": "%s"}}}
                """.formatted("1".repeat(64)));
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", retraining.toString(), "--key",
                cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        assertTrue(err.toString().contains("a retraining record names the one person who approved it in 'approver' (a"
                + " name), not in 'approvers', the list of a promotion: write \"approver\": \"Ada Lovelace\""),
                err.toString());
        assertFalse(err.toString().contains("'approver' is required"), err.toString());
        assertFalse(Files.exists(db), "nothing is written");

        err.getBuffer().setLength(0);
        Files.writeString(retraining, Files.readString(retraining).replace("\"approvers\": [\"Ada Lovelace\"]",
                "\"approver\": \"Ada Lovelace\""));
        assertEquals(0, cli.log("append", "--db", db.toString(), "--record", retraining.toString(), "--key",
                cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()), err.toString());
    }

    /**
     * A signer's key never vouches for a history that fails verification: append and checkpoint on a changed log
     * refuse with exit 1, as verify does, in verify's words, and write or print nothing.
     */
    @Test
    void appendAndCheckpointRefuseALogThatDoesNotVerify() throws Exception {
        append();
        append();
        TamperedStore.changeRecord(db, 2, "every segment", "every segmenT");
        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", db.toString()));
        String firstProblem = out.toString().lines().skip(1).findFirst().orElseThrow().strip();
        assertTrue(firstProblem.startsWith("record #2: its bytes no longer match its id"), out.toString());
        out.getBuffer().setLength(0);

        assertEquals(1, cli.log("append", "--db", db.toString(), "--record", dir.resolve("record.json").toString(),
                "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        assertEquals("", out.toString());
        assertTrue(err.toString().startsWith("error: the decision log " + db + " does not verify, so nothing was"
                + " appended"), err.toString());
        assertTrue(err.toString().contains("TAMPERED: first bad record is #2"), err.toString());
        assertTrue(err.toString().contains(firstProblem), err.toString());

        Path saved = dir.resolve("kept-checkpoint.json");
        Launched printed = launch("log", "checkpoint", "--db", db.toString());
        assertEquals(1, printed.exitCode());
        assertEquals("", printed.stdout(), "no checkpoint of a changed log is handed out");
        assertTrue(printed.stderr().contains("does not verify, so no checkpoint is given out"), printed.stderr());
        assertTrue(printed.stderr().contains(firstProblem), printed.stderr());
        assertEquals(1, cli.log("checkpoint", "--db", db.toString(), "--out", saved.toString()));
        assertFalse(Files.exists(saved));

        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", db.toString()));
        assertTrue(out.toString().contains("TAMPERED: first bad record is #2"), "still the log it was: " + out);
    }

    /**
     * An export is what auditors check later without Verdict, and it hands out the log's checkpoint to keep: of a
     * changed log it is refused like a checkpoint, in verify's words with exit 1, and neither the folder nor a
     * temporary one is left.
     */
    @Test
    void exportRefusesALogThatDoesNotVerifyAndWritesNothing() throws Exception {
        append();
        append();
        TamperedStore.changeRecord(db, 2, "every segment", "every segmenT");
        out.getBuffer().setLength(0);
        Path target = dir.resolve("export");

        assertEquals(1, cli.log("export", "--db", db.toString(), "--out", target.toString()));

        assertEquals("", out.toString());
        assertTrue(err.toString().startsWith("error: the decision log " + db + " does not verify, so nothing was"
                + " exported"), err.toString());
        assertTrue(err.toString().contains("TAMPERED: first bad record is #2"), err.toString());
        assertTrue(err.toString().contains("record #2: its bytes no longer match its id"), err.toString());
        assertFalse(Files.exists(target), "no export of a changed log");
        try (var siblings = Files.list(dir)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains(".part-")), "no temporary folder is left");
        }
    }

    @Test
    void anAppendAfterADeletedMiddleRecordIsRefusedByVerificationNotBySqlite() throws Exception {
        append();
        append();
        append();
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            s.execute("DROP TRIGGER records_no_delete");
            s.execute("DROP TRIGGER signatures_no_delete");
            s.executeUpdate("DELETE FROM signatures WHERE record_seq = 2");
            s.executeUpdate("DELETE FROM records WHERE seq = 2");
        }
        assertEquals(1, cli.log("append", "--db", db.toString(), "--record", dir.resolve("record.json").toString(),
                "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        assertTrue(err.toString().contains("record #2 is missing"), err.toString());
        assertFalse(err.toString().contains("SQLITE"), err.toString());
    }

    @Test
    void aBackDatedSignatureTimeFailsVerifyAndListMarksStoredTimesAsUnsigned() throws Exception {
        append();
        append();
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            s.execute("DROP TRIGGER signatures_no_update");
            // a month before any record was appended: no signature breaks, the time was simply rewritten
            s.executeUpdate("UPDATE signatures SET signed_at = '2020-11-01T09:00:00Z' WHERE record_seq = 2");
        }
        assertEquals(1, cli.log("verify", "--db", db.toString()));
        assertTrue(out.toString().contains("TAMPERED: first bad record is #2"), out.toString());
        assertTrue(out.toString().contains("is stored as made at 2020-11-01T09:00:00Z, before the record's signed "
                + "append time"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString(), "--json"));
        JsonNode second = new ObjectMapper().readTree(out.toString()).get(1);
        assertFalse(second.get("verified").asBoolean(), "a false time is never shown beside 'verified'");
        JsonNode signature = second.get("signatures").get(0);
        assertEquals("2020-11-01T09:00:00Z", signature.get("signedAt").asText());
        assertFalse(signature.get("signedAtAuthenticated").asBoolean());
        assertTrue(second.get("appendedAtAuthenticated").asBoolean());
        assertTrue(second.get("appendedAt").asText().compareTo("2026") > 0, second.toString());
    }

    /** A count of one reads in the singular, in the message and in the VERIFY.md it points to. */
    @Test
    void anExportOfOneRecordSaysOneRecord() throws Exception {
        append();
        Path target = dir.resolve("export");
        assertEquals(0, cli.log("export", "--db", db.toString(), "--out", target.toString()), err.toString());
        assertTrue(out.toString().contains("\nexported 1 record to "), out.toString());
        String guide = Files.readString(target.resolve("VERIFY.md"));
        assertTrue(guide.contains("that it held 1 record (Merkle root"), guide);
        assertFalse(guide.contains(" 1 records") || guide.contains(" 1 signatures"), guide);
    }

    @Test
    void checkpointThenConsistencyAfterMoreAppends() throws Exception {
        append();
        Path checkpoint = dir.resolve("checkpoint.json");
        assertEquals(0, cli.log("checkpoint", "--db", db.toString(), "--out", checkpoint.toString()));
        append();
        append();
        assertEquals(0, cli.log("consistency", "--db", db.toString(), "--checkpoint", checkpoint.toString()), err.toString());
        assertTrue(out.toString().contains("consistent: the log of 3 records extends the checkpoint of size 1"), out.toString());
        assertEquals(0, cli.log("export", "--db", db.toString(), "--out", dir.resolve("export").toString()));
        assertTrue(Files.exists(dir.resolve("export/checkpoint.json")));
        try (var folders = Files.list(dir.resolve("export/records"))) {
            assertEquals(3, folders.count());
        }
    }

    /**
     * A log wiped to 0 bytes or cut short to a damaged file, checked against a checkpoint kept outside it that covers
     * records: they were removed (TAMPERED, exit 1), never "an interrupted creation" to complete by appending.
     */
    @Test
    void aWipedOrTruncatedLogCheckedAgainstAKeptCheckpointIsTampered() throws Exception {
        append();
        append();
        Path checkpoint = dir.resolve("checkpoint.json");
        assertEquals(0, cli.log("checkpoint", "--db", db.toString(), "--out", checkpoint.toString()));
        byte[] whole = Files.readAllBytes(db);
        Path wiped = dir.resolve("wiped.db");
        Files.write(wiped, new byte[0]);
        Path truncated = dir.resolve("truncated.db");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        for (Path broken : List.of(wiped, truncated)) {
            for (String command : List.of("verify", "list", "consistency")) {
                out.getBuffer().setLength(0);
                assertEquals(1, cli.log(command, "--db", broken.toString(), "--checkpoint", checkpoint.toString()),
                        command + " " + broken + ": " + err);
                String said = out.toString();
                assertTrue(said.startsWith((command.equals("consistency") ? "NOT CONSISTENT" : "TAMPERED") + ": the log was"
                        + " destroyed: the checkpoint kept outside it (" + checkpoint + ") covers 2 records, 2"
                        + " signatures and 1 log entry, but " + broken + (broken == wiped ? " is empty (0 bytes)"
                        : " is a damaged SQLite database") + ", so they were removed"), said);
                assertTrue(said.contains("do not append to it"), said);
                assertFalse(said.contains("completes it"), said);
            }
        }
        // without a kept checkpoint an empty file is what an interrupted creation leaves: bad input, as before
        assertEquals(2, cli.log("verify", "--db", wiped.toString()));
    }

    /**
     * A checkpoint made by another log (another origin) is the wrong file, not evidence of tampering: refused as bad
     * input by verify and consistency (a truncated copy of the same log still fails the check: the test below).
     */
    @Test
    void aCheckpointOfAnotherLogIsBadInputNotTampering() throws Exception {
        append();
        append();
        Path checkpoint = dir.resolve("checkpoint.json");
        assertEquals(0, cli.log("checkpoint", "--db", db.toString(), "--out", checkpoint.toString()));
        db = dir.resolve("other.db");
        append();
        for (String command : List.of("verify", "consistency")) {
            err.getBuffer().setLength(0);
            assertEquals(2, cli.log(command, "--db", db.toString(), "--checkpoint", checkpoint.toString()), command);
            assertTrue(err.toString().contains(checkpoint + ": this checkpoint is of another log (verdict-decision-log/"),
                    err.toString());
            assertTrue(err.toString().contains("), not of this one (verdict-decision-log/"), err.toString());
            assertFalse(err.toString().contains("TAMPERED"), err.toString());
        }
    }

    /**
     * The printed checkpoint is what an auditor keeps in a ticket: through the launcher's own buffered stdout it must
     * arrive whole, byte for byte what --out writes, and later catch the newest record deleted with its checkpoint.
     */
    @Test
    void aPrintedCheckpointIsTheSavedFileAndCatchesTheNewestRecordDeletedWithItsCheckpoint() throws Exception {
        Launched none = launch("log", "checkpoint", "--db", dir.resolve("none.db").toString());
        assertEquals(2, none.exitCode());
        assertEquals("", none.stdout());
        append();
        append();
        Path saved = dir.resolve("saved-checkpoint.json");
        assertEquals(0, cli.log("checkpoint", "--db", db.toString(), "--out", saved.toString()));

        Launched printed = launch("log", "checkpoint", "--db", db.toString());
        assertEquals(0, printed.exitCode(), printed.stderr());
        assertEquals("", printed.stderr());
        assertEquals(Files.readString(saved), printed.stdout(), "the printed checkpoint is the saved file's bytes");
        Path kept = dir.resolve("cp.json");
        Files.writeString(kept, printed.stdout());

        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            for (String table : new String[] {"records", "signatures", "checkpoints"}) {
                s.execute("DROP TRIGGER " + table + "_no_delete");
            }
            s.executeUpdate("DELETE FROM checkpoints WHERE tree_size = 2");
            s.executeUpdate("DELETE FROM signatures WHERE record_seq = 2");
            s.executeUpdate("DELETE FROM records WHERE seq = 2");
        }
        // the store alone cannot see the deletion, but it sees the guard gone: SUSPECT, never intact
        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", db.toString()), out.toString());
        assertTrue(out.toString().startsWith("SUSPECT: 3 guard triggers dropped — cannot tell whether records were removed"),
                out.toString());
        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", db.toString(), "--checkpoint", kept.toString()), err.toString());
        assertTrue(out.toString().contains("the checkpoint covers 2 records but the log now holds only 1 record"),
                out.toString());
    }

    @Test
    void aLogWithoutACheckpointSaysSoOnStderr() throws Exception {
        assertEquals(0, cli.log("register", "--db", db.toString(), "--signer", signerFile("grace-hopper")), err.toString());
        out.getBuffer().setLength(0);
        Launched printed = launch("log", "checkpoint", "--db", db.toString());
        assertEquals(2, printed.exitCode());
        assertEquals("", printed.stdout());
        assertTrue(printed.stderr().contains(db + " holds no checkpoint yet"), printed.stderr());
    }

    private record Launched(int exitCode, String stdout, String stderr) {
    }

    /** {@code verdict ARGS} as the launcher runs it: stdout and stderr buffered as System.out's are. */
    private static Launched launch(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode = VerdictCommand.execute(
                new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)), true),
                new PrintWriter(new BufferedWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8)), true),
                args);
        return new Launched(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** A record file's value of the wrong kind is named as a policy's is: its key's path, in words, no Java types. */
    @Test
    void aRecordValueOfTheWrongKindIsNamedByItsKeyInWords() throws Exception {
        String[][] cases = {
            {"\"riskTier\": 3", "\"riskTier\": \"three\"", "riskTier must be a whole number, not the string \"three\""},
            {"\"riskTier\": 3", "\"riskTier\": 3, \"riskTeir\": 2", "unknown key riskTeir (a typo?); known keys here: ["},
            {"\"approvers\": [\"Ada Lovelace\", \"Grace Hopper\", \"Joan Clarke\"]", "\"approvers\": {\"ml-lead\": \"Ada\"}",
                "approvers must be a list, not a JSON object"},
            {"\"production\": 0.801", "\"production\": [0.801]",
                "evaluationSummary.keyMetrics[0].production must be a number, not a list"}};
        for (String[] refused : cases) {
            Path record = Files.writeString(dir.resolve("wrong-kind.json"), RECORD.replace(refused[0], refused[1]));
            err.getBuffer().setLength(0);
            assertEquals(2, cli.log("append", "--db", db.toString(), "--record", record.toString(), "--key",
                    cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()), refused[1]);
            assertTrue(err.toString().startsWith("error: " + record + ", line "), err.toString());
            assertTrue(err.toString().contains(refused[2]), err.toString());
            assertFalse(err.toString().contains("java.") || err.toString().contains("org.verdict"), err.toString());
        }
        assertFalse(Files.exists(db), "nothing is written on bad input");
    }

    /** Every problem of a record file at once, each at its line and column, and no log is made. */
    @Test
    void aRecordWithSeveralProblemsIsRefusedWithEveryOne() throws Exception {
        Path record = Files.writeString(dir.resolve("several.json"), RECORD.replace("\"riskTier\": 3",
                "\"riskTier\": \"three\", \"riskTeir\": 3").replace("\"decisionDate\": \"2026-11-20\"",
                "\"decisionDate\": \"20 Nov 2026\""));
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", record.toString(), "--key",
                cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        List<String> lines = err.toString().lines().toList();
        assertEquals(List.of("error: " + record + ": 3 problems in the record; nothing was appended:",
                "  " + record + ", line 4, column 19: 'decisionDate' is not a date yyyy-MM-dd: 20 Nov 2026",
                "  " + record + ", line 10, column 15: riskTier must be a whole number, not the string \"three\""),
                lines.subList(0, 3));
        assertTrue(lines.get(3).startsWith("  " + record + ", line 10, column 36: unknown key riskTeir (a typo?)"),
                lines.get(3));
        assertEquals(4, lines.size(), err.toString());
        assertFalse(Files.exists(db), "nothing is written");
    }

    /**
     * A log file that cannot be used is named in plain words with what to do, SQLite's own on a second line; exit 2,
     * as for any input that cannot be used, and the file is left as it was.
     */
    @Test
    void aLogFileThatCannotBeUsedIsNamedInPlainWordsAndLeftAsItWas() throws Exception {
        Path noise = dir.resolve("noise.db");
        byte[] bytes = new byte[8192];
        new java.util.Random(3).nextBytes(bytes);
        Files.write(noise, bytes);
        String notADatabase = "error: " + noise + " is not a SQLite database, so it is not a decision log: choose the"
                + " log's file, or a new file name to start a log; nothing was written to it";
        assertRefusedInPlainWords(notADatabase, "append", "--db", noise.toString(), "--record",
                dir.resolve("record.json").toString(), "--key", cli.keyFile("ada-lovelace"), "--passphrase-file",
                passphrase.toString());
        assertRefusedInPlainWords(notADatabase, "list", "--db", noise.toString());
        assertRefusedInPlainWords(notADatabase, "verify", "--db", noise.toString());
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(noise)), "the file is as it was");

        Path folder = Files.createDirectory(dir.resolve("shared"));
        Path inReadOnly = folder.resolve("decisions.db");
        try (org.verdict.core.ledger.ReadOnlyPaths readOnly = org.verdict.core.ledger.ReadOnlyPaths.of(folder)) {
            assertRefusedInPlainWords("error: " + inReadOnly + " is in a read-only folder: choose a writable folder or"
                    + " copy the log to one", "append", "--db", inReadOnly.toString(), "--record",
                    dir.resolve("record.json").toString(), "--key", cli.keyFile("ada-lovelace"), "--passphrase-file",
                    passphrase.toString());
        }
        assertFalse(Files.exists(inReadOnly));
    }

    private void assertRefusedInPlainWords(String plain, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(2, cli.log(args), err.toString());
        List<String> lines = err.toString().lines().toList();
        assertEquals(plain, lines.get(0));
        assertTrue(lines.get(1).startsWith("  SQLite: "), err.toString());
        assertEquals(2, lines.size(), err.toString());
    }

    @Test
    void badInputGetsExitTwoAndAPlainMessage() throws Exception {
        Files.writeString(passphrase.resolveSibling("wrong.txt"), "not the passphrase");
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", dir.resolve("record.json").toString(),
                "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.resolveSibling("wrong.txt").toString()));
        assertTrue(err.toString().contains("wrong passphrase for the key of Ada Lovelace"), err.toString());
        assertTrue(!Files.exists(db), "nothing is written on bad input");

        Files.writeString(dir.resolve("broken.json"), "{\n  \"kind\": \"promotion\",\n  \"model\" \"x\"\n}");
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", dir.resolve("broken.json").toString(),
                "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        assertTrue(err.toString().contains("broken.json, line 3, column"), err.toString());

        Files.writeString(dir.resolve("incomplete.json"), RECORD.replace("\"decision\": \"promote\"", "\"decision\": \"ship\""));
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", dir.resolve("incomplete.json").toString(),
                "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        assertTrue(err.toString().contains("'decision' of a promotion record must be one of [promote, hold, rollback]"), err.toString());

        assertEquals(2, cli.log("append", "--db", db.toString()));
        assertEquals(2, cli.key("new", "--name", "Ada Lovelace", "--role", "ml-lead", "--out", dir.resolve("keys").toString(),
                "--passphrase-file", passphrase.toString(), "--iterations", "1000"));
        assertTrue(err.toString().contains("already exists; a key is never overwritten"), err.toString());
    }

    @Test
    void evidenceIsTakenFromThePackItself() throws Exception {
        Path pack = PackFixture.write(dir.resolve("pack"), PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);
        // the fixture pack is risk tier 2; its gates are judged again, so the record leaves the gate table to Verdict
        String withoutEvidence = RECORD.substring(0, RECORD.indexOf(",\n  \"evidence\"")).replace("\"riskTier\": 3",
                "\"riskTier\": 2").replace("\"decision\": \"promote\"", "\"decision\": \"hold\"")
                .replace("[{\"gate\": \"primary metric\", \"result\": \"pass\", \"detail\": \"Δ +0.021 [0.008, 0.034]\"}]",
                        "[]").replace("\"model\": \"support-router\"", "\"model\": \"router\"")
                .replace("tickets-2026-10", "s2") + "\n}\n";
        Files.writeString(dir.resolve("no-evidence.json"), withoutEvidence);
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", dir.resolve("no-evidence.json").toString(),
                "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        assertTrue(err.toString().contains("'evidence.files' must hold the SHA-256 of every file of the pack"), err.toString());

        assertEquals(0, cli.log("append", "--db", db.toString(), "--record", dir.resolve("no-evidence.json").toString(),
                "--pack", pack.toString(), "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()),
                err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString(), "--json"));
        JsonNode files = new ObjectMapper().readTree(out.toString()).get(0).get("record").get("evidence").get("files");
        assertEquals(sha256(pack.resolve("manifest.json")), files.get("manifest.json").asText());
        assertEquals(sha256(pack.resolve("primary.csv")), files.get("primary.csv").asText());

        // a record whose evidence names other bytes than the pack's is refused
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", dir.resolve("record.json").toString(),
                "--pack", pack.toString(), "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        String refusal = err.toString();
        assertTrue(refusal.contains("its evidence does not match the files of " + pack), refusal);
        // every difference is named: both stated files differ, the stated policy is not in this pack
        assertTrue(refusal.contains("manifest.json: the record says " + "1".repeat(64) + ", the pack's file has "
                + sha256(pack.resolve("manifest.json"))), refusal);
        assertTrue(refusal.contains("primary.csv: the record says " + "2".repeat(64)), refusal);
        assertTrue(refusal.contains("policy: the record says policy.json " + "3".repeat(64)), refusal);
        assertTrue(refusal.contains("Leave 'evidence' out of the record to take the pack's"), refusal);
    }

    /** A record bound to a pack names the pack's model and the data snapshot its candidate was trained on. */
    @Test
    void aRecordNamingAnotherModelOrDataSnapshotThanItsPackIsRefused() throws Exception {
        Path pack = PackFixture.write(dir.resolve("pack"), PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);
        // the fixture pack: model router, risk tier 2, production 42 (trained on s1), candidate 43 (trained on s2)
        String matching = RECORD.substring(0, RECORD.indexOf(",\n  \"evidence\"")).replace("\"riskTier\": 3",
                "\"riskTier\": 2").replace("\"decision\": \"promote\"", "\"decision\": \"hold\"")
                .replace("[{\"gate\": \"primary metric\", \"result\": \"pass\", \"detail\": \"Δ +0.021 [0.008, 0.034]\"}]",
                        "[]") + "\n}\n";
        Path otherModel = dir.resolve("other-model.json");
        Files.writeString(otherModel, matching.replace("tickets-2026-10", "s2"));
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", otherModel.toString(), "--pack",
                pack.toString(), "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        assertTrue(err.toString().contains(otherModel + " does not describe the pack it is bound to, " + pack),
                err.toString());
        assertTrue(err.toString().contains("model: the record says support-router, the pack's model is router"),
                err.toString());
        assertFalse(err.toString().contains("dataSnapshot:"), "the snapshot is the candidate's: " + err);
        assertFalse(Files.exists(db), "nothing is written");

        err.getBuffer().setLength(0);
        Path otherSnapshot = dir.resolve("other-snapshot.json");
        Files.writeString(otherSnapshot, matching.replace("support-router", "router")
                .replace("tickets-2026-10", "snapshot-that-does-not-exist"));
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", otherSnapshot.toString(), "--pack",
                pack.toString(), "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        assertTrue(err.toString().contains("dataSnapshot: the record says snapshot-that-does-not-exist, the pack's "
                + "data snapshot is s2 (candidate 43)"), err.toString());
        assertFalse(err.toString().contains("model:"), err.toString());
        // production's snapshot is not the candidate's either
        err.getBuffer().setLength(0);
        Files.writeString(otherSnapshot, matching.replace("support-router", "router").replace("tickets-2026-10", "s1"));
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", otherSnapshot.toString(), "--pack",
                pack.toString(), "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        assertTrue(err.toString().contains("dataSnapshot: the record says s1, the pack's data snapshot is s2"),
                err.toString());
        assertFalse(Files.exists(db), "nothing is written");

        // a retraining record names the pack's model and one of its data snapshots
        Path retraining = dir.resolve("retraining.json");
        Files.writeString(retraining, """
                {"kind": "retraining", "model": "fraud", "decisionDate": "2026-12-05", "decision": "investigate",
                 "rationale": "drift suspected", "dataSnapshot": "s9",
                 "triggers": [{"trigger": "metric drop", "fired": true, "evidence": "macro_f1 fell"}],
                 "approver": "Ada Lovelace"}
                """);
        err.getBuffer().setLength(0);
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", retraining.toString(), "--pack",
                pack.toString(), "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        assertTrue(err.toString().contains("model: the record says fraud, the pack's model is router"), err.toString());
        assertTrue(err.toString().contains("dataSnapshot: the record says s9, the pack's data snapshots are s1 "
                + "(production 42), s2 (candidate 43)"), err.toString());
        assertFalse(Files.exists(db), "nothing is written");

        Files.writeString(retraining, Files.readString(retraining).replace("fraud", "router").replace("s9", "s1"));
        // the pack is read within the limits validate, compare, gate and report take, set by the same options
        err.getBuffer().setLength(0);
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", retraining.toString(), "--pack",
                pack.toString(), "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString(),
                "--max-slice-values", "1"));
        assertTrue(err.toString().contains("raise the limit with --max-slice-values"), err.toString());
        assertFalse(Files.exists(db), "nothing is written");
        assertEquals(0, cli.log("append", "--db", db.toString(), "--record", retraining.toString(), "--pack",
                pack.toString(), "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()),
                err.toString());
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void verifyChecksTheOrganisationsTrustedSignersAndACheckpointKeptElsewhere() throws Exception {
        append();
        Path kept = dir.resolve("kept-checkpoint.json");
        assertEquals(0, cli.log("checkpoint", "--db", db.toString(), "--out", kept.toString()));
        assertEquals(0, cli.log("register", "--db", db.toString(), "--signer", signerFile("grace-hopper"),
                "--endorse-key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()), err.toString());
        assertTrue(out.toString().contains("endorsed by Ada Lovelace"), out.toString());
        assertEquals(0, cli.log("register", "--db", db.toString(), "--signer", signerFile("joan-clarke")), err.toString());
        assertEquals(0, cli.log("cosign", "--db", db.toString(), "--id", "1", "--key", cli.keyFile("joan-clarke"),
                "--passphrase-file", passphrase.toString()), err.toString());
        Path roster = dir.resolve("trusted-signers.json");
        Files.writeString(roster, """
                {"format": "verdict-trusted-signers/1",
                 "signers": [{"name": "Ada Lovelace", "role": "ml-lead", "keyId": "%s"},
                             {"name": "Grace Hopper", "role": "ai-safety", "keyId": "%s"}]}
                """.formatted(keyId("ada-lovelace"), keyId("grace-hopper")));

        assertEquals(0, cli.log("verify", "--db", db.toString(), "--checkpoint", kept.toString(), "--allow-unendorsed"),
                out.toString());
        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", db.toString(), "--trusted-signers", roster.toString(),
                "--require-endorsement"));
        assertTrue(out.toString().contains("record #1: signed by Joan Clarke (product, " + keyId("joan-clarke").substring(0, 12)
                + "), a key that is not in the trusted signers list trusted-signers.json"), out.toString());
        assertTrue(out.toString().contains("registers Joan Clarke (product, " + keyId("joan-clarke").substring(0, 12)
                + ") without an endorsement"), out.toString());
        assertFalse(out.toString().contains("registers Grace Hopper"), "Ada endorsed Grace: " + out);
        // nothing in the log was changed: its heading says the policy is not met, never that it was tampered with
        assertTrue(out.toString().startsWith("POLICY NOT MET: the records, signatures, hash chain, Merkle tree and "
                + "checkpoints show no change, but 3 problems break the signing policy checked "
                + "(trusted signers, endorsements)"), out.toString());
        assertFalse(out.toString().contains("TAMPERED"), out.toString());
        String printed = out.toString();
        assertTrue(printed.indexOf("record #1: signed by") < printed.indexOf("Checked against the trusted signers in "
                + roster), "what was checked follows the problems, never reads as one: " + printed);

        assertEquals(0, cli.log("revoke", "--db", db.toString(), "--key-id", keyId("joan-clarke").substring(0, 8),
                "--reason", "left the board", "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()),
                err.toString());
        assertTrue(out.toString().contains("revoked the key of Joan Clarke (product) by log entry #4, signed by Ada Lovelace"),
                out.toString());
        assertEquals(0, cli.log("verify", "--db", db.toString(), "--checkpoint", kept.toString(), "--allow-unendorsed"),
                out.toString());

        Files.writeString(roster, "{\"format\": \"verdict-trusted-signers/1\", \"signer\": []}");
        assertEquals(2, cli.log("verify", "--db", db.toString(), "--trusted-signers", roster.toString()));
        assertTrue(err.toString().contains(roster + ", line 1, column 51: the list has an unknown field \"signer\""),
                err.toString());
        // a typo in one signer's entry is placed at its line and column as well
        Files.writeString(roster, "{\"format\": \"verdict-trusted-signers/1\", \"signers\": [\n"
                + "  {\"name\": \"Ada Lovelace\", \"rol\": \"ml-lead\", \"keyId\": \"" + keyId("ada-lovelace") + "\"}]}");
        err.getBuffer().setLength(0);
        assertEquals(2, cli.log("verify", "--db", db.toString(), "--trusted-signers", roster.toString()));
        assertTrue(err.toString().contains(roster + ", line 2, column 35: signer 1 has an unknown field \"rol\""),
                err.toString());
    }

    /**
     * A log that is whole but signed by a key the organisation does not list breaks its policy; it was not tampered
     * with. log list, consistency and verify against a kept checkpoint (which such a key signed, so it proves nothing
     * either way) say so in log verify's words, as the Audit view's badges do; a changed record is still tampered.
     */
    @Test
    void aSignerOutsideTheTrustedSignersIsPolicyNotMetInEveryCommandNeverTampered() throws Exception {
        append();
        append();
        assertEquals(0, cli.log("cosign", "--db", db.toString(), "--id", "2", "--key", cli.keyFile("joan-clarke"),
                "--passphrase-file", passphrase.toString()), err.toString());
        // the latest checkpoint is Joan's, written with her co-signature
        Path kept = dir.resolve("kept-checkpoint.json");
        assertEquals(0, cli.log("checkpoint", "--db", db.toString(), "--out", kept.toString()));
        Path roster = dir.resolve("trusted-signers.json");
        Files.writeString(roster, """
                {"format": "verdict-trusted-signers/1",
                 "signers": [{"name": "Ada Lovelace", "role": "ml-lead", "keyId": "%s"}]}
                """.formatted(keyId("ada-lovelace")));

        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString(), "--trusted-signers", roster.toString()), err.toString());
        List<String> lines = out.toString().lines().filter(line -> !line.startsWith("     ↳ ")).toList();
        assertTrue(lines.get(1).contains("✔ verified"), out.toString());
        assertTrue(lines.get(2).contains("⚠ policy not met"), out.toString());
        assertFalse(out.toString().contains("tampered") || out.toString().contains("BROKEN"), out.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("POLICY NOT MET: the records, signatures, hash chain,"
                + " Merkle tree and checkpoints show no change"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString(), "--trusted-signers", roster.toString(), "--json"));
        JsonNode listed = new ObjectMapper().readTree(out.toString());
        assertEquals("verified", listed.get(0).get("integrity").asText());
        assertEquals("policy not met", listed.get(1).get("integrity").asText());
        assertTrue(listed.get(1).get("problems").get(0).asText().contains("a key that is not in the trusted signers"
                + " list"), listed.toString());
        // without the list, by default, Joan's registration no signer endorsed: her signature is flagged
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString()));
        assertTrue(out.toString().lines().filter(line -> !line.startsWith("     ↳ ")).skip(2).findFirst().orElseThrow()
                .contains("⚠ policy not met"), out.toString());
        // an organisation that does not endorse: the log is judged by its own register, whole
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString(), "--allow-unendorsed"));
        assertTrue(out.toString().lines().filter(line -> !line.startsWith("     ↳ ")).skip(1).limit(2)
                .allMatch(l -> l.contains("✔ verified")), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("consistency", "--db", db.toString(), "--checkpoint", kept.toString(), "--trusted-signers",
                roster.toString()));
        assertTrue(out.toString().startsWith("POLICY NOT MET: the checkpoint is signed by Joan Clarke ("
                + keyId("joan-clarke").substring(0, 12) + "), a key that is not in the trusted signers list"),
                out.toString());
        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", db.toString(), "--checkpoint", kept.toString(), "--trusted-signers",
                roster.toString()));
        assertTrue(out.toString().startsWith("POLICY NOT MET: "), out.toString());
        assertTrue(out.toString().contains("the checkpoint kept outside the store (2 records) is not a reference the"
                + " log can be checked against: the checkpoint is signed by Joan Clarke"), out.toString());
        assertFalse(out.toString().contains("TAMPERED") || out.toString().contains("not extended"), out.toString());

        // a record changed as well: that is tampering, whatever the policy says
        TamperedStore.changeRecord(db, 1, "every segment", "every segmenT");
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString(), "--trusted-signers", roster.toString()));
        lines = out.toString().lines().toList();
        assertTrue(lines.get(1).contains("✖ tampered"), out.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("TAMPERED: first bad record is #1"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", db.toString(), "--checkpoint", kept.toString(), "--trusted-signers",
                roster.toString()));
        assertTrue(out.toString().startsWith("TAMPERED: first bad record is #1"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("consistency", "--db", db.toString(), "--checkpoint", kept.toString()));
        assertTrue(out.toString().startsWith("NOT CONSISTENT: "), out.toString());
    }

    /** A log that does not extend the checkpoint says so once, in counts that read right, and nothing after it reads as a pass. */
    @Test
    void verifyAgainstACheckpointTheLogDoesNotExtendNeverReadsAsAPass() throws Exception {
        append();
        append();
        Path kept = dir.resolve("kept-checkpoint.json");
        assertEquals(0, cli.log("checkpoint", "--db", db.toString(), "--out", kept.toString()));
        // the newest record deleted with its signature and checkpoint: the same log (same origin), one record shorter
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            for (String table : List.of("records", "signatures", "checkpoints")) {
                s.execute("DROP TRIGGER " + table + "_no_delete");
            }
            s.executeUpdate("DELETE FROM checkpoints WHERE tree_size = 2");
            s.executeUpdate("DELETE FROM signatures WHERE record_seq = 2");
            s.executeUpdate("DELETE FROM records WHERE seq = 2");
        }
        out.getBuffer().setLength(0);

        assertEquals(1, cli.log("verify", "--db", db.toString(), "--checkpoint", kept.toString()));
        String printed = out.toString();
        assertTrue(printed.contains("the checkpoint covers 2 records but the log now holds only 1 record: records"
                + " were removed"), printed);
        assertTrue(printed.contains("The checkpoint " + kept + " is not extended by this log (the problem above)"),
                printed);
        assertFalse(printed.contains("Checked against the checkpoint"), printed);
        assertFalse(printed.contains("1 records"), printed);
        // log list against the same checkpoint: the record left is whole, the log is not, and the last line says why
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString(), "--checkpoint", kept.toString()));
        List<String> listed = out.toString().lines().toList();
        assertEquals(4, listed.size(), out.toString());
        assertTrue(listed.get(1).contains("✔ verified"), out.toString());
        assertTrue(listed.get(2).startsWith("TAMPERED: 1 problem"), out.toString());
        assertEquals("The checkpoint " + kept + " is not extended by this log: the checkpoint covers 2 records but the"
                + " log now holds only 1 record: records were removed", listed.get(3));

        // a log whose guard is gone gives out no checkpoint to keep: it would vouch for what is left
        out.getBuffer().setLength(0);
        Path single = dir.resolve("single-checkpoint.json");
        assertEquals(1, cli.log("checkpoint", "--db", db.toString(), "--out", single.toString()));
        assertTrue(err.toString().contains("was changed by something other than Verdict"), err.toString());
        assertFalse(Files.exists(single));
    }

    /**
     * log list takes --checkpoint as log verify does: each record's integrity (✔ verified, ⚠ policy not met,
     * ✖ tampered) against the trusted signers, and whether the log extends the checkpoint kept outside it.
     */
    @Test
    void listShowsEachRecordsIntegrityAgainstAKeptCheckpoint() throws Exception {
        append();
        append();
        // Ada endorses Joan's registration, as verification requires by default
        assertEquals(0, cli.log("register", "--db", db.toString(), "--signer", signerFile("joan-clarke"),
                "--endorse-key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()), err.toString());
        assertEquals(0, cli.log("cosign", "--db", db.toString(), "--id", "2", "--key", cli.keyFile("joan-clarke"),
                "--passphrase-file", passphrase.toString()), err.toString());
        Path kept = dir.resolve("kept-checkpoint.json");
        assertEquals(0, cli.log("checkpoint", "--db", db.toString(), "--out", kept.toString()));
        append();

        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString(), "--checkpoint", kept.toString()), err.toString());
        // the same decision appended three times: each says how it stands to the others, on a line of its own
        assertEquals(List.of("     ↳ stands: restated by #2, #3 (3 decisions on this question and evidence)",
                "     ↳ stands: restates #1, which first decided it (3 decisions on this question and evidence)",
                "     ↳ stands: restates #1, which first decided it (3 decisions on this question and evidence)"),
                out.toString().lines().filter(line -> line.startsWith("     ↳ ")).toList());
        List<String> lines = out.toString().lines().filter(line -> !line.startsWith("     ↳ ")).toList();
        assertEquals(6, lines.size(), out.toString());
        assertTrue(lines.subList(1, 4).stream().allMatch(line -> line.contains("✔ verified")), out.toString());
        assertTrue(lines.get(4).startsWith("intact: 3 records, every signature, the hash chain, the Merkle tree and"
                + " every checkpoint verify; the log extends the checkpoint kept outside it"), lines.get(4));
        assertFalse(lines.get(4).contains("give one"), lines.get(4));
        assertTrue(lines.get(5).startsWith("Checked against the checkpoint " + kept + ": the log of 3 records extends"
                + " the checkpoint of size 2"), lines.get(5));

        // Joan is not on the organisation's list: her co-signature breaks the policy, and so does the kept checkpoint
        // she signed, which then proves nothing either way; a changed record is tampered with whatever the list says
        Path roster = dir.resolve("trusted-signers.json");
        Files.writeString(roster, """
                {"format": "verdict-trusted-signers/1",
                 "signers": [{"name": "Ada Lovelace", "role": "ml-lead", "keyId": "%s"}]}
                """.formatted(keyId("ada-lovelace")));
        TamperedStore.changeRecord(db, 3, "every segment", "every segmenT");
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString(), "--checkpoint", kept.toString(), "--trusted-signers",
                roster.toString()), err.toString());
        lines = out.toString().lines().filter(line -> !line.startsWith("     ↳ ")).toList();
        assertTrue(lines.get(1).contains("✔ verified"), out.toString());
        assertTrue(lines.get(2).contains("⚠ policy not met"), out.toString());
        assertTrue(lines.get(3).contains("✖ tampered"), out.toString());
        // the changed record is named, not #2 before it, which only breaks the signing policy
        assertTrue(lines.get(4).startsWith("TAMPERED: first bad record is #3; "), out.toString());
        assertTrue(lines.get(5).startsWith("The checkpoint " + kept + " was not checked against this log: its signer is"
                + " not a trusted signer: the checkpoint is signed by Joan Clarke"), lines.get(5));

        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString(), "--checkpoint", kept.toString(), "--json"));
        JsonNode listed = new ObjectMapper().readTree(out.toString());
        assertEquals("tampered", listed.get(2).get("integrity").asText());
        assertEquals(1, cli.log("verify", "--db", db.toString(), "--checkpoint", kept.toString()));
    }

    /**
     * An auditor's read-only commands leave the log's folder as they found it: no -wal or -shm file made beside the
     * log, its bytes and modification time unchanged; with a writer holding the log open, its WAL files are used as
     * they are, and the WAL keeps its bytes too (its index, SQLite's shared memory, is the readers' to mark).
     */
    @Test
    void readOnlyCommandsLeaveTheLogsFolderAsTheyFoundIt() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("logs"));
        db = folder.resolve("decisions.db");
        append();
        append();
        Path kept = dir.resolve("kept-checkpoint.json");
        assertEquals(0, cli.log("checkpoint", "--db", db.toString(), "--out", kept.toString()));
        List<List<String>> reads = List.of(List.of("verify"), List.of("verify", "--checkpoint", kept.toString()),
                List.of("list"), List.of("list", "--json", "--checkpoint", kept.toString()),
                List.of("consistency", "--checkpoint", kept.toString()), List.of("checkpoint"));
        Map<String, String> atRest = folderState(folder, "");
        assertEquals(List.of("decisions.db"), List.copyOf(atRest.keySet()));
        for (List<String> read : reads) {
            assertEquals(0, readOnly(read), read + ": " + err);
            assertEquals(atRest, folderState(folder, ""), read.toString());
        }

        try (DecisionLog writer = DecisionLog.openForWriting(db)) {
            append();
            Map<String, String> live = folderState(folder, "decisions.db-shm");
            assertEquals(List.of("decisions.db", "decisions.db-shm", "decisions.db-wal"), List.copyOf(live.keySet()));
            for (List<String> read : reads) {
                assertEquals(0, readOnly(read), read + ": " + err);
                assertEquals(live, folderState(folder, "decisions.db-shm"), read.toString());
            }
            out.getBuffer().setLength(0);
            assertEquals(0, readOnly(List.of("verify")));
            assertTrue(out.toString().startsWith("intact: 3 records"), "the record in the WAL is read: " + out);
        }
    }

    private int readOnly(List<String> command) {
        List<String> args = new java.util.ArrayList<>(List.of(command.get(0), "--db", db.toString()));
        args.addAll(command.subList(1, command.size()));
        return cli.log(args.toArray(String[]::new));
    }

    /** Each file of {@code folder} by name: its SHA-256 and modification time (for {@code shm}, only that it is there). */
    private static Map<String, String> folderState(Path folder, String shm) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (var listed = Files.list(folder)) {
            for (Path file : listed.toList()) {
                String name = file.getFileName().toString();
                files.put(name, name.equals(shm) ? "there" : sha256(file) + " " + Files.getLastModifiedTime(file));
            }
        }
        return files;
    }

    @Test
    void aSignerFileWithoutSelfSignatureIsRefusedUntilItsOwnerWritesAFreshOne() throws Exception {
        append();
        Path old = dir.resolve("keys/joan-clarke.signer.json");
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(old.toFile());
        node.remove("selfSignature");
        Files.writeString(old, node.toString());
        assertEquals(2, cli.log("register", "--db", db.toString(), "--signer", old.toString()));
        assertTrue(err.toString().contains("verdict key signer-file --key NAME.key.json"), err.toString());

        assertEquals(0, cli.key("signer-file", "--key", cli.keyFile("joan-clarke"), "--passphrase-file", passphrase.toString(),
                "--out", dir.resolve("fresh").toString()), err.toString());
        assertEquals(0, cli.log("register", "--db", db.toString(), "--signer",
                dir.resolve("fresh/joan-clarke.signer.json").toString()), err.toString());
    }

    /** A model named in Japanese, or with a combining accent (an NFD "ü"), keeps every column of the table aligned. */
    @Test
    void listAlignsItsColumnsByTerminalWidthNotByCharacters() throws Exception {
        List<String> models = List.of("support-router", "サポート振分け", "Zu\u0308rich-router");
        for (String model : models) {
            Files.writeString(dir.resolve("record.json"), RECORD.replace("\"support-router\"", "\"" + model + "\""));
            append();
        }
        out.getBuffer().setLength(0);

        assertEquals(0, cli.log("list", "--db", db.toString()), err.toString());

        List<String> lines = out.toString().lines().toList();
        String header = lines.get(0);
        int verifiedStarts = TerminalWidth.of(header.substring(0, header.indexOf("integrity")));
        for (int i = 0; i < models.size(); i++) {
            String row = lines.get(i + 1);
            assertTrue(row.contains(models.get(i)), out.toString());
            assertEquals(verifiedStarts, TerminalWidth.of(row.substring(0, row.indexOf(" ✔ verified ") + 1)),
                    "'✔ verified' starts under 'integrity' in:\n" + out);
        }
    }

    @Test
    void anExportNeverOverwritesAFolderWithFilesInIt() throws Exception {
        append();
        Path target = Files.createDirectories(dir.resolve("export"));
        Files.writeString(target.resolve("notes.txt"), "mine");
        assertEquals(2, cli.log("export", "--db", db.toString(), "--out", target.toString()));
        assertTrue(err.toString().contains("already exists and is not empty"), err.toString());
        assertEquals("mine", Files.readString(target.resolve("notes.txt")));
        try (var siblings = Files.list(dir)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains(".part-")), "no temporary folder is left");
        }
    }

    private String signerFile(String slug) {
        return dir.resolve("keys").resolve(slug + ".signer.json").toString();
    }

    private String keyId(String slug) throws Exception {
        return new ObjectMapper().readTree(dir.resolve("keys").resolve(slug + ".signer.json").toFile()).get("keyId").asText();
    }

    private void append() {
        assertEquals(0, cli.log("append", "--db", db.toString(), "--record", dir.resolve("record.json").toString(),
                "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()), err.toString());
    }
}
