package org.verdict.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.RealStylePack;
import org.verdict.core.gates.WorseFindings;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.EvaluationSummary.GateOutcome;
import org.verdict.core.ledger.EvaluationSummary;
import org.verdict.core.ledger.GateOverride;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.RecordedOutcomes;
import org.verdict.core.ledger.Roles;
import org.verdict.core.pack.ReviewPack;
import org.verdict.ui.FieldInput;
import org.verdict.ui.SharedStage;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.WorkerPoolExecutor;
import org.verdict.ui.theme.Appearance;

@ExtendWith(ApplicationExtension.class)
class DecisionDialogTest {
    /** Removed after each test: the stores and keys a test makes never pile up in /tmp. */
    @TempDir
    Path temporary;
    private static final Clock NOV_22 = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    private Stage mainWindow;
    private Stage dialog;

    /**
     * The main window has a scene, as the app's always has: Monocle disables the focused owner of a modal window by
     * sending its view a mouse release, and a window without a scene has no view. The NullPointerException that
     * followed inside {@code Stage.show()} left the next pulse waiting for a render that never came, so the test
     * hung whenever the owner still held the focus when the dialog opened (more often the busier the machine).
     */
    @Start
    void start(Stage stage) {
        mainWindow = stage;
        SharedStage.showEmpty(stage, 400, 300);
    }

    /** Opens the dialog as the app does, modal over the main window, with the given gate table. */
    private void open(FxRobot robot, GateOutcome... gates) {
        DecisionViewModel model = new DecisionViewModel(DecisionPacks.tierThreePack(),
                new EvaluationSummary(List.of(gates), List.of()), List.of(), new CurrentThreadExecutor(), NOV_22);
        robot.interact(() -> dialog = new DecisionDialog(model, DecisionDialog.defaultText()).showModal(mainWindow));
    }

    private static GateOutcome passing(String gate) {
        return new GateOutcome(gate, "pass", "Δ +0.021");
    }

    /** Whether {@code node} lies inside the dialog's window, so a person sees it without scrolling. */
    private boolean inView(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        return node.isVisible() && bounds.getMinY() >= 0 && bounds.getMaxY() <= dialog.getScene().getHeight();
    }

    private void fillIn(FxRobot robot, String decision, Path db, Path key) {
        robot.interact(() -> robot.lookup("#decisionChoice").<ChoiceBox<String>>query().setValue(decision));
        FieldInput.enter(robot, "#decisionRationale", "Candidate 43 wins on every slice.");
        FieldInput.enter(robot, "#decisionApprovers", "Ada Lovelace, Grace Hopper, Joan Clarke");
        robot.interact(() -> robot.lookup("#decisionScroll").queryAs(ScrollPane.class).setVvalue(1.0));
        FieldInput.enter(robot, "#decisionStore", db.toString());
        FieldInput.enter(robot, "#decisionKey", key.toString());
    }

    private static Path newKey(Path dir) throws Exception {
        return KeyFile.generate("Ada Lovelace", Roles.ML_LEAD, LedgerFixtures.PASSPHRASE, LedgerFixtures.TEST_ITERATIONS)
                .writeTo(dir.resolve("keys"));
    }

    /**
     * Seven gates whose numbers wrap to two or three lines: the table is as tall as they are (within most of the
     * form's view), not one and a half rows, and a gate's name and result never leave the room to its numbers.
     */
    @Test
    void theGateTableIsAsTallAsItsGatesWithinTheView(FxRobot robot) {
        String numbers = "mae (lower is better): candidate 18,428 vs production 20,477, Δ −2,049, 95% interval, "
                + "overall slice tested alone [−3,374, −723.2]; worst case −723.2 ≤ +204.8 (1% of production's 20,477)";
        GateOutcome[] gates = new GateOutcome[7];
        for (int i = 0; i < gates.length; i++) {
            gates[i] = new GateOutcome(i == 3 ? "Volume per class, language and segment" : "Gate " + i,
                    "insufficient evidence", numbers);
        }
        open(robot, gates);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> table = robot.lookup("#decisionGates").queryTableView();
        ScrollPane form = robot.lookup("#decisionScroll").queryAs(ScrollPane.class);
        Bounds tableBounds = table.localToScene(table.getBoundsInLocal());
        long wholeRows = robot.from(table).lookup(".table-row-cell").queryAll().stream()
                .filter(row -> row instanceof TableRow<?> r && r.getItem() != null)
                .map(row -> row.localToScene(row.getBoundsInLocal()))
                .filter(row -> row.getMinY() >= tableBounds.getMinY() && row.getMaxY() <= tableBounds.getMaxY() + 1)
                .count();
        double view = form.getViewportBounds().getHeight();
        assertTrue(wholeRows == gates.length || table.getHeight() >= 0.75 * view,
                wholeRows + " whole rows in a table " + table.getHeight() + " px high, the form's view " + view);
        assertTrue(wholeRows >= 3, wholeRows + " whole rows");
        TableColumn<?, ?> gate = table.getColumns().get(0);
        TableColumn<?, ?> result = table.getColumns().get(1);
        TableColumn<?, ?> detail = table.getColumns().get(2);
        assertTrue(detail.getWidth() > Math.max(gate.getWidth(), result.getWidth()), "the numbers get the room: "
                + detail.getWidth() + " beside " + gate.getWidth() + " and " + result.getWidth());
    }

    /** The rationale is signed text: Tab leaves it for the next field and Shift+Tab comes back, no tab is typed. */
    @Test
    void tabMovesFocusOutOfTheRationaleInsteadOfTypingATab(FxRobot robot) {
        open(robot, passing("primary metric"));
        TextArea rationale = robot.lookup("#decisionRationale").queryAs(TextArea.class);
        FieldInput.enter(robot, "#decisionRationale", "Wins on every slice.");
        robot.interact(rationale::requestFocus);
        // the key events a Tab press sends, straight to the text area (Monocle's window focus is not the test's)
        robot.interact(() -> tab(rationale, false));
        assertEquals("Wins on every slice.", rationale.getText());
        assertFalse(rationale.isFocused(), "Tab left the rationale");
        robot.interact(() -> rationale.requestFocus());
        robot.interact(() -> tab(rationale, true));
        assertFalse(rationale.isFocused(), "Shift+Tab left the rationale too");
        assertEquals("Wins on every slice.", rationale.getText());
    }

    private static void tab(TextArea area, boolean shift) {
        area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, shift, false, false, false));
        area.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, "\t", "", KeyCode.UNDEFINED, shift, false, false, false));
        area.fireEvent(new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.TAB, shift, false, false, false));
    }

    @Test
    void aPersonFillsInTheDecisionAndSignsItThenCloses(FxRobot robot) throws Exception {
        open(robot, passing("primary metric"));
        Path dir = Files.createTempDirectory(temporary, "decision-dialog");
        Path key = newKey(dir);
        Path db = dir.resolve("decisions.db");

        assertEquals("support-router", robot.lookup("#decisionModel").queryAs(Label.class).getText());
        assertEquals("AI Safety, Product, ML Lead", robot.lookup("#decisionRequiredSigners").queryAs(Label.class).getText());
        assertEquals(3, robot.lookup("#decisionEvidence").queryTableView().getItems().size());
        assertEquals(1, robot.lookup("#decisionGates").queryTableView().getItems().size());
        Button sign = robot.lookup("#decisionSign").queryButton();
        assertTrue(sign.isDisabled());

        fillIn(robot, "promote", db, key);
        assertTrue(sign.isDisabled(), "no passphrase yet");
        FieldInput.enter(robot, "#decisionPassphrase", new String(LedgerFixtures.PASSPHRASE));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(sign.isDisabled(), robot.lookup("#decisionMissing").queryAs(Label.class).getText());
        robot.interact(() -> robot.lookup("#decisionScroll").queryAs(ScrollPane.class).setVvalue(0));
        robot.clickOn("#decisionSign");
        WaitForAsyncUtils.waitForFxEvents();

        String status = robot.lookup("#decisionStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Appended record #1") && status.endsWith("awaiting signatures (ai-safety, product)."), status);
        assertTrue(inView(robot, "#decisionStatus"), "the outcome is shown next to the buttons, whatever the scroll");
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            assertEquals("Candidate 43 wins on every slice.",
                    log.snapshot().records().get(0).statement().orElseThrow().record().rationale());
        }
        assertTrue(sign.isDisabled(), "a record is signed once");
        Button close = robot.lookup("#decisionCancel").queryButton();
        assertEquals("Close", close.getText());
        robot.clickOn(close);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.isShowing());
    }

    /** Signs {@code decision} on the tier-three pack into {@code db}, as a board did before; returns its record id. */
    private static String signEarlier(Path db, Path key, String decision) {
        DecisionViewModel earlier = new DecisionViewModel(DecisionPacks.tierThreePack(),
                new EvaluationSummary(List.of(passing("primary metric")), List.of()), List.of(),
                new CurrentThreadExecutor(), NOV_22);
        earlier.decisionProperty().set(decision);
        earlier.rationaleProperty().set("Candidate 43 wins on every slice.");
        earlier.approversProperty().set("Ada Lovelace");
        earlier.storeProperty().set(db);
        earlier.keyFileProperty().set(key);
        earlier.sign(LedgerFixtures.PASSPHRASE.clone());
        return earlier.signedRecordProperty().get().recordId();
    }

    /** A board that changes its decision does it in the dialog: it reads which one stands, and the record amends it. */
    @Test
    void theDecisionStandingIsShownUnderTheChoiceAndTheNewOneAmendsIt(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory(temporary, "decision-dialog");
        Path key = newKey(dir);
        Path db = dir.resolve("decisions.db");
        String standingId = signEarlier(db, key, "promote");

        open(robot, passing("primary metric"));
        fillIn(robot, "hold", db, key);
        robot.interact(() -> robot.lookup("#decisionScroll").queryAs(ScrollPane.class).setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents();
        Label standing = robot.lookup("#decisionStanding").queryAs(Label.class);
        assertTrue(standing.isVisible());
        assertEquals("Decision #1 stands: promote candidate 43 over production 42 (approved by Ada Lovelace,"
                + " 2026-11-22). Recording this decision replaces it: the record amends #1, which stays in the log,"
                + " marked replaced.", standing.getText());

        FieldInput.enter(robot, "#decisionPassphrase", new String(LedgerFixtures.PASSPHRASE));
        robot.clickOn("#decisionSign");
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#decisionStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Appended record #2"), status);
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            assertEquals(standingId, log.snapshot().records().get(1).statement().orElseThrow().record().amends());
        }
    }

    /**
     * Choosing a decision shows what it means (the standing decision replaced or repeated, the gates a promote
     * overrides, the slices significantly worse) under it, yet moves no field below: a click aimed at Approvers
     * while the warning appeared landed elsewhere and the typed approvers were lost. In large text on a laptop,
     * where the warnings take the most lines.
     */
    @Test
    void choosingADecisionMovesNoFieldBelowIt(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory(temporary, "decision-dialog");
        Path key = newKey(dir);
        Path db = dir.resolve("decisions.db");
        signEarlier(db, key, "hold");
        robot.interact(() -> new Appearance(false, true).applyTo(mainWindow.getScene().getRoot()));
        WorseFindings worse = new WorseFindings(List.of("region=smallbad: Δ −0.363 [−0.582, −0.145] at 98.75% "
                + "(n=80, 22 positive, adjusted p <0.001)"), "Slices significantly worse on roc_auc (1 of the 4 "
                + "tested), the largest loss first:", List.of(), "", "", List.of());
        DecisionViewModel model = new DecisionViewModel(DecisionPacks.tierThreePack(),
                new DecisionPrefill("43", new EvaluationSummary(List.of(passing("primary metric"),
                        new GateOutcome("Safety", "fail", "toxicity worse")), List.of()), List.of(), worse),
                new CurrentThreadExecutor(), NOV_22);
        model.storeProperty().set(db);
        robot.interact(() -> dialog = new DecisionDialog(model, DecisionDialog.defaultText())
                .showModal(mainWindow, new Rectangle2D(0, 0, 1366, 768)));
        WaitForAsyncUtils.waitForFxEvents();
        Label standing = robot.lookup("#decisionStanding").queryAs(Label.class);
        assertTrue(standing.isVisible(), "the standing decision is read before choosing");
        List<String> fields = List.of("#decisionDataSnapshot", "#decisionDate", "#decisionPlanned",
                "#decisionApprovers", "#decisionRationale");
        List<Bounds> before = fields.stream().map(field -> inScene(robot, field)).toList();
        assertNoBlankBandUnderTheChoice(robot, "before choosing");

        for (String choice : List.of("promote", "hold", "promote")) {
            robot.interact(() -> robot.lookup("#decisionChoice").<ChoiceBox<String>>query().setValue(choice));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(before, fields.stream().map(field -> inScene(robot, field)).toList(), "after " + choice);
            assertNoBlankBandUnderTheChoice(robot, "after " + choice);
        }
        Label warning = robot.lookup("#decisionWarning").queryAs(Label.class);
        Label worseLines = robot.lookup("#decisionWorse").queryAs(Label.class);
        assertTrue(warning.isVisible() && worseLines.isVisible(), "promote shows both warnings");
        assertTrue(standing.getText().contains("replaces it"), standing.getText());
        assertNoticesRunOverNoField(robot);
    }

    /**
     * The data snapshot stands right under the decision, a row's gap below it, whatever the notices say: room kept
     * under the choice for the longest notice left a blank band under a short one.
     */
    private static void assertNoBlankBandUnderTheChoice(FxRobot robot, String when) {
        double gap = inScene(robot, "#decisionDataSnapshot").getMinY() - inScene(robot, "#decisionChoice").getMaxY();
        assertTrue(gap <= 12, when + ": " + gap + " px between the decision and the data snapshot");
    }

    /** The notices stand beside the fields, never over one (nor under one, hidden). */
    private static void assertNoticesRunOverNoField(FxRobot robot) {
        Bounds room = inScene(robot, "#decisionNoticeRoom");
        double form = robot.lookup("#decisionNoticeRoom").query().getScene().getWidth();
        assertTrue(room.getWidth() >= 0.35 * form, "the notices have " + room.getWidth() + " px of " + form);
        for (String field : List.of("#decisionKind", "#decisionChoice", "#decisionDataSnapshot", "#decisionDate",
                "#decisionPlanned", "#decisionApprovers", "#decisionRationale")) {
            assertFalse(room.intersects(inScene(robot, field)), "the notices " + room + " over " + field + " "
                    + inScene(robot, field));
        }
    }

    private static Bounds inScene(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.localToScene(node.getBoundsInLocal());
    }

    @Test
    void aWrongPassphraseIsSaidNextToTheButtons(FxRobot robot) throws Exception {
        open(robot, passing("primary metric"));
        Path dir = Files.createTempDirectory(temporary, "decision-dialog");
        Path db = dir.resolve("decisions.db");
        fillIn(robot, "hold", db, newKey(dir));
        FieldInput.enter(robot, "#decisionPassphrase", "not the passphrase at all");
        robot.clickOn("#decisionSign");
        WaitForAsyncUtils.waitForFxEvents();

        String status = robot.lookup("#decisionStatus").queryAs(Label.class).getText();
        assertTrue(status.contains("passphrase"), status);
        assertTrue(inView(robot, "#decisionStatus"));
        assertTrue(inView(robot, "#decisionSign"));
        assertFalse(Files.exists(db), "nothing appended, no store made");
        assertEquals("Cancel", robot.lookup("#decisionCancel").queryButton().getText());
    }

    @Test
    void aDataSnapshotTypedOverTheCandidatesIsRefusedInRedNextToTheButtons(FxRobot robot) throws Exception {
        open(robot, passing("primary metric"));
        Path dir = Files.createTempDirectory(temporary, "decision-dialog");
        Path db = dir.resolve("decisions.db");
        fillIn(robot, "hold", db, newKey(dir));
        robot.interact(() -> robot.lookup("#decisionDataSnapshot").queryAs(TextField.class).setText("tickets-2026-09"));
        FieldInput.enter(robot, "#decisionPassphrase", new String(LedgerFixtures.PASSPHRASE));
        robot.clickOn("#decisionSign");
        WaitForAsyncUtils.waitForFxEvents();

        Label status = robot.lookup("#decisionStatus").queryAs(Label.class);
        assertTrue(status.getText().contains("dataSnapshot: the record says tickets-2026-09, the pack's data snapshot "
                + "is tickets-2026-10 (candidate 43)"), status.getText());
        assertTrue(status.getStyleClass().contains(Styles.DANGER), "said as a refusal: " + status.getStyleClass());
        assertTrue(inView(robot, "#decisionStatus"));
        assertFalse(Files.exists(db), "nothing appended, no store made");
        assertEquals("Cancel", robot.lookup("#decisionCancel").queryButton().getText());
    }

    @Test
    void escapeCancelsTheDialogFromATextField(FxRobot robot) {
        open(robot, passing("primary metric"));
        robot.clickOn("#decisionRationale");
        FieldInput.enter(robot, "#decisionRationale", "half-written");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.isShowing());
    }

    @Test
    void theCancelButtonClosesTheDialog(FxRobot robot) {
        open(robot, passing("primary metric"));
        robot.clickOn("#decisionCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.isShowing());
    }

    @Test
    void theDialogFitsTheScreenWithItsButtonsInView(FxRobot robot) {
        open(robot, passing("primary metric"));
        double screenHeight = Screen.getPrimary().getVisualBounds().getHeight();
        assertTrue(dialog.getHeight() <= screenHeight, dialog.getHeight() + " > " + screenHeight);
        assertTrue(inView(robot, "#decisionSign"));
        assertTrue(inView(robot, "#decisionCancel"));
        assertTrue(inView(robot, "#decisionPassphrase"));
        // what a signer needs besides the passphrase sits with it, not below a long form
        assertTrue(inView(robot, "#decisionKey"), "the key file field is in view");
        assertTrue(inView(robot, "#decisionStore"), "the decision log field is in view");
    }

    @Test
    void datesAreWrittenTheIsoWay(FxRobot robot) {
        open(robot, passing("primary metric"));
        assertEquals("2026-11-22", robot.lookup("#decisionDate").queryAs(DatePicker.class).getEditor().getText());
    }

    @Test
    void promotingOverFailingGatesNeedsAJustificationForEachAndTheRecordCarriesThem(FxRobot robot) throws Exception {
        open(robot, passing("primary metric"), new GateOutcome("Safety", "fail", "toxicity worse"),
                new GateOutcome("Latency", "fail", "p95 +40 ms"));
        Label warning = robot.lookup("#decisionWarning").queryAs(Label.class);
        Node overrides = robot.lookup("#decisionOverrides").query();
        assertFalse(warning.isVisible(), "no decision yet");
        assertFalse(overrides.isVisible());
        Path dir = Files.createTempDirectory(temporary, "decision-dialog");
        Path db = dir.resolve("decisions.db");
        fillIn(robot, "hold", db, newKey(dir));
        assertFalse(warning.isVisible(), "holding is what failing gates call for");
        assertFalse(overrides.isVisible());

        robot.interact(() -> robot.lookup("#decisionChoice").<ChoiceBox<String>>query().setValue("promote"));
        // the warning stands under the decision, in the form, which a person choosing it has scrolled to
        robot.interact(() -> robot.lookup("#decisionScroll").queryAs(ScrollPane.class).setVvalue(0));
        assertTrue(inView(robot, "#decisionWarning"));
        assertTrue(warning.getText().contains("Safety (fail), Latency (fail)"), warning.getText());
        assertTrue(warning.getText().contains("promoted over blocked gates"), warning.getText());
        assertFalse(warning.getText().contains("primary metric"), warning.getText());
        assertTrue(overrides.isVisible());
        FieldInput.enter(robot, "#decisionPassphrase", new String(LedgerFixtures.PASSPHRASE));
        WaitForAsyncUtils.waitForFxEvents();
        Button sign = robot.lookup("#decisionSign").queryButton();
        assertTrue(sign.isDisabled(), "no justification yet");
        Label missing = robot.lookup("#decisionMissing").queryAs(Label.class);
        assertEquals("Still needed: a justification for promoting over Safety, Latency.", missing.getText());

        robot.interact(() -> robot.lookup("#decisionOverride-safety").queryAs(TextField.class)
                .setText("toxicity rise is in a category the product does not serve"));
        assertTrue(sign.isDisabled(), "Latency still needs one");
        assertEquals("Still needed: a justification for promoting over Latency.", missing.getText());
        robot.interact(() -> robot.lookup("#decisionOverride-latency").queryAs(TextField.class)
                .setText("batch job, 40 ms does not matter"));
        assertFalse(sign.isDisabled(), missing.getText());
        robot.interact(() -> robot.lookup("#decisionScroll").queryAs(ScrollPane.class).setVvalue(0));
        robot.clickOn(sign);
        WaitForAsyncUtils.waitForFxEvents();

        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            DecisionRecord stored = log.snapshot().records().get(0).statement().orElseThrow().record();
            assertEquals(List.of(new GateOverride("Safety", "toxicity rise is in a category the product does not serve"),
                    new GateOverride("Latency", "batch job, 40 ms does not matter")), stored.overrides());
            assertEquals("promoted over blocked gates", stored.decisionLabel());
        }
        String status = robot.lookup("#decisionStatus").queryAs(Label.class).getText();
        assertTrue(status.endsWith("awaiting signatures (ai-safety, product)."), "tier 3: the full quorum, " + status);
    }

    /** A primary-only pack judged by the real gate review: every gate its suite cannot feed must be justified. */
    @Test
    void aRealStylePackIsPromotedOnlyWithJustificationsAndItsGateTableCannotBeSwitched(FxRobot robot)
            throws Exception {
        Path dir = Files.createTempDirectory(temporary, "decision-dialog");
        // a policy that requires the suites this pack lacks: five gates lack evidence, each needing a justification
        RealStylePack real = new RealStylePack(dir.resolve("pack"), RealStylePack.Kind.MULTICLASS).riskTier(2)
                .policy(RealStylePack.REQUIRED_SUITES_POLICY);
        CandidateReview review = real.review();
        ReviewPack pack = real.load();
        DecisionViewModel model = new DecisionViewModel(pack, DecisionPrefill.of(review), new CurrentThreadExecutor(), NOV_22);
        robot.interact(() -> dialog = new DecisionDialog(model, DecisionDialog.defaultText()).showModal(mainWindow));
        assertEquals(List.of("2"), robot.lookup("#decisionCandidate").<ChoiceBox<String>>query().getItems(),
                "the gate table is candidate 2's; no other candidate can be chosen under it");
        assertEquals(review.gates().gates().size(), robot.lookup("#decisionGates").queryTableView().getItems().size());

        Path db = dir.resolve("decisions.db");
        robot.interact(() -> {
            model.decisionProperty().set("promote");
            model.rationaleProperty().set("far better on macro F1; the other suites do not exist for this model");
            model.approversProperty().set("Ada Lovelace");
            model.storeProperty().set(db);
        });
        String key = newKey(dir).toString();
        robot.interact(() -> robot.lookup("#decisionKey").queryAs(TextField.class).setText(key));
        List<String> blocked = List.of("Safety", "Fairness", "Language parity", "Latency", "Circuit breaker");
        assertEquals(blocked, model.overrides().stream().map(DecisionViewModel.Justification::gate).toList());
        assertTrue(robot.lookup("#decisionMissing").queryAs(Label.class).getText()
                .contains("a justification for promoting over " + String.join(", ", blocked)));
        robot.interact(() -> blocked.forEach(gate -> robot.lookup("#decisionOverride-"
                + gate.toLowerCase(Locale.ROOT).replace(' ', '-')).queryAs(TextField.class)
                .setText("no " + gate.toLowerCase(Locale.ROOT) + " evidence exists for this model")));
        robot.interact(() -> robot.lookup("#decisionPassphrase").queryAs(TextField.class)
                .setText(new String(LedgerFixtures.PASSPHRASE)));
        robot.interact(() -> robot.lookup("#decisionScroll").queryAs(ScrollPane.class).setVvalue(0));
        robot.clickOn("#decisionSign");
        WaitForAsyncUtils.waitForFxEvents();

        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            DecisionRecord stored = log.snapshot().records().get(0).statement().orElseThrow().record();
            assertEquals(List.of(), RecordedOutcomes.differences(stored.evaluationSummary(), review.gates()),
                    "the record states exactly the outcomes log append --pack judges");
            assertEquals(blocked, stored.overriddenGates());
            assertEquals(5, stored.overrides().size());
        }
        assertTrue(robot.lookup("#decisionStatus").queryAs(Label.class).getText()
                .endsWith("signed."), "tier 2 with an ML lead's key");
    }

    /**
     * A reviewer's fairness pack promoted over six gates in large text on a 1366×768 laptop: the dialog takes the
     * screen's width, so every prompt and the section's heading are whole; the warning lives in the form and the form
     * keeps most of the dialog; and nothing moves while what is still needed shrinks as the person fills it in.
     */
    /**
     * While a record is signed on a 1366×768 laptop, in normal and in large text, Cancel, Sign and the progress
     * message are drawn whole: beside the progress they were cut to "Ca…", "Sign and app…", "verified before appen…".
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void whileSigningOnALaptopNoButtonIsCut(boolean largeText, FxRobot robot) throws Exception {
        robot.interact(() -> new Appearance(false, largeText)
                .applyTo(mainWindow.getScene().getRoot()));
        // the log's verification says how far it is, then the append waits until the test has looked
        CountDownLatch looked = new CountDownLatch(1);
        DecisionAppender verifying = (store, record, key, progress) -> {
            progress.update(1, "verified");
            try {
                looked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new LedgerException("not appended in this test");
        };
        List<Throwable> unhandled = new CopyOnWriteArrayList<>();
        WorkerPoolExecutor executor = new WorkerPoolExecutor(1, unhandled::add);
        DecisionViewModel model = new DecisionViewModel(DecisionPacks.tierThreePack(),
                new DecisionPrefill("43", new EvaluationSummary(List.of(passing("primary metric")), List.of()),
                        List.of(), WorseFindings.NONE), executor, Clock.systemUTC(),
                DecisionDialog.defaultText(), verifying);
        robot.interact(() -> dialog = new DecisionDialog(model, DecisionDialog.defaultText())
                .showModal(mainWindow, new Rectangle2D(0, 0, 1366, 768)));
        Path dir = Files.createTempDirectory(temporary, "decision-dialog");
        fillIn(robot, "hold", dir.resolve("decisions.db"), newKey(dir));
        FieldInput.enter(robot, "#decisionPassphrase", new String(LedgerFixtures.PASSPHRASE));
        robot.interact(() -> robot.lookup("#decisionSign").queryButton().fire());
        Label message = robot.lookup("#signingMessage").queryAs(Label.class);
        try {
            // the message has just changed and shows from the next layout pulse on: wait for it drawn whole
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> message.isVisible() && message.getText().contains("verified before appending")
                            && drawn(message).equals(List.of(message.getText())));
            for (Button button : List.of(robot.lookup("#decisionCancel").queryButton(),
                    robot.lookup("#decisionSign").queryButton())) {
                assertEquals(List.of(button.getText()), drawn(button), "drawn whole");
            }
        } finally {
            looked.countDown();
        }
        // the refused append is the dialog's to say, not an unexpected failure
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.signingProperty().get());
        executor.close();
        assertEquals(List.of(), unhandled);
    }

    /** The text a label or button draws: its text, or what is left of it with "…". */
    private static List<String> drawn(Labeled labeled) {
        return labeled.lookupAll(".text").stream().map(node -> ((Text) node).getText()).toList();
    }

    @Test
    void promotingInLargeTextOnALaptopKeepsTheFormInViewAndStill(FxRobot robot) {
        robot.interact(() -> new Appearance(false, true)
                .applyTo(mainWindow.getScene().getRoot()));
        GateOutcome[] gates = {new GateOutcome("Primary metric", "fail", "Δ roc_auc −0.012"),
            new GateOutcome("Safety", "insufficient evidence", "no safety suite"),
            new GateOutcome("Fairness", "insufficient evidence", "group_d left out"),
            new GateOutcome("Language parity", "insufficient evidence", "no language column"),
            new GateOutcome("Latency", "insufficient evidence", "no latency suite"),
            new GateOutcome("Circuit breaker", "insufficient evidence", "no canary")};
        DecisionViewModel model = new DecisionViewModel(DecisionPacks.tierThreePack(),
                new EvaluationSummary(List.of(gates), List.of()), List.of(), new CurrentThreadExecutor(), NOV_22);
        robot.interact(() -> dialog = new DecisionDialog(model, DecisionDialog.defaultText())
                .showModal(mainWindow, new Rectangle2D(0, 0, 1366, 768)));
        robot.interact(() -> robot.lookup("#decisionChoice").<ChoiceBox<String>>query().setValue("promote"));
        WaitForAsyncUtils.waitForFxEvents();

        double height = dialog.getScene().getHeight();
        assertTrue(height <= 768, "within the screen: " + height);
        ScrollPane form = robot.lookup("#decisionScroll").queryAs(ScrollPane.class);
        assertTrue(form.getHeight() >= 0.6 * height, "the form has " + form.getHeight() + " of " + height + " px");
        assertTrue(robot.from(form).lookup("#decisionWarning").tryQuery().isPresent(), "the warning is in the form");
        List<Label> labels = robot.lookup("#decisionWarning").queryAllAs(Label.class).stream().toList();
        Label heading = robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(label -> label.getText() != null && label.getText().startsWith("Promoted over blocked gates"))
                .findFirst().orElseThrow();
        for (Label label : List.of(labels.get(0), heading)) {
            assertEquals(List.of(label.getText()), label.lookupAll(".text").stream()
                    .map(node -> ((Text) node).getText()).toList(), "drawn whole");
        }
        assertNoticesRunOverNoField(robot);
        List<TextField> justifications = robot.lookup(".text-field").queryAllAs(TextField.class).stream()
                .filter(field -> field.getId() != null && field.getId().startsWith("decisionOverride-")).toList();
        assertEquals(gates.length, justifications.size());
        for (TextField field : justifications) {
            Text prompt = new Text(field.getPromptText());
            prompt.setFont(field.getFont());
            double room = field.getWidth() - field.getPadding().getLeft() - field.getPadding().getRight();
            assertTrue(prompt.getLayoutBounds().getWidth() <= room, field.getId() + ": a prompt of "
                    + prompt.getLayoutBounds().getWidth() + " px in " + room + " px");
        }

        robot.interact(() -> form.setVvalue(0.5));
        WaitForAsyncUtils.waitForFxEvents();
        Node footer = robot.lookup("#decisionFooter").query();
        Node approvers = robot.lookup("#decisionApprovers").query();
        Label missing = robot.lookup("#decisionMissing").queryAs(Label.class);
        double footerHeight = footer.getLayoutBounds().getHeight();
        double approversY = approvers.localToScene(0, 0).getY();
        String stillNeeded = missing.getText();
        robot.interact(() -> {
            robot.lookup("#decisionRationale").queryAs(TextArea.class)
                    .setText("The fairness gap is within the board's tolerance.");
            robot.lookup("#decisionApprovers").queryAs(TextField.class).setText("Ada Lovelace");
            justifications.forEach(field -> field.setText("accepted by the board"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!stillNeeded.equals(missing.getText()), "what is still needed changed: " + missing.getText());
        assertEquals(footerHeight, footer.getLayoutBounds().getHeight(), 0.5, "the footer keeps its height");
        assertEquals(approversY, approvers.localToScene(0, 0).getY(), 0.5, "the fields stay where they were");
    }
}
