package org.verdict.cli.log;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.verdict.core.ledger.LedgerException;
import org.verdict.settings.UserDataFolder;
import picocli.CommandLine.Option;

/**
 * {@code --db} of a command that only reads a log, which may be left out: an auditor who signed in the app need not
 * know where the app keeps its log. Commands that write keep {@link StoreOption}: a record signed into a file found
 * for the signer could land in a log they did not mean.
 */
public final class ReadStoreOption {
    @Option(names = "--db", paramLabel = "DB", description = "The decision log (SQLite file); without it, the app's"
            + " (the one it signs into, in $VERDICT_HOME, -Dverdict.home or ~/.verdict), named on standard error.")
    Path db;

    /**
     * The log to read: the one given, else the app's, which {@code err} names (standard output stays the command's
     * own, a checkpoint's JSON for one). The app's is looked up as the app looks it up, not here.
     */
    Path chosen(PrintWriter err) throws LedgerException {
        if (db != null) {
            return db;
        }
        Path apps = UserDataFolder.fromSystem().decisionLogInUse();
        if (!Files.isRegularFile(apps)) {
            throw new LedgerException("no --db given, and the app's decision log " + apps + " does not exist (no"
                    + " decision was signed in the app with this user folder): give the log to read with --db DB");
        }
        err.println("Decision log: " + apps + " (the app's; give --db for another)");
        return apps;
    }
}
