package org.verdict;

import org.verdict.cli.VerdictCommand;
import org.verdict.ui.VerdictApp;

/**
 * Entry point of verdict.jar. With arguments it is the command line; without, it opens the desktop app.
 * It does not extend {@code Application}, so the shaded jar starts without a module path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            VerdictApp.open(args);
            return;
        }
        System.exit(VerdictCommand.execute(args));
    }
}
