package org.verdict.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app as its composition root builds it, with the sample pack open, used from the keyboard: every control that
 * Tab reaches in the Compare and Gates views looks different while it holds the focus, so a reviewer without a mouse
 * can see where the next key goes.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardFocusInAppTest {
    /** More than any view has: the walk stops when the focus comes back to where it started. */
    private static final int MOST_STOPS = 40;
    /** Room around a control for a ring drawn outside it. */
    private static final double MARGIN = 4;

    @TempDir
    static Path folder;

    private AppInItsOwnHome app;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path home = folder.resolve("home");
        // the window as a first start leaves it (maximised on Monocle's 1280×800 screen): the shared stage is not
        // resized, which would carry over to the next test class
        app = AppInItsOwnHome.start(stage, home,
                settings -> settings.packOpened(Path.of("sample-data", "support-router")));
        scene = stage.getScene();
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void everyControlTabReachesShowsThatItHasTheFocus(FxRobot robot) throws Exception {
        robot.clickOn("#nav-compare");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !robot.lookup("#compareTable .table-row-cell .table-cell").queryAll().isEmpty());
        List<String> unmarked = unmarkedStops(robot);
        robot.clickOn("#nav-gates");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !robot.lookup("#gatesTable .table-row-cell .table-cell").queryAll().isEmpty());
        unmarked.addAll(unmarkedStops(robot));
        assertTrue(unmarked.isEmpty(), "controls that look the same with and without the focus: " + unmarked);
    }

    /**
     * Walks the view with Tab and names each stop whose surroundings look exactly the same once the focus has left
     * it: a control that gave no sign of holding it.
     */
    private List<String> unmarkedStops(FxRobot robot) throws Exception {
        List<String> unmarked = new ArrayList<>();
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        Node first = scene.getFocusOwner();
        Node stop = first;
        for (int i = 0; i < MOST_STOPS && stop != null; i++) {
            Rectangle2D around = surroundings(stop);
            WritableImage focused = snapshot(around);
            robot.press(KeyCode.TAB).release(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            if (samePixels(focused, snapshot(around))) {
                unmarked.add(describe(stop));
            }
            stop = scene.getFocusOwner();
            if (stop == first) {
                break;
            }
        }
        return unmarked;
    }

    private Rectangle2D surroundings(Node node) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Bounds bounds = node.localToScene(node.getBoundsInLocal());
            double minX = Math.max(0, bounds.getMinX() - MARGIN);
            double minY = Math.max(0, bounds.getMinY() - MARGIN);
            double maxX = Math.min(scene.getWidth(), bounds.getMaxX() + MARGIN);
            double maxY = Math.min(scene.getHeight(), bounds.getMaxY() + MARGIN);
            return new Rectangle2D(minX, minY, Math.max(1, maxX - minX), Math.max(1, maxY - minY));
        }).get(10, TimeUnit.SECONDS);
    }

    private WritableImage snapshot(Rectangle2D area) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            SnapshotParameters parameters = new SnapshotParameters();
            parameters.setViewport(area);
            return scene.getRoot().snapshot(parameters, null);
        }).get(10, TimeUnit.SECONDS);
    }

    private static boolean samePixels(WritableImage a, WritableImage b) {
        int width = (int) Math.min(a.getWidth(), b.getWidth());
        int height = (int) Math.min(a.getHeight(), b.getHeight());
        PixelReader first = a.getPixelReader();
        PixelReader second = b.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (first.getArgb(x, y) != second.getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String describe(Node node) {
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId())
                + node.getStyleClass();
    }
}
