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

    /** Neither command takes --effect: the help says where the tolerances, E among them, are set instead. */
    @Test
    void gateAndReportHelpSayTheTolerancesAreThePolicysAndNameTheKeyOfE() {
        for (String command : List.of("gate", "report")) {
            // picocli may wrap a line after the dot of a key (primary.⏎margin), which joining the lines spaces out
            String help = help(command, "--help").replaceAll("\\.\\s+(?=[a-z])", ".");
            assertTrue(help.contains("Every tolerance is the policy's, set in policy.json, not by an option: "
                    + "primary.margin (primary metric and slices), languageParity.tolerance (E, default "
                    + ComparisonOptions.DEFAULTS.minDetectableEffect() + ": language parity,"), help);
            assertTrue(help.contains("compare's --effect does not apply."), help);
            assertEquals(ComparisonOptions.DEFAULTS.minDetectableEffect(),
                    GatePolicy.DEFAULTS.languageParity().tolerance(), "the default the help names is the policy's");
        }
    }

    /**
     * Every command's help, the command groups' (key, log) and their subcommands' alike, ends its description with
     * its exit codes, and gives the same codes for a refusal, 141 among them (README: "Every command has --help,
     * which ends its description with these exit codes").
     */
    @Test
    void everyCommandsHelpEndsWithItsExitCodes() {
        List<String> missing = new ArrayList<>();
        List<String> walked = new ArrayList<>();
        exitCodes(VerdictCommand.commandLine(new StringWriter(), new StringWriter()), walked, missing);
        assertTrue(walked.containsAll(List.of("verdict key", "verdict key new", "verdict key signer-file", "verdict log",
                "verdict log verify", "verdict compare")), "walked: " + walked);
        assertTrue(missing.isEmpty(), "help whose description does not end with the exit codes: " + missing);
        assertTrue(help("log", "--help").contains(ExitCodes.REFUSALS), "the codes reach the printed help");
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

    /**
     * The commands, subcommands included (picocli's own help command aside), whose description's last line is not
     * "Exit codes: …" with the refusal codes every command shares.
     */
    private static void exitCodes(CommandLine command, List<String> walked, List<String> missing) {
        String name = command.getCommandSpec().qualifiedName();
        walked.add(name);
        String[] description = command.getCommandSpec().usageMessage().description();
        String last = description.length == 0 ? "" : description[description.length - 1];
        if (!last.startsWith("Exit codes: ") || !last.contains(ExitCodes.REFUSALS)) {
            missing.add(name + ": " + last);
        }
        command.getSubcommands().forEach((sub, subcommand) -> {
            if (!subcommand.getCommandSpec().userObject().getClass().equals(CommandLine.HelpCommand.class)) {
                exitCodes(subcommand, walked, missing);
            }
        });
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
