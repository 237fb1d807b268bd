package org.verdict.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.EvaluationSummary;
import org.verdict.core.ledger.GateOverride;
import org.verdict.core.ledger.Integrity;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.RegisteredSigner;
import org.verdict.core.ledger.Roles;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.ledger.TamperedStore;
import org.verdict.core.ledger.VerificationReport;
import org.verdict.core.task.Progress;
import org.verdict.ui.MarkedText;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.HeldExecutor;

class AuditViewModelTest {
    static final SignerKey ADA = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
    static final SignerKey GRACE = LedgerFixtures.signer("Grace Hopper", Roles.AI_SAFETY);

    @TempDir
    Path dir;
    private Path db;
    private final AuditViewModel model = new AuditViewModel(new CurrentThreadExecutor(),
            new ActivityMonitor(System::currentTimeMillis));

    /**
     * Three records: a retraining (2026-10-01), a tier-3 promotion (2026-11-20) co-signed by Grace, a tier-1 one. Grace's
     * registration is endorsed by Ada, as verification requires by default.
     */
    static Path threeRecordStore(Path dir) throws Exception {
        Path db = dir.resolve("decisions.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("macro F1 fell below the baseline"), ADA);
            log.append(LedgerFixtures.promotion(3, "candidate wins on every slice"), ADA);
            LedgerFixtures.registerEndorsed(log, GRACE, ADA);
            log.cosign("2", GRACE);
            log.append(LedgerFixtures.promotion(1, "small follow-up"), ADA);
        }
        return db;
    }

    @BeforeEach
    void openStore() throws Exception {
        db = threeRecordStore(dir);
        model.open(db);
    }

    @Test
    void showsEveryRecordVerifiedWithItsQuorum() {
        assertTrue((model.integrityProperty().get() == Integrity.VERIFIED), model.verificationProperty().get());
        assertEquals(List.of(1L, 2L, 3L), model.visibleRecords().stream().map(AuditRow::sequence).toList());
        AuditRow tier3 = model.visibleRecords().get(1);
        assertEquals("awaiting signatures (product)", tier3.status());
        assertEquals(List.of("verified", "verified"), tier3.signatures().stream().map(AuditRow.SignatureRow::standing).toList());
        assertEquals("decisions.db", model.storeNameProperty().get());
    }

    /**
     * An auditor opening someone's log changes nothing in its folder: no -wal or -shm file beside it (opening it made
     * two), the log's bytes and modification time as they were.
     */
    @Test
    void openingALogLeavesItsFolderAsItFoundIt() throws Exception {
        Supplier<List<String>> folder = () -> {
            try (var files = Files.list(dir)) {
                return files.sorted().map(file -> {
                    try {
                        return file.getFileName() + " " + Files.getLastModifiedTime(file) + " "
                                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                        .digest(Files.readAllBytes(file)));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        List<String> before = folder.get();
        assertEquals(1, before.size(), "the log alone, after the view opened it once: " + before);
        model.open(db);
        assertTrue((model.integrityProperty().get() == Integrity.VERIFIED), model.verificationProperty().get());
        assertEquals(before, folder.get());
    }

    @Test
    void aBackDatedSignatureTimeShowsTheRecordBrokenAndTheSignedTimeIsLabelledSo() throws Exception {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            s.execute("DROP TRIGGER signatures_no_update");
            s.executeUpdate("UPDATE signatures SET signed_at = '2020-11-01T09:00:00Z' WHERE record_seq = 2");
        }
        model.open(db);
        assertFalse((model.integrityProperty().get() == Integrity.VERIFIED));
        assertEquals(Integrity.TAMPERED, model.integrityProperty().get());
        AuditRow tier3 = model.visibleRecords().get(1);
        assertEquals(Integrity.TAMPERED, tier3.integrity(), "a back-dated signature is a change");
        assertTrue(tier3.fields().containsKey("Appended (signed)"), tier3.fields().toString());
        assertTrue(model.verificationProperty().get().contains("TAMPERED: first bad record is #2"),
                model.verificationProperty().get());
    }

    /** A changed record among many is found by a filter, not by searching for it. */
    @Test
    void onlyTamperedRecordsAreShownWhenAskedFor() throws Exception {
        TamperedStore.changeRecord(db, 3, "small follow-up", "small follow-uP");
        model.open(db);
        assertEquals(3, model.visibleRecords().size());

        model.tamperedOnlyProperty().set(true);
        assertEquals(List.of(3L), model.visibleRecords().stream().map(AuditRow::sequence).toList());
        model.tamperedOnlyProperty().set(false);
        assertEquals(3, model.visibleRecords().size());
    }

    @Test
    void filtersByModelKindDecisionApproverSearchAndDates() throws Exception {
        DecisionRecord other = LedgerFixtures.promotion(1, "another model");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(new DecisionRecord(other.kind(), "fraud-screen", other.decisionDate(), other.decision(),
                    other.rationale(), other.dataSnapshot(), null, null, other.candidateVersion(), other.productionVersion(),
                    other.riskTier(), other.evaluationSummary(), other.approvers(), null, null, null, other.evidence()), ADA);
        }
        model.open(db);
        assertEquals(List.of(AuditViewModel.ANY, "fraud-screen", "support-router"), model.models());
        model.modelProperty().set("fraud-screen");
        assertEquals(List.of(4L), sequences());
        model.modelProperty().set("support-router");
        assertEquals(List.of(1L, 2L, 3L), sequences());
        model.kindProperty().set("retraining");
        assertEquals(List.of(1L), sequences());
        model.kindProperty().set(AuditViewModel.ANY);
        model.decisionProperty().set("promote");
        assertEquals(List.of(2L, 3L), sequences());
        model.approverProperty().set("grace");
        assertEquals(List.of(2L), sequences(), "Grace signed only record 2");
        model.approverProperty().set("");
        model.searchProperty().set("FOLLOW-UP");
        assertEquals(List.of(3L), sequences());
        model.searchProperty().set("");
        model.decisionProperty().set(AuditViewModel.ANY);
        model.fromProperty().set(LocalDate.of(2026, 11, 1));
        assertEquals(List.of(2L, 3L), sequences());
        model.toProperty().set(LocalDate.of(2026, 11, 19));
        assertEquals(List.of(), sequences());
    }

    @Test
    void aPromoteOverBlockedGatesIsMarkedNeverAsAPlainPromote() throws Exception {
        DecisionRecord base = LedgerFixtures.promotion(1, "latency does not matter for a nightly batch");
        DecisionRecord overriding = base.withEvaluationSummary(new EvaluationSummary(List.of(
                new EvaluationSummary.GateOutcome("Primary metric", "pass", "Δ +0.02"),
                new EvaluationSummary.GateOutcome("Latency", "fail", "p99 412 ms")), List.of()))
                .withOverrides(List.of(new GateOverride("Latency",
                        "a nightly batch waits for no one")));
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(overriding, ADA);
        }
        model.open(db);
        assertTrue((model.integrityProperty().get() == Integrity.VERIFIED), model.verificationProperty().get());
        AuditRow row = model.visibleRecords().get(3);
        assertEquals("promoted over blocked gates", row.decision());
        assertEquals("promote", model.visibleRecords().get(2).decision(), "a promote over passing gates stays one");
        model.decisionProperty().set("promote");
        assertEquals(List.of(2L, 3L, 4L), sequences(), "the decision filter still finds it as a promote");
        model.selectedProperty().set(row);
        assertTrue(model.details().stream().anyMatch(e -> e.getKey().equals("Override")
                && e.getValue().equals("promoted over blocked gates: Latency (fail) — a nightly batch waits for no one")),
                model.details().toString());
    }

    /**
     * The Record field names the record as log list does, by its number and 12-digit id, on one line of the detail
     * pane (its 64 digits took three at 1366×768); the whole id closes the fields, after the other hashes.
     */
    @Test
    void theRecordFieldNamesTheShortIdAndTheWholeIdClosesTheFields() {
        model.selectedProperty().set(model.visibleRecords().get(1));
        Map<String, String> fields = new LinkedHashMap<>();
        model.details().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
        String record = fields.get("Record");
        assertTrue(record != null && record.matches("#2 [0-9a-f]{12}"), fields.toString());
        List<String> names = List.copyOf(fields.keySet());
        assertEquals("Record id (SHA-256)", names.get(names.size() - 1), names.toString());
        String whole = fields.get("Record id (SHA-256)");
        assertTrue(whole.matches("[0-9a-f]{64}") && whole.startsWith(record.substring(3)), whole);
        assertTrue(names.indexOf("File manifest.json") < names.size() - 1, names.toString());
    }

    @Test
    void selectionFillsTheDetailPaneWithEvidenceAndSignatures() {
        model.selectedProperty().set(model.visibleRecords().get(1));
        assertTrue(model.details().stream().anyMatch(e -> e.getKey().equals("Rationale")
                && e.getValue().equals("candidate wins on every slice")));
        assertTrue(model.details().stream().anyMatch(e -> e.getKey().equals("File manifest.json")
                && e.getValue().equals("a".repeat(64))));
        assertEquals(List.of("Ada Lovelace", "Grace Hopper"), model.signatures().stream().map(AuditRow.SignatureRow::name).toList());
    }

    @Test
    void comparisonLinesUpTwoRecordsAndMarksWhatDiffers() {
        model.leftProperty().set(model.visibleRecords().get(1));
        model.rightProperty().set(model.visibleRecords().get(2));
        ComparisonLine rationale = line("Rationale");
        assertEquals("candidate wins on every slice", rationale.left());
        assertEquals("small follow-up", rationale.right());
        assertTrue(rationale.differs());
        assertFalse(line("Model").differs());
        assertEquals("3", line("Risk tier").left());
        assertEquals("1", line("Risk tier").right());
    }

    /**
     * A flipped signature breaks its record and every checkpoint that signed it. The header counted all of these but
     * listed only the checkpoints' problems, and said "the first 1 signatures".
     */
    @Test
    void theHeaderListsEveryProblemItCountsInPlainWords() throws Exception {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            s.execute("DROP TRIGGER signatures_no_update");
            s.executeUpdate("UPDATE signatures SET signature = zeroblob(64) WHERE record_seq = 1");
        }
        model.open(db);
        String header = model.verificationProperty().get();
        List<String> lines = header.lines().toList();

        Matcher counted = Pattern.compile("TAMPERED: first bad record is #1; (\\d+) "
                + "problems?").matcher(lines.get(0));
        assertTrue(counted.find(), header);
        Matcher more = Pattern.compile("… and (\\d+) more problems?")
                .matcher(model.moreProblemsProperty().get());
        long listed = lines.stream().filter(line -> line.startsWith("✖ ") || line.startsWith("⚠ ")).count();
        assertEquals(Integer.parseInt(counted.group(1)), listed + (more.find() ? Integer.parseInt(more.group(1)) : 0),
                header);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("✖ record #1: ")), header);
        assertFalse(header.contains(" 1 signatures"), header);
    }

    /** A long list shows its first few problems and how many more; asked, every one, and then the first few again. */
    @Test
    void theHeaderListsAFewProblemsAndEveryOneWhenAsked() throws Exception {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            s.execute("DROP TRIGGER signatures_no_update");
            s.executeUpdate("UPDATE signatures SET signature = zeroblob(64)");
        }
        model.open(db);
        List<String> everyProblem = verified(db).problems().stream().map(Object::toString).sorted().toList();
        String header = model.verificationProperty().get();

        assertEquals(AuditViewModel.LISTED_PROBLEMS, problemLines(header).size(), header);
        int more = everyProblem.size() - AuditViewModel.LISTED_PROBLEMS;
        assertEquals("… and " + more + " more problems: show all " + everyProblem.size(),
                model.moreProblemsProperty().get());

        model.everyProblemListedProperty().set(true);
        assertEquals(everyProblem, problemLines(model.verificationProperty().get()).stream().sorted().toList());
        assertEquals("show only the first 5 problems", model.moreProblemsProperty().get());

        model.everyProblemListedProperty().set(false);
        assertEquals(header, model.verificationProperty().get());
    }

    /**
     * What the review found: the triggers dropped and a record changed. The guard's problem is the store's, in no
     * record's details; it was the seventh of seven problems, after "… and 2 more", and read nowhere in the app.
     */
    @Test
    void aProblemOfTheWholeStoreIsListedAmongTheFirstFew() throws Exception {
        TamperedStore.changeRecord(db, 1, "macro F1 fell", "macro F1 rose");
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            for (String trigger : List.of("records_no_update", "records_no_delete", "records_no_replace")) {
                s.execute("DROP TRIGGER " + trigger);
            }
        }
        model.open(db);
        VerificationReport report = verified(db);
        assertTrue(report.problems().size() > AuditViewModel.LISTED_PROBLEMS, report.problems().toString());
        List<String> storeLevel = report.problems().stream().filter(p -> p.sequence() == null).map(Object::toString)
                .toList();
        assertTrue(storeLevel.stream().anyMatch(p -> p.startsWith("the store's append-only guard is missing, 3 triggers"
                + " dropped")), storeLevel.toString());

        List<String> listed = problemLines(model.verificationProperty().get());
        assertEquals(report.problems().get(0).toString(), listed.get(0), "the change log verify names first");
        assertEquals(storeLevel, listed.subList(1, 1 + storeLevel.size()));
    }

    private static VerificationReport verified(Path db) throws LedgerException {
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            return new LogVerifier().verify(log.snapshot(), Progress.NONE);
        }
    }

    /** The summary's problem lines without their ✖ or ⚠. */
    private static List<String> problemLines(String summary) {
        return summary.lines().skip(1).filter(line -> line.startsWith("✖ ") || line.startsWith("⚠ "))
                .map(line -> line.substring(2)).toList();
    }

    @Test
    void aTamperedRecordGetsABrokenBadgeAndItsProblems() throws Exception {
        TamperedStore.changeRecord(db, 2, "every slice", "every slicE");
        model.open(db);
        assertFalse((model.integrityProperty().get() == Integrity.VERIFIED));
        assertTrue(model.verificationProperty().get().contains("first bad record is #2"), model.verificationProperty().get());
        assertTrue(model.visibleRecords().get(0).verified());
        assertFalse(model.visibleRecords().get(1).verified());
        model.selectedProperty().set(model.visibleRecords().get(1));
        assertEquals("Problem", model.details().get(0).getKey());
    }

    /**
     * One changed byte in record #1: the records after it, whose own bytes and signatures verify, read "chain broken
     * after #1" in the warning colour's words, not "tampered", and stay out of the tampered-only filter; the problems
     * under the summary come in record order, #1's first, #2's marked ⚠ as its badge is.
     */
    @Test
    void recordsAfterAChangedOneReadChainBrokenAfterItAndTheProblemsComeInRecordOrder() throws Exception {
        TamperedStore.changeRecord(db, 1, "macro F1 fell", "macro F1 Fell");
        model.open(db);
        assertEquals(Integrity.TAMPERED, model.integrityProperty().get());
        assertEquals(List.of("✖ tampered", "⚠ chain broken after #1", "⚠ chain broken after #1"),
                model.visibleRecords().stream().map(AuditRow::badge).toList());
        assertEquals(List.of(Integrity.TAMPERED, Integrity.CHAIN_BROKEN, Integrity.CHAIN_BROKEN),
                model.visibleRecords().stream().map(AuditRow::integrity).toList());
        model.tamperedOnlyProperty().set(true);
        assertEquals(List.of(1L), model.visibleRecords().stream().map(AuditRow::sequence).toList());
        model.tamperedOnlyProperty().set(false);

        List<String> lines = model.verificationProperty().get().lines().skip(1).toList();
        List<Long> order = lines.stream().map(line -> Pattern.compile("record #(\\d+):").matcher(line))
                .filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).toList();
        assertEquals(order.stream().sorted().toList(), order, String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("⚠ record #2: does not follow record #1, which was"
                + " changed")), String.join("\n", lines));
        assertTrue(lines.stream().filter(line -> line.contains("record #2:")).noneMatch(line -> line.startsWith("✖")),
                String.join("\n", lines));
    }

    /**
     * A record changed after it was signed shows no signature state as if it stood: the table, the detail pane, its
     * signatures and the side-by-side view all say its signatures are invalid (it was "awaiting signatures (product)").
     */
    @Test
    void aRecordChangedAfterSigningShowsEverySignatureInvalidWherever() throws Exception {
        TamperedStore.changeRecord(db, 2, "every slice", "every slicE");
        model.open(db);
        AuditRow changed = model.visibleRecords().get(1);
        String invalid = "signature invalid: record altered after signing";
        assertEquals(invalid, changed.status());
        assertTrue(changed.signatures().stream().allMatch(sig -> sig.standing().endsWith(" is invalid: the record was"
                + " altered after it was signed (its bytes no longer match its id)")), changed.signatures().toString());
        model.selectedProperty().set(changed);
        assertTrue(model.details().stream().anyMatch(e -> e.getKey().equals("Signatures") && e.getValue().equals(invalid)),
                model.details().toString());
        model.leftProperty().set(changed);
        model.rightProperty().set(model.visibleRecords().get(0));
        assertEquals(invalid, line("Signatures").left());
        assertEquals("signed", line("Signatures").right());
    }

    /**
     * "Intact" says what the store alone cannot show. Wiped but for its register, this log is broken all the same:
     * Grace's registration was written after two records and two signatures the store no longer holds.
     */
    @Test
    void theHeaderOfAnIntactLogSaysWhatItCannotDetectAndAWipedOneWhatIsMissing() throws Exception {
        assertTrue(model.verificationProperty().get().startsWith("intact: 3 records, ")
                && model.verificationProperty().get().contains("records removed from the end cannot be detected without"
                + " a checkpoint kept outside the log (choose one with Kept checkpoint…)"), model.verificationProperty().get());
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            for (String table : List.of("signatures", "records", "checkpoints")) {
                s.execute("DROP TRIGGER " + table + "_no_delete");
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        model.open(db);
        assertFalse((model.integrityProperty().get() == Integrity.VERIFIED));
        List<String> wiped = model.verificationProperty().get().lines().toList();
        assertEquals(List.of("TAMPERED: 3 problems", "✖ log entry #2 (registration of Grace Hopper, ai-safety): was"
                + " written after 2 records and 2 signatures, but the store holds 0 records and 0 signatures (2 records"
                + " and 2 signatures were removed)"), wiped.subList(0, 2));
        assertTrue(wiped.stream().anyMatch(line -> line.startsWith("⚠ the store's append-only guard is missing, 3"
                + " triggers dropped")), wiped.toString());

        // one signer's log wiped the same way looks like a fresh log with a registration, but its guard is gone:
        // never a green "intact", a SUSPECT that says what to do
        Path single = dir.resolve("single.db");
        try (DecisionLog log = DecisionLog.openForWriting(single)) {
            log.append(LedgerFixtures.retraining("macro F1 fell below the baseline"), ADA);
        }
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + single); Statement s = sql.createStatement()) {
            for (String table : List.of("signatures", "records", "checkpoints")) {
                s.execute("DROP TRIGGER " + table + "_no_delete");
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        model.open(single);
        assertFalse((model.integrityProperty().get() == Integrity.VERIFIED));
        assertEquals(Integrity.SUSPECT, model.integrityProperty().get());
        List<String> header = model.verificationProperty().get().lines().toList();
        assertTrue(header.get(0).startsWith("SUSPECT: 3 guard triggers dropped — cannot tell whether records were removed from the"
                + " end of the log; verify it against a checkpoint kept outside it") && header.get(0).endsWith(
                "(choose one with Kept checkpoint…)"), header.toString());
        assertTrue(header.get(1).startsWith("⚠ the store's append-only guard is missing"), header.toString());
        assertTrue(header.get(2).startsWith("⚠ log entry #1 (registration of Ada Lovelace, ml-lead) is covered by no"
                + " checkpoint: it came either from a signer file"), header.toString());
    }

    /**
     * Someone with write access registers a second key under Ada's name and role and signs a record with it: nothing
     * in the store changed, but by default it is POLICY NOT MET, not a green "verified", in the status, the record's
     * badge and the Signatures tab, and the impostor's signature completes no quorum.
     */
    @Test
    void aSecondKeyUnderAnExistingSignersNameAndRoleIsPolicyNotMetWhereverItIsShown() throws Exception {
        SignerKey impostor = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(2, "forged by a second key under Ada's name"), impostor);
        }
        model.open(db);
        assertEquals(Integrity.POLICY_NOT_MET, model.integrityProperty().get(), model.verificationProperty().get());
        assertTrue(model.verificationProperty().get().startsWith("POLICY NOT MET: "), model.verificationProperty().get());
        assertTrue(model.verificationProperty().get().contains("⚠ log entry #3 registers Ada Lovelace (ml-lead, "
                + impostor.identity().shortKeyId() + ") as a second key under the name and role of Ada Lovelace (ml-lead,"
                + " key " + ADA.identity().shortKeyId()), model.verificationProperty().get());
        AuditRow forged = model.visibleRecords().get(3);
        assertEquals(Integrity.POLICY_NOT_MET, forged.integrity());
        assertEquals("Ada Lovelace", forged.signatures().get(0).name());
        String standing = forged.signatures().get(0).standing();
        assertTrue(standing.contains("a second key under the name and role of Ada Lovelace"), standing);
        assertEquals("awaiting signatures (ml-lead)", forged.status(), "the impostor's signature counts for nothing");
        assertEquals(Integrity.VERIFIED, model.visibleRecords().get(0).integrity(), "Ada's own records stand");
    }

    /** What a record altered after signing says is shown, but marked, in the table and in its detail. */
    @Test
    void theContentOfARecordAlteredAfterSigningIsMarkedNotTrusted() throws Exception {
        TamperedStore.changeRecord(db, 2, "\"decision\" : \"promote\"", "\"decision\" : \"hold\"");
        model.open(db);
        AuditRow altered = model.visibleRecords().get(1);
        assertEquals("hold (content not trusted: record altered after signing)", altered.decision());
        assertEquals("content not trusted: record altered after signing", altered.fields().get("Content"));
        assertEquals("retrain", model.visibleRecords().get(0).decision(), "a record whose signature verifies is as signed");
    }

    /** A product signer's key file, registered endorsed by Ada as the organisation does before they co-sign. */
    private Path endorsedProductKey() throws Exception {
        Path product = KeyFile.generate("Joan Clarke", Roles.PRODUCT, LedgerFixtures.PASSPHRASE,
                LedgerFixtures.TEST_ITERATIONS).writeTo(dir.resolve("keys"));
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LedgerFixtures.registerEndorsed(log, KeyFile.read(product)
                    .unlock(LedgerFixtures.PASSPHRASE.clone()), ADA);
        }
        model.open(db);
        return product;
    }

    @Test
    void coSigningTheSelectedRecordCompletesItsQuorum() throws Exception {
        Path product = endorsedProductKey();
        model.cosign(model.visibleRecords().get(1), product, "wrong passphrase".toCharArray());
        assertTrue(model.cosignOutcomeProperty().get().startsWith("wrong passphrase"), model.cosignOutcomeProperty().get());
        assertEquals("awaiting signatures (product)", model.visibleRecords().get(1).status());

        model.cosign(model.visibleRecords().get(1), product, LedgerFixtures.PASSPHRASE.clone());
        assertEquals("Record #2 co-signed by Joan Clarke (product, "
                + KeyFile.readSigner(product).identity().shortKeyId() + ").",
                model.cosignOutcomeProperty().get());
        assertEquals("signed", model.visibleRecords().get(1).status(), "the store is shown again with the signature");
        assertTrue((model.integrityProperty().get() == Integrity.VERIFIED), model.verificationProperty().get());
    }

    /**
     * Swapped records are the attack; the checkpoints' signature hashes that no longer match follow from it. The
     * header's first problem is the one `log verify` prints first, the swap; the store's own problems (the dropped
     * guard, the checkpoints) follow, as no record's details list them; asked, it lists every problem.
     */
    @Test
    void theHeaderNamesTheSwapFirstAndTheStoresOwnProblemsNext() throws Exception {
        StoreSurgeryForAudit.swapRecordsTwoAndThree(db);
        model.open(db);
        VerificationReport report = verified(db);
        List<String> listed = problemLines(model.verificationProperty().get());
        assertEquals(report.problems().get(0).toString(), listed.get(0));
        assertTrue(listed.get(0).startsWith("record #2: holds the statement signed for position #3"), listed.toString());
        assertTrue(listed.stream().skip(1).noneMatch(line -> line.startsWith("record")), listed.toString());
        assertTrue(listed.stream().anyMatch(line -> line.startsWith("the store's append-only guard is missing")),
                listed.toString());

        model.everyProblemListedProperty().set(true);
        assertEquals(report.problems().stream().map(Object::toString).sorted().toList(),
                problemLines(model.verificationProperty().get()).stream().sorted().toList());
    }

    /** A file that is not a SQLite database is named so in the summary's red "cannot open", SQLite's words below. */
    @Test
    void aFileOfRandomBytesIsSaidToBeNoDatabaseAndLeftAsItWas() throws Exception {
        Path noise = dir.resolve("noise.db");
        byte[] bytes = new byte[8192];
        new Random(7).nextBytes(bytes);
        Files.write(noise, bytes);
        model.open(noise);
        List<String> lines = model.verificationProperty().get().lines().toList();
        assertEquals("cannot open: " + noise + " is not a SQLite database, so it is not a decision log: choose the"
                + " log's file, or a new file name to start a log; nothing was written to it", lines.get(0));
        assertTrue(lines.get(1).startsWith("  SQLite: "), lines.toString());
        assertEquals("Nothing to list: the log could not be opened — Open decision log… opens another.",
                model.emptyTableMessage().get());
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(noise)), "the file is as it was");
    }

    @Test
    void aFileThatIsNoLogIsReportedNotThrown() {
        model.open(dir.resolve("nothing-here.db"));
        assertTrue(model.verificationProperty().get().startsWith("cannot open: no decision log at"));
        assertTrue(model.visibleRecords().isEmpty());
        // not "No decisions in this store yet" under a red "cannot open"
        assertEquals("Nothing to list: the log could not be opened — Open decision log… opens another.",
                model.emptyTableMessage().get());
    }

    /**
     * The status bar names the log Audit shows ("Audit shows B"): from the moment another log is opened, never the
     * one before it, even when the new one cannot be opened; nothing of the previous log (its records, what its
     * co-signing did) stays in view while the new one is read.
     */
    @Test
    void openingAnotherLogLeavesNothingOfThePreviousOneInViewNorInTheStatusBar() throws Exception {
        Path product = KeyFile.generate("Joan Clarke", Roles.PRODUCT, LedgerFixtures.PASSPHRASE,
                LedgerFixtures.TEST_ITERATIONS).writeTo(dir.resolve("keys"));
        model.cosign(model.visibleRecords().get(1), product, LedgerFixtures.PASSPHRASE.clone());
        assertTrue(model.cosignOutcomeProperty().get().startsWith("Record #2 co-signed"));

        Path missing = dir.resolve("nothing-here.db");
        model.open(missing);
        assertEquals(missing, model.openedStoreProperty().get(), "the status bar names the log Audit shows");
        assertEquals("", model.cosignOutcomeProperty().get(), "the co-signing was of the previous log");
        assertTrue(model.visibleRecords().isEmpty());

        HeldExecutor executor = new HeldExecutor();
        AuditViewModel held = new AuditViewModel(executor, new ActivityMonitor(System::currentTimeMillis));
        held.open(db);
        executor.runHeldWork();
        assertEquals(3, held.visibleRecords().size());
        Path other = threeRecordStore(Files.createDirectory(dir.resolve("other")));
        held.open(other);
        // while the other log is being verified
        assertEquals(other, held.openedStoreProperty().get());
        assertTrue(held.visibleRecords().isEmpty(), "the previous log's records are not shown under the new name");
        assertEquals("Reading and verifying the log…", held.emptyTableMessage().get());
        executor.runHeldWork();
        assertEquals(other, held.openedStoreProperty().get());
        assertEquals(3, held.visibleRecords().size());
    }

    /**
     * A log wiped to 0 bytes or cut short, checked against a checkpoint kept outside it that covers records, is
     * TAMPERED in the words of {@code log verify --checkpoint} ("the log was destroyed: …"), never "cannot open".
     */
    @Test
    void aWipedOrTruncatedLogAgainstItsKeptCheckpointIsTamperedNotUnopenable() throws Exception {
        Path kept = dir.resolve("checkpoint.json");
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            Files.writeString(kept, log.snapshot().latestCheckpoint().orElseThrow().toJson());
        }
        model.useKeptCheckpoint(kept);
        byte[] whole = Files.readAllBytes(db);
        for (byte[] left : List.of(new byte[0], Arrays.copyOf(whole, whole.length / 2))) {
            Files.write(db, left);
            model.open(db);
            String header = model.verificationProperty().get();
            assertTrue(header.startsWith("TAMPERED: the log was destroyed: the checkpoint kept outside it (" + kept
                    + ") covers 3 records"), header);
            assertTrue(header.contains("do not append to it"), header);
            assertFalse(header.contains("cannot open"), header);
            assertEquals(Integrity.TAMPERED, model.integrityProperty().get());
            assertFalse((model.integrityProperty().get() == Integrity.VERIFIED));
            assertTrue(model.visibleRecords().isEmpty());
            assertTrue(model.emptyTableMessage().get().startsWith("Nothing to list: the log was destroyed"),
                    model.emptyTableMessage().get());
            assertEquals(kept, model.keptCheckpointProperty().get(), "the checkpoint stays chosen for this log");
        }
        // without a kept checkpoint an empty file is what an interrupted creation leaves, as before
        Files.write(db, new byte[0]);
        model.useKeptCheckpoint(null);
        assertTrue(model.verificationProperty().get().startsWith("cannot open: "), model.verificationProperty().get());
        assertEquals(null, model.integrityProperty().get());
    }

    @Test
    void anEmptyStoreThatOpenedInvitesAFirstRecordAndBecomesTheStoreInUse() throws Exception {
        Path empty = dir.resolve("empty.db");
        try (DecisionLog log = DecisionLog.openForWriting(empty)) {
            log.register(ADA);
        }
        model.open(empty);
        assertEquals("No decisions in this store yet — File → Record decision… (Ctrl+D)", model.emptyTableMessage().get());
        assertEquals(empty, model.openedStoreProperty().get());
    }

    @Test
    void aPackOpeningShowsTheAppsLogOnlyWhileNoOtherLogIsOpen() throws Exception {
        AuditViewModel fresh = new AuditViewModel(new CurrentThreadExecutor(), new ActivityMonitor(System::currentTimeMillis));
        fresh.showAppStoreIfNoneOpen(dir.resolve("not-yet-written.db"));
        assertTrue(fresh.visibleRecords().isEmpty(), "no app log yet: nothing is opened");
        assertEquals("", fresh.storeNameProperty().get());

        fresh.showAppStoreIfNoneOpen(db);
        assertEquals(List.of(1L, 2L, 3L), fresh.visibleRecords().stream().map(AuditRow::sequence).toList());

        fresh.open(Files.copy(db, dir.resolve("reviewed.db")));
        fresh.showAppStoreIfNoneOpen(db);
        assertEquals("reviewed.db", fresh.storeNameProperty().get(),
                "the log the reviewer opened stays open when the next pack opens");
    }

    /** Whether the app's log exists is asked off the FX thread: the log may be on a network share that is asleep. */
    @Test
    void theAppsLogIsLookedForInTheBackground() {
        HeldExecutor executor = new HeldExecutor();
        AuditViewModel fresh = new AuditViewModel(executor, new ActivityMonitor(System::currentTimeMillis));

        fresh.showAppStoreIfNoneOpen(db);

        assertEquals("", fresh.storeNameProperty().get(), "nothing is opened before the disk answers");
        executor.runHeldWork(); // the look-up: the log exists, so it is opened and verified in the background
        assertEquals(db.getFileName().toString(), fresh.storeNameProperty().get());
        executor.runHeldWork();
        assertEquals(List.of(1L, 2L, 3L), fresh.visibleRecords().stream().map(AuditRow::sequence).toList());
    }

    private List<Long> sequences() {
        return model.visibleRecords().stream().map(AuditRow::sequence).toList();
    }

    private ComparisonLine line(String field) {
        return model.comparison().stream().filter(l -> l.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void aRecordWhoseOnlySignerWasRelabelledIsNeverShownVerified() throws Exception {
        SignerKey bob = LedgerFixtures.signer("Bob Byrne", "observer");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(1, "bob alone"), bob);
        }
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            s.execute("DROP TRIGGER signers_no_update");
            s.executeUpdate("UPDATE signers SET role = 'ml-lead' WHERE name = 'Bob Byrne'");
        }
        model.open(db);
        AuditRow bobs = model.visibleRecords().get(3);
        assertFalse(bobs.verified(), bobs.problems().toString());
        assertTrue(bobs.problems().stream().anyMatch(p -> p.contains("the signer register was edited to list as Bob Byrne"
                + " (ml-lead)")), bobs.problems().toString());
        assertTrue(model.verificationProperty().get().contains("✖ signer register: key " + bob.identity().shortKeyId()
                + " is listed as Bob Byrne (ml-lead), but its signed registration"), model.verificationProperty().get());
    }

    @Test
    void aTrustedSignersListMakesEverySignatureByAnUnlistedKeyCountForNothing() throws Exception {
        Path roster = dir.resolve("trusted-signers.json");
        Files.writeString(roster, """
                {"format": "verdict-trusted-signers/1",
                 "signers": [{"name": "Ada Lovelace", "role": "ml-lead", "keyId": "%s"}]}
                """.formatted(ADA.identity().keyId()));
        model.useTrustedSigners(roster);
        AuditRow tier3 = model.visibleRecords().get(1);
        assertFalse(tier3.verified());
        assertTrue(tier3.signatures().get(1).standing().contains("a key that is not in the trusted signers list"),
                tier3.signatures().get(1).standing());
        assertEquals("awaiting signatures (ai-safety, product)", tier3.status());
        assertTrue(model.visibleRecords().get(0).verified(), "Ada is listed");
        assertTrue(model.verificationProperty().get().contains("signers checked against trusted-signers.json"));
    }

    /** The organisation's list as it was when the log was signed, and after {@code removed} left it. */
    private Path trustedSigners(SignerKey... listed) throws Exception {
        Path roster = dir.resolve("trusted-signers.json");
        Files.writeString(roster, "{\"format\": \"verdict-trusted-signers/1\", \"signers\": ["
                + Arrays.stream(listed).map(k -> "{\"name\": \"%s\", \"role\": \"%s\", \"keyId\": \"%s\"}"
                        .formatted(k.identity().name(), k.identity().role(), k.identity().keyId()))
                        .collect(Collectors.joining(", ")) + "]}");
        return roster;
    }

    /**
     * A signer removed from the trusted list after signing leaves the log whole: its records read POLICY NOT MET, as
     * {@code log verify --trusted-signers} heads it, never TAMPERED (the badge said "broken").
     */
    @Test
    void aSignerRemovedFromTheTrustedListMakesThePolicyNotMetNotATamperedLog() throws Exception {
        model.useTrustedSigners(trustedSigners(ADA, GRACE));
        assertEquals(Integrity.VERIFIED, model.integrityProperty().get(), model.verificationProperty().get());
        assertTrue(model.visibleRecords().stream().allMatch(AuditRow::verified));

        model.useTrustedSigners(trustedSigners(ADA));

        assertEquals(Integrity.POLICY_NOT_MET, model.integrityProperty().get());
        assertEquals(List.of(Integrity.VERIFIED, Integrity.POLICY_NOT_MET,
                Integrity.VERIFIED), model.visibleRecords().stream().map(AuditRow::integrity).toList(),
                "record #2 is the one Grace co-signed");
        List<String> header = model.verificationProperty().get().lines().toList();
        assertTrue(header.get(0).startsWith("POLICY NOT MET: "), header.get(0));
        assertTrue(header.get(1).startsWith("⚠ record #2: "), header.toString());
        assertTrue(header.stream().noneMatch(line -> line.startsWith("✖ ")), "nothing reads as tampering");
    }

    /**
     * A kept checkpoint signed by a key the trusted signers list leaves out proves nothing either way: the log is
     * POLICY NOT MET and the header says the checkpoint was not checked, never that the log was tampered with.
     */
    @Test
    void aKeptCheckpointByAnUnlistedSignerIsAPolicyNotMetNotTampering() throws Exception {
        Path kept = dir.resolve("checkpoint.json");
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            Files.writeString(kept, log.snapshot().latestCheckpoint().orElseThrow().toJson());
        }
        model.useKeptCheckpoint(kept);
        model.useTrustedSigners(trustedSigners(GRACE));

        assertEquals(Integrity.POLICY_NOT_MET, model.integrityProperty().get(), model.verificationProperty().get());
        List<String> header = model.verificationProperty().get().lines().toList();
        assertTrue(header.get(0).contains(" — not checked against checkpoint.json: its signer is not in the trusted"
                + " signers list"), header.get(0));
        assertTrue(header.stream().noneMatch(line -> line.startsWith("✖ ") || line.contains("does NOT extend")),
                header.toString());
    }

    /** A house-price record's mae is shown with the unit it was signed with, in the details and side by side. */
    @Test
    void aKeyMetricInTheTargetsUnitIsShownWithIt() throws Exception {
        DecisionRecord promotion = LedgerFixtures.promotion(1, "the candidate is $5,000 worse");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(promotion.withEvaluationSummary(new EvaluationSummary(
                    promotion.evaluationSummary().gates(), List.of(new EvaluationSummary
                            .KeyMetric("mae", 10_000.0, 15_000.0, 5_000.0, 3_000.0, 7_000.0, "USD")))), ADA);
        }
        model.open(db);
        AuditRow houses = model.visibleRecords().get(3);
        assertEquals("production 10000.0000, candidate 15000.0000, Δ 5000.0000 [3000.0000, 7000.0000] (in USD)",
                houses.fields().get("Metric: mae"));
        model.leftProperty().set(model.visibleRecords().get(1));
        model.rightProperty().set(houses);
        assertEquals("production 0.8010, candidate 0.8220, Δ 0.0210 [0.0080, 0.0340]", line("Metric: macro_f1").left(),
                "a metric without a unit reads as it did");
        assertEquals(houses.fields().get("Metric: mae"), line("Metric: mae").right());
    }

    /**
     * A decision restated on the same evidence (the format-2 store kept as a fixture: #2 promote, #3 hold amending it,
     * #4 hold again) replaces nothing: #3 stands, restated by #4, which names it; #2 was replaced by #3.
     */
    @Test
    void aRestatedDecisionIsShownRestatedNotReplaced() throws Exception {
        model.open(TamperedStore.copyOfResource("/ledger/format-2-store/decisions.db", dir.resolve("format-2.db")));
        assertEquals(Integrity.VERIFIED, model.integrityProperty().get(), model.verificationProperty().get());
        assertEquals(List.of("replaced by #3, which stands (hold production 42; do not promote candidate 43), restated"
                + " by #4", "stands: restated by #4 (3 decisions on this question and evidence)", "stands: restates #3,"
                + " which first decided it (3 decisions on this question and evidence)"), model.visibleRecords()
                .subList(1, 4).stream().map(row -> row.fields().get("Standing")).toList());
    }

    /** A store set back to format 2 is headed as `log verify` heads it. */
    @Test
    void aStoreSetBackToFormat2IsSuspectInTheWordsOfLogVerify() throws Exception {
        model.open(TamperedStore.setBackToFormat2(dir.resolve("set-back.db"), false));
        assertEquals(Integrity.SUSPECT, model.integrityProperty().get());
        String header = model.verificationProperty().get().lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("SUSPECT: store format set back from 3 to 2 and 8 guard triggers dropped — cannot"
                + " tell whether records were removed from the end of the log"), header);
    }

    /** An altered guard trigger heads the summary as altered, in the words of the line under it. */
    @Test
    void aLogWithAnAlteredGuardTriggerIsHeadedSoAndNotAsRemoved() throws Exception {
        Path db = dir.resolve("altered.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("macro F1 fell below the baseline"), ADA);
        }
        TamperedStore.makeDeleteGuardInert(db, "records");
        model.open(db);
        assertEquals(Integrity.SUSPECT, model.integrityProperty().get());
        List<String> header = model.verificationProperty().get().lines().toList();
        assertTrue(header.get(0).startsWith("SUSPECT: 1 guard trigger altered — cannot tell whether records were"
                + " removed"), header.toString());
        assertTrue(header.get(1).startsWith("⚠ the store's append-only guard is not as Verdict made it, 1 trigger"
                + " altered"), header.toString());
    }

    /**
     * A log written before contradicting decisions were refused (promote, then hold without amends): each record's
     * detail says which one stands, and the summary carries log verify's note.
     */
    @Test
    void contradictingDecisionsSayWhichStands() throws Exception {
        model.open(TamperedStore.copyOfResource("/ledger/contradicting-decisions/decisions.db",
                dir.resolve("contradicting.db")));
        assertEquals(Integrity.VERIFIED, model.integrityProperty().get(), model.verificationProperty().get());
        assertTrue(model.visibleRecords().get(0).fields().get("Standing").startsWith("replaced by #2, which stands"
                + " (hold production 42; do not promote candidate 43)"),
                model.visibleRecords().get(0).fields().toString());
        assertTrue(model.visibleRecords().get(1).fields().get("Standing").contains("it decides otherwise than #1"
                + " without amending it"), model.visibleRecords().get(1).fields().toString());
        assertTrue(model.verificationProperty().get().contains("record #2 stands: the latest of 2 decisions"),
                model.verificationProperty().get());
    }

    /** A key in log_info that no Verdict writes is noted under the summary, as `log verify` notes it. */
    @Test
    void aKeyNoVerdictWritesInLogInfoIsNoted() throws Exception {
        assertFalse(model.verificationProperty().get().contains("log_info"), model.verificationProperty().get());
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            s.executeUpdate("INSERT INTO log_info VALUES ('retention', 'forever')");
        }
        model.open(db);
        String said = model.verificationProperty().get();
        assertTrue(said.contains("\n⚠ log_info holds a key no Verdict writes ('retention' = 'forever'): "), said);
    }

    /**
     * The note is of the state the records were verified in: a key added to log_info right after the one read (by
     * another program, between the read and the note) is not noted against it, and the next read notes it.
     */
    @Test
    void theLogInfoNoteIsOfTheStateReadWithTheRecords() throws Exception {
        AuditedLogs onDisk = AuditedLogs.onDisk();
        int[] reads = {0};
        AuditViewModel audited = auditing(reading(store -> {
            LogSnapshot read = onDisk.read(store);
            reads[0]++;
            try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + store);
                 Statement s = sql.createStatement()) {
                s.executeUpdate("INSERT INTO log_info VALUES ('after read " + reads[0] + "', 'x')");
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
            return read;
        }));

        audited.open(db);
        assertFalse(audited.verificationProperty().get().contains("log_info"), audited.verificationProperty().get());
        audited.open(db);
        String said = audited.verificationProperty().get();
        assertTrue(said.contains("\n⚠ log_info holds a key no Verdict writes ('after read 1' = 'x'): "), said);
    }

    /** The note comes with the read: a log handed over without a database is noted from what was handed over. */
    @Test
    void theLogInfoNoteComesFromTheSnapshotRead() throws Exception {
        LogSnapshot read;
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            read = log.snapshot().withUnknownInfo(java.util.Map.of("retention", "forever"));
        }
        AuditViewModel audited = auditing(reading(store -> read));

        audited.open(dir.resolve("handed-over.db"));
        String said = audited.verificationProperty().get();
        assertTrue(said.contains("\n⚠ log_info holds a key no Verdict writes ('retention' = 'forever'): "), said);
    }

    /** How a test hands the view its log: a read, and no co-signature or endorsement. */
    private interface LogRead {
        LogSnapshot read(Path store) throws LedgerException;
    }

    private static AuditedLogs reading(LogRead reader) {
        return new AuditedLogs() {
            @Override
            public LogSnapshot read(Path store) throws LedgerException {
                return reader.read(store);
            }

            @Override
            public void cosign(Path store, String recordReference, SignerKey key) {
                throw new AssertionError("nothing is co-signed");
            }

            @Override
            public RegisteredSigner endorse(Path store, String keyId, SignerKey endorser) {
                throw new AssertionError("nothing is endorsed");
            }
        };
    }

    private static AuditViewModel auditing(AuditedLogs logs) {
        return new AuditViewModel(new CurrentThreadExecutor(), new ActivityMonitor(System::currentTimeMillis),
                ResourceBundle.getBundle("org.verdict.ui.audit.audit"), logs, new LogVerifier());
    }

    /** Every text the view-model writes comes from the audit bundle: a marked bundle marks each of them. */
    @Test
    void whatTheAuditViewModelSaysComesFromItsBundle() throws Exception {
        AuditViewModel marked = new AuditViewModel(new CurrentThreadExecutor(),
                new ActivityMonitor(System::currentTimeMillis), MarkedText.of("org.verdict.ui.audit.audit"),
                AuditedLogs.onDisk(), new LogVerifier());
        marked.useTrustedSigners(trustedSigners(ADA));
        marked.open(db);
        List<String> header = marked.verificationProperty().get().lines().toList();
        assertTrue(header.get(0).endsWith("« — signers checked against trusted-signers.json»"), header.get(0));
        assertTrue(header.get(1).startsWith("«⚠ record #2: "), header.get(1));
        AuditRow tier3 = marked.visibleRecords().get(1);
        assertEquals(List.of("«Record»", "«Signatures»", "«Appended (signed)»"),
                tier3.fields().keySet().stream().limit(3).toList());
        assertEquals("«verified»", tier3.signatures().get(0).standing());
        marked.selectedProperty().set(tier3);
        assertEquals("«Problem»", marked.details().get(0).getKey());

        marked.open(dir.resolve("not-a-log.db"));
        assertTrue(marked.verificationProperty().get().startsWith("«cannot open: "), marked.verificationProperty().get());
    }

    @Test
    void verificationRunsAsATaskTheStatusBarCanCancel() {
        HeldExecutor deferred = new HeldExecutor();
        ActivityMonitor activity = new ActivityMonitor(System::currentTimeMillis);
        AuditViewModel audited = new AuditViewModel(deferred, activity);
        audited.open(db);
        assertTrue(activity.busyProperty().get(), "the status bar shows the verification");
        assertTrue(audited.loadingProperty().get());
        activity.cancel();
        deferred.runHeldWork();
        assertFalse(activity.busyProperty().get());
        assertTrue(audited.verificationProperty().get().contains("verification cancelled"),
                audited.verificationProperty().get());
        assertTrue(audited.visibleRecords().isEmpty(), "nothing half-verified is shown");
        assertEquals(List.of(), deferred.unhandledFailures());
    }

    @Test
    void aCheckpointKeptElsewhereRevealsTheNewestRecordDeletedWithItsCheckpoint() throws Exception {
        Path kept = dir.resolve("checkpoint.json");
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            Files.writeString(kept, log.snapshot().latestCheckpoint().orElseThrow().toJson());
        }
        model.useKeptCheckpoint(kept);
        assertTrue((model.integrityProperty().get() == Integrity.VERIFIED), model.verificationProperty().get());
        assertTrue(model.verificationProperty().get().lines().findFirst().orElseThrow().endsWith("; the log extends the"
                + " checkpoint kept outside it (checkpoint.json)"), model.verificationProperty().get());

        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            for (String table : List.of("records", "signatures", "checkpoints")) {
                s.execute("DROP TRIGGER " + table + "_no_delete");
            }
            s.executeUpdate("DELETE FROM checkpoints WHERE tree_size = 3");
            s.executeUpdate("DELETE FROM signatures WHERE record_seq = 3");
            s.executeUpdate("DELETE FROM records WHERE seq = 3");
        }
        model.open(db);
        assertFalse((model.integrityProperty().get() == Integrity.VERIFIED));
        assertTrue(model.verificationProperty().get().contains("— does NOT extend checkpoint.json"),
                model.verificationProperty().get());
        assertTrue(model.verificationProperty().get().contains("✖ the checkpoint kept outside the store (3 records) is not"
                + " extended by this log"), model.verificationProperty().get());
    }

    /** A checkpoint is chosen for one log: opening another lets it go, says so, and leaves that log intact. */
    @Test
    void aKeptCheckpointIsNotCarriedOverToTheNextLogOpened() throws Exception {
        Path kept = dir.resolve("checkpoint.json");
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            Files.writeString(kept, log.snapshot().latestCheckpoint().orElseThrow().toJson());
        }
        model.useKeptCheckpoint(kept);
        Path other = threeRecordStore(Files.createDirectory(dir.resolve("other")));
        model.open(other);
        assertTrue((model.integrityProperty().get() == Integrity.VERIFIED), model.verificationProperty().get());
        assertEquals(null, model.keptCheckpointProperty().get());
        assertTrue(model.verificationProperty().get().contains("⚠ the kept checkpoint checkpoint.json was chosen for"
                + " decisions.db and is not applied to decisions.db"), model.verificationProperty().get());
        assertFalse(model.verificationProperty().get().contains("does NOT extend"), model.verificationProperty().get());
    }

    /** Chosen for a log it is not of, a checkpoint is named the wrong file, not taken as evidence of tampering. */
    @Test
    void aCheckpointOfAnotherLogIsRefusedAsTheWrongFileNotReadAsTampering() throws Exception {
        Path kept = dir.resolve("checkpoint.json");
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            Files.writeString(kept, log.snapshot().latestCheckpoint().orElseThrow().toJson());
        }
        model.open(threeRecordStore(Files.createDirectory(dir.resolve("other"))));
        model.useKeptCheckpoint(kept);
        assertTrue((model.integrityProperty().get() == Integrity.VERIFIED), model.verificationProperty().get());
        assertEquals(null, model.keptCheckpointProperty().get());
        assertTrue(model.verificationProperty().get().contains("⚠ checkpoint.json: this checkpoint is of another log"
                + " (verdict-decision-log/"), model.verificationProperty().get());
        assertTrue(model.verificationProperty().get().contains("; it is not applied"), model.verificationProperty().get());
    }

    /** What an insider does with the sqlite3 shell: the triggers dropped, two records' places exchanged. */
    private static final class StoreSurgeryForAudit {
        static void swapRecordsTwoAndThree(Path db) throws Exception {
            try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
                s.execute("DROP TRIGGER records_no_update");
                s.execute("DROP TRIGGER signatures_no_update");
                for (String swap : new String[] {"-2 WHERE seq = 2", "2 WHERE seq = 3", "3 WHERE seq = -2"}) {
                    s.executeUpdate("UPDATE records SET seq = " + swap);
                    s.executeUpdate("UPDATE signatures SET record_seq = " + swap.replace("seq", "record_seq"));
                }
            }
        }
    }

    /** The log comes through an injected reader: a store that cannot be read is said so, with no database at all. */
    @Test
    void aLogThatCannotBeReadSaysWhyAndListsNothing() {
        AuditViewModel audited = auditing(reading(store -> {
            throw new LedgerException(store.getFileName() + " is locked by another program");
        }));

        audited.open(dir.resolve("board.db"));

        assertEquals("cannot open: board.db is locked by another program", audited.verificationProperty().get());
        assertFalse((audited.integrityProperty().get() == Integrity.VERIFIED));
        assertEquals("Nothing to list: the log could not be opened — Open decision log… opens another.",
                audited.emptyTableMessage().get());
    }
}
