package org.verdict.ui;

import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/**
 * TestFX shows every test class on one primary stage. A test that installs the main window with a fresh user folder
 * maximises that stage (the first start on a laptop-sized screen, and Monocle's is 1280×800), so it hands the stage
 * back unmaximised: the next class's scene of a fixed size would otherwise fill the screen.
 */
public final class SharedStage {
    private SharedStage() {
    }

    /**
     * Shows the shared stage as a small empty window for a test's dialog to open over: a window without a scene has
     * no view for Monocle to send pointer events to.
     */
    public static void showEmpty(Stage stage, double width, double height) {
        stage.setScene(new Scene(new StackPane(), width, height));
        stage.show();
    }

    /** Hides the test's windows and unmaximises the shared stage. */
    public static void release(Stage stage) throws TimeoutException {
        FxToolkit.cleanupStages();
        FxToolkit.setupFixture(() -> stage.setMaximized(false));
    }
}
