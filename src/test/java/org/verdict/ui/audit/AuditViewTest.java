package org.verdict.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.Roles;
import org.verdict.core.ledger.SignerKey;
import org.verdict.ui.FieldInput;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;

@ExtendWith(ApplicationExtension.class)
class AuditViewTest {
    /** Removed after each test: the stores and keys a test makes never pile up in /tmp. */
    @TempDir
    Path temporary;
    private final AuditViewModel model = new AuditViewModel(new CurrentThreadExecutor(),
            new ActivityMonitor(System::currentTimeMillis));
    private Path dir;
    /** What the Open buttons asked for, and the path the (path field) dialog answers. */
    private final List<String> asked = new ArrayList<>();
    private Path answer;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(temporary, "audit-view");
        AuditView.FileAsker files = (owner, title, initial, filters) -> {
            asked.add(title);
            return Optional.ofNullable(answer);
        };
        stage.setScene(new Scene((Parent) new AuditView(model, AuditView.defaultText(), files).node(),
                1100, 700));
        stage.show();
    }

    /** Shows the detail pane's tab with this id, as a click on its name would. */
    static void showTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#auditDetailTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tab -> id.equals(tab.getId())).findFirst().orElseThrow()));
    }

    @Test
    void openDecisionLogAsksThroughThePathDialogAndOpensTheAnswer(FxRobot robot) throws Exception {
        answer = AuditViewModelTest.threeRecordStore(dir);
        robot.interact(() -> robot.lookup("#auditOpen").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("Open a decision log"), asked);
        assertEquals(3, robot.lookup("#auditRecords").queryTableView().getItems().size());
    }

    /**
     * A log whose append-only guard was dropped (the newest record deleted with it) is never shown green: its header
     * says SUSPECT and what to do, in the warning colour, not the "intact" of a log nobody touched.
     */
    @Test
    void aLogWhoseGuardWasDroppedIsShownSuspectNeverGreen(FxRobot robot) throws Exception {
        Path db = AuditViewModelTest.threeRecordStore(dir);
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = sql.createStatement()) {
            for (String table : List.of("records", "signatures", "checkpoints")) {
                s.execute("DROP TRIGGER " + table + "_no_delete");
            }
            s.executeUpdate("DELETE FROM checkpoints WHERE tree_size = 3");
            s.executeUpdate("DELETE FROM signatures WHERE record_seq = 3");
            s.executeUpdate("DELETE FROM records WHERE seq = 3");
        }
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        Label header = robot.lookup("#auditVerification").queryAs(Label.class);
        assertTrue(header.getText().startsWith("SUSPECT: 3 guard triggers dropped — cannot tell whether records were removed"),
                header.getText());
        assertTrue(header.getStyleClass().contains("warning"), header.getStyleClass().toString());
        assertFalse(header.getStyleClass().contains("success"), header.getStyleClass().toString());
    }

    /**
     * A record deleted from the log with its signature, the guard restored afterwards (as a tamperer would): it keeps a
     * row of its own between its neighbours, marked tampered in the danger colour, with the finding in its details; a
     * search that matches no other record keeps it in view, and it cannot be co-signed.
     */
    @Test
    void aDeletedRecordKeepsARowMarkedTamperedThroughFilters(FxRobot robot) throws Exception {
        Path db = AuditViewModelTest.threeRecordStore(dir);
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = sql.createStatement()) {
            for (String table : List.of("records", "signatures")) {
                s.execute("DROP TRIGGER " + table + "_no_delete");
            }
            s.executeUpdate("DELETE FROM signatures WHERE record_seq = 2");
            s.executeUpdate("DELETE FROM records WHERE seq = 2");
            for (String table : List.of("records", "signatures")) {
                s.execute("CREATE TRIGGER " + table + "_no_delete BEFORE DELETE ON " + table + " BEGIN SELECT RAISE(ABORT,"
                        + " 'the decision log is append-only: DELETE of " + table + " is refused'); END;");
            }
        }
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AuditRow> table = robot.lookup("#auditRecords").queryTableView();
        assertEquals(List.of(1L, 2L, 3L), table.getItems().stream().map(AuditRow::sequence).toList());
        AuditRow deleted = table.getItems().get(1);
        assertTrue(deleted.missing(), deleted.toString());
        assertEquals("✖ tampered", deleted.badge());
        assertEquals("missing (deleted)", deleted.decision());
        assertTrue(deleted.problems().contains("record #2 is missing (it was deleted)"), deleted.problems().toString());
        TableCell<?, ?> badge = robot.lookup(".table-cell")
                .match((TableCell<?, ?> cell) -> "✖ tampered".equals(cell.getItem())).queryAs(TableCell.class);
        assertTrue(badge.getStyleClass().contains("danger"), badge.getStyleClass().toString());
        assertTrue(robot.lookup(".table-cell")
                .match((TableCell<?, ?> cell) -> "missing (deleted)".equals(cell.getItem())).tryQuery().isPresent(),
                "the row says what it stands for");

        robot.interact(() -> table.getSelectionModel().select(1));
        assertEquals("record #2 is missing (it was deleted)", model.details().get(0).getValue());
        FieldInput.enter(robot, "#auditKey", "key.json");
        FieldInput.enter(robot, "#auditPassphrase", "secret");
        assertTrue(robot.lookup("#auditCosign").queryButton().isDisabled(), "a deleted record has nothing to sign");

        robot.interact(() -> model.searchProperty().set("small follow-up"));
        assertEquals(List.of(2L, 3L), table.getItems().stream().map(AuditRow::sequence).toList());
        robot.interact(() -> model.searchProperty().set("no record says this"));
        assertEquals(List.of(2L), table.getItems().stream().map(AuditRow::sequence).toList());
    }

    /** A record whose co-signer left the trusted list is whole: its badge says the policy is not met, not tampered. */
    @Test
    void aSignerNoLongerTrustedIsBadgedPolicyNotMetNotTampered(FxRobot robot) throws Exception {
        Path db = AuditViewModelTest.threeRecordStore(dir);
        Path roster = dir.resolve("trusted-signers.json");
        Files.writeString(roster, """
                {"format": "verdict-trusted-signers/1",
                 "signers": [{"name": "Ada Lovelace", "role": "ml-lead", "keyId": "%s"}]}
                """.formatted(AuditViewModelTest.ADA.identity().keyId()));
        robot.interact(() -> {
            model.useTrustedSigners(roster);
            model.open(db);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("⚠ policy not met").tryQuery().isPresent(), "Grace's co-signed record");
        assertTrue(robot.lookup("✔ verified").tryQuery().isPresent(), "Ada's own records");
        assertTrue(robot.lookup("✖ tampered").tryQuery().isEmpty(), "nothing was changed");
        Label header = robot.lookup("#auditVerification").queryAs(Label.class);
        assertTrue(header.getText().startsWith("POLICY NOT MET: "), header.getText());
        assertTrue(header.getStyleClass().contains("warning"), header.getStyleClass().toString());
    }

    /**
     * A co-signer who signed before anyone endorsed them: their record's Signatures tab says whose registration holds
     * the quorum back and why, and Endorse… with a board member's key file endorses it; the log then verifies.
     */
    @Test
    void aRegistrationAwaitingEndorsementIsEndorsedFromTheSignaturesTab(FxRobot robot) throws Exception {
        char[] passphrase = LedgerFixtures.PASSPHRASE;
        Path adaKey = KeyFile.generate("Ada Lovelace", Roles.ML_LEAD,
                passphrase, LedgerFixtures.TEST_ITERATIONS).writeTo(dir.resolve("keys"));
        SignerKey joan = LedgerFixtures.signer("Joan Clarke",
                Roles.PRODUCT);
        Path db = dir.resolve("decisions.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(3, "candidate wins on every slice"),
                    KeyFile.read(adaKey).unlock(passphrase.clone()));
            log.cosign("1", joan);
        }
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AuditRow> table = robot.lookup("#auditRecords").queryTableView();
        showTab(robot, "auditSignaturesTab");
        assertFalse(robot.lookup("#auditEndorse").query().getParent().isVisible(),
                "nothing to endorse before a record is chosen");

        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        Label note = robot.lookup("#auditEndorseNote").queryAs(Label.class);
        assertTrue(note.isVisible() && note.getText().startsWith("Joan Clarke (product) signs with a key registered in"
                + " log entry #2 without an endorsement by an existing signer") && note.getText().contains(
                joan.identity().keyId().replaceAll("(.{8})(?!$)", "$1 ")), note.getText());
        assertTrue(robot.lookup("#auditEndorse").queryButton().isDisabled(), "no key file given yet");
        FieldInput.enter(robot, "#auditKey", adaKey.toString());
        FieldInput.enter(robot, "#auditPassphrase", new String(passphrase));
        robot.clickOn("#auditEndorse");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#auditCosignOutcome").queryAs(Label.class).getText().startsWith(
                "Endorsed: Joan Clarke (product) by Ada Lovelace"), robot.lookup("#auditCosignOutcome")
                .queryAs(Label.class).getText());
        assertTrue(robot.lookup("#auditVerification").queryAs(Label.class).getText().startsWith("intact: 1 record"),
                robot.lookup("#auditVerification").queryAs(Label.class).getText());
        assertEquals("", robot.lookup("#auditPassphrase").queryAs(PasswordField.class).getText(),
                "the passphrase is not kept in the field");
    }

    @Test
    void showsRecordsWithBadgesFiltersAndCompares(FxRobot robot) throws Exception {
        Path db = AuditViewModelTest.threeRecordStore(dir);
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AuditRow> table = robot.lookup("#auditRecords").queryTableView();
        assertEquals(3, table.getItems().size());
        assertTrue(robot.lookup("✔ verified").tryQuery().isPresent(), "a verified badge is shown");
        assertTrue(robot.lookup("#auditVerification").queryAs(Label.class).getText().startsWith("intact: 3 records"));

        robot.clickOn("#auditSearch").write("follow-up");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, table.getItems().size());
        assertEquals(3, table.getItems().get(0).sequence());
        robot.doubleClickOn("#auditSearch").eraseText(9);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, table.getItems().size());

        robot.interact(() -> table.getSelectionModel().select(1));
        showTab(robot, "auditSignaturesTab");
        TableView<?> signatures = robot.lookup("#auditSignatures").queryTableView();
        assertEquals(2, signatures.getItems().size());
        robot.clickOn("Compare");
        robot.clickOn("#auditCompareLeft");
        robot.interact(() -> table.getSelectionModel().select(2));
        robot.clickOn("#auditCompareRight");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ComparisonLine> comparison = robot.lookup("#auditComparison").queryTableView();
        assertTrue(comparison.getItems().stream().anyMatch(l -> l.field().equals("Rationale") && l.differs()));

        Path product = KeyFile.generate("Joan Clarke", Roles.PRODUCT,
                LedgerFixtures.PASSPHRASE, LedgerFixtures.TEST_ITERATIONS)
                .writeTo(dir.resolve("keys"));
        // the organisation endorses Joan's registration before she co-signs, as verification requires by default
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LedgerFixtures.registerEndorsed(log, KeyFile.read(product)
                    .unlock(LedgerFixtures.PASSPHRASE.clone()), AuditViewModelTest.ADA);
        }
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        showTab(robot, "auditSignaturesTab");
        robot.interact(() -> table.getSelectionModel().select(1));
        FieldInput.enter(robot, "#auditKey", product.toString());
        FieldInput.enter(robot, "#auditPassphrase", new String(LedgerFixtures.PASSPHRASE));
        robot.clickOn("#auditCosign");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#auditCosignOutcome").queryAs(Label.class).getText().startsWith("Record #2 co-signed by Joan Clarke"));
        assertEquals("signed", table.getItems().get(1).status());
    }

    @Test
    void anEmptyStoreSaysHowToRecordTheFirstDecision(FxRobot robot) throws Exception {
        Label empty = robot.lookup("#auditEmpty").queryAs(Label.class);
        assertTrue(empty.getText().startsWith("No decision log is open"), empty.getText());
        Path db = dir.resolve("empty.db");
        DecisionLog.openForWriting(db).close();
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("No decisions in this store yet — File → Record decision… (Ctrl+D)", empty.getText());
        assertTrue(empty.isVisible());
    }

    @Test
    void datesKindsSignaturesAndFilterLabelsAreShownWhole(FxRobot robot) throws Exception {
        Path db = AuditViewModelTest.threeRecordStore(dir);
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = robot.lookup("#auditView").queryAs(Parent.class).lookupAll("*").stream()
                .filter(n -> n instanceof Labeled labeled && labeled.isVisible() && labeled.getText() != null && !labeled.getText().isEmpty())
                .map(n -> (Labeled) n)
                .filter(labeled -> labeled.lookup(".text") instanceof Text shown && !shown.getText().equals(labeled.getText()))
                .map(labeled -> labeled.getText() + " shown as " + ((Text) labeled.lookup(".text")).getText())
                .toList();
        assertEquals(List.of(), cut);
        assertTrue(robot.lookup(".table-cell").queryAll().stream().anyMatch(c -> "2026-11-20".equals(((Labeled) c).getText())),
                "decision dates in ISO form");
    }

    @Test
    void dateFiltersAreIsoAndTheKeyFileHasABrowseButton(FxRobot robot) {
        DatePicker from = robot.lookup("#auditFrom").queryAs(DatePicker.class);
        robot.interact(() -> from.setValue(LocalDate.of(2026, 11, 22)));
        assertEquals("2026-11-22", from.getEditor().getText());
        assertEquals("Browse…", robot.lookup("#auditKeyBrowse").queryButton().getText());
    }
}
