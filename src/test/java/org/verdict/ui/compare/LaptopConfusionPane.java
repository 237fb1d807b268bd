package org.verdict.ui.compare;

import java.util.ResourceBundle;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.verdict.ui.theme.Appearance;

/**
 * The Confusion-matrix tab's pane as it sits beside the Compare table on a 1366×768 laptop: about 375 px wide, 620 high,
 * in the default appearance, alone in a window the tests may resize.
 */
final class LaptopConfusionPane {
    static final double WIDTH = 375;

    private LaptopConfusionPane() {
    }

    static ConfusionHeatMap show(Stage stage) {
        ConfusionHeatMap pane = new ConfusionHeatMap(ResourceBundle.getBundle("org.verdict.ui.messages"));
        BorderPane window = new BorderPane(pane);
        new Appearance(false, false).applyTo(window);
        stage.setScene(new Scene(window, WIDTH, 620));
        stage.sizeToScene();
        stage.show();
        return pane;
    }
}
