package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.pack.PackFixture;

/**
 * A pack with one bad file is refused alike by validate, compare, gate and report: exit 2, one message that names the
 * file, line and column, and nothing written (report's --out folder is never made, the pack is left as it was).
 */
class BadPackInputTest {
    @TempDir
    Path folder;

    /** The bad file (its name, its bytes) and the message's start after "error: PACK/". */
    static Stream<Arguments> badPacks() {
        return Stream.of(
                Arguments.of("manifest.json", new byte[0], "manifest.json, line 1, column 1: is empty (0 bytes)"),
                Arguments.of("manifest.json", PackFixture.MULTICLASS_MANIFEST.replace("[\"gender\"]}}",
                        "[\"gender\"]},}").getBytes(StandardCharsets.UTF_8),
                        "manifest.json, line 11, column 98: is not valid JSON: the comma before this }"),
                Arguments.of("primary.csv", PackFixture.MULTICLASS_CSV.replace("e3,account,de",
                        "e3,account,Zürich").getBytes(StandardCharsets.ISO_8859_1),
                        "primary.csv, line 4, column 3: (language) character 2 of this value, byte 0xFC, is not UTF-8"),
                Arguments.of("primary.csv", PackFixture.MULTICLASS_CSV.replace("e4,billing,de",
                        "e4,billing," + "x".repeat(2_000)).getBytes(StandardCharsets.UTF_8),
                        "primary.csv, line 5, column 3: (language) value is 2,000 characters long"),
                Arguments.of("primary.csv", "\n\n  \n".getBytes(StandardCharsets.UTF_8),
                        "primary.csv, line 3: the header names no column"));
    }

    @ParameterizedTest
    @MethodSource("badPacks")
    void everyCommandRefusesAtTheFileLineAndColumnAndWritesNothing(String file, byte[] bytes, String message)
            throws IOException {
        Path pack = PackFixture.write(folder.resolve("pack"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV);
        Files.write(pack.resolve(file), bytes);
        List<Path> before = listing(folder);
        Path out = folder.resolve("out");
        for (List<String> command : List.of(List.of("validate"), List.of("compare"), List.of("gate"),
                List.of("report", "--out", out.toString()))) {
            String[] args = Stream.concat(command.stream().limit(1), Stream.concat(Stream.of(pack.toString()),
                    command.stream().skip(1))).toArray(String[]::new);
            CliRun run = CliRun.verdict(args);
            String expected = "error: " + pack + File.separator + message;
            assertEquals(List.of(ExitCodes.BAD_INPUT, expected), List.of(run.exitCode(),
                    run.err().substring(0, Math.min(run.err().length(), expected.length()))), command + ": " + run.err());
            assertEquals(1, run.err().lines().count(), "one message: " + run.err());
            assertFalse(Files.exists(out), command + " wrote " + out);
            assertEquals(before, listing(folder), command + " left the pack's folder as it was");
        }
    }

    private static List<Path> listing(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
