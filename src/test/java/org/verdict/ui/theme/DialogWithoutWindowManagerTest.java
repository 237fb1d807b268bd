package org.verdict.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.ui.shell.PathDialog;

/**
 * Without a window manager a dialog has no title bar, border or focus of the system's: every dialog the app opens over
 * its window draws its frame, shows its title inside (as its header, where it has none of its own), lies centred
 * over its owner, takes the keyboard and closes with Escape, whether it has a Cancel or only one button.
 */
@ExtendWith(ApplicationExtension.class)
class DialogWithoutWindowManagerTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StackPane root = new StackPane();
        new Appearance(false, false).applyTo(root);
        stage.setScene(new Scene(root, 900, 600));
        stage.setX(40);
        stage.setY(30);
        stage.show();
    }

    @Test
    void theExportFolderDialogIsFramedTitledCentredFocusedAndClosesWithEscape(FxRobot robot) {
        String title = "Folder for approval-pack.html and approval-pack.pdf";
        Dialog<?>[] shown = new Dialog<?>[1];
        robot.interact(() -> {
            shown[0] = new PathDialog(ResourceBundle.getBundle("org.verdict.ui.messages")).dialog(stage, title, null,
                    owner -> Optional.empty());
            shown[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Window window = shown[0].getDialogPane().getScene().getWindow();
        assertTrue(shown[0].getDialogPane().getStyleClass().contains(OwnerLook.FRAMED));
        assertEquals(title, shown[0].getDialogPane().getHeaderText(), "the title, inside the dialog");
        assertTrue(window.isFocused(), "the dialog has the keyboard, not the window under it");
        assertCentredOver(stage, window);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(shown[0].isShowing(), "Escape closes it (its Cancel)");
    }

    @Test
    void anAlertWithoutAHeaderShowsItsTitleAndOneWithOnlyOkClosesWithEscape(FxRobot robot) {
        Alert[] shown = new Alert[1];
        robot.interact(() -> {
            shown[0] = OwnerLook.ownedBy(new Alert(Alert.AlertType.INFORMATION), stage);
            shown[0].setTitle("Approval pack written");
            shown[0].setHeaderText(null);
            shown[0].setContentText("approval-pack.html, approval-pack.pdf");
            shown[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Approval pack written", shown[0].getDialogPane().getHeaderText());

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(shown[0].isShowing(), "Escape closes a dialog whose one button is OK");
        assertEquals(ButtonType.OK, shown[0].getResult());
    }

    private static void assertCentredOver(Window owner, Window dialog) {
        double ownerCentre = owner.getX() + owner.getWidth() / 2;
        double dialogCentre = dialog.getX() + dialog.getWidth() / 2;
        assertEquals(ownerCentre, dialogCentre, 2, "centred across its owner");
        assertTrue(dialog.getY() >= owner.getY() && dialog.getY() + dialog.getHeight() <= owner.getY()
                + owner.getHeight(), "within its owner's height: " + dialog.getY());
    }
}
