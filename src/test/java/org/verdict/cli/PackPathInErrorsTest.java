package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.exit.PackErrorText;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackFixture;

/** Every command that reads a pack names a file inside it with the pack as the user gave it. */
class PackPathInErrorsTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return VerdictCommand.commandLine(out, err).execute(args);
    }

    /** A multiclass pack whose fifth line repeats the id of the second. */
    private Path brokenPack(String name) {
        return PackFixture.write(temp.resolve(name), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace("e4,", "e1,"));
    }

    @Test
    void aFileInsideAFolderPackIsNamedUnderThePathAsGiven() throws PackException {
        PackException error = new PackException("primary.csv", 5, 3, "label 'x' is not a class");

        assertEquals("packs/nfd/primary.csv, line 5, column 3: label 'x' is not a class",
                PackErrorText.of(Path.of("packs/nfd"), error));
    }

    @Test
    void validateCompareGateAndReportNameTheFolderOfTheBrokenFile() {
        Path pack = brokenPack("nfd");
        String where = pack.resolve("primary.csv") + ", line 5, column 1:";
        List<List<String>> commands = List.of(List.of("validate", pack.toString()),
                List.of("compare", pack.toString()), List.of("gate", pack.toString()),
                List.of("report", pack.toString(), "--out", temp.resolve("report").toString()));
        for (List<String> command : commands) {
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.BAD_INPUT, run(command.toArray(String[]::new)), command + ": " + err);
            assertTrue(err.toString().contains(where), command + ": " + err);
        }
        assertTrue(Files.notExists(temp.resolve("report").resolve("approval-pack.html")));
    }

    @Test
    void aFileInsideAZipPackIsNamedAfterTheZip() throws IOException {
        Path folder = brokenPack("nfd");
        Path zip = temp.resolve("nfd.zip");
        try (ZipOutputStream zipOut = new ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                zipOut.putNextEntry(new ZipEntry("nfd/" + file.getFileName()));
                Files.copy(file, (OutputStream) zipOut);
                zipOut.closeEntry();
            }
        }

        assertEquals(ExitCodes.BAD_INPUT, run("validate", zip.toString()));
        assertTrue(err.toString().startsWith("error: " + zip + ": primary.csv, line 5, column 1:"), err.toString());
    }

    @Test
    void aLinkLoopInsideThePackIsNamedUnderItsFolder() throws IOException {
        Path pack = PackFixture.write(temp.resolve("loop"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV);
        Files.createSymbolicLink(pack.resolve("x"), Path.of("y"));
        Files.createSymbolicLink(pack.resolve("y"), Path.of("x"));

        assertEquals(ExitCodes.BAD_INPUT, run("validate", pack.toString()));
        assertTrue(err.toString().startsWith("error: " + pack.resolve("x") + ": is a symbolic-link loop (x → y → x)"),
                err.toString());
    }

    @Test
    void aProblemOfThePackItselfNamesItOnlyOnce() {
        Path missing = temp.resolve("nowhere");

        assertEquals(ExitCodes.BAD_INPUT, run("validate", missing.toString()));
        assertEquals("error: " + missing + ": does not exist", err.toString().strip());
    }

    @Test
    void aPolicyGivenByItsOwnPathIsNamedAsGivenNotUnderThePack() throws IOException {
        Path pack = PackFixture.write(temp.resolve("ok"), PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);
        Path policy = Files.writeString(temp.resolve("strict.json"), "{\"alpha\": \"low\"}");

        assertEquals(ExitCodes.BAD_INPUT, run("gate", pack.toString(), "--policy", policy.toString()));
        assertTrue(err.toString().startsWith("error: " + policy + ", line 1, column"), err.toString());
    }
}
