package org.verdict.ui.gates;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.ui.shell.BundledSample;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * The Fairness page's per-group rates at the width a 1366×768 window leaves the Evidence view, in normal and large
 * text: each model's rate stays on one line with its interval ("0.260 [0.251, 0.269] /" over "0.228 [0.220, 0.237]"),
 * where the candidate's rate had ended production's line and its interval begun the next.
 */
@ExtendWith(ApplicationExtension.class)
class FairnessRatesOneLineTest {
    private static final double VIEW_WIDTH = 1242;
    private static final double VIEW_HEIGHT = 620;
    /** A rate and its interval as the cell draws them, joined by a space or a no-break space. */
    private static final Pattern RATE_WITH_INTERVAL = Pattern.compile("\\d\\.\\d+[ \\u00A0]\\[[^\\]]+\\]");

    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private Appearance appearance;
    private GatesViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        appearance = new Appearance(false, false);
        model = GatesFixture.model(executor, new ActivityMonitor(() -> 0), view -> { });
        GatesFixture.show(stage, (Parent) GatesFixture.evidence(model, appearance, executor).node(), VIEW_WIDTH,
                VIEW_HEIGHT, appearance);
        model.showPack(new PackLoader().load(new BundledSample(Path.of("").toAbsolutePath()).inCheckout()
                .orElseThrow(), Progress.NONE));
    }

    @Test
    void inLargeTextEachRateKeepsItsIntervalOnItsLine(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        int wrapped = eachRateOnOneLineWithItsInterval(robot);
        assertTrue(wrapped > 0, "in large text the pairs wrap (else this test shows nothing)");
    }

    @Test
    void inNormalTextEachRateKeepsItsIntervalOnItsLine(FxRobot robot) {
        eachRateOnOneLineWithItsInterval(robot);
    }

    /** The number of paired cells drawn on more than one line. */
    private int eachRateOnOneLineWithItsInterval(FxRobot robot) {
        robot.interact(() -> model.selectEvidence(EvidencePageId.FAIRNESS));
        WaitForAsyncUtils.waitForFxEvents();
        List<Text> pairs = new ArrayList<>();
        for (Node table : robot.lookup(".evidence-table").queryAll()) {
            if (((TableView<?>) table).getColumns().stream().noneMatch(c -> c.getText().equals("TPR"))) {
                continue;
            }
            for (Node cell : table.lookupAll(".table-cell")) {
                if (cell instanceof TableCell<?, ?> shown && shown.getGraphic() instanceof Text text
                        && text.getText().replace('\u00A0', ' ').contains(" / ") && text.getText().contains("[")) {
                    pairs.add(text);
                }
            }
        }
        assertTrue(pairs.size() >= 6, "the rates of both models in each group: " + pairs.size());
        int wrapped = 0;
        for (Text text : pairs) {
            String shown = text.getText();
            Matcher rate = RATE_WITH_INTERVAL.matcher(shown);
            int rates = 0;
            while (rate.find()) {
                rates++;
                int start = rate.start();
                int end = rate.end();
                assertTrue(lines(robot, text, start, end) == 1, "'" + shown.substring(start, end)
                        + "' on one line in '" + shown + "' at width " + text.getWrappingWidth());
            }
            assertTrue(rates == 2, "both models' rates with their intervals: " + shown);
            wrapped += lines(robot, text, 0, shown.length()) > 1 ? 1 : 0;
        }
        return wrapped;
    }

    /**
     * The Safety table in large text breaks no word: every part a line may not break inside (a category's name, a
     * rate, an interval) is no wider than its cell's text.
     */
    @Test
    void inLargeTextTheSafetyTableBreaksNoWord(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        robot.interact(() -> model.selectEvidence(EvidencePageId.SAFETY));
        WaitForAsyncUtils.waitForFxEvents();
        int cells = 0;
        for (Node table : robot.lookup(".evidence-table").queryAll()) {
            for (Node cell : table.lookupAll(".table-cell")) {
                if (cell instanceof TableCell<?, ?> shown && shown.getGraphic() instanceof Text text
                        && !text.getText().isBlank()) {
                    cells++;
                    Text measure = new Text();
                    measure.setFont(text.getFont());
                    for (String part : org.verdict.ui.table.WrappingCell.unbreakableParts(text.getText())) {
                        measure.setText(part);
                        assertTrue(measure.getLayoutBounds().getWidth() <= text.getWrappingWidth() + 0.5,
                                "'" + part + "' fits its cell's line of " + text.getWrappingWidth() + " px");
                    }
                }
            }
        }
        assertTrue(cells >= 8, "the Safety page's cells: " + cells);
    }

    /** On how many lines the characters from {@code start} to {@code end} are drawn. */
    private static int lines(FxRobot robot, Text text, int start, int end) {
        PathElement[][] shape = new PathElement[1][];
        robot.interact(() -> shape[0] = text.rangeShape(start, end));
        int lines = 0;
        for (PathElement element : shape[0]) {
            lines += element instanceof MoveTo ? 1 : 0;
        }
        return lines;
    }
}
