package org.verdict.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A window opened over the main window wears the app's look in the owner's theme and follows it while open. */
@ExtendWith(ApplicationExtension.class)
class OwnerLookTest {
    private Appearance appearance;
    private Stage owner;

    @Start
    void start(Stage stage) {
        appearance = new Appearance(true, false); // sets the user-agent stylesheet: needs the started toolkit
        StackPane root = new StackPane();
        appearance.applyTo(root);
        stage.setScene(new Scene(root, 200, 100));
        stage.show();
        owner = stage;
    }

    @Test
    void anOpenedWindowHasTheOwnersLookAndFollowsItUntilItCloses(FxRobot robot) {
        StackPane openedRoot = new StackPane();
        Stage[] opened = new Stage[1];
        robot.interact(() -> {
            opened[0] = new Stage();
            opened[0].initOwner(owner);
            opened[0].setScene(new Scene(openedRoot, 100, 50));
            opened[0].show();
            OwnerLook.follow(owner, opened[0].getScene());
        });

        assertEquals(owner.getScene().getRoot().getStylesheets(), openedRoot.getStylesheets(), "Verdict's stylesheet");
        assertEquals(owner.getScene().getRoot().getStyle(), openedRoot.getStyle(), "the palette");
        assertTrue(openedRoot.getStyleClass().contains(Appearance.DARK_STYLE_CLASS));
        assertFalse(openedRoot.getStyleClass().contains(Appearance.LARGE_TEXT_STYLE_CLASS));

        robot.interact(() -> {
            appearance.largeTextProperty().set(true);
            appearance.darkProperty().set(false);
        });
        assertTrue(openedRoot.getStyleClass().contains(Appearance.LARGE_TEXT_STYLE_CLASS), "follows while open");
        assertFalse(openedRoot.getStyleClass().contains(Appearance.DARK_STYLE_CLASS));
        assertEquals(1, openedRoot.getStylesheets().size(), "the stylesheet is not added again");

        robot.interact(() -> {
            opened[0].hide();
            appearance.darkProperty().set(true);
        });
        assertFalse(openedRoot.getStyleClass().contains(Appearance.DARK_STYLE_CLASS), "a closed window is let go");
    }
}
