package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.gates.policy.GatePolicy;
import picocli.CommandLine;

/**
 * picocli starts a new line at every element of a command's description and wraps each to the terminal's width, so
 * an element that stops mid-sentence breaks the help there ("Δ = candidate − production with a⏎paired interval").
 */
class HelpDescriptionTest {
    @Test
    void everyDescriptionLineOfEveryCommandIsWholeSentences() {
        List<String> broken = new ArrayList<>();
        collect(VerdictCommand.commandLine(new StringWriter(), new StringWriter()), broken);
        assertTrue(broken.isEmpty(), "description lines that stop mid-sentence: " + broken);
    }

    @Test
    void compareHelpSaysTheDeltaInOneSentence() {
        String help = help("compare", "--help");

        assertTrue(help.contains("Δ = candidate − production with a paired interval and test, the p-values adjusted"
                + " across slices, and a verdict per slice."), help);
    }

    /** What a user must know before retrying: a lost confirmation is not a refused append. */
    @Test
    void appendHelpSaysALostConfirmationLeavesTheRecordAppended() {
        String help = help("log", "append", "--help");

        assertTrue(help.contains("If its confirmation cannot be printed (standard output on a full disk), the record"
                + " stays appended: the error (exit 2) names the record's number and id, and it must not be appended"
                + " again."), help);
    }

    @Test
    void reportHelpSaysAnEarlierApprovalPackIsRefusedAsBadInput() {
        String help = help("report", "--help");

        assertTrue(help.contains("A --out folder that already holds an approval pack is bad input unless --replace is"
                + " given: nothing is written."), help);
    }

    /** Every command that reads or writes files gives the same codes for a refusal, 141 among them. */
    @Test
    void everyCommandsHelpGivesTheSameRefusalCodes() {
        for (String command : List.of("compare", "summarize", "validate", "gate", "report", "log append", "log cosign",
                "log list", "log verify", "log export", "log consistency", "log checkpoint", "log export-envelope",
                "log sign-envelope", "log import-signature", "log register", "log revoke", "log restore-guard")) {
            String help = help((command + " --help").split(" "));
            assertTrue(help.contains(ExitCodes.REFUSALS) && help.contains("141 standard output closed"),
                    command + ": " + help);
        }
        assertTrue(help("--help").contains("Exit codes: 0 ok, 1 a check did not pass, " + ExitCodes.REFUSALS));
    }

    /** The default seed compare's help names is the one a comparison draws with. */
    @Test
    void compareHelpNamesTheDefaultSeed() {
        assertTrue(help("compare", "--help").contains("the pack policy's seed, " + ComparisonOptions.DEFAULTS.seed()
                + " unless it sets one"));
        assertEquals(ComparisonOptions.DEFAULTS.seed(), (long) GatePolicy.DEFAULTS.seed(), "gate draws as compare");
    }

    /** The help of {@code args}, its wrapped lines joined again. */
    private static String help(String... args) {
        StringWriter out = new StringWriter();
        VerdictCommand.commandLine(out, new StringWriter()).execute(args);
        return String.join(" ", out.toString().lines().map(String::strip).toList());
    }

    private static void collect(CommandLine command, List<String> broken) {
        for (String line : command.getCommandSpec().usageMessage().description()) {
            // a trailing %n is picocli's own line break, not part of the sentence
            String text = line.replaceAll("(%n)+$", "").strip();
            if (!text.isEmpty() && !text.matches("(?s).*[.!?][)\"'`]?")) {
                broken.add(command.getCommandSpec().qualifiedName() + ": " + text);
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, broken));
    }
}
