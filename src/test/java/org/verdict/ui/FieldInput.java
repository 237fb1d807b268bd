package org.verdict.ui;

import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;

/**
 * Fills a text field the way a paste would: the text arrives at once, on the FX thread, and the view reacts through
 * the same bindings as when a person types. Typing a long path key by key through the robot made the dialog tests
 * take over a minute.
 */
public final class FieldInput {
    private FieldInput() {
    }

    public static void enter(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(TextInputControl.class).setText(text));
    }
}
