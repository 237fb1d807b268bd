package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.pack.PackFixture;
import picocli.CommandLine;

class ValidateCommandTest {
    @TempDir
    Path temp;

    @Test
    void goodPackExitsZeroAndDescribesIt() {
        Path pack = PackFixture.write(temp.resolve("ok"), PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ValidateCommand());
        cli.setOut(new PrintWriter(out));

        assertEquals(0, cli.execute(pack.toString()));
        assertTrue(out.toString().contains("router, multiclass task, 4 examples, 2 model versions"), out.toString());
        assertTrue(out.toString().contains("candidate  43       data s2, code git:2"), out.toString());
        assertTrue(out.toString().contains("slices: language, gender"), out.toString());
    }

    /** A file of the pack given for the pack is answered with the folder to give instead. */
    @Test
    void aFileOfThePackGivenForThePackNamesThePacksFolder() {
        Path pack = PackFixture.write(temp.resolve("ok"), PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);
        CliRun run = CliRun.of(new ValidateCommand(), pack.resolve("primary.csv").toString());

        assertEquals(2, run.exitCode());
        assertEquals("error: primary.csv: is a file of the pack " + pack + ", not a pack: give the pack's folder, "
                + pack + " (the folder that holds manifest.json), or a .zip of it", run.err().strip());
    }

    @Test
    void brokenPackExitsTwoWithLocatedMessage() {
        Path pack = PackFixture.write(temp.resolve("bad"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace("e4,", "e1,"));
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ValidateCommand());
        cli.setErr(new PrintWriter(err));

        assertEquals(2, cli.execute(pack.toString()));
        assertTrue(err.toString().startsWith("error: " + pack.resolve("primary.csv") + ", line 5, column 1:"), err.toString());
    }

    @Test
    void aMissingColumnIsPlacedInTheHeaderAsTheAppPlacesIt() {
        Path pack = PackFixture.write(temp.resolve("no-pred"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace(",pred_43", ",pred_44"));
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ValidateCommand());
        cli.setErr(new PrintWriter(err));

        assertEquals(2, cli.execute(pack.toString()));
        assertTrue(err.toString().startsWith("error: " + pack.resolve("primary.csv")
                + ", line 1 (the header): needs column pred_43"), err.toString());
    }

    @Test
    void unknownOptionIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, VerdictCommand.execute("validate", "--frobnicate"));
    }
}
