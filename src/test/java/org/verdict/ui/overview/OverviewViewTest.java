package org.verdict.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.ui.shell.BundledSample;
import org.verdict.ui.theme.Appearance;

/** The sample pack's versions on a laptop-sized Overview, in large text: every name, date and header is whole. */
@ExtendWith(ApplicationExtension.class)
class OverviewViewTest {
    /** The verdict of a primary-only pack that fails (a reviewer's pack), naming every gate not evaluated. */
    private static final String LONG_VERDICT = "Candidate 2 may not replace production 1 yet: 1 gate fails, none "
            + "lacks evidence. Failing: Primary metric. 7 gates not evaluated: Safety (no safety suite), Language "
            + "parity (no 'language' slice column in the primary suite), Latency (no latency suite), Canary / A-B (no "
            + "canary run), Circuit breaker (no metric history), Contamination (no training-id list), Label quality "
            + "(no annotations).";

    private Appearance appearance;
    private TableView<?> versions;
    private final StringProperty headline = new SimpleStringProperty(
            "Candidate 43 may not replace production 42 yet: 3 gates fail, none lacks evidence.");

    @Start
    void start(Stage stage) throws Exception {
        appearance = new Appearance(false, true);
        ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
        OverviewViewModel model = new OverviewViewModel(text);
        model.showVerdictOf(headline);
        // The Overview's share of a 1366 x 768 laptop screen beside the navigation rail.
        Scene scene = new Scene((Parent) new OverviewView(model, text).node(), 1186, 690);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        stage.show();
        Path sample = new BundledSample(Path.of("").toAbsolutePath()).inCheckout().orElseThrow();
        model.showPack(new PackLoader().load(sample, Progress.NONE));
        versions = (TableView<?>) scene.lookup("#overviewVersions");
    }

    /** Texts JavaFX had to end in "…": the text drawn differs from the cell's or header's text. */
    private List<String> cutTexts(FxRobot robot) {
        return robot.lookup("#overviewVersions .table-cell, #overviewVersions .column-header .label").queryAll()
                .stream().map(Labeled.class::cast)
                .filter(labeled -> labeled.getText() != null && !labeled.getText().isEmpty())
                .filter(labeled -> labeled.lookupAll(".text").stream().map(Text.class::cast)
                        .anyMatch(drawn -> !drawn.getText().equals(labeled.getText())))
                .map(Labeled::getText).toList();
    }

    private boolean everyHeaderInView(FxRobot robot) {
        Bounds table = versions.localToScene(versions.getBoundsInLocal());
        return robot.lookup("#overviewVersions .column-header").queryAll().stream()
                .filter(TableColumnHeader.class::isInstance)
                .map(Node.class::cast)
                .map(header -> header.localToScene(header.getBoundsInLocal()))
                .allMatch(header -> header.getMaxX() <= table.getMaxX());
    }

    private boolean scrollsSideways() {
        return versions.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .anyMatch(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    @Test
    void largeTextCutsNoVersionLineageOrHeader(FxRobot robot) {
        assertEquals(2, versions.getItems().size());
        assertEquals(List.of(), cutTexts(robot));
        assertTrue(everyHeaderInView(robot) || scrollsSideways(),
                "a column that does not fit is reached by scrolling, never clipped");

        robot.interact(() -> appearance.largeTextProperty().set(false));
        robot.interact(() -> { });
        assertEquals(List.of(), cutTexts(robot));
        assertTrue(everyHeaderInView(robot), "in normal text every column fits");
    }

    @Test
    void theCurrentVerdictIsShownBesideTheModelFacts(FxRobot robot) {
        Label verdict = robot.lookup("#overviewVerdict").queryAs(Label.class);
        assertTrue(verdict.isVisible());
        assertEquals("Candidate 43 may not replace production 42 yet: 3 gates fail, none lacks evidence.",
                verdict.getText());
    }

    /** The verdict is the page's most important line: it wraps whole in large text as in normal text. */
    @Test
    void aLongVerdictWrapsWholeInLargeAndNormalText(FxRobot robot) {
        robot.interact(() -> headline.set(LONG_VERDICT));
        Label verdict = robot.lookup("#overviewVerdict").queryAs(Label.class);
        for (boolean large : new boolean[] {true, false}) {
            robot.interact(() -> appearance.largeTextProperty().set(large));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> drawn = verdict.lookupAll(".text").stream().map(Text.class::cast).map(Text::getText).toList();
            assertEquals(List.of(LONG_VERDICT), drawn, large ? "large text" : "normal text");
            Bounds bounds = verdict.localToScene(verdict.getBoundsInLocal());
            assertTrue(bounds.getMaxX() <= verdict.getScene().getWidth(), "within the window: " + bounds);
        }
    }
}
