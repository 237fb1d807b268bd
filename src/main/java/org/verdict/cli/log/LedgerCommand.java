package org.verdict.cli.log;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.verdict.core.ledger.LedgerException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the key and log commands: a refusal of the ledger (wrong passphrase, unknown signer, busy store, bad
 * file) is printed as one plain line and ends with exit code 2, like picocli's own usage errors.
 */
public abstract class LedgerCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED_CHECK = 1;
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (LedgerException | IOException e) {
            err().println("error: " + e.getMessage());
            return BAD_INPUT;
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
