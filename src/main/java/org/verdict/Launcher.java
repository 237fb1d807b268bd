package org.verdict;

import org.verdict.cli.VerdictCommand;
import org.verdict.ui.VerdictApp;

/**
 * Entry point of verdict.jar. With arguments it is the command line; without, or with an existing pack folder or .zip
 * alone ({@code verdict PACK}), it opens the desktop app (on that pack).
 * It does not extend {@code Application}, so the shaded jar starts without a module path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || VerdictCommand.opensPackInApp(args)) {
            VerdictApp.open(args);
            return;
        }
        System.exit(VerdictCommand.execute(args));
    }
}
