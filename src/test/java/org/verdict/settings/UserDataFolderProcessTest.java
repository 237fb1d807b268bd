package org.verdict.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.ChildJvmTest;

/** {@link UserDataFolder} in a fresh JVM, where Java's user.home is the password database's and HOME is not. */
@ChildJvmTest
class UserDataFolderProcessTest {
    @TempDir
    Path dir;

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
