package org.verdict.ui.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.ui.FieldInput;
import org.verdict.ui.shell.PathDialog;

/** The question before an export: sign it with a key file (proposed: the one last signed with), or not. */
@ExtendWith(ApplicationExtension.class)
class ExportSigningDialogTest {
    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages", Locale.ENGLISH);
    private Stage owner;
    private Dialog<Optional<ExportSigning>> dialog;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.show();
    }

    private void show(FxRobot robot, Path suggested) {
        robot.interact(() -> {
            dialog = new ExportSigningDialog(text, new PathDialog(text)).build(owner, suggested);
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void signAndExportWaitsForTheKeyFileAndPassphraseThenGivesThem(FxRobot robot) {
        Path key = Path.of("/keys/ada-lovelace.key.json");
        show(robot, key);
        assertEquals(key.toString(), robot.lookup("#exportKeyFile").queryTextInputControl().getText(), "proposed");
        assertTrue(robot.lookup("#exportSign").queryButton().isDisabled(), "no passphrase yet");

        FieldInput.enter(robot, "#exportPassphrase", "correct horse");
        javafx.scene.control.TextInputControl passphrase = robot.lookup("#exportPassphrase").queryTextInputControl();
        assertFalse(robot.lookup("#exportSign").queryButton().isDisabled());
        robot.interact(() -> robot.lookup("#exportSign").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();

        ExportSigning chosen = dialog.getResult().orElseThrow();
        assertEquals(key, chosen.keyFile());
        assertArrayEquals("correct horse".toCharArray(), chosen.passphrase());
        assertEquals("", passphrase.getText(), "not kept in the field");
    }

    @Test
    void exportUnsignedNeedsNoKeyAndCancelExportsNothing(FxRobot robot) {
        show(robot, null);
        robot.interact(() -> robot.lookup("#exportUnsigned").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.of(ExportSigning.UNSIGNED), dialog.getResult());

        show(robot, null);
        robot.interact(() -> dialog.close());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.empty(), dialog.getResult());
    }
}
