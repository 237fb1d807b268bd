package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.cli.exit.ExitCodes;

/**
 * {@code verdict PACK} opens the app on the pack; any other word that is no command, or an option it cannot take, gets
 * one line and the way on.
 */
class OpenPackArgumentTest {
    @TempDir
    Path dir;

    @Test
    void anExistingPackFolderOrZipAloneOpensTheApp() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("churn"));
        Path zip = Files.writeString(dir.resolve("churn.ZIP"), "not read here");
        Path text = Files.writeString(dir.resolve("notes.txt"), "no pack");
        assertTrue(VerdictCommand.opensPackInApp(folder.toString()));
        assertTrue(VerdictCommand.opensPackInApp(zip.toString()));
        assertTrue(VerdictCommand.opensPackInApp("sample-data/support-router"));
        assertFalse(VerdictCommand.opensPackInApp(text.toString()), "a file that is no .zip");
        assertFalse(VerdictCommand.opensPackInApp(dir.resolve("gone").toString()), "a pack that is not there");
        assertFalse(VerdictCommand.opensPackInApp(folder.toString(), "--json"), "more than the pack");
        assertFalse(VerdictCommand.opensPackInApp("compare"), "a command");
        assertFalse(VerdictCommand.opensPackInApp("--help"), "an option");
    }

    /** A pack of more slice values than the default limit opens in the app with the limit raised after it. */
    @Test
    void theAppTakesRaisedLimitsAfterThePack() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("postcodes"));
        AppStart.Opening opening = AppStart.of(folder.toString(), "--max-slice-values", "5000", "--max-slices=6000")
                .orElseThrow();
        assertEquals(folder, opening.pack());
        assertEquals(List.of(5000, 6000), List.of(opening.limits().maxValuesPerSliceColumn(),
                opening.limits().maxSliceValues()));
        assertTrue(VerdictCommand.opensPackInApp(folder.toString(), "--max-slice-values", "5000"));
        assertFalse(VerdictCommand.opensPackInApp(folder.toString(), "--max-slice-values", "0"), "no limit below 1");

        // the pack is there: the message says what the app takes, not that the folder does not exist
        List<String> lines = refused(folder.toString(), "--json");
        assertTrue(lines.get(0).startsWith("error: the app opens '" + folder + "' with verdict PACK and takes after it"
                + " only --max-slice-values N, --max-slices N, --max-suite-rows N"), lines.toString());
        assertFalse(String.join("\n", lines).contains("neither a command nor an existing"), lines.toString());
    }

    @Test
    void aWordThatIsNeitherCommandNorPackIsOneLineAndAHintNotTheUsage() {
        String missing = dir.resolve("no-such-pack").toString();
        List<String> lines = refused(missing);
        assertEquals("error: '" + missing + "' is neither a command nor an existing pack folder or .zip",
                lines.get(0));
        assertEquals("To open a pack in the app: verdict PACK; commands: verdict --help", lines.get(lines.size() - 1));
        assertEquals(2, lines.size(), String.join("\n", lines));

        List<String> typo = refused("comapre");
        assertTrue(typo.stream().anyMatch(line -> line.contains("compare")), "picocli's suggestion stays: " + typo);
        assertFalse(String.join("\n", typo).contains("Usage:"), typo.toString());
    }

    @Test
    void aWrongOptionIsOneErrorLineAndWhereTheOptionsAreNotTheUsage() {
        List<String> lines = refused("compare", "--effect", "abc", "sample-data/support-router");
        assertEquals(List.of("error: Invalid value for option '--effect': 'abc' is not a double",
                "Options: verdict compare --help"), lines);
    }

    /** picocli takes the word after an unknown option for the pack and called the real pack unknown too. */
    @Test
    void anUnknownOptionIsNamedAloneNotThePackAfterIt() {
        assertEquals(List.of("error: Unknown option: '--bogus'", "Options: verdict compare --help"),
                refused("compare", "--bogus", "x", "sample-data/support-router"));
        assertEquals(List.of("error: Unknown option: '--bogus'", "Options: verdict gate --help"),
                refused("gate", "sample-data/support-router", "--bogus", "x"));
    }

    /** {@code verdict audit --help} printed the whole usage with exit 0, as if audit were a command. */
    @Test
    void aWordThatIsNoCommandIsRefusedBesideHelpAsWithoutIt() {
        List<String> alone = refused("audit");
        assertEquals("error: 'audit' is neither a command nor an existing pack folder or .zip", alone.get(0));
        assertEquals(alone, refused("audit", "--help"));
        assertEquals(alone, refused("audit", "--version"));
        assertEquals(refused("log", "bogus"), refused("log", "bogus", "--help"));
    }

    /**
     * What a first-time user types, refused in words that name what they gave and what the command takes, never
     * picocli's "Unmatched argument at index 2" or a bare "Missing required option: '--db=DB'".
     */
    @Test
    void aFirstTimeUsersMistakesAreNamedWithTheWayOn() {
        assertEquals(List.of("error: 'decisions.db' was taken as an argument verdict log append does not take, and it"
                + " needs --db DB: give it as --db decisions.db (verdict log append --db decisions.db)",
                "Options: verdict log append --help"), refused("log", "append", "decisions.db", "--record", "r.json", "--key", "k.json"));
        assertEquals(List.of("error: 'decisions.db' is not an argument verdict log verify takes: it takes options"
                + " only; a log is given as --db decisions.db (verdict log verify --db decisions.db)",
                "Options: verdict log verify --help"), refused("log", "verify", "decisions.db"));
        assertEquals(List.of("error: 'extra' is not an argument verdict log verify takes: it takes options only",
                "Options: verdict log verify --help"), refused("log", "verify", "--db", "x.db", "extra"));
        assertEquals(List.of("error: 'extra' is not an argument verdict compare takes: it takes only PACK and options",
                "Options: verdict compare --help"), refused("compare", "sample-data/support-router", "extra"));
        List<String> generate = refused("key", "generate");
        assertTrue(generate.get(0).startsWith("error: 'generate' is not a command of verdict key; its commands: new"
                + " (Make an Ed25519 key pair"), generate.toString());
        assertEquals(List.of("error: Unknown option: '--confidnce'", "Possible solutions: --confidence, --correction",
                "Options: verdict compare --help"), refused("compare", "sample-data/support-router", "--confidnce", "0.9"));
    }

    /** The tool's own help says that no argument, or a pack, opens the app. */
    @Test
    void theToolsHelpSaysHowToOpenTheApp() {
        StringWriter out = new StringWriter();
        assertEquals(ExitCodes.OK, VerdictCommand.commandLine(out, new StringWriter(), "--help").execute("--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("Without a command, verdict opens the desktop app; verdict PACK (a pack folder or"
                + " .zip) opens the app on that pack"), help);
    }

    /** Every command's --help is its own usage, never the whole tool's. */
    @Test
    void everyCommandsHelpIsItsOwnUsage() {
        List<List<String>> commands = new java.util.ArrayList<>();
        collect(VerdictCommand.commandLine(new StringWriter(), new StringWriter()), List.of(), commands);
        assertTrue(commands.size() > 20, commands.toString());
        for (List<String> command : commands) {
            List<String> args = new java.util.ArrayList<>(command);
            args.add("--help");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] words = args.toArray(String[]::new);
            assertEquals(ExitCodes.OK, VerdictCommand.commandLine(out, err, words).execute(words), args + ": " + err);
            assertTrue(out.toString().startsWith("Usage: verdict " + String.join(" ", command) + " "),
                    args + ": " + out);
        }
    }

    private static void collect(picocli.CommandLine parent, List<String> path,
                                List<List<String>> commands) {
        parent.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> here = new java.util.ArrayList<>(path);
            here.add(name);
            commands.add(here);
            collect(sub, here, commands);
        });
    }

    private static List<String> refused(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.BAD_INPUT, VerdictCommand.commandLine(out, err, args).execute(args));
        assertEquals("", out.toString());
        return err.toString().lines().toList();
    }
}
