package org.verdict.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.ledger.TrustedSigners;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.TamperedStore;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.report.ApprovalPackExport;
import org.verdict.core.report.ApprovalPackWriter;
import org.verdict.core.task.Progress;
import org.verdict.ui.SharedStage;
import org.verdict.ui.error.ProblemDialog;
import org.verdict.ui.gates.GatesViewModel;
import org.verdict.ui.gates.JudgedReviews;
import org.verdict.ui.shell.PackAction;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;

@ExtendWith(ApplicationExtension.class)
class ExportApprovalPackActionTest {
    @TempDir
    Path folder;

    private Stage owner;
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages", Locale.ENGLISH);
    /** What the signing question answers (null: the export is cancelled there), and the key files it proposed. */
    private ExportSigning signing = ExportSigning.UNSIGNED;
    private Path lastKeyFile;
    private final List<Path> keysProposed = new ArrayList<>();

    @Start
    void start(Stage stage) {
        owner = stage;
        SharedStage.showEmpty(stage, 320, 200);
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> robot.listWindows().stream().filter(w -> w != owner && w instanceof Stage)
                .forEach(w -> ((Stage) w).close()));
    }

    private final PackLoader loader = new PackLoader();

    private final GateReview gateReview = new GateReview(new ComparisonEngine(), loader, new SuiteReader(),
            new PolicyReader());
    private final ExportApprovalPackAction.Exporter exporter = ExportApprovalPackAction.Exporter.of(
            new ApprovalPackExport(loader, gateReview, new ApprovalPackWriter()));

    private ExportApprovalPackAction action(Path chosenFolder, String candidate) {
        return action(exporter, (pack, chosen) -> Optional.empty(), chosenFolder, candidate);
    }

    private ExportApprovalPackAction action(ExportApprovalPackAction.Exporter export,
                                            JudgedReviews judged, Path chosenFolder,
                                            String candidate) {
        return action(export, judged, (window, suggested) -> Optional.ofNullable(chosenFolder), null, candidate);
    }

    private ExportApprovalPackAction action(ExportApprovalPackAction.Exporter export, JudgedReviews judged,
                                            ExportApprovalPackAction.FolderChooser chooser, Path lastFolder,
                                            String candidate) {
        return action(export, judged, chooser, lastFolder, candidate, folder.resolve("no-store.db"));
    }

    private ExportApprovalPackAction action(ExportApprovalPackAction.Exporter export, JudgedReviews judged,
                                            ExportApprovalPackAction.FolderChooser chooser, Path lastFolder,
                                            String candidate, Path decisionStore) {
        return new ExportApprovalPackAction(export, judged, executor, new ActivityMonitor(() -> 0),
                new ProblemDialog(text), () -> owner, chooser, () -> Optional.ofNullable(lastFolder),
                // the test's packs lie in a temporary folder, which the proposal would keep out (ApprovalPackFolderTest)
                new ApprovalPackFolder(folder.resolve("home"), List.of()), () -> candidate, () -> decisionStore, () -> null,
                (window, suggestedKey) -> {
                    keysProposed.add(suggestedKey);
                    return Optional.ofNullable(signing);
                }, () -> Optional.ofNullable(lastKeyFile), text);
    }

    @Test
    void theChooserProposesANewFolderBesideThePackOrTheLastExportNeverTheHomeFolderItself(FxRobot robot)
            throws Exception {
        ReviewPack pack = pack();
        List<Path> proposed = new ArrayList<>();
        ExportApprovalPackAction.FolderChooser cancelling = (window, suggested) -> {
            proposed.add(suggested);
            return Optional.empty();
        };

        robot.interact(() -> action(exporter, (p, c) -> Optional.empty(), cancelling, null, null).packAction()
                .action().accept(pack));
        Path besidePack = folder.resolve("router-candidate-43-approval-pack");
        assertEquals(besidePack, proposed.get(0), "named after the model and candidate, beside the pack");

        Files.createDirectories(besidePack);
        robot.interact(() -> action(exporter, (p, c) -> Optional.empty(), cancelling, null, "43").packAction()
                .action().accept(pack));
        assertEquals(folder.resolve("router-candidate-43-approval-pack-2"), proposed.get(1),
                "a folder that is there already is not proposed");

        Path shared = Files.createDirectories(folder.resolve("board").resolve("2026-12"));
        robot.interact(() -> action(exporter, (p, c) -> Optional.empty(), cancelling, shared.resolve("old-pack"), null)
                .packAction().action().accept(pack));
        assertEquals(shared.resolve("router-candidate-43-approval-pack"), proposed.get(2),
                "beside the approval pack exported last");
        assertTrue(proposed.stream().noneMatch(p -> p.equals(Path.of(System.getProperty("user.home")))));
        assertTrue(executor.unhandledFailures().isEmpty(), executor.unhandledFailures().toString());
    }

    /** Passes every export on, noting whether the gates were judged again or a judged review was written. */
    private ExportApprovalPackAction.Exporter noting(List<String> calls, List<CandidateReview> written) {
        return new ExportApprovalPackAction.Exporter() {
            @Override
            public List<Path> judgeAndExport(ReviewPack pack, String candidate, Path decisionLog,
                                             TrustedSigners trustedSigners, SignerKey signer, Path out,
                                             Progress progress) throws Exception {
                calls.add("judged again");
                return exporter.judgeAndExport(pack, candidate, decisionLog, trustedSigners, signer, out, progress);
            }

            @Override
            public List<Path> exportJudged(ReviewPack pack, CandidateReview review, Path decisionLog,
                                           TrustedSigners trustedSigners, SignerKey signer, Path out,
                                           Progress progress) throws Exception {
                calls.add("written as judged");
                written.add(review);
                return exporter.exportJudged(pack, review, decisionLog, trustedSigners, signer, out, progress);
            }
        };
    }

    private GatesViewModel gates(List<String> judgedCandidates) {
        return new GatesViewModel((pack, candidate, progress) -> {
            judgedCandidates.add(String.valueOf(candidate));
            return gateReview.reviewUnderItsPolicy(pack, candidate, progress);
        }, executor, new ActivityMonitor(() -> 0), ResourceBundle.getBundle("org.verdict.ui.gates.gates"),
                viewId -> { }, new SimpleStringProperty());
    }

    private ReviewPack pack() throws Exception {
        return new PackLoader().load(PackFixture.write(folder.resolve("pack"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV), Progress.NONE);
    }

    @Test
    void menuCommandWritesBothFilesIntoTheChosenFolderAndSaysWhere(FxRobot robot) throws Exception {
        ReviewPack pack = pack();
        Path out = folder.resolve("out");
        PackAction command = action(out, null).packAction();
        assertEquals(ExportApprovalPackAction.ID, command.id());

        robot.interact(() -> command.action().accept(pack));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(Files.exists(out.resolve("approval-pack.html")));
        assertTrue(Files.exists(out.resolve("approval-pack.pdf")));
        DialogPane written = robot.lookup("#" + ExportApprovalPackAction.WRITTEN_DIALOG_ID).queryAs(DialogPane.class);
        assertTrue(written.getHeaderText().contains(out.toString()), written.getHeaderText());
        assertTrue(executor.unhandledFailures().isEmpty());
    }

    @Test
    void anApprovalPackAlreadyInTheFolderIsReplacedOnlyWhenTheUserSaysSoAndEnterKeepsIt(FxRobot robot)
            throws Exception {
        ReviewPack pack = pack();
        Path out = Files.createDirectories(folder.resolve("shared"));
        Path earlierHtml = Files.writeString(out.resolve("approval-pack.html"), "the pack the auditor has");
        Files.writeString(out.resolve("checkpoint.sig"), "the checkpoint the auditor keeps");
        PackAction command = action(out, null).packAction();

        robot.interact(() -> command.action().accept(pack));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane confirm = robot.lookup("#" + ExportApprovalPackAction.REPLACE_DIALOG_ID).queryAs(DialogPane.class);
        assertTrue(confirm.getHeaderText().contains(out.toString()), confirm.getHeaderText());
        assertTrue(confirm.getContentText().contains("approval-pack.html"), confirm.getContentText());
        assertTrue(confirm.getContentText().contains("checkpoint.sig"), "every file replaced is named");
        assertFalse(confirm.getContentText().contains("approval-pack.pdf"), "only the files that are there are named");
        assertTrue(((Button) confirm.lookupButton(ButtonType.CANCEL)).isDefaultButton(), "Enter keeps the earlier pack");
        assertEquals("the pack the auditor has", Files.readString(earlierHtml), "nothing written before the answer");

        robot.interact(() -> ((Button) confirm.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("the pack the auditor has", Files.readString(earlierHtml));
        assertFalse(Files.exists(out.resolve("approval-pack.pdf")));
        assertTrue(robot.lookup("#" + ExportApprovalPackAction.WRITTEN_DIALOG_ID).queryAll().isEmpty());

        robot.interact(() -> command.action().accept(pack));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane again = robot.lookup("#" + ExportApprovalPackAction.REPLACE_DIALOG_ID).queryAs(DialogPane.class);
        Button replace = again.getButtonTypes().stream().filter(type -> type != ButtonType.CANCEL)
                .map(type -> (Button) again.lookupButton(type)).findFirst().orElseThrow();
        assertEquals("Replace", replace.getText());
        robot.interact(replace::fire);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(Files.readString(earlierHtml).contains("<html"), "replaced by the new approval pack");
        assertTrue(Files.exists(out.resolve("approval-pack.pdf")));
        robot.lookup("#" + ExportApprovalPackAction.WRITTEN_DIALOG_ID).queryAs(DialogPane.class);
        assertTrue(executor.unhandledFailures().isEmpty(), executor.unhandledFailures().toString());
    }

    @Test
    void theReviewTheGatesViewJudgedIsWrittenWithoutJudgingAgain(FxRobot robot) throws Exception {
        ReviewPack pack = pack();
        List<String> judgedByGates = new ArrayList<>();
        GatesViewModel gates = gates(judgedByGates);
        robot.interact(() -> gates.showPack(pack));
        List<String> calls = new ArrayList<>();
        List<CandidateReview> written = new ArrayList<>();
        Path out = folder.resolve("out");

        // the candidate chosen in Compare is the pack's only one, 43, which the Gates view judged as "the first"
        robot.interact(() -> action(noting(calls, written), gates::reviewOf, out, "43").exportTo(pack, out));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("null"), judgedByGates, "the gates were judged once, when the pack opened");
        assertEquals(List.of("written as judged"), calls);
        assertSame(gates.reviewedProperty().get().review(), written.get(0));
        assertTrue(Files.exists(out.resolve("approval-pack.html")));
        assertTrue(Files.exists(out.resolve("approval-pack.pdf")));
        assertTrue(executor.unhandledFailures().isEmpty(), executor.unhandledFailures().toString());
    }

    @Test
    void aPackTheGatesViewHasNotJudgedIsJudgedForTheExport(FxRobot robot) throws Exception {
        ReviewPack pack = pack();
        GatesViewModel gates = gates(new ArrayList<>());
        List<String> calls = new ArrayList<>();
        Path out = folder.resolve("out");

        robot.interact(() -> action(noting(calls, new ArrayList<>()), gates::reviewOf, out, null).exportTo(pack, out));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("judged again"), calls);
        assertTrue(Files.exists(out.resolve("approval-pack.html")));
    }

    @Test
    void cancellingTheFolderChooserWritesNothing(FxRobot robot) throws Exception {
        ReviewPack pack = pack();
        robot.interact(() -> action(null, null).packAction().action().accept(pack));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#" + ExportApprovalPackAction.WRITTEN_DIALOG_ID).queryAll().isEmpty());
    }

    /**
     * Signed as `report --key` signs: the key file last signed with is proposed, the sums' signature is written, and
     * the document, VERIFY.md and the closing message name the signer.
     */
    @Test
    void anExportSignedWithAKeyFileSaysWhoSignedIt(FxRobot robot) throws Exception {
        ReviewPack pack = pack();
        Path out = folder.resolve("out");
        Path key = KeyFile.generate("Ada Lovelace", "ml-lead", LedgerFixtures.PASSPHRASE,
                LedgerFixtures.TEST_ITERATIONS).writeTo(folder.resolve("keys"));
        SignerKey ada = KeyFile.read(key).unlock(LedgerFixtures.PASSPHRASE.clone());
        lastKeyFile = key;
        signing = new ExportSigning(key, LedgerFixtures.PASSPHRASE.clone());

        robot.interact(() -> action(out, null).packAction().action().accept(pack));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(key), keysProposed, "the key file last signed with is proposed");
        assertTrue(ada.identity().verifies(Files.readAllBytes(out.resolve("SHA256SUMS")),
                Files.readAllBytes(out.resolve("SHA256SUMS.sig"))), "the sums are signed by the key chosen");
        assertTrue(Files.readString(out.resolve("approval-pack.html")).contains("This export is signed by Ada Lovelace"
                + " (ml-lead), key id " + ada.identity().keyId() + "."));
        assertTrue(Files.readString(out.resolve("VERIFY.md")).contains("the Ed25519 signature of Ada Lovelace"));
        DialogPane written = robot.lookup("#" + ExportApprovalPackAction.WRITTEN_DIALOG_ID).queryAs(DialogPane.class);
        assertTrue(written.getContentText().contains("Signed by " + ada.identity() + ": SHA256SUMS.sig"),
                written.getContentText());
    }

    @Test
    void aWrongPassphraseWritesNothingAndSaysSo(FxRobot robot) throws Exception {
        ReviewPack pack = pack();
        Path out = folder.resolve("out");
        Path key = KeyFile.generate("Ada Lovelace", "ml-lead", LedgerFixtures.PASSPHRASE,
                LedgerFixtures.TEST_ITERATIONS).writeTo(folder.resolve("keys"));
        signing = new ExportSigning(key, "not the passphrase".toCharArray());

        robot.interact(() -> action(out, null).packAction().action().accept(pack));
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane problem = robot.lookup("#" + ProblemDialog.DIALOG_ID).queryAs(DialogPane.class);
        assertTrue(problem.getContentText().startsWith("Nothing was written: the key file to sign with could not be"
                + " unlocked"), problem.getContentText());
        String details = robot.lookup("#problemDetails").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(details.startsWith("wrong passphrase for the key of Ada Lovelace"), details);
        assertFalse(Files.exists(out.resolve("approval-pack.html")));
    }

    /** Cancel at the signing question writes nothing. */
    @Test
    void cancellingTheSigningQuestionWritesNothing(FxRobot robot) throws Exception {
        ReviewPack pack = pack();
        Path out = folder.resolve("out");
        signing = null;

        robot.interact(() -> action(out, null).packAction().action().accept(pack));
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(Files.exists(out.resolve("approval-pack.html")));
        assertTrue(robot.lookup("#" + ExportApprovalPackAction.WRITTEN_DIALOG_ID).queryAll().isEmpty());
    }

    @Test
    void failureShowsTheProblemDialogAndWritesNothing(FxRobot robot) throws Exception {
        ReviewPack pack = pack();
        Path out = folder.resolve("out");

        robot.interact(() -> action(out, "99").exportTo(pack, out));
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane problem = robot.lookup("#" + ProblemDialog.DIALOG_ID).queryAs(DialogPane.class);
        assertEquals("The approval pack was not written.", problem.getHeaderText());
        assertFalse(Files.exists(out.resolve("approval-pack.html")));
    }

    /** The app refuses a store that does not verify as `report --db` does, and says why in its words. */
    @Test
    void aDecisionStoreChangedAfterSigningWritesNothingAndSaysTheLogDoesNotVerify(FxRobot robot) throws Exception {
        Path db = TamperedStore.withRecords(folder.resolve("decisions.db"),
                LedgerFixtures.signer("Ada Lovelace", "ml-lead"), LedgerFixtures.promotion(2, "beats production"));
        TamperedStore.changeRecord(db, 1, "beats", "Beats");
        ReviewPack pack = pack();
        Path out = folder.resolve("out");

        robot.interact(() -> action(exporter, (p, c) -> Optional.empty(), (w, s) -> Optional.of(out), null, null, db)
                .exportTo(pack, out));
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane problem = robot.lookup("#" + ProblemDialog.DIALOG_ID).queryAs(DialogPane.class);
        assertEquals("The approval pack was not written.", problem.getHeaderText());
        assertTrue(problem.getContentText().contains("the decision log does not verify"), problem.getContentText());
        assertFalse(Files.exists(out), "no HTML, PDF or checkpoint files");
    }
}
