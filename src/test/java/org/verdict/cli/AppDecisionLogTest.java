package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.settings.UserDataFolder;
import org.verdict.settings.UserSettings;

/**
 * The log commands that only read, given no --db: they read the app's decision log, found as the app finds it, and
 * say which file on standard error; the commands that write still need --db. The app's folder is the test's own.
 */
class AppDecisionLogTest {
    @TempDir
    Path dir;
    private Path home;
    private BoardCommandLine cli;
    private String homeBefore;

    @BeforeEach
    void ownHome() throws Exception {
        home = dir.resolve("verdict-home");
        homeBefore = System.getProperty(UserDataFolder.HOME_PROPERTY);
        System.setProperty(UserDataFolder.HOME_PROPERTY, home.toString());
        cli = new BoardCommandLine(dir);
        Files.writeString(dir.resolve("record.json"), LogCommandTest.RECORD);
    }

    @AfterEach
    void homeAsBefore() {
        if (homeBefore == null) {
            System.clearProperty(UserDataFolder.HOME_PROPERTY);
        } else {
            System.setProperty(UserDataFolder.HOME_PROPERTY, homeBefore);
        }
    }

    @Test
    void theReadingCommandsReadTheAppsLogAndNameIt() throws Exception {
        Path appsLog = home.resolve("decisions.db");
        append(appsLog);
        String named = "Decision log: " + appsLog + " (the app's; give --db for another)";

        assertEquals(0, cli.log("verify"), cli.err.toString());
        assertTrue(cli.out.toString().contains("intact: 1 record, "), cli.out.toString());
        assertEquals(named, lastLine(cli.err));

        Path checkpoint = dir.resolve("checkpoint.json");
        assertEquals(0, cli.log("checkpoint", "--out", checkpoint.toString()), cli.err.toString());
        assertEquals(named, lastLine(cli.err));
        append(appsLog);
        assertEquals(0, cli.log("consistency", "--checkpoint", checkpoint.toString()), cli.err.toString());
        assertTrue(cli.out.toString().contains("consistent: the log of 2 records extends the checkpoint of size 1"),
                cli.out.toString());
        assertEquals(0, cli.log("list"), cli.err.toString());
        assertEquals(named, lastLine(cli.err));
        assertEquals(0, cli.log("export", "--out", dir.resolve("export").toString()), cli.err.toString());
        try (var records = Files.list(dir.resolve("export/records"))) {
            assertEquals(2, records.count());
        }
        assertEquals(5, cli.err.toString().lines().filter(named::equals).count(), cli.err.toString());
    }

    /** The name goes to standard error: a printed checkpoint is the JSON alone, as with --db. */
    @Test
    void aPrintedCheckpointIsTheSameBytesWithoutDb() throws Exception {
        Path appsLog = home.resolve("decisions.db");
        append(appsLog);
        int before = cli.out.toString().length();
        assertEquals(0, cli.log("checkpoint", "--db", appsLog.toString()));
        String given = cli.out.toString().substring(before);
        before = cli.out.toString().length();
        assertEquals(0, cli.log("checkpoint"));
        assertEquals(given, cli.out.toString().substring(before));
        assertTrue(given.startsWith("{"), given);
    }

    /** After a decision signed in the app into a log of the signer's choosing, that log is the app's, as it shows it. */
    @Test
    void theLogTheAppLastSignedIntoIsTheOneRead() throws Exception {
        Path chosen = dir.resolve("board/decisions-2026.db");
        append(chosen);
        UserSettings settings = UserSettings.load(new UserDataFolder(home).settingsFile());
        settings.decisionSigned(chosen, Path.of(cli.keyFile("ada-lovelace")));
        settings.save();

        assertEquals(0, cli.log("verify"), cli.err.toString());
        assertEquals("Decision log: " + chosen + " (the app's; give --db for another)", lastLine(cli.err));
    }

    @Test
    void withoutTheAppsLogTheyExitTwoSayingHowToGiveOne() {
        Path appsLog = home.resolve("decisions.db");
        for (String command : new String[] {"verify", "list", "checkpoint", "export", "consistency"}) {
            int before = cli.err.toString().length();
            String[] args = switch (command) {
                case "export" -> new String[] {command, "--out", dir.resolve("export").toString()};
                case "consistency" -> new String[] {command, "--checkpoint", dir.resolve("c.json").toString()};
                default -> new String[] {command};
            };
            assertEquals(2, cli.log(args), command);
            assertEquals("error: no --db given, and the app's decision log " + appsLog + " does not exist (no decision"
                    + " was signed in the app with this user folder): give the log to read with --db DB",
                    cli.err.toString().substring(before).strip(), command);
        }
        assertFalse(Files.exists(home), "nothing made in the app's folder");
    }

    @Test
    void theWritingCommandsStillNeedDb() throws Exception {
        append(home.resolve("decisions.db"));
        for (String[] args : new String[][] {
                {"append", "--record", dir.resolve("record.json").toString(), "--key", cli.keyFile("ada-lovelace"),
                        "--passphrase-file", cli.passphrase.toString()},
                {"cosign", "--id", "1", "--key", cli.keyFile("joan-clarke"), "--passphrase-file",
                        cli.passphrase.toString()},
                {"restore-guard", "--checkpoint", dir.resolve("c.json").toString()}}) {
            int before = cli.err.toString().length();
            assertEquals(2, cli.log(args), args[0]);
            assertTrue(cli.err.toString().substring(before).contains("Missing required option: '--db=DB'"),
                    cli.err.toString());
        }
    }

    private void append(Path log) throws Exception {
        Files.createDirectories(log.getParent());
        assertEquals(0, cli.log("append", "--db", log.toString(), "--record", dir.resolve("record.json").toString(),
                "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", cli.passphrase.toString()),
                cli.err.toString());
    }

    private static String lastLine(java.io.StringWriter err) {
        var lines = err.toString().lines().toList();
        return lines.get(lines.size() - 1);
    }
}
