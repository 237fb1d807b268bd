package org.verdict.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one place the Verdict folder is decided. Java's user.home comes from the password database on Linux and
 * macOS, not from HOME: a user, a test or a CI job that sets HOME must not have Verdict write into the real home.
 */
class UserDataFolderTest {
    private static final String PASSWD_HOME = "/home/from-passwd";

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
}
