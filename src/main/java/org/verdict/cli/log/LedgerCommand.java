package org.verdict.cli.log;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.verdict.cli.exit.ErrorLine;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.exit.FileErrorText;
import org.verdict.cli.exit.LastingChange;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogNotIntactException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the key and log commands: a refusal of the ledger (wrong passphrase, unknown signer, busy store, bad
 * file) or a file that cannot be read or written (named, in words) is printed as one plain line and ends with
 * {@link ExitCodes#BAD_INPUT}; a log that does not verify, which takes no more writes and gives out no checkpoint,
 * ends with {@link ExitCodes#CHECK_FAILED} as {@code log verify} does. A command that changed the store before the
 * failure says so after it ({@link LastingChange}).
 */
public abstract class LedgerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private LastingChange change;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (LogNotIntactException e) {
            // the same answer as `log verify` on that log: it failed a check, it was not bad input
            return refused(e.getMessage(), ExitCodes.CHECK_FAILED);
        } catch (LedgerException e) {
            return refused(e.getMessage(), ExitCodes.BAD_INPUT);
        } catch (IOException e) {
            return refused(FileErrorText.of(e), ExitCodes.BAD_INPUT);
        }
    }

    private int refused(String message, int exitCode) {
        // a record appended before a later step failed is in the log all the same: said, lest it be appended again
        return ErrorLine.print(err(), change == null ? message : message + "\n" + change.despiteTheError(), exitCode);
    }

    /**
     * What this command changed in the store, once it has: the command line says it when the confirmation printed
     * after it is lost; empty for a command that changed nothing.
     */
    public Optional<LastingChange> lastingChange() {
        return Optional.ofNullable(change);
    }

    /**
     * Notes, right after the store took it, what this command changed there: {@code done} as a clause ("record #3 (id
     * …) was appended to decisions.db"), {@code notAgain} as the sentence that says what not to repeat.
     */
    protected void changed(String done, String notAgain) {
        change = new LastingChange(done, notAgain);
    }

    /** Writes {@code text} as UTF-8 to {@code file}; a failure that names no path (a full disk) is made to name it. */
    protected static void writeFile(Path file, String text) throws IOException {
        try {
            Files.writeString(file, text);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new FileSystemException(file.toString(), null, e.getMessage());
        }
    }

    protected abstract int run() throws LedgerException, IOException;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
