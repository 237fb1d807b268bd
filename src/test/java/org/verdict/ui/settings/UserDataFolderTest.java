package org.verdict.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one place the Verdict folder is decided. Java's user.home comes from the password database on Linux and
 * macOS, not from HOME: a user, a test or a CI job that sets HOME must not have Verdict write into the real home.
 */
class UserDataFolderTest {
    private static final String PASSWD_HOME = "/home/from-passwd";

    @TempDir
    Path dir;

    @Test
    void homeFromTheEnvironmentWinsOverJavasUserHome() {
        assertEquals(Path.of("/tmp/ci-home/.verdict"),
                UserDataFolder.resolve(null, Map.of("HOME", "/tmp/ci-home"), PASSWD_HOME).root());
        assertEquals(Path.of("/tmp/ci-home"), UserDataFolder.userHome(Map.of("HOME", "/tmp/ci-home/"), PASSWD_HOME));
    }

    @Test
    void anUnsetBlankOrRelativeHomeFallsBackToJavasUserHome() {
        assertEquals(Path.of(PASSWD_HOME, ".verdict"), UserDataFolder.resolve(null, Map.of(), PASSWD_HOME).root());
        assertEquals(Path.of(PASSWD_HOME, ".verdict"),
                UserDataFolder.resolve(null, Map.of("HOME", " "), PASSWD_HOME).root());
        assertEquals(Path.of(PASSWD_HOME, ".verdict"),
                UserDataFolder.resolve(null, Map.of("HOME", "relative/home"), PASSWD_HOME).root());
    }

    @Test
    void verdictHomeVariableAndThenThePropertyChooseTheFolderItself() {
        Map<String, String> environment = Map.of("HOME", "/tmp/ci-home", "VERDICT_HOME", "/srv/verdict-data");
        assertEquals(Path.of("/srv/verdict-data"), UserDataFolder.resolve(null, environment, PASSWD_HOME).root());
        assertEquals(Path.of("/opt/portable/data"),
                UserDataFolder.resolve("/opt/portable/data", environment, PASSWD_HOME).root());
        assertEquals(Path.of("/tmp/ci-home/.verdict"),
                UserDataFolder.resolve(" ", Map.of("HOME", "/tmp/ci-home", "VERDICT_HOME", ""), PASSWD_HOME).root());
        assertEquals(Path.of("").toAbsolutePath().resolve("data"),
                UserDataFolder.resolve(null, Map.of("VERDICT_HOME", "data"), PASSWD_HOME).root(),
                "a relative VERDICT_HOME is taken from the current folder, once");
    }

    /** In a real process: HOME is a temporary folder and neither the property nor VERDICT_HOME is set. */
    @Test
    void aProcessStartedWithHomeSetUsesItsVerdictFolder() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PrintDataFolder.class.getName());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove(UserDataFolder.HOME_VARIABLE);
        Process child = builder.redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not end within a minute");
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, child.exitValue(), printed);
        assertEquals(home.resolve(".verdict").toString(), printed, "not " + System.getProperty("user.home"));
    }

    /** What {@link UserDataFolder#fromSystem()} gives in a fresh process. */
    public static final class PrintDataFolder {
        public static void main(String[] args) {
            System.out.println(UserDataFolder.fromSystem().root());
        }
    }
}
