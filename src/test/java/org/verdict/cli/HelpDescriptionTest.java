package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
        StringWriter out = new StringWriter();
        VerdictCommand.commandLine(out, new StringWriter()).execute("compare", "--help");
        String help = String.join(" ", out.toString().lines().map(String::strip).toList());

        assertTrue(help.contains("Δ = candidate − production with a paired interval and test, the p-values adjusted"
                + " across slices, and a verdict per slice."), out.toString());
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
