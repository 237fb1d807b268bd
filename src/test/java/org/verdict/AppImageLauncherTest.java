package org.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code packaging/app-launcher.sh}, the Linux app image's {@code bin/Verdict}, in an app image laid out as jpackage
 * makes it, whose {@code lib/runtime/bin/java} (started through the link {@code lib/runtime/bin/Verdict}) is a
 * stand-in that prints the name it was started by, its working folder, {@code LD_LIBRARY_PATH}, what it reads from
 * descriptor 9 and its arguments, one per line, and exits with 7.
 */
class AppImageLauncherTest {
    private static final int STAND_IN_EXIT = 7;
    private static final String JAR_TEXT = "the app's jar";
    /** The first of the stand-in's lines that are its arguments. */
    private static final int FIRST_ARGUMENT = 4;

    @TempDir
    Path folder;

    private Path image;

    @BeforeEach
    void layOutImage() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        image = Files.createDirectories(folder.resolve("Verdict")).toRealPath();
        Path bin = Files.createDirectories(image.resolve("bin"));
        Files.copy(Path.of("packaging", "app-launcher.sh"), bin.resolve("Verdict"));
        assertTrue(bin.resolve("Verdict").toFile().setExecutable(true));
        Path runtimeBin = Files.createDirectories(image.resolve("lib/runtime/bin"));
        Path java = runtimeBin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"${0##*/}\"\npwd -P\nprintf '%s\\n' \"$LD_LIBRARY_PATH\"\n"
                + "printf '%s\\n' \"$(cat /dev/fd/9 2>/dev/null)\"\n"
                + "for argument in \"$@\"; do printf '%s\\n' \"$argument\"; done\nexit " + STAND_IN_EXIT + "\n");
        assertTrue(java.toFile().setExecutable(true));
        // build-native.sh's link, which names the process after the app
        Files.createSymbolicLink(runtimeBin.resolve("Verdict"), Path.of("java"));
        // As jpackage writes it, with the folder names the native launcher expands.
        writeConfiguration("""
                [Application]
                app.classpath=$APPDIR/verdict.jar
                app.mainclass=org.verdict.Launcher

                [JavaOptions]
                java-options=-Xmx2g
                java-options=-XX:SharedArchiveFile=$APPDIR/verdict.jsa
                java-options=-Dboth=$APPDIR:$ROOTDIR/lib:$BINDIR
                java-options=-Dtitle=two words
                """);
        Files.writeString(image.resolve("lib/app/verdict.jar"), JAR_TEXT);
    }

    @Test
    void startsTheRuntimeWithTheConfigurationsOptionsAndPassesTheArgumentsAndExitCodeOn() throws Exception {
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere")).toRealPath();
        Started started = start(image.resolve("bin/Verdict"), elsewhere, "gate", "a pack", "", "*");

        assertEquals(STAND_IN_EXIT, started.exitCode, started.lines.toString());
        String app = image.resolve("lib/app").toString();
        assertEquals("Verdict", started.lines.get(0), "the process is named after the app");
        assertEquals(elsewhere.toString(), started.lines.get(1), "the JVM's working folder is the caller's");
        assertEquals(List.of("-Xmx2g", "-XX:SharedArchiveFile=" + app + "/verdict.jsa",
                        "-Dboth=" + app + ":" + image + "/lib:" + image + "/bin", "-Dtitle=two words",
                        "-Djpackage.app-path=" + image + "/bin/Verdict", "-cp", "/dev/fd/9",
                        "org.verdict.Launcher", "gate", "a pack", "", "*"),
                started.lines.subList(FIRST_ARGUMENT, started.lines.size()));
    }

    /** The archive records the class path: /dev/fd/9 names the jar of whichever image starts, wherever it lies. */
    @Test
    void theJarIsPassedOpenOnDescriptorNineSoThatAMovedImageNamesItAlike() throws Exception {
        Path moved = folder.resolve("moved");
        Files.move(image, moved);
        Files.writeString(moved.resolve("lib/app/verdict.jar"), "the moved image's jar");
        Started started = start(moved.resolve("bin/Verdict"), folder);

        assertEquals(STAND_IN_EXIT, started.exitCode, started.lines.toString());
        assertEquals("the moved image's jar", started.lines.get(3));
        int classPath = started.lines.indexOf("-cp") + 1;
        assertEquals("/dev/fd/9", started.lines.get(classPath));
    }

    @Test
    void aClassPathOfSeveralEntriesOrAMissingJarIsPassedAsWritten() throws Exception {
        writeConfiguration("[Application]\napp.classpath=$APPDIR/verdict.jar\napp.classpath=$APPDIR/more.jar\n"
                + "app.mainclass=org.verdict.Launcher\n");
        String app = image.resolve("lib/app").toString();
        Started several = start(image.resolve("bin/Verdict"), folder);
        assertEquals(app + "/verdict.jar:" + app + "/more.jar", several.lines.get(several.lines.indexOf("-cp") + 1));

        writeConfiguration("[Application]\napp.classpath=$APPDIR/missing.jar\napp.mainclass=org.verdict.Launcher\n");
        Started missing = start(image.resolve("bin/Verdict"), folder);
        assertEquals(app + "/missing.jar", missing.lines.get(missing.lines.indexOf("-cp") + 1),
                "the JVM says that the jar is missing");
        assertEquals("", missing.lines.get(3));
    }

    @Test
    void aLinkToTheLauncherStartsTheImageItPointsTo() throws Exception {
        Path links = Files.createDirectories(folder.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("verdict-app"), image.resolve("bin/Verdict"));
        Started started = start(link, links);

        assertEquals(STAND_IN_EXIT, started.exitCode, started.lines.toString());
        assertTrue(started.lines.contains("-Djpackage.app-path=" + image + "/bin/Verdict"), started.lines.toString());
        assertEquals(JAR_TEXT, started.lines.get(3), "the jar of the image the link points to");
    }

    @Test
    void aRelativePathIsTakenFromTheWorkingFolderWhateverCdpathSays() throws Exception {
        Path decoy = Files.createDirectories(folder.resolve("decoy"));
        Files.createDirectories(decoy.resolve("bin"));
        Started started = start(Path.of("bin", "Verdict"), image, Map.of("CDPATH", decoy.toString()));

        assertEquals(STAND_IN_EXIT, started.exitCode, started.lines.toString());
        assertTrue(started.lines.contains("-Djpackage.app-path=" + image + "/bin/Verdict"), started.lines.toString());
    }

    @Test
    void libAppIsAddedToTheLibraryPathTheCallerSet() throws Exception {
        Started started = start(image.resolve("bin/Verdict"), folder, Map.of("LD_LIBRARY_PATH", "/opt/lib"));

        assertEquals("/opt/lib:" + image + "/lib/app", started.lines.get(2));
    }

    @Test
    void aSettingTheLauncherDoesNotKnowStopsItWithTheLineThatHasIt() throws Exception {
        writeConfiguration("[Application]\napp.classpath=$APPDIR/verdict.jar\napp.mainclass=org.verdict.Launcher\n"
                + "app.splash=$APPDIR/splash.png\n");
        Started started = start(image.resolve("bin/Verdict"), folder);

        assertEquals(1, started.exitCode);
        assertEquals(List.of("Verdict: " + image + "/lib/app/Verdict.cfg, line 4, column 1: this launcher does not know"
                + " \"app.splash\""), started.lines);
    }

    private void writeConfiguration(String text) throws IOException {
        Path app = Files.createDirectories(image.resolve("lib/app"));
        Files.writeString(app.resolve("Verdict.cfg"), text, StandardCharsets.UTF_8);
    }

    private record Started(int exitCode, List<String> lines) {}

    private Started start(Path launcher, Path workingFolder, String... arguments) throws Exception {
        return start(launcher, workingFolder, Map.of(), arguments);
    }

    /** Runs the launcher as a desktop would (its path as the command), {@code environment} added to the JVM's. */
    private Started start(Path launcher, Path workingFolder, Map<String, String> environment, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile());
        builder.environment().remove("LD_LIBRARY_PATH");
        builder.environment().putAll(environment);
        Path output = folder.resolve("launched.txt");
        Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Started(process.exitValue(), Files.readAllLines(output));
    }
}
