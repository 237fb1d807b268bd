package org.verdict.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.ApprovalRequirement;
import org.verdict.core.gates.WorseFindings;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.EvaluationSummary.GateOutcome;
import org.verdict.core.ledger.EvaluationSummary;
import org.verdict.core.ledger.GateOverride;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.ReadOnlyPaths;
import org.verdict.core.ledger.RecordKind;
import org.verdict.core.ledger.Roles;
import org.verdict.core.ledger.TamperedStore;
import org.verdict.core.ledger.TriggerEvidence;
import org.verdict.core.task.Progress;
import org.verdict.ui.MarkedText;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.HeldExecutor;

class DecisionViewModelTest {
    private static final Clock NOV_22 = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final EvaluationSummary GATES = new EvaluationSummary(
            List.of(new GateOutcome("primary metric", "pass", "Δ +0.021"), new GateOutcome("latency", "fail", "p99 412 ms")),
            List.of());

    @TempDir
    Path dir;

    private DecisionViewModel model(List<TriggerEvidence> triggers) {
        return new DecisionViewModel(DecisionPacks.tierThreePack(), GATES, triggers, new CurrentThreadExecutor(), NOV_22);
    }

    @Test
    void isPreFilledFromThePack() {
        DecisionViewModel model = model(List.of());
        assertEquals("support-router", model.modelName());
        assertEquals("42", model.productionVersion());
        assertEquals(List.of("43"), model.candidates(), "the gate table is 43's: no other candidate under it");
        assertEquals("43", model.candidateProperty().get());
        assertEquals("tickets-2026-10", model.dataSnapshotProperty().get(), "the candidate's data snapshot");
        DecisionViewModel withoutGates = new DecisionViewModel(DecisionPacks.tierThreePack(), DecisionPrefill.NONE,
                new CurrentThreadExecutor(), NOV_22);
        assertEquals(List.of("43", "44"), withoutGates.candidates());
        withoutGates.candidateProperty().set("44");
        assertEquals("tickets-2026-11", withoutGates.dataSnapshotProperty().get());
        // as the approval pack's "Required approvers" names them, never the key register's ai-safety, product, ml-lead
        assertEquals(String.join(", ", ApprovalRequirement.forTier(3, true).approvers()), model.requiredSigners());
        assertEquals("AI Safety, Product, ML Lead", model.requiredSigners());
        assertEquals(3, model.evidenceFiles().size());
        assertEquals(2, model.gates().size());
        assertEquals(List.of("promote", "hold", "rollback"), model.decisions());
        assertEquals("2026-11-22", model.decisionDateProperty().get().toString());
    }

    @Test
    void saysWhatIsMissingUntilTheRecordIsComplete() {
        DecisionViewModel model = model(List.of());
        assertEquals("Still needed: the decision, the rationale, the approvers, the decision log, your key file.",
                model.missingProperty().get());
        assertFalse(model.canSignProperty().get());
        model.decisionProperty().set("hold");
        model.rationaleProperty().set("latency gate fails");
        model.approversProperty().set("Ada Lovelace, Grace Hopper");
        model.storeProperty().set(dir.resolve("d.db"));
        model.keyFileProperty().set(dir.resolve("k.json"));
        assertEquals("", model.missingProperty().get());
        assertTrue(model.canSignProperty().get());
        model.decisionProperty().set(null);
        model.kindProperty().set(RecordKind.RETRAINING);
        assertNull(model.decisionProperty().get(), "a new kind clears the decision");
        assertEquals(List.of("retrain", "defer", "investigate"), model.decisions());
        assertTrue(model.missingProperty().get().contains("a trigger evaluation"));
    }

    @Test
    void promotingOverAFailingGateNeedsItsJustification() {
        DecisionViewModel model = model(List.of());
        model.decisionProperty().set("promote");
        model.rationaleProperty().set("wins on every slice");
        model.approversProperty().set("Ada Lovelace");
        model.storeProperty().set(dir.resolve("d.db"));
        model.keyFileProperty().set(dir.resolve("k.json"));
        assertTrue(model.overridingProperty().get());
        assertEquals("Still needed: a justification for promoting over latency.", model.missingProperty().get());
        assertFalse(model.canSignProperty().get());
        assertTrue(model.promotionWarningProperty().get().contains("latency (fail)"));
        model.overrides().get(0).justification().set("X");
        assertEquals("Still needed: a justification for promoting over latency (at least 20 characters and 3 words, "
                + "saying why the board accepts it (it has 1 character, 1 word)).", model.missingProperty().get(),
                "the rule log append applies");
        assertFalse(model.canSignProperty().get());
        model.overrides().get(0).justification().set("  nightly batch scoring  ");
        assertTrue(model.canSignProperty().get());
        DecisionRecord record = model.record("Ada Lovelace");
        assertEquals(List.of(new GateOverride("latency", "nightly batch scoring")), record.overrides());
        assertEquals(List.of(), record.problems());
        assertEquals("promoted over blocked gates", record.decisionLabel());

        model.decisionProperty().set("hold");
        assertFalse(model.overridingProperty().get());
        assertEquals(null, model.record("Ada Lovelace").overrides(), "a hold overrides nothing");
        assertEquals("", model.promotionWarningProperty().get());
    }

    /**
     * The worse slices a promote is signed over carry the Gates view's heading, which says how many slices were tested
     * (mc_rare: 8 of 41): the dialog had its own heading that counted only the worse ones.
     */
    @Test
    void promotingOverWorseSlicesSaysHowManySlicesWereTested() {
        String heading = "Slices significantly worse on macro_f1 (1 of the 8 tested), the largest loss first; 33 of 41 "
                + "slices could not be tested (28 unstable, 5 too few examples): Compare gives each one's reason:";
        WorseFindings worse = new WorseFindings(List.of("store=store_14: Δ −0.144 [−0.279, −0.005] (n=202)"), heading,
                List.of(), "", "", List.of());
        DecisionViewModel model = new DecisionViewModel(DecisionPacks.tierThreePack(),
                new DecisionPrefill(DecisionPacks.tierThreePack().manifest().candidateVersion(null), GATES, List.of(),
                        worse), new CurrentThreadExecutor(), NOV_22);
        model.decisionProperty().set("promote");

        assertEquals(heading + "\n▼ store=store_14: Δ −0.144 [−0.279, −0.005] (n=202)",
                model.worseWarningProperty().get());
    }

    /** A promote is signed with a loss only the held-out set shows in view: no gate reads that set. */
    @Test
    void promotingOverALossOnTheHeldOutSetSaysIt() {
        String kiosk = "held-out set, device=kiosk: Δ −0.253 [−0.388, −0.117] at 98.75% (n=119, adjusted p <0.001)";
        WorseFindings worse = new WorseFindings(List.of(), "None of the 2 tested slices is significantly worse.",
                List.of(), "Nothing else is significantly worse overall.", "", List.of(kiosk));
        DecisionViewModel model = new DecisionViewModel(DecisionPacks.tierThreePack(),
                new DecisionPrefill(DecisionPacks.tierThreePack().manifest().candidateVersion(null), GATES, List.of(),
                        worse), new CurrentThreadExecutor(), NOV_22);
        model.decisionProperty().set("promote");

        assertEquals("Significantly worse on the held-out set (1), which no gate judges: read it before approving.\n▼ "
                + kiosk, model.worseWarningProperty().get());
    }

    /** A tier-three promotion whose latency gate fails, with one store significantly worse. */
    private static DecisionViewModel withAWorseStore() {
        WorseFindings worse = new WorseFindings(List.of("store=store_14: Δ −0.144 [−0.279, −0.005] (n=202)"),
                "Slices significantly worse on macro_f1 (1 of the 8 tested), the largest loss first:", List.of(), "",
                "", List.of());
        return new DecisionViewModel(DecisionPacks.tierThreePack(),
                new DecisionPrefill(DecisionPacks.tierThreePack().manifest().candidateVersion(null), GATES, List.of(),
                        worse), new CurrentThreadExecutor(), NOV_22);
    }

    /** Choosing promote shows the gates it overrides and what else is significantly worse; nothing before. */
    @Test
    void promotingWarnsOfTheBlockedGatesAndWhatElseIsWorse() {
        DecisionViewModel model = withAWorseStore();
        assertEquals("", model.promotionWarningProperty().get(), "nothing is shown before choosing");
        assertEquals("", model.worseWarningProperty().get(), "nothing is shown before choosing");
        model.decisionProperty().set("promote");
        assertTrue(model.promotionWarningProperty().get().contains("latency (fail)"),
                model.promotionWarningProperty().get());
        assertTrue(model.worseWarningProperty().get().contains("store=store_14"), model.worseWarningProperty().get());
        model.decisionProperty().set("hold");
        assertEquals("", model.promotionWarningProperty().get(), "a hold overrides no gate");
    }

    /**
     * Before a choice is made, the notices say what each choice will need to be signed: the
     * gates a promote would override, by name, and that it lists what else is worse; gone once a choice is made.
     */
    @Test
    void beforeChoosingTheDialogSaysWhatEachChoiceWillNeed() {
        DecisionViewModel model = withAWorseStore();
        String before = model.choicesNoticeProperty().get();
        assertTrue(before.startsWith("Choose promote, hold, rollback: each needs a rationale and the data snapshot, "
                + "and the approvers."), before);
        assertTrue(before.contains("justification for each gate that does not pass: latency (fail)"), before);
        assertTrue(before.contains("significantly worse"), before);

        model.decisionProperty().set("promote");
        assertEquals("", model.choicesNoticeProperty().get(), "promote's own warnings say the rest");
        model.decisionProperty().set("hold");
        assertEquals("A hold needs no justification for any gate: only promoting over gates that do not pass does.",
                model.choicesNoticeProperty().get(), "a choice without a notice of its own leaves no blank band");

        model.decisionProperty().set(null);
        model.kindProperty().set(RecordKind.RETRAINING);
        assertEquals("Choose retrain, defer, investigate: each needs a rationale and the data snapshot.",
                model.choicesNoticeProperty().get(), "a retraining record needs no approvers and overrides no gate");
    }

    /** Every text the view-model writes comes from the decision bundle: a marked bundle marks each of them. */
    @Test
    void whatTheDecisionViewModelSaysComesFromItsBundle() {
        DecisionViewModel model = new DecisionViewModel(DecisionPacks.tierThreePack(),
                new DecisionPrefill(DecisionPacks.tierThreePack().manifest().candidateVersion(null), GATES, List.of(),
                        WorseFindings.NONE),
                new CurrentThreadExecutor(), NOV_22, MarkedText.of("org.verdict.ui.decision.decision"),
                DecisionAppender.onDisk());
        assertEquals("«Still needed: «the decision», «the rationale», «the approvers», «the decision log», "
                + "«your key file».»", model.missingProperty().get());
        model.decisionProperty().set("promote");
        assertTrue(model.promotionWarningProperty().get().startsWith("«Warning: promoting over a gate that does not "
                + "pass: «latency (fail)». The record will read"), model.promotionWarningProperty().get());
        assertTrue(model.missingProperty().get().contains("«a justification for promoting over latency»"),
                model.missingProperty().get());
        model.decisionProperty().set(null);
        model.kindProperty().set(RecordKind.RETRAINING);
        assertTrue(model.missingProperty().get().contains("«a trigger evaluation (none was given for this pack)»"),
                model.missingProperty().get());
    }

    @Test
    void aPromoteWithoutAnyGateTableCannotBeSigned() {
        DecisionViewModel model = new DecisionViewModel(DecisionPacks.tierThreePack(), DecisionPrefill.NONE,
                new CurrentThreadExecutor(), NOV_22);
        model.decisionProperty().set("promote");
        assertTrue(model.missingProperty().get().contains("a gate table"), model.missingProperty().get());
        model.decisionProperty().set("hold");
        assertFalse(model.missingProperty().get().contains("a gate table"), model.missingProperty().get());
    }

    @Test
    void theRecordCarriesVersionsGatesAndEveryEvidenceHash() {
        DecisionViewModel model = model(List.of());
        model.decisionProperty().set("promote");
        model.overrides().get(0).justification().set("nightly batch scoring");
        model.rationaleProperty().set("wins on every slice");
        model.approversProperty().set(" Ada Lovelace ,Grace Hopper,, Joan Clarke");
        DecisionRecord record = model.record("Ada Lovelace");
        assertEquals(List.of(), record.problems());
        assertEquals("43", record.candidateVersion());
        assertEquals("42", record.productionVersion());
        assertEquals(3, record.riskTier());
        assertEquals(List.of("Ada Lovelace", "Grace Hopper", "Joan Clarke"), record.approvers());
        assertEquals("3".repeat(64), record.evidence().policy().sha256());
        assertEquals("policy.json", record.evidence().policy().file());
        assertEquals(DecisionPacks.tierThreePack().packHash(), record.evidence().pack());
        assertEquals(GATES, record.evaluationSummary());
    }

    @Test
    void signingAppendsTheRecordToTheLog() throws Exception {
        Path key = KeyFile.generate("Ada Lovelace", Roles.ML_LEAD, LedgerFixtures.PASSPHRASE, LedgerFixtures.TEST_ITERATIONS)
                .writeTo(dir.resolve("keys"));
        DecisionViewModel model = model(List.of(new TriggerEvidence("drift", true, "PSI 0.31 on ticket_length")));
        model.decisionProperty().set(null);
        model.kindProperty().set(RecordKind.RETRAINING);
        model.decisionProperty().set("retrain");
        model.rationaleProperty().set("drift above the 0.25 band");
        model.storeProperty().set(dir.resolve("decisions.db"));
        model.keyFileProperty().set(key);

        model.sign("wrong passphrase".toCharArray());
        assertTrue(model.statusProperty().get().startsWith("wrong passphrase"), model.statusProperty().get());
        assertNull(model.signedRecordProperty().get());

        char[] passphrase = LedgerFixtures.PASSPHRASE.clone();
        model.sign(passphrase);
        assertEquals("Appended record #1 (" + model.signedRecordProperty().get().shortId() + "), signed.",
                model.statusProperty().get());
        assertEquals('\0', passphrase[0], "the passphrase is wiped after use");
        try (DecisionLog log = DecisionLog.openReadOnly(dir.resolve("decisions.db"))) {
            DecisionRecord stored = log.snapshot().records().get(0).statement().orElseThrow().record();
            assertEquals("Ada Lovelace", stored.approver());
            assertEquals("retrain", stored.decision());
        }
    }

    /** The dialog goes through the same check as log append --pack: a typed data snapshot must be the candidate's. */
    @Test
    void aDataSnapshotOtherThanTheCandidatesIsRefusedAndNothingIsAppended() throws Exception {
        DecisionViewModel model = filledIn(new CurrentThreadExecutor(), adasKey());
        model.dataSnapshotProperty().set("tickets-2026-09");
        char[] passphrase = LedgerFixtures.PASSPHRASE.clone();

        model.sign(passphrase);

        String status = model.statusProperty().get();
        assertTrue(status.startsWith("The record does not describe the pack it is bound to"), status);
        assertTrue(status.contains("dataSnapshot: the record says tickets-2026-09, the pack's data snapshot is "
                + "tickets-2026-10 (candidate 43)"), status);
        assertNull(model.signedRecordProperty().get());
        assertFalse(model.signingProperty().get(), "the form stays usable to correct the snapshot");
        assertEquals('\0', passphrase[0], "the passphrase is wiped after use");
        assertFalse(Files.exists(dir.resolve("decisions.db")), "nothing is written");

        model.dataSnapshotProperty().set("tickets-2026-10");
        model.sign(LedgerFixtures.PASSPHRASE.clone());
        assertTrue(model.statusProperty().get().startsWith("Appended record #1"), model.statusProperty().get());
    }

    /** A record signed on top of a changed history would vouch for it: refused in the words of `log verify`. */
    @Test
    void signingIntoALogThatDoesNotVerifyIsRefusedAndNothingIsAppended() throws Exception {
        Path key = adasKey();
        DecisionViewModel first = filledIn(new CurrentThreadExecutor(), key);
        first.sign(LedgerFixtures.PASSPHRASE.clone());
        DecisionViewModel second = filledIn(new CurrentThreadExecutor(), key);
        second.sign(LedgerFixtures.PASSPHRASE.clone());
        Path store = dir.resolve("decisions.db");
        TamperedStore.changeRecord(store, 1, "latency gate fails", "latency gate passes");
        String firstProblem;
        try (DecisionLog log = DecisionLog.openReadOnly(store)) {
            firstProblem = new LogVerifier().verify(log.snapshot(),
                    Progress.NONE).problems().get(0).toString();
        }

        DecisionViewModel onTampered = filledIn(new CurrentThreadExecutor(), key);
        onTampered.sign(LedgerFixtures.PASSPHRASE.clone());

        String status = onTampered.statusProperty().get();
        assertTrue(status.startsWith("the decision log " + store + " does not verify, so nothing was appended"), status);
        assertTrue(status.contains("TAMPERED: first bad record is #1"), status);
        assertTrue(status.contains(firstProblem), status);
        assertNull(onTampered.signedRecordProperty().get(), "shown as a failure, never as an appended record");
        assertFalse(onTampered.signingProperty().get());
        try (DecisionLog log = DecisionLog.openReadOnly(store)) {
            assertEquals(2, log.snapshot().records().size(), "nothing was appended");
        }
    }

    /** A log the app cannot write is said in the dialog's status as the command line says it, and nothing is made. */
    @Test
    void signingIntoALogInAReadOnlyFolderSaysSoInPlainWordsAndWritesNothing() throws Exception {
        Path key = adasKey();
        Path folder = Files.createDirectory(dir.resolve("shared"));
        DecisionViewModel model = filledIn(new CurrentThreadExecutor(), key);
        model.storeProperty().set(folder.resolve("decisions.db"));
        try (ReadOnlyPaths readOnly = ReadOnlyPaths.of(folder)) {
            model.sign(LedgerFixtures.PASSPHRASE.clone());
        }
        List<String> status = model.statusProperty().get().lines().toList();
        assertEquals(folder.resolve("decisions.db") + " is in a read-only folder: choose a writable folder or copy the"
                + " log to one", status.get(0));
        assertTrue(status.get(1).startsWith("  SQLite: "), status.toString());
        assertNull(model.signedRecordProperty().get());
        try (var files = Files.list(folder)) {
            assertEquals(List.of(), files.toList(), "no log file is made");
        }
    }

    private DecisionViewModel filledIn(BackgroundExecutor executor, Path key) {
        DecisionViewModel model = new DecisionViewModel(DecisionPacks.tierThreePack(), GATES, List.of(), executor, NOV_22);
        model.decisionProperty().set("hold");
        model.rationaleProperty().set("latency gate fails");
        model.approversProperty().set("Ada Lovelace");
        model.storeProperty().set(dir.resolve("decisions.db"));
        model.keyFileProperty().set(key);
        return model;
    }

    private Path adasKey() throws Exception {
        return KeyFile.generate("Ada Lovelace", Roles.ML_LEAD, LedgerFixtures.PASSPHRASE, LedgerFixtures.TEST_ITERATIONS)
                .writeTo(dir.resolve("keys"));
    }

    /** The record signed in a dialog filled in with {@code decision}, as the log stores it, and what it said before. */
    private record SignedIn(String notice, DecisionRecord stored, String recordId) {
    }

    private SignedIn signIn(String decision) throws Exception {
        DecisionViewModel model = filledIn(new CurrentThreadExecutor(), adasKeyOnce());
        model.decisionProperty().set(decision);
        String notice = model.standingNoticeProperty().get();
        model.sign(LedgerFixtures.PASSPHRASE.clone());
        assertTrue(model.statusProperty().get().startsWith("Appended record"), model.statusProperty().get());
        try (DecisionLog log = DecisionLog.openReadOnly(dir.resolve("decisions.db"))) {
            var records = log.snapshot().records();
            var last = records.get(records.size() - 1);
            return new SignedIn(notice, last.statement().orElseThrow().record(), last.recordId());
        }
    }

    private Path adasKeyOnce() throws Exception {
        if (!Files.exists(dir.resolve("keys"))) {
            return adasKey();
        }
        try (var keys = Files.list(dir.resolve("keys"))) {
            return keys.findFirst().orElseThrow();
        }
    }

    @Test
    void aDecisionOtherThanTheOneStandingSaysSoAndAmendsIt() throws Exception {
        SignedIn hold = signIn("hold");
        assertEquals("", hold.notice(), "nothing stands in an empty log");
        assertNull(hold.stored().amends());

        SignedIn rollback = signIn("rollback");
        assertEquals("Decision #1 stands: hold production 42; do not promote candidate 43 (approved by Ada Lovelace,"
                + " 2026-11-22). Recording this decision replaces it: the record amends #1, which stays in the log,"
                + " marked replaced.", rollback.notice());
        assertEquals(hold.recordId(), rollback.stored().amends(), "the log accepted it because it amends #1");
    }

    @Test
    void aDecisionThatCameToStandWhileTheDialogWasOpenIsShownWhenTheAppendIsRefused() throws Exception {
        DecisionViewModel model = filledIn(new CurrentThreadExecutor(), adasKeyOnce());
        model.decisionProperty().set("rollback");
        assertEquals("", model.standingNoticeProperty().get());
        SignedIn hold = signIn("hold");

        model.sign(LedgerFixtures.PASSPHRASE.clone());
        assertTrue(model.statusProperty().get().startsWith("record #1 ("), model.statusProperty().get());
        assertTrue(model.standingNoticeProperty().get().startsWith("Decision #1 stands: hold production 42"),
                model.standingNoticeProperty().get());
        model.sign(LedgerFixtures.PASSPHRASE.clone());
        assertEquals(hold.recordId(), model.signedRecordProperty().get().statement().orElseThrow().record().amends());
    }

    @Test
    void theSameDecisionAsTheOneStandingRepeatsItWithoutAmending() throws Exception {
        SignedIn first = signIn("hold");
        SignedIn again = signIn("hold");
        assertEquals("Decision #1 stands with the same answer: hold production 42; do not promote candidate 43"
                + " (approved by Ada Lovelace, 2026-11-22). Recording this decision restates it: it amends nothing, and the"
                + " decision stands on the record that first made it.", again.notice());
        assertNull(again.stored().amends());
        assertNull(first.stored().amends());
    }

    @Test
    void theStandingDecisionIsReadInTheBackgroundAndFollowsTheQuestion() throws Exception {
        signIn("hold");
        HeldExecutor executor = new HeldExecutor();
        DecisionViewModel model = filledIn(executor, adasKeyOnce());
        assertEquals("", model.standingNoticeProperty().get(), "not read on the FX thread");
        executor.runUntilIdle();
        assertTrue(model.standingNoticeProperty().get().startsWith("Decision #1 stands with the same answer"),
                model.standingNoticeProperty().get());
        model.decisionProperty().set(null);
        assertEquals("Decision #1 stands on this question and evidence: hold production 42; do not promote candidate"
                + " 43 (approved by Ada Lovelace, 2026-11-22).", model.standingNoticeProperty().get());

        model.decisionProperty().set(null);
        model.kindProperty().set(RecordKind.RETRAINING);
        executor.runUntilIdle();
        assertEquals("", model.standingNoticeProperty().get(), "a retraining decision is another question");
        model.kindProperty().set(RecordKind.PROMOTION);
        executor.runUntilIdle();
        assertTrue(model.standingNoticeProperty().get().startsWith("Decision #1 stands on this question"),
                model.standingNoticeProperty().get());
        model.storeProperty().set(dir.resolve("elsewhere.db"));
        executor.runUntilIdle();
        assertEquals("", model.standingNoticeProperty().get());
    }

    @Test
    void signingShowsItsProgressInTheDialogUntilItEnds() throws Exception {
        HeldExecutor executor = new HeldExecutor();
        DecisionViewModel model = filledIn(executor, adasKey());
        model.sign(LedgerFixtures.PASSPHRASE.clone());
        ActivityMonitor activity = model.signingActivity();
        assertTrue(activity.busyProperty().get(), "the dialog's progress bar runs while the record is signed");
        activity.sample();
        assertEquals("Signing", activity.messageProperty().get());

        executor.runHeldWork();
        assertFalse(activity.busyProperty().get(), "and stops when it ends");
        assertTrue(model.statusProperty().get().startsWith("Appended record #1"), model.statusProperty().get());
    }

    /** The append comes through an injected appender: a log that refuses it says why, with no database at all. */
    @Test
    void aLogThatRefusesTheAppendSaysWhyInTheDialog() throws Exception {
        List<DecisionRecord> offered = new ArrayList<>();
        DecisionViewModel model = new DecisionViewModel(DecisionPacks.tierThreePack(), DecisionPrefill.NONE,
                new CurrentThreadExecutor(), NOV_22, DecisionDialog.defaultText(), (store, record, key, progress) -> {
                    offered.add(record);
                    throw new LedgerException(store.getFileName() + " does not verify: record #2 was changed");
                });
        model.decisionProperty().set("hold");
        model.rationaleProperty().set("latency gate fails");
        model.approversProperty().set("Ada Lovelace");
        model.storeProperty().set(dir.resolve("decisions.db"));
        model.keyFileProperty().set(adasKey());

        model.sign(LedgerFixtures.PASSPHRASE.clone());

        assertEquals("decisions.db does not verify: record #2 was changed", model.statusProperty().get());
        assertEquals("latency gate fails", offered.get(0).rationale());
        assertFalse(model.signingProperty().get());
    }

    @Test
    void theRecordIsTheFormAsItWasWhenSigningStarted() throws Exception {
        HeldExecutor executor = new HeldExecutor();
        DecisionViewModel model = filledIn(executor, adasKey());
        model.sign(LedgerFixtures.PASSPHRASE.clone());
        assertTrue(model.signingProperty().get(), "the form is disabled while the record is signed");
        assertFalse(model.canSignProperty().get());
        model.rationaleProperty().set("edited while signing");
        model.decisionProperty().set("rollback");

        executor.runHeldWork();
        assertFalse(model.signingProperty().get());
        try (DecisionLog log = DecisionLog.openReadOnly(dir.resolve("decisions.db"))) {
            DecisionRecord stored = log.snapshot().records().get(0).statement().orElseThrow().record();
            assertEquals("latency gate fails", stored.rationale());
            assertEquals("hold", stored.decision());
        }
    }

    @Test
    void cancellingBeforeTheAppendLeavesTheLogAsItWas() throws Exception {
        HeldExecutor executor = new HeldExecutor();
        DecisionViewModel model = filledIn(executor, adasKey());
        model.sign(LedgerFixtures.PASSPHRASE.clone());
        model.cancelSigning();
        executor.runHeldWork();

        assertFalse(model.signingProperty().get());
        assertEquals("Signing cancelled; nothing was appended.", model.statusProperty().get());
        assertNull(model.signedRecordProperty().get());
        assertFalse(Files.exists(dir.resolve("decisions.db")), "no store made");
        assertTrue(model.canSignProperty().get(), "the board may sign again");
    }

    /** A failure no one planned for (here a bug: no passphrase array at all) must not leave the dialog at "Signing…". */
    @Test
    void anUnexpectedFailureReachesTheOneHandlerAndTheFormComesBack() throws Exception {
        Path key = adasKey();
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        DecisionViewModel model = filledIn(executor, key);
        model.sign(null);

        assertFalse(model.signingProperty().get(), "never left at Signing…");
        assertTrue(model.statusProperty().get().startsWith("Not signed: an unexpected error"),
                model.statusProperty().get());
        assertEquals(1, executor.unhandledFailures().size(), "the failure went to the one handler");
        assertTrue(model.canSignProperty().get());
    }
}
