package org.verdict.cli.log;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.exit.FileErrorText;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogNotIntactException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the key and log commands: a refusal of the ledger (wrong passphrase, unknown signer, busy store, bad
 * file) or a file that cannot be read or written (named, in words) is printed as one plain line and ends with
 * {@link ExitCodes#BAD_INPUT}; a log that does not verify, which takes no more writes and gives out no checkpoint,
 * ends with {@link ExitCodes#CHECK_FAILED} as {@code log verify} does.
 */
public abstract class LedgerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (LogNotIntactException e) {
            // the same answer as `log verify` on that log: it failed a check, it was not bad input
            err().println("error: " + e.getMessage());
            return ExitCodes.CHECK_FAILED;
        } catch (LedgerException e) {
            err().println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err().println("error: " + FileErrorText.of(e));
            return ExitCodes.BAD_INPUT;
        }
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
