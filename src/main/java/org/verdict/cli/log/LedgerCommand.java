package org.verdict.cli.log;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogNotIntactException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the key and log commands: a refusal of the ledger (wrong passphrase, unknown signer, busy store, bad
 * file) is printed as one plain line and ends with {@link ExitCodes#BAD_INPUT}; a log that does not verify, which
 * takes no more writes and gives out no checkpoint, ends with {@link ExitCodes#CHECK_FAILED} as {@code log verify}
 * does.
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
            // file-system exceptions carry only the path as their message; say what kind of failure it was
            err().println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
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
