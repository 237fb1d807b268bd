package org.verdict.ui.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
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
 * The Gates and Evidence views in large text (projector mode) on a 1366×768 screen: what is left beside the navigation
 * rail, which large text widens to about 180 pixels, in a BorderPane's centre as the main window holds them (a view is
 * laid out no narrower than its minimum there: the scene alone would squeeze it). Every column of the checklist, the
 * Evidence links included, the line naming the gates, and each Evidence page's summary and charts stay inside the
 * view's width: nothing runs off the right edge.
 */
@ExtendWith(ApplicationExtension.class)
class GatesProjectorTest {
    private static final double VIEW_WIDTH = 1186;
    private static final double VIEW_HEIGHT = 620;

    private final ResourceBundle text = GatesFixture.TEXT;
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private Appearance appearance;
    private GatesViewModel model;
    private ScrollPane page;
    private final BorderPane window = new BorderPane();
    private Node evidence;

    @Start
    void start(Stage stage) throws Exception {
        appearance = new Appearance(false, false);
        model = GatesFixture.model(executor, new ActivityMonitor(() -> 0), view -> { });
        evidence = GatesFixture.evidence(model, appearance, executor).node();
        Scene scene = GatesFixture.show(stage, window, VIEW_WIDTH, VIEW_HEIGHT, appearance);
        window.setCenter(new GatesView(model, text).node());
        model.showPack(new PackLoader().load(samplePath(), Progress.NONE));
        page = (ScrollPane) scene.lookup("#gatesPage");
    }

    @Test
    void inLargeTextEachEvidencePageStaysInView(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        robot.interact(() -> window.setCenter(evidence));
        for (EvidencePageId id : List.of(EvidencePageId.SAFETY, EvidencePageId.LANGUAGE_PARITY,
                EvidencePageId.FAIRNESS)) {
            robot.interact(() -> model.selectEvidence(id));
            WaitForAsyncUtils.waitForFxEvents();
            Node view = evidence;
            double right = sceneBounds(view).getMinX() + VIEW_WIDTH;
            assertTrue(sceneBounds(view).getMaxX() <= right + 0.5, id + ": the page " + sceneBounds(view)
                    + " is wider than the view");
            for (Node shown : view.lookupAll(".label")) {
                if (shown.isVisible() && shown.getParent() != null && shown.getParent().isVisible()) {
                    Bounds bounds = sceneBounds(shown);
                    assertTrue(bounds.getMaxX() <= right + 0.5,
                            id + ": " + ((Label) shown).getText() + " " + bounds + " cut at " + right);
                }
            }
            for (Node chart : view.lookupAll(".chart-pane")) {
                Bounds bounds = sceneBounds(chart);
                assertTrue(bounds.getMaxX() <= right + 0.5, id + ": a chart " + bounds + " cut at " + right);
            }
        }
        assertEquals(List.of(), executor.unhandledFailures());
    }

    @Test
    void inLargeTextEveryColumnAndTheDetailsStayInView(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> page.layout());
        Bounds viewport = page.getViewportBounds();
        double right = sceneBounds(page).getMinX() + Math.min(VIEW_WIDTH, viewport.getWidth());
        TableView<?> table = robot.lookup("#gatesTable").queryAs(TableView.class);
        assertEquals(4, table.getColumns().size());
        for (Node header : table.lookupAll(".column-header")) {
            Bounds bounds = sceneBounds(header);
            if (bounds.getWidth() > 0) {
                assertTrue(bounds.getMaxX() <= right + 0.5,
                        "column header " + header.getId() + " " + bounds + " runs past the page's right edge " + right);
            }
        }
        for (Node link : table.lookupAll(".hyperlink")) {
            Bounds bounds = sceneBounds(link);
            assertTrue(bounds.getMaxX() <= right + 0.5, "evidence link " + bounds + " cut at " + right);
        }
        Bounds details = sceneBounds(robot.lookup("#gatesDetails").query());
        assertTrue(details.getMaxX() <= right + 0.5, "the gates named " + details + " cut at " + right);
        assertTrue(viewport.getWidth() > 0);
        assertEquals(List.of(), executor.unhandledFailures());
    }

    private static Path samplePath() {
        return new BundledSample(Path.of("").toAbsolutePath()).inCheckout().orElseThrow();
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
