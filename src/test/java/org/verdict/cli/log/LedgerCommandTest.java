package org.verdict.cli.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.LedgerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What every key and log command shares: how a refusal is printed, and a change made before it is not hidden. */
class LedgerCommandTest {
    /** Appends, then fails on the read that follows, as a store another process holds busy would make it fail. */
    @Command(name = "fails-after-appending")
    static final class FailsAfterAppending extends LedgerCommand {
        @Override
        protected int run() throws LedgerException {
            changed("record #4 (id 9f86d081884c) was appended to decisions.db",
                    "The record stays in the log: do not append it again.");
            throw new LedgerException("the decision log decisions.db is busy");
        }
    }

    @Test
    void aFailureAfterTheLogTookAChangeSaysTheChangeStays() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new FailsAfterAppending());
        command.setErr(new PrintWriter(err, true));

        assertEquals(ExitCodes.BAD_INPUT, command.execute());
        assertEquals("error: the decision log decisions.db is busy\nrecord #4 (id 9f86d081884c) was appended to"
                + " decisions.db before that error. The record stays in the log: do not append it again.",
                err.toString().strip().replace(System.lineSeparator(), "\n"));
    }
}
