package org.verdict.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A drop-down widened by large text narrows again in normal text: JavaFX's ComboBox skin measures its list at least as
 * wide as the box was last laid out, so Compare's Metric and Slices pickers stayed at their large-text width.
 */
@ExtendWith(ApplicationExtension.class)
class AppearanceDropDownTest {
    private final Appearance appearance = new Appearance(false, false);
    private ComboBox<String> slices;

    @Start
    void start(Stage stage) {
        slices = new ComboBox<>();
        slices.getItems().addAll("Every dimension", "neighbourhood", "style");
        slices.getSelectionModel().selectFirst();
        Scene scene = new Scene(new HBox(8, slices), 600, 100);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void aDropDownWidenedByLargeTextNarrowsAgainInNormalText(FxRobot robot) {
        robot.interact(() -> { });
        double normal = slices.getWidth();

        robot.interact(() -> appearance.largeTextProperty().set(true));
        robot.interact(() -> { });
        double large = slices.getWidth();
        assertTrue(large > normal + 10, "large text widens it: " + normal + " → " + large);

        robot.interact(() -> appearance.largeTextProperty().set(false));
        robot.interact(() -> { });
        robot.interact(() -> { });
        assertEquals(normal, slices.getWidth(), 0.5, "back in normal text (large: " + large + ")");
    }
}
