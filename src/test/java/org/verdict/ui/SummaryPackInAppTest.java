package org.verdict.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.gates.PackEvidenceCheck;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.summary.DuckDbSummarizer;
import org.verdict.core.summary.SummaryPacks;
import org.verdict.core.task.Progress;
import org.verdict.ui.compare.ComparisonRow;
import org.verdict.ui.error.ProblemDialog;

/**
 * The app as its composition root builds it, started with its own Verdict home folder whose last pack is a summary
 * pack made by DuckDB: Compare shows the pack's slices with verdicts and where the statistics came from, and Gates
 * judges it, saying which gate a summary cannot check.
 */
@ExtendWith(ApplicationExtension.class)
class SummaryPackInAppTest {
    private static final Path SAMPLE = Path.of("sample-data", "support-router");

    @TempDir
    static Path folder;
    private static Path summary;

    private AppInItsOwnHome app;

    @BeforeAll
    static void summarise() throws Exception {
        summary = folder.resolve("summary");
        try (ReviewPack rows = SummaryPacks.loader().load(SAMPLE, Progress.NONE)) {
            new DuckDbSummarizer("256MB", 1).carrying(SAMPLE, PackEvidenceCheck.ofStagedSummaryPack())
                    .summarize(SAMPLE.resolve("primary.csv").toString(),
                    null, rows.manifest(), true, false, 5L, summary, Progress.NONE);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Path home = folder.resolve("home");
        // the app reopens the last pack it had open: here the summary pack
        app = AppInItsOwnHome.start(stage, home, settings -> settings.packOpened(summary));
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void compareAndGatesShowTheSummaryPackLikeAnyPack(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !shownRows(robot, "#compareTable").isEmpty() || problem(robot).isPresent());
        assertEquals(Optional.empty(), problem(robot), "the summary pack opens without a problem");

        Label basis = robot.lookup("#compareEvidenceBasis").queryAs(Label.class);
        assertTrue(basis.isVisible(), "the Compare view says where its numbers came from");
        assertTrue(basis.getText().startsWith("Summary pack: 24,000 rows summarised by duckdb"), basis.getText());
        assertTrue(basis.getText().contains("Count metrics from the paired cells"), basis.getText());
        List<String> slices = shownRows(robot, "#compareTable");
        // the lookup gives the row cells as a set, in no particular order: match rows, do not index them; n stands
        // over macro_f1's smallest class (abuse: 730, 83 and 5 rows, counted with pandas from the rows summarised)
        assertTrue(slices.stream().anyMatch(row -> row.startsWith("overall | ▲ better | 24,000\nmin class 730 | +")),
                slices.toString());
        assertTrue(slices.stream().anyMatch(row -> row.startsWith("language=ja | ▼ worse | 2,883\nmin class 83 | −")),
                "the slice the candidate is worse in: " + slices);
        // worse and better slices come first: the inconclusive ones are further down
        scrollCompareTableTo(robot, "language=pt");
        List<String> further = shownRows(robot, "#compareTable");
        assertTrue(further.stream().anyMatch(row -> row.startsWith("language=pt | inconclusive | 223\nmin class 5 |")),
                "a small slice stays inconclusive: " + further);

        robot.clickOn("#nav-gates");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !shownRows(robot, "#gatesTable").isEmpty());
        List<String> gateLines = shownRows(robot, "#gatesTable");
        assertTrue(gateLines.stream().anyMatch(line -> line.startsWith("✔ pass | Primary metric |")
                && line.contains("paired contingency cells: bootstrap for each model, jackknife t for Δ")), gateLines.toString());
        assertTrue(gateLines.stream().anyMatch(line -> line.startsWith("✘ fail | Language parity | ja:")),
                gateLines.toString());
        assertTrue(gateLines.stream().anyMatch(line -> line.startsWith("? insufficient evidence | Contamination |")
                && line.contains("a summary pack holds no example ids")), gateLines.toString());
        String headline = robot.lookup("#gatesHeadline").queryAs(Label.class).getText();
        assertTrue(headline.contains("may not replace"), "two gates fail: " + headline);
        assertEquals(Optional.empty(), problem(robot));
    }

    @SuppressWarnings("unchecked")
    private static void scrollCompareTableTo(FxRobot robot, String slice) {
        TableView<ComparisonRow> table = robot.lookup("#compareTable").queryAs(TableView.class);
        int index = table.getItems().stream().filter(row -> row.result().slice().label().equals(slice)).map(table.getItems()::indexOf)
                .findFirst().orElseThrow();
        robot.interact(() -> table.scrollTo(index));
    }

    /** The header and text of an error dialog on screen, if one is. */
    private static Optional<String> problem(FxRobot robot) {
        return robot.lookup("#" + ProblemDialog.DIALOG_ID).tryQueryAs(DialogPane.class)
                .map(dialog -> dialog.getHeaderText() + ": " + dialog.getContentText());
    }

    /** The text of each table row on screen, its cells joined by " | ". */
    private static List<String> shownRows(FxRobot robot, String table) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(table + " .table-row-cell").queryAll().stream()
                .map(row -> row.lookupAll(".table-cell").stream().map(SummaryPackInAppTest::shownText)
                        .collect(Collectors.joining(" | ")))
                .filter(line -> !line.replace("|", "").isBlank())
                .toList();
    }

    /** A cell's words as drawn: its label text, or the Text nodes of its graphic (wrapping cells draw those). */
    private static String shownText(Node cell) {
        if (cell instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            return labeled.getText();
        }
        return drawnText(cell).collect(Collectors.joining(" "));
    }

    private static Stream<String> drawnText(Node node) {
        if (node instanceof Text text) {
            return Stream.of(text.getText());
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            return Stream.of(labeled.getText());
        }
        return node instanceof Parent parent
                ? parent.getChildrenUnmodifiable().stream().flatMap(SummaryPackInAppTest::drawnText)
                : Stream.empty();
    }
}
