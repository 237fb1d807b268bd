package org.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.verdict.cli.exit.ExitCodes;

/** What the launcher says when the desktop app cannot start, as JavaFX refuses without a display. */
class LauncherAppTest {
    @Test
    void anAppWithoutADisplayIsOneErrorLineThatPointsToTheCommands() {
        StringWriter err = new StringWriter();
        int status = Launcher.openApp(() -> {
            throw new UnsupportedOperationException("Unable to open DISPLAY");
        }, new PrintWriter(err));

        assertEquals(ExitCodes.BAD_INPUT, status);
        assertEquals("error: the desktop app cannot start here (Unable to open DISPLAY): it needs a graphical session;"
                + " the commands run without one (verdict --help)" + System.lineSeparator(), err.toString());
    }

    @Test
    void anAppThatStartsEndsTheLauncherWithoutAMessage() {
        StringWriter err = new StringWriter();
        boolean[] ran = {false};

        assertEquals(ExitCodes.OK, Launcher.openApp(() -> ran[0] = true, new PrintWriter(err)));
        assertEquals(true, ran[0]);
        assertEquals("", err.toString());
    }
}
