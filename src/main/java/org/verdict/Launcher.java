package org.verdict;

import java.io.PrintWriter;
import java.util.Optional;
import org.verdict.cli.AppStart;
import org.verdict.cli.VerdictCommand;
import org.verdict.cli.exit.ErrorLine;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.pack.PackLimits;
import org.verdict.ui.VerdictApp;

/**
 * Entry point of verdict.jar. With arguments it is the command line; without, or with an existing pack folder or .zip
 * ({@code verdict PACK}, optionally with raised limits: {@link AppStart}), it opens the desktop app (on that pack).
 * It does not extend {@code Application}, so the shaded jar starts without a module path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Optional<AppStart.Opening> opening = AppStart.of(args);
        if (args.length == 0 || opening.isPresent()) {
            // the app is given the pack alone, and the limits beside it
            int status = openApp(() -> VerdictApp.open(opening.map(AppStart.Opening::limits).orElse(PackLimits.DEFAULTS),
                    opening.map(o -> new String[] {o.pack().toString()}).orElse(args)), new PrintWriter(System.err, true));
            if (status != ExitCodes.OK) {
                System.exit(status);
            }
            return;
        }
        System.exit(VerdictCommand.execute(args));
    }

    /**
     * Runs the desktop app. JavaFX refuses to start with an UnsupportedOperationException where it has no display
     * (a shell over ssh, a server, DISPLAY unset) or no windowing library: one line that says so and points to the
     * commands, which need neither, instead of JavaFX's stack trace.
     */
    static int openApp(Runnable app, PrintWriter err) {
        try {
            app.run();
            return ExitCodes.OK;
        } catch (UnsupportedOperationException noDisplay) {
            return ErrorLine.print(err, "the desktop app cannot start here (" + noDisplay.getMessage() + "): it needs a "
                    + "graphical session; the commands run without one (verdict --help)", ExitCodes.BAD_INPUT);
        }
    }
}
