package org.verdict.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
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
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.EvaluationSummary;
import org.verdict.core.ledger.EvaluationSummary.GateOutcome;
import org.verdict.core.ledger.EvaluationSummary.KeyMetric;
import org.verdict.core.ledger.Evidence;
import org.verdict.core.ledger.GateOverride;
import org.verdict.core.ledger.Integrity;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.RecordKind;
import org.verdict.core.ledger.TamperedStore;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * Audit on a 1366×768 laptop in large text (the view beside the wider navigation rail, under the menu bar and
 * above the status bar: 1186 × 620): a long model name and "promoted over blocked gates" never push the integrity
 * badge or the signatures out of view, and no button or label of the toolbar is cut.
 */
@ExtendWith(ApplicationExtension.class)
class AuditLaptopTest {
    private static final double VIEW_WIDTH = 1186;
    private static final double VIEW_HEIGHT = 620;

    @TempDir
    static Path folder;

    private final AuditViewModel model = new AuditViewModel(new CurrentThreadExecutor(),
            new ActivityMonitor(System::currentTimeMillis));
    private Appearance appearance;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        appearance = new Appearance(false, true);
        Scene scene = new Scene((Parent) new AuditView(model, AuditView.defaultText(),
                (owner, title, initial, filters) -> Optional.empty()).node(), VIEW_WIDTH, VIEW_HEIGHT);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        // the stage is shared by every test class: a window another test resized keeps its size unless told
        stage.sizeToScene();
        stage.show();
    }

    /** A tier-2 promotion of "moderation-rare" over its failing primary-metric gate, with the board's reason. */
    private static DecisionRecord promotedOverBlockedGates() {
        return new DecisionRecord(RecordKind.PROMOTION, "moderation-rare", "2026-12-05", "promote",
                "the rare class is better served", "moderation-2026-11", null, null, "3.2", "3.1", 2,
                new EvaluationSummary(List.of(new GateOutcome("primary metric", "fail", "Δ macro_f1 −0.02")),
                        List.of(new KeyMetric("macro_f1", 0.869, 0.849, -0.02, -0.04, -0.001))),
                List.of("Ada Lovelace"), "2026-12-08", null, null,
                new Evidence("f".repeat(64), LedgerFixtures.packHashes(), null))
                .withOverrides(List.of(new GateOverride("primary metric", "accepted for the rare class")));
    }

    /** The screen every test starts on: large text in the 1366×768 laptop's view. */
    private void largeTextOnTheLaptop(FxRobot robot) {
        robot.interact(() -> {
            appearance.largeTextProperty().set(true);
            stage.setWidth(VIEW_WIDTH);
            stage.setHeight(VIEW_HEIGHT);
        });
    }

    private Path store(String name) throws Exception {
        Path db = folder.resolve(name);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(promotedOverBlockedGates(), AuditViewModelTest.ADA);
            log.append(LedgerFixtures.retraining("macro F1 fell below the baseline"), AuditViewModelTest.ADA);
        }
        return db;
    }

    private boolean headerInView(FxRobot robot, TableView<?> table, String title) {
        Bounds tableBounds = table.localToScene(table.getBoundsInLocal());
        return robot.lookup("#auditRecords .column-header").queryAll().stream()
                .filter(node -> node instanceof TableColumnHeader header && header.getTableColumn() != null
                        && title.equals(header.getTableColumn().getText()) && header.isVisible())
                .map(node -> node.localToScene(node.getBoundsInLocal()))
                .anyMatch(b -> b.getWidth() > 0 && b.getMinX() >= tableBounds.getMinX() - 0.5
                        && b.getMaxX() <= tableBounds.getMaxX() + 0.5);
    }

    /** Buttons and labels of the toolbar whose drawn text ends in "…". */
    private List<String> cutToolbarTexts(FxRobot robot) {
        return robot.lookup("#auditView .labeled").queryAll().stream()
                .filter(node -> node instanceof Labeled labeled && labeled.isVisible() && labeled.getText() != null
                        && !labeled.getText().isEmpty() && labeled.getScene() != null
                        && labeled.localToScene(labeled.getBoundsInLocal()).getMinY() < 140)
                .filter(node -> node.lookupAll(".text").stream().anyMatch(text -> text instanceof Text drawn
                        && drawn.getText().endsWith("…") && !((Labeled) node).getText().endsWith("…")))
                .map(node -> ((Labeled) node).getText()).toList();
    }

    private void assertAuditorsColumnsInView(FxRobot robot, String mode) {
        robot.interact(() -> { });
        robot.interact(() -> { });
        TableView<?> table = robot.lookup("#auditRecords").queryTableView();
        for (String title : List.of("Integrity", "Signatures", "Model", "Decision")) {
            assertTrue(headerInView(robot, table, title), mode + ": " + title + " in view without scrolling; table "
                    + table.getWidth() + " wide, columns " + table.getColumns().stream()
                    .map(c -> c.getText() + " " + c.getWidth()).toList());
        }
        assertTrue(table.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .noneMatch(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()),
                mode + ": no sideways scrolling; table " + table.getWidth() + " wide, bars " + table.lookupAll(".scroll-bar")
                        .stream().map(ScrollBar.class::cast).map(bar -> bar.getOrientation() + " " + bar.isVisible() + " "
                                + bar.getWidth()).toList() + ", columns " + table.getColumns()
                        .stream().map(c -> c.getText() + (c.isVisible() ? " " : " hidden ") + c.getWidth()).toList());
        assertEquals(List.of(), cutToolbarTexts(robot), mode + ": toolbar texts cut");
    }

    /**
     * Every problem of the summary is drawn (none cut to "…"); past {@link AuditView#VERIFICATION_LINES} lines it
     * scrolls instead of growing, and the area ends under a whole line of the drawn text: measured with a plain text's
     * line height (15.13 px, where the label draws 16 px lines in normal text) it cut its last line mid-line.
     */
    private void assertWholeSummaryScrollsInAFewLines(FxRobot robot, String mode) {
        assertWholeSummaryScrollsIn(robot, AuditView.VERIFICATION_LINES, mode);
    }

    private void assertWholeSummaryScrollsIn(FxRobot robot, int linesInView, String mode) {
        robot.interact(() -> { });
        robot.interact(() -> { });
        Label verification = robot.lookup("#auditVerification").queryAs(Label.class);
        ScrollPane area = robot.lookup("#auditVerificationArea").queryAs(ScrollPane.class);
        Text drawn = verification.lookupAll(".text").stream().filter(Text.class::isInstance).map(Text.class::cast)
                .findFirst().orElseThrow();
        assertEquals(verification.getText(), drawn.getText(), mode + ": the whole summary is drawn");
        Bounds viewport = area.lookup(".viewport").localToScene(area.lookup(".viewport").getLayoutBounds());
        List<double[]> lines = drawnLines(drawn);
        long whole = lines.stream().filter(line -> line[0] >= viewport.getMinY() - 0.5
                && line[1] <= viewport.getMaxY() + 0.5).count();
        List<String> cut = lines.stream().filter(line -> line[0] < viewport.getMaxY() - 0.5
                && line[1] > viewport.getMaxY() + 0.5).map(line -> line[0] + "–" + line[1]).toList();
        assertEquals(List.of(), cut, mode + ": lines cut at the area's foot, " + viewport.getMaxY() + "; its "
                + lines.size() + " lines " + lines.stream().map(line -> line[0] + "–" + line[1]).toList());
        assertEquals(Math.min(linesInView, lines.size()), whole,
                mode + ": whole lines in view of " + lines.size());
        if (lines.size() > linesInView) {
            assertTrue(area.getVmax() > area.getVmin(), mode + ": a summary taller than its area can be scrolled to");
        }
    }

    /** The top and bottom, in the scene, of each line the text draws. */
    static List<double[]> drawnLines(Text drawn) {
        PathElement[] shape = drawn.rangeShape(0, drawn.getText().length());
        List<double[]> lines = new ArrayList<>();
        double top = Double.NaN;
        double bottom = Double.NaN;
        // one closed rectangle per line: a MoveTo and four LineTos
        for (PathElement element : shape) {
            double y = element instanceof MoveTo move ? move.getY() : ((LineTo) element).getY();
            if (element instanceof MoveTo && !Double.isNaN(top)) {
                lines.add(new double[] {top, bottom});
                top = Double.NaN;
            }
            top = Double.isNaN(top) ? y : Math.min(top, y);
            bottom = Double.isNaN(bottom) || element instanceof MoveTo ? y : Math.max(bottom, y);
        }
        if (!Double.isNaN(top)) {
            lines.add(new double[] {top, bottom});
        }
        return lines.stream().map(line -> new double[] {drawn.localToScene(0, line[0]).getY(),
                drawn.localToScene(0, line[1]).getY()}).toList();
    }

    /**
     * A selected record's fields get the detail pane's height (sharing it with the signatures and the co-sign form
     * left them one wrapped row, about 60 px), and the pane's three tabs are named whole, without an overflow menu.
     */
    @Test
    void aSelectedRecordsFieldsAreReadableInLargeText(FxRobot robot) throws Exception {
        Path db = store("fields.db");
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AuditRow> records = robot.lookup("#auditRecords").queryTableView();
        robot.interact(() -> records.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> details = robot.lookup("#auditDetails").queryTableView();
        assertTrue(details.getItems().size() >= 5, details.getItems().toString());
        assertTrue(details.getHeight() >= 0.4 * VIEW_HEIGHT, "the fields table is " + details.getHeight()
                + " px high in a view of " + VIEW_HEIGHT);
        TabPane tabs = robot.lookup("#auditDetailTabs").queryAs(TabPane.class);
        assertTrue(tabs.lookupAll(".control-buttons-tab").stream().noneMatch(Node::isVisible),
                "every tab's name in view, no overflow menu");
        AuditViewTest.showTab(robot, "auditSignaturesTab");
        assertEquals(1, robot.lookup("#auditSignatures").queryTableView().getItems().size());
        assertTrue(robot.lookup("#auditCosign").tryQuery().isPresent(), "co-signing sits with the signatures");
    }

    /**
     * A record's signed time stays on one line in its fields (it ended in a lone "Z" on a second line at 1366×768) on
     * a 1366×768 and a 1280×720 screen, and neither the fields nor the records table is cut behind a sideways scroll
     * bar for it, in large text either (where the time does not fit beside the records, and wraps).
     */
    @Test
    void aSignedTimeStaysOnOneLineWithoutCuttingAColumn(FxRobot robot) throws Exception {
        Path db = store("times.db");
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AuditRow> records = robot.lookup("#auditRecords").queryTableView();
        robot.interact(() -> records.getSelectionModel().select(0));
        // the view beside the navigation rail, under the menu bar and above the status bar
        record Screen(String name, double width, double height, boolean large) {
        }
        List<Screen> normalText = List.of(new Screen("1366×768", 1242, 696, false),
                new Screen("1280×720", 1156, 648, false));
        try {
            for (Screen screen : List.of(normalText.get(0), normalText.get(1),
                    new Screen("1366×768 large", VIEW_WIDTH, VIEW_HEIGHT, true))) {
                robot.interact(() -> {
                    appearance.largeTextProperty().set(screen.large());
                    stage.setWidth(screen.width());
                    stage.setHeight(screen.height());
                });
                robot.interact(() -> { });
                TableView<?> details = robot.lookup("#auditDetails").queryTableView();
                Text time = details.lookupAll("Text").stream().filter(Text.class::isInstance).map(Text.class::cast)
                        .filter(text -> text.getText().matches("\\d{4}-\\d\\d-\\d\\dT\\n?[\\d:.]+Z")).findFirst()
                        .orElseThrow(() -> new AssertionError(screen.name() + ": no signed time among the fields"));
                Text oneLine = new Text("0");
                oneLine.setFont(time.getFont());
                assertTrue(!normalText.contains(screen)
                        || time.getLayoutBounds().getHeight() < 1.5 * oneLine.getLayoutBounds().getHeight(),
                        screen.name() + ": " + time.getText() + " is " + time.getLayoutBounds().getHeight()
                                + " px high in a column " + details.getColumns().get(1).getWidth() + " px wide");
                assertTrue(details.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                        .noneMatch(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()),
                        screen.name() + ": the fields scroll sideways; columns " + details.getColumns().stream()
                                .map(c -> c.getText() + " " + c.getWidth()).toList() + " in " + details.getWidth());
                assertAuditorsColumnsInView(robot, screen.name());
            }
        } finally {
            largeTextOnTheLaptop(robot);
        }
    }

    /**
     * The two dates of the filters' range stay side by side, in normal text at 1366×768 (the view 1242 px wide), where
     * "To" had wrapped onto a line of its own, and in large text, where the filters take more lines.
     */
    @Test
    void theDatesOfTheFiltersRangeStayTogetherWhereTheFiltersWrap(FxRobot robot) throws Exception {
        Path db = store("range.db");
        robot.interact(() -> model.open(db));
        try {
            for (boolean large : List.of(false, true)) {
                robot.interact(() -> {
                    appearance.largeTextProperty().set(large);
                    stage.setWidth(large ? VIEW_WIDTH : 1242);
                });
                robot.interact(() -> { });
                Bounds from = sceneBounds(robot.lookup("#auditFrom").query());
                Bounds to = sceneBounds(robot.lookup("#auditTo").query());
                assertEquals(from.getMinY(), to.getMinY(), 0.5, (large ? "large" : "normal") + " text: " + from + to);
                assertTrue(to.getMinX() > from.getMaxX(), "To right of From");
                assertTrue(to.getMaxX() <= stage.getWidth(), "To in view: " + to);
            }
        } finally {
            largeTextOnTheLaptop(robot);
        }
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    @Test
    void theIntegrityBadgeAndSignaturesStayInViewInLargeTextInBothThemes(FxRobot robot) throws Exception {
        Path db = store("decisions.db");
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("promoted over blocked gates", "retrain"),
                model.visibleRecords().stream().map(AuditRow::decision).toList());
        try {
            assertAuditorsColumnsInView(robot, "light, large text");
            robot.interact(() -> appearance.darkProperty().set(true));
            assertAuditorsColumnsInView(robot, "dark, large text");

            Path tampered = store("tampered.db");
            TamperedStore.changeRecord(tampered, 1, "rare class", "rare Class");
            robot.interact(() -> model.open(tampered));
            WaitForAsyncUtils.waitForFxEvents();
            assertNotEquals(Integrity.VERIFIED, model.integrityProperty().get(), model.verificationProperty().get());
            assertAuditorsColumnsInView(robot, "dark, large text, tampered");
            assertWholeSummaryScrollsInAFewLines(robot, "large text");
        } finally {
            robot.interact(() -> appearance.darkProperty().set(false));
        }
    }

    /**
     * A tampered log's summary is read whole in place in normal text on a 1366×768 screen, across the view's width
     * under the log's name (beside it, four lines high, it was a small box to scroll through), and in whole lines,
     * scrolling to the rest, in large text; the integrity badge stays on one line in normal text, the long decision
     * beside it wrapping first.
     */
    @Test
    void aTamperedLogsSummaryShowsWholeLinesAndItsBadgeOneLineInNormalText(FxRobot robot) throws Exception {
        Path tampered = store("summary.db");
        TamperedStore.changeRecord(tampered, 1, "rare class", "rare Class");
        robot.interact(() -> model.open(tampered));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Integrity.TAMPERED, model.integrityProperty().get(), model.verificationProperty().get());
        try {
            robot.interact(() -> {
                appearance.largeTextProperty().set(false);
                stage.setWidth(1242);
                stage.setHeight(696);
            });
            robot.interact(() -> { });
            Label verification = robot.lookup("#auditVerification").queryAs(Label.class);
            Text drawn = verification.lookupAll(".text").stream().filter(Text.class::isInstance)
                    .map(Text.class::cast).findFirst().orElseThrow();
            assertTrue(drawnLines(drawn).size() > 4, "a summary of more than four lines: " + verification.getText());
            assertWholeSummaryScrollsInAFewLines(robot, "normal text");
            ScrollPane area = robot.lookup("#auditVerificationArea").queryAs(ScrollPane.class);
            assertTrue(area.getViewportBounds().getHeight() >= verification.getHeight() - 0.5, "normal text: nothing"
                    + " to scroll to, the summary " + verification.getHeight() + " px in " + area.getViewportBounds());
            Bounds across = area.localToScene(area.getBoundsInLocal());
            assertTrue(across.getWidth() >= 1242 - 2 * 16 - 1, "normal text: the summary across the view, " + across);
            TableView<AuditRow> records = robot.lookup("#auditRecords").queryTableView();
            List<Text> badges = records.lookupAll(".table-cell").stream()
                    .filter(cell -> cell instanceof TableCell<?, ?> shown && shown.getTableColumn() != null
                            && "Integrity".equals(shown.getTableColumn().getText()) && !shown.isEmpty())
                    .map(cell -> (Text) ((TableCell<?, ?>) cell).getGraphic()).toList();
            assertEquals(2, badges.size(), "a badge per record");
            for (Text badge : badges) {
                assertEquals(1, drawnLines(badge).size(), "'" + badge.getText() + "' on one line in a column "
                        + records.getColumns().get(1).getWidth() + " px wide; columns " + records.getColumns()
                        .stream().map(c -> c.getText() + " " + c.getWidth()).toList());
            }
            assertAuditorsColumnsInView(robot, "normal text, tampered");
            largeTextOnTheLaptop(robot);
            assertWholeSummaryScrollsInAFewLines(robot, "large text");
            assertAuditorsColumnsInView(robot, "large text, tampered");
        } finally {
            largeTextOnTheLaptop(robot);
        }
    }

    /**
     * The review's tampered copy, at 1366×768: the triggers dropped and a record changed, seven problems. The dropped
     * guard, a problem of the store that no record's details show, is among the first lines (it was the seventh,
     * after "… and 2 more", and read nowhere in the app); "… and 2 more problems: show all 7" lists every one, whole
     * in view in normal text, with the records table still below, and "show only the first 5 problems" under them
     * gives the table its room back. In large text the list scrolls, whole lines in view.
     */
    @Test
    void everyProblemOfATamperedLogIsReadInTheSummaryOnRequest(FxRobot robot) throws Exception {
        Path tampered = store("unguarded.db");
        TamperedStore.changeRecord(tampered, 1, "rare class", "rare Class");
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + tampered);
             Statement s = sql.createStatement()) {
            for (String trigger : List.of("records_no_update", "records_no_delete", "records_no_replace")) {
                s.execute("DROP TRIGGER " + trigger);
            }
        }
        try {
            robot.interact(() -> {
                appearance.largeTextProperty().set(false);
                stage.setWidth(1242);
                stage.setHeight(696);
            });
            robot.interact(() -> model.open(tampered));
            WaitForAsyncUtils.waitForFxEvents();
            Label verification = robot.lookup("#auditVerification").queryAs(Label.class);
            assertEquals(Integrity.TAMPERED, model.integrityProperty().get(), verification.getText());
            String guard = "the store's append-only guard is missing, 3 triggers dropped";
            assertTrue(verification.getText().lines().limit(3).anyMatch(line -> line.startsWith("⚠ " + guard)),
                    verification.getText());
            Hyperlink more = robot.lookup("#auditMoreProblems").queryAs(Hyperlink.class);
            assertEquals("… and 2 more problems: show all 7", more.getText());
            assertInView(more, "the link to the other problems");

            robot.clickOn(more);
            robot.interact(() -> { });
            long problems = verification.getText().lines().filter(line -> line.startsWith("✖ ")
                    || line.startsWith("⚠ ")).count();
            assertEquals(7, problems, verification.getText());
            assertTrue(verification.getText().contains("record #2: the Merkle root of the first 2 records differs"),
                    verification.getText());
            assertWholeSummaryScrollsIn(robot, AuditView.EVERY_PROBLEM_LINES, "normal text, every problem");
            ScrollPane area = robot.lookup("#auditVerificationArea").queryAs(ScrollPane.class);
            assertTrue(area.getViewportBounds().getHeight() >= verification.getHeight() - 0.5, "normal text: every"
                    + " problem read without scrolling, the summary " + verification.getHeight() + " px in "
                    + area.getViewportBounds());
            assertEquals("show only the first 5 problems", more.getText());
            assertFalse(more.isVisited(), "still drawn as a link, to go back to the first few");
            assertInView(more, "the link back to the first few");
            TableView<AuditRow> records = robot.lookup("#auditRecords").queryTableView();
            assertTrue(records.getHeight() >= 150, "the records table keeps room below: " + records.getHeight());

            largeTextOnTheLaptop(robot);
            assertWholeSummaryScrollsIn(robot, AuditView.EVERY_PROBLEM_LINES, "large text, every problem");
            assertInView(more, "large text: the link back to the first few");

            robot.clickOn(more);
            robot.interact(() -> { });
            assertEquals(AuditViewModel.LISTED_PROBLEMS, verification.getText().lines().filter(line ->
                    line.startsWith("✖ ") || line.startsWith("⚠ ")).count(), verification.getText());
            assertEquals("… and 2 more problems: show all 7", more.getText());
        } finally {
            largeTextOnTheLaptop(robot);
        }
    }

    private static void assertInView(Node node, String what) {
        Bounds shown = node.localToScene(node.getBoundsInLocal());
        Scene scene = node.getScene();
        assertTrue(node.isVisible() && shown.getHeight() > 0 && shown.getMinY() >= 0 && shown.getMaxY()
                <= scene.getHeight() && shown.getMaxX() <= scene.getWidth(), what + " in view: " + shown);
    }

    /**
     * A copy of a log and the log itself have one name, decisions.db: the header says which folder the open one is
     * in (it said only "decisions.db"), a long folder cut in the middle between folders and within the view in large
     * text at 1366×768, the whole path in the tooltips of the name and the folder.
     */
    @Test
    void theHeaderSaysWhichFolderTheOpenLogIsIn(FxRobot robot) throws Exception {
        Path original = Files.createDirectories(folder.resolve("board"));
        Path real = store("board/decisions.db");
        Path copyFolder = Files.createDirectories(folder.resolve("ml-review-board").resolve("archive-2026")
                .resolve("quarter-4").resolve("evidence-copies").resolve("tamper"));
        Path copy = Files.copy(real, copyFolder.resolve("decisions.db"));
        largeTextOnTheLaptop(robot);
        robot.interact(() -> model.open(real));
        WaitForAsyncUtils.waitForFxEvents();
        Label where = robot.lookup("#auditStoreFolder").queryAs(Label.class);
        assertEquals("in " + original, where.getText());
        assertEquals(real.toString(), where.getTooltip().getText());

        robot.interact(() -> model.open(copy));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        assertTrue(copyFolder.toString().length() > 60, copyFolder.toString());
        assertTrue(where.getText().startsWith("in /") && where.getText().contains("/…/")
                && where.getText().endsWith("/evidence-copies/tamper"), where.getText());
        assertEquals(copy.toString(), where.getTooltip().getText());
        assertEquals(copy.toString(), robot.lookup("#auditStore").queryAs(Label.class).getTooltip().getText());
        Bounds shown = where.localToScene(where.getBoundsInLocal());
        assertTrue(where.isVisible() && shown.getWidth() > 0 && shown.getMaxX() <= VIEW_WIDTH + 0.5,
                "the folder within the view: " + shown);
        Text drawn = where.lookupAll(".text").stream().filter(Text.class::isInstance).map(Text.class::cast)
                .findFirst().orElseThrow();
        assertEquals(where.getText(), drawn.getText(), "the folder is not cut further in large text");
        assertEquals(List.of(), cutToolbarTexts(robot), "the name and the buttons read whole");
    }

    /**
     * A tampered log with a long file name, in large text: the name ends in … (whole in its tooltip) and the red
     * summary keeps its width beside it, where the name took the whole row and pushed the summary out of view.
     */
    @Test
    void aLongLogNameLeavesTheTamperedSummaryInViewInLargeText(FxRobot robot) throws Exception {
        Path tampered = store("support-routing-review-board-decisions-2026-t1-edit-payload.db");
        TamperedStore.changeRecord(tampered, 1, "rare class", "rare Class");
        largeTextOnTheLaptop(robot);
        robot.interact(() -> model.open(tampered));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Integrity.TAMPERED, model.integrityProperty().get(), model.verificationProperty().get());
        robot.interact(() -> { });
        Label verification = robot.lookup("#auditVerification").queryAs(Label.class);
        ScrollPane area = robot.lookup("#auditVerificationArea").queryAs(ScrollPane.class);
        Bounds shown = area.localToScene(area.getBoundsInLocal());
        double em = verification.getFont().getSize();
        assertTrue(shown.getWidth() >= 20 * em - 0.5 && shown.getMaxX() <= VIEW_WIDTH + 0.5,
                "the summary " + shown + " at least 20 ems wide within the view");
        assertWholeSummaryScrollsInAFewLines(robot, "large text, long log name");
        Label name = robot.lookup("#auditStore").queryAs(Label.class);
        assertEquals(tampered.toString(), name.getTooltip().getText());
    }

    /**
     * The Model filter keeps a width a person finds and reads, whatever the log's model names (it shrank to "any▾"),
     * and in the dark theme its drop-down list has no shadow margin, which a desktop without a compositor draws as a
     * white frame.
     */
    @Test
    void theModelFilterKeepsItsWidthAndItsDarkDropDownHasNoFrame(FxRobot robot) throws Exception {
        // opening a log refills the filter's models, which left it only as wide as "any"
        Path db = store("filters.db");
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        ChoiceBox<?> filter = robot.lookup("#auditModel")
                .queryAs(ChoiceBox.class);
        double em = robot.lookup("#auditSearch").queryAs(TextField.class).getFont().getSize();
        assertTrue(filter.getWidth() >= 6 * em, filter.getWidth() + " px wide in " + em + " px text");
        try {
            robot.interact(() -> appearance.darkProperty().set(true));
            robot.interact(filter::show);
            WaitForAsyncUtils.waitForFxEvents();
            List<Node> lists = robot.listWindows().stream()
                    .filter(window -> window instanceof ContextMenu && window.isShowing())
                    .flatMap(window -> window.getScene().getRoot().lookupAll(".context-menu").stream()).toList();
            assertTrue(!lists.isEmpty(), "the drop-down list is open");
            assertEquals(List.of(), lists.stream().map(Node::getEffect)
                    .filter(Objects::nonNull).toList(), "no shadow around the dark drop-down list");
        } finally {
            robot.interact(filter::hide);
            robot.interact(() -> appearance.darkProperty().set(false));
        }
    }

    /**
     * Two records side by side in the Compare tab: the Field, Left and Right columns each show their header and their
     * wrapped values within the pane beside the records, in normal text (the view 1242 px wide beside the normal
     * navigation rail) and in large text; their fixed minimums (430 px) cut the Right column at 1366×768. The pane
     * is wider while comparing, ids and times read whole, and the records get their width back afterwards.
     */
    @Test
    void theComparedRecordsColumnsAreAllInViewInNormalAndLargeText(FxRobot robot) throws Exception {
        Path db = store("compared.db");
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AuditRow> records = robot.lookup("#auditRecords").queryTableView();
        AuditViewTest.showTab(robot, "auditCompareTab");
        robot.interact(() -> records.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#auditCompareLeft").queryButton().fire());
        robot.interact(() -> records.getSelectionModel().select(1));
        robot.interact(() -> robot.lookup("#auditCompareRight").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> comparison = robot.lookup("#auditComparison").queryTableView();
        assertTrue(comparison.getItems().size() >= 5, comparison.getItems().toString());
        try {
            assertComparedColumnsInView(robot, comparison, "large text");
            robot.interact(() -> {
                appearance.largeTextProperty().set(false);
                comparison.getScene().getWindow().setWidth(1242);
            });
            assertComparedColumnsInView(robot, comparison, "normal text");
            assertIdsAndTimesReadWhole(comparison);
            SplitPane split = robot.lookup("#auditView .split-pane").queryAs(SplitPane.class);
            double comparing = split.getDividerPositions()[0];
            AuditViewTest.showTab(robot, "auditSignaturesTab");
            assertTrue(split.getDividerPositions()[0] > comparing + 0.05, "the records have their width back: "
                    + split.getDividerPositions()[0] + ", comparing " + comparing);
        } finally {
            robot.interact(() -> {
                appearance.largeTextProperty().set(true);
                comparison.getScene().getWindow().setWidth(VIEW_WIDTH);
            });
        }
    }

    /**
     * In normal text at 1366×768 a record's id is on one line and a signed time breaks only between its date and its
     * time: in the pane beside the records they wrapped mid-word ("35db2fb9942" / "9", "2026-12-07T1" / "4:11:…").
     */
    private static void assertIdsAndTimesReadWhole(TableView<?> comparison) {
        List<Text> values = comparison.lookupAll(".table-cell").stream()
                .filter(cell -> cell instanceof TableCell<?, ?> shown && shown.getGraphic() instanceof Text)
                .map(cell -> (Text) ((TableCell<?, ?>) cell).getGraphic()).toList();
        List<Text> ids = values.stream().filter(text -> text.getText().matches("#\\d+ [0-9a-f]{12}")).toList();
        List<Text> times = values.stream()
                .filter(text -> text.getText().matches("\\d{4}-\\d\\d-\\d\\dT\\n?[\\d:.]+Z")).toList();
        assertEquals(2, ids.size(), "both records' ids");
        assertEquals(2, times.size(), "both records' signed times");
        for (Text id : ids) {
            assertEquals(1, drawnLines(id).size(), id.getText() + " wrapped at " + id.getWrappingWidth());
        }
        for (Text time : times) {
            int lines = drawnLines(time).size();
            assertTrue(lines == 1 || lines == 2 && time.getText().contains("T\n"), time.getText().replace("\n", "⏎")
                    + " on " + lines + " lines at " + time.getWrappingWidth());
        }
    }

    private void assertComparedColumnsInView(FxRobot robot, TableView<?> comparison, String mode) {
        robot.interact(() -> { });
        robot.interact(() -> { });
        Bounds table = comparison.localToScene(comparison.getBoundsInLocal());
        List<String> titles = List.of("Field", "Left", "Right");
        for (String title : titles) {
            List<Bounds> shown = comparison.lookupAll(".column-header").stream()
                    .filter(node -> node instanceof TableColumnHeader header && header.getTableColumn() != null
                            && title.equals(header.getTableColumn().getText()) && header.isVisible())
                    .map(node -> node.localToScene(node.getBoundsInLocal())).toList();
            assertTrue(shown.stream().anyMatch(b -> b.getWidth() > 0 && b.getMinX() >= table.getMinX() - 0.5
                    && b.getMaxX() <= table.getMaxX() + 0.5), mode + ": " + title + " in view; table " + table
                    + ", columns " + comparison.getColumns().stream().map(c -> c.getText() + " " + c.getWidth())
                    .toList());
        }
        assertTrue(comparison.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .noneMatch(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()),
                mode + ": no sideways scrolling");
        for (String button : List.of("#auditCompareLeft", "#auditCompareRight")) {
            Labeled shown = robot.lookup(button).queryAs(Labeled.class);
            assertTrue(shown.lookupAll(".text").stream().noneMatch(drawn -> drawn instanceof Text t
                    && t.getText().endsWith("…")), mode + ": " + shown.getText() + " is cut");
        }
        // every value is drawn within its cell's width: wrapped, never running past the column's edge
        for (Node cell : comparison.lookupAll(".table-cell")) {
            if (cell instanceof TableCell<?, ?> shown && shown.getGraphic() instanceof Text text
                    && !text.getText().isEmpty()) {
                Bounds drawn = text.localToScene(text.getLayoutBounds());
                Bounds room = shown.localToScene(shown.getLayoutBounds());
                assertTrue(drawn.getMaxX() <= room.getMaxX() + 0.5 && room.getMaxX() <= table.getMaxX() + 0.5,
                        mode + ": '" + text.getText() + "' drawn to " + drawn.getMaxX() + ", its cell ends at "
                                + room.getMaxX() + ", the table at " + table.getMaxX());
            }
        }
    }

    /**
     * The Signatures tab, chosen while no record is selected: its table has no rows, so nothing to scroll to, and
     * nothing of it runs past its edge; its placeholder says what it will hold. Its five headers asked for 490 px in
     * the 367 px beside the records at 1366×768, the last cut at the table's edge ("Stored at" of "Stored at
     * (unsigned)"), and in large text two of them were out of view. A record's signatures bring the headers back.
     */
    @Test
    void anEmptySignaturesTableShownOnItsTabHasNothingToScrollTo(FxRobot robot) throws Exception {
        Path db = store("signatures.db");
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#auditDetailTabs").queryAs(TabPane.class);
        TableView<AuditRow> records = robot.lookup("#auditRecords").queryTableView();
        for (boolean large : List.of(false, true)) {
            // the Signatures tab hidden while the text size changes, then chosen
            robot.interact(() -> {
                records.getSelectionModel().clearSelection();
                tabs.getSelectionModel().select(0);
                appearance.largeTextProperty().set(large);
                stage.setWidth(VIEW_WIDTH);
                stage.setHeight(VIEW_HEIGHT);
            });
            WaitForAsyncUtils.waitForFxEvents();
            AuditViewTest.showTab(robot, "auditSignaturesTab");
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> { });
            TableView<?> signatures = robot.lookup("#auditSignatures").queryTableView();
            String where = large ? "large text" : "normal text";
            assertEquals(0, signatures.getItems().size(), "no record is selected");
            double edge = signatures.localToScene(signatures.getLayoutBounds()).getMaxX();
            List<String> past = signatures.lookupAll(".column-header .label").stream()
                    .filter(label -> shown(label) && label.localToScene(label.getLayoutBounds()).getMaxX() > edge + 0.5)
                    .map(label -> ((Labeled) label).getText()).toList();
            assertEquals(List.of(), past, "no header past the table's edge; " + where);
            assertTrue(signatures.lookupAll(".scroll-bar").stream().noneMatch(AuditLaptopTest::shown),
                    "no scroll bar over nothing; " + where);
            assertTrue(robot.lookup("#auditSignatures .placeholder").queryAll().stream().anyMatch(AuditLaptopTest::shown),
                    "the placeholder says what the table will hold; " + where);

            robot.interact(() -> records.getSelectionModel().select(0));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> { });
            assertEquals(1, signatures.getItems().size());
            assertTrue(signatures.lookupAll(".column-header .label").stream().filter(AuditLaptopTest::shown).count() >= 5,
                    "a record's signatures under their headers; " + where);
        }
    }

    /** Whether a node is drawn: it and every parent visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
