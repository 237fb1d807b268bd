package org.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM settings {@code packaging/verdict} picks for a command: a stand-in {@code java} first on the PATH prints the
 * arguments the launcher would start the real one with.
 */
class LauncherScriptTest {
    /** Above the launcher's 96 MB limit for the client compiler on row-level packs. */
    private static final int LARGE = 97 << 20;
    /** Below that limit: the 1,000,000-row benchmark pack is 67 MB. */
    private static final int MIDDLE = 67 << 20;

    @TempDir
    Path folder;

    @Test
    void aLargeRowLevelPackKeepsC2() throws Exception {
        Path pack = pack("rows", "{\"format\": \"verdict-pack/1\"}", LARGE);
        List<String> options = launched("compare", pack.toString(), "--json");
        assertFalse(options.contains("-XX:TieredStopAtLevel=1"), options.toString());
        assertTrue(options.contains("-XX:FreqInlineSize=100"), options.toString());
    }

    @Test
    void aRowLevelPackUpTo96MbRunsWithTheClientCompiler() throws Exception {
        Path pack = pack("rows", "{\"format\": \"verdict-pack/1\"}", MIDDLE);
        List<String> options = launched("compare", pack.toString(), "--json");
        assertTrue(options.contains("-XX:TieredStopAtLevel=1"), options.toString());
        assertFalse(options.contains("-XX:FreqInlineSize=100"), options.toString());
        assertTrue(options.contains("-XX:+UseSerialGC"), options.toString());
    }

    @Test
    void withTheClientCompilerAPackAbove16MbHasTheComparisonsOwnMethodsCompiledAtATenthOfTheUsualCounts()
            throws Exception {
        Path pack = pack("rows", "{\"format\": \"verdict-pack/1\"}", MIDDLE);
        List<String> options = launched("compare", pack.toString(), "--json");
        for (String classes : List.of("org.verdict.core.compare.*", "org.verdict.core.stats.*")) {
            assertTrue(options.contains("-XX:CompileCommand=CompileThresholdScaling," + classes + "::*,0.1"),
                    options.toString());
        }
        // the sample packs' size (3 MB), and a pack where C2 compiles, keep the usual counts
        for (int bytes : new int[] {3 << 20, LARGE}) {
            Path other = pack("other" + bytes, "{\"format\": \"verdict-pack/1\"}", bytes);
            List<String> kept = launched("gate", other.toString());
            assertTrue(kept.stream().noneMatch(option -> option.startsWith("-XX:CompileCommand")), kept.toString());
        }
    }

    @Test
    void theCompileCommandsWriteNothingToStandardOutput() throws Exception {
        // the JVM echoes each CompileCommand on standard output unless told to be quiet: it would corrupt --json
        Path pack = pack("rows", "{\"format\": \"verdict-pack/1\"}", MIDDLE);
        List<String> commands = launched("compare", pack.toString(), "--json").stream()
                .filter(option -> option.startsWith("-XX:CompileCommand")).toList();
        assertFalse(commands.isEmpty());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString());
        builder.command().addAll(commands);
        builder.command().add("-version");
        Path output = folder.resolve("stdout.txt");
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(output.toFile())
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertEquals("", Files.readString(output));
    }

    @Test
    void onlyAPackAbove256MbRunsG1WithAFixedMarkingThreshold() throws Exception {
        Path small = pack("small", "{\"format\": \"verdict-pack/1\"}", LARGE);
        List<String> options = launched("compare", small.toString(), "--json");
        assertTrue(options.contains("-XX:+UseSerialGC"), options.toString());
        assertFalse(options.contains("-XX:-G1UseAdaptiveIHOP"), options.toString());

        Path huge = pack("huge", "{\"format\": \"verdict-pack/1\"}", 257 << 20);
        options = launched("compare", huge.toString(), "--json");
        assertFalse(options.contains("-XX:+UseSerialGC"), options.toString());
        assertTrue(options.containsAll(List.of("-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=75")),
                options.toString());
    }

    @Test
    void aPackAbove256MbStartsWithTheHeapItsRowsNeedUnlessJavaOptsSizeTheHeap() throws Exception {
        Path memory = Path.of("/proc/meminfo");
        assumeTrue(Files.isReadable(memory), "the machine's memory in /proc/meminfo");
        long memoryKb = Long.parseLong(Files.readAllLines(memory).get(0).replaceAll("[^0-9]", ""));
        assumeTrue(memoryKb / 4 >= 1 << 20, "a quarter of the memory at least 1 GB");
        Path huge = pack("huge", "{\"format\": \"verdict-pack/1\"}", 257 << 20);

        List<String> options = launched("compare", huge.toString(), "--json");
        // three times the pack folder's 257 MB, rounded up to a whole gigabyte
        assertEquals(List.of("-Xms1024m"), options.stream().filter(option -> option.startsWith("-Xms")).toList(),
                options.toString());

        for (String own : List.of("-Xmx1g", "-Xms512m", "-XX:MaxRAMPercentage=50")) {
            options = launchedWith(own, "compare", huge.toString(), "--json");
            assertTrue(options.stream().noneMatch(option -> option.startsWith("-Xms") && !option.equals(own)),
                    options.toString());
            assertTrue(options.contains(own), options.toString());
        }
    }

    @Test
    void aSummaryPackRunsWithTheClientCompilerWhateverItsSize() throws Exception {
        Path pack = pack("summary", "{\"format\": \"verdict-pack/1\",\n \"summary\": {\"format\": \"verdict-summary/1\"}}",
                LARGE);
        List<String> options = launched("compare", pack.toString(), "--json");
        assertTrue(options.contains("-XX:TieredStopAtLevel=1"), options.toString());
        assertTrue(options.contains("-XX:+UseSerialGC"), options.toString());
        assertEquals(List.of("compare", pack.toString(), "--json"), options.subList(options.size() - 3, options.size()));
    }

    @Test
    void aSummaryPackBesideALargeRowLevelPackDoesNotHideIt() throws Exception {
        Path summary = pack("summary", "{\"summary\": {\"format\": \"verdict-summary/1\"}}", 0);
        Path rows = pack("rows", "{\"format\": \"verdict-pack/1\"}", LARGE);
        List<String> options = launched("compare", summary.toString(), rows.toString());
        assertFalse(options.contains("-XX:TieredStopAtLevel=1"), options.toString());
    }

    @Test
    void transparentHugePagesAreLeftToTheUser() throws Exception {
        Path small = pack("small", "{\"format\": \"verdict-pack/1\"}", 0);
        Path huge = pack("huge", "{\"format\": \"verdict-pack/1\"}", 257 << 20);
        for (List<String> options : List.of(launched("gate", small.toString()),
                launched("compare", huge.toString(), "--json"))) {
            assertFalse(options.stream().anyMatch(option -> option.contains("TransparentHugePages")),
                    options.toString());
        }
        assertTrue(launchedWith("-XX:+UseTransparentHugePages", "compare", huge.toString(), "--json")
                .contains("-XX:+UseTransparentHugePages"));
    }

    /** A pack folder of about {@code bytes} whose manifest is {@code manifest}. */
    private Path pack(String name, String manifest, int bytes) throws IOException {
        Path pack = Files.createDirectories(folder.resolve(name));
        Files.writeString(pack.resolve("manifest.json"), manifest, StandardCharsets.UTF_8);
        byte[] megabyte = new byte[Math.min(bytes, 1 << 20)];
        try (OutputStream out = Files.newOutputStream(pack.resolve("primary.csv"))) {
            for (int written = 0; written < bytes; written += megabyte.length) {
                out.write(megabyte); // written, not a sparse file: the launcher asks du for the blocks used
            }
        }
        return pack;
    }

    /** The arguments packaging/verdict passes to java, one per line, as the stand-in printed them. */
    private List<String> launched(String... arguments) throws Exception {
        return launchedWith(null, arguments);
    }

    /** As {@link #launched(String...)}, with {@code javaOpts} as JAVA_OPTS (none when null). */
    private List<String> launchedWith(String javaOpts, String... arguments) throws Exception {
        Path shell = Path.of("/bin/sh");
        Path launcher = Path.of("packaging", "verdict").toAbsolutePath();
        assumeTrue(Files.isExecutable(shell) && Files.isRegularFile(launcher), "a POSIX shell and the launcher");
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor argument in \"$@\"; do printf '%s\\n' \"$argument\"; done\n");
        assertTrue(java.toFile().setExecutable(true));
        Path jar = folder.resolve("verdict.jar");
        Files.write(jar, new byte[0]);
        Path output = folder.resolve("launched.txt");
        ProcessBuilder builder = new ProcessBuilder(shell.toString(), launcher.toString());
        builder.command().addAll(List.of(arguments));
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("VERDICT_JAR", jar.toString());
        builder.environment().remove("VERDICT_JIT");
        builder.environment().remove("JAVA_OPTS");
        if (javaOpts != null) {
            builder.environment().put("JAVA_OPTS", javaOpts);
        }
        Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), Files.readString(output));
        return Files.readAllLines(output);
    }
}
