package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.gates.TestPack;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.PackFixture;

/**
 * What {@code validate}, {@code gate} and {@code compare} say about a pack's input: everything {@code gate} reads is
 * validated, the policy in use is named with its hash, the limits can be raised, and the pack's text never reaches
 * the terminal as control characters.
 */
class PackInputCommandsTest {
    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return VerdictCommand.commandLine(out, err).execute(args);
    }

    @Test
    void validateRefusesABrokenOptionalSuiteThatGateWouldRefuse() {
        Path pack = new TestPack(dir("p")).suite("latency", "latency.csv",
                "version,latency_ms\n1,12\n2,fast\n").write();

        assertEquals(ExitCodes.BAD_INPUT, run("validate", pack.toString()));
        assertTrue(err.toString().startsWith("error: " + pack.resolve("latency.csv") + ", line 3, column 2:"), err.toString());
    }

    @Test
    void validateRefusesABrokenPolicyThatGateWouldRefuse() {
        Path pack = new TestPack(dir("p")).policy("{\"validation\": {\"minPerClass\": 2.5}}").write();

        assertEquals(ExitCodes.BAD_INPUT, run("validate", pack.toString()));
        assertTrue(err.toString().startsWith("error: " + pack.resolve("policy.json") + ", line 1, column"), err.toString());
        assertTrue(err.toString().contains("validation.minPerClass must be a whole number"), err.toString());
    }

    @Test
    void validateRefusesABrokenHoldoutSet() {
        TestPack pack = new TestPack(dir("p")).file("holdout.csv",
                "example_id,label,language,gender,pred_1,pred_2\nh1,a,en,f,a,zz\n");
        Path written = pack.write();
        String manifest = readString(written.resolve("manifest.json")).replace("\"suites\" : {",
                "\"suites\" : {\"holdout\": {\"file\": \"holdout.csv\", \"slices\": [\"language\"]},");
        writeString(written.resolve("manifest.json"), manifest);

        assertEquals(ExitCodes.BAD_INPUT, run("validate", written.toString()));
        assertTrue(err.toString().startsWith("error: " + written.resolve("holdout.csv") + ", line 2, column 6:"), err.toString());
    }

    @Test
    void validateNamesThePolicyAndItsHashOrTheDefaults() throws Exception {
        String policy = "{\"alpha\": 0.01}";
        Path withPolicy = new TestPack(dir("with")).policy(policy).write();
        assertEquals(ExitCodes.OK, run("validate", withPolicy.toString()));
        assertTrue(out.toString().contains("policy: policy.json (sha256 " + Hashes.sha256Hex(policy) + ")"),
                out.toString());

        out.getBuffer().setLength(0);
        Path withoutPolicy = new TestPack(dir("without")).write();
        assertEquals(ExitCodes.OK, run("validate", withoutPolicy.toString()));
        assertTrue(out.toString().contains("policy: none named in the manifest; every threshold is the default"),
                out.toString());
    }

    @Test
    void validateLeavesOutLineageTheManifestDoesNotGive() {
        Path pack = PackFixture.write(folder.resolve("b"), PackFixture.BINARY_MANIFEST, PackFixture.BINARY_CSV);

        assertEquals(ExitCodes.OK, run("validate", pack.toString()));
        assertFalse(out.toString().contains("null"), out.toString());
    }

    @Test
    void gatePrintsThePolicyFileAndItsHash() {
        String policy = "{\"alpha\": 0.01}";
        Path pack = new TestPack(dir("g")).policy(policy).write();

        run("gate", pack.toString());
        assertTrue(out.toString().contains("Policy: policy.json (sha256 " + Hashes.sha256Hex(policy) + ")"),
                out.toString());

        Path override = folder.resolve("strict.json");
        writeString(override, "{\"alpha\": 0.02}");
        out.getBuffer().setLength(0);
        run("gate", pack.toString(), "--policy", override.toString());
        assertTrue(out.toString().contains("Policy: " + override + " (sha256 " + Hashes.sha256Hex("{\"alpha\": 0.02}")
                + ")"), out.toString());
    }

    @Test
    void theSliceLimitCanBeRaisedOnTheCommandLine() {
        Path pack = PackFixture.write(folder.resolve("l"), PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);

        assertEquals(ExitCodes.BAD_INPUT, run("compare", pack.toString(), "--max-slice-values", "1"));
        assertTrue(err.toString().contains("line 3, column 4: (gender) more than 1 distinct values in slice column"),
                err.toString());
        assertEquals(ExitCodes.OK, run("compare", pack.toString(), "--max-slice-values", "2"));
    }

    @Test
    void aCrossWithMoreSlicesThanTheLimitIsRefusedBeforeComparing() {
        // 3 languages and 3 genders: 6 slice values, 9 combinations
        StringBuilder csv = new StringBuilder("example_id,label,language,gender,pred_42,pred_43\n");
        for (int row = 0; row < 9; row++) {
            csv.append("e").append(row).append(",billing,l").append(row / 3).append(",g").append(row % 3)
                    .append(",billing,billing\n");
        }
        Path pack = PackFixture.write(folder.resolve("cross"), PackFixture.MULTICLASS_MANIFEST, csv.toString());

        assertEquals(ExitCodes.BAD_INPUT, run("compare", pack.toString(), "--cross", "language,gender",
                "--max-slices", "8"));
        assertTrue(err.toString().contains("--cross language,gender makes more than 8 slices"), err.toString());
        assertEquals(ExitCodes.OK, run("compare", pack.toString(), "--cross", "language,gender", "--max-slices", "9"));
    }

    @Test
    void escapeSequencesFromThePackAreEscapedInCompareOutput() {
        String csv = PackFixture.MULTICLASS_CSV.replace(",en,", ",\u001B[31men\u001B[0m,");
        Path pack = PackFixture.write(folder.resolve("esc"), PackFixture.MULTICLASS_MANIFEST, csv);

        assertEquals(ExitCodes.OK, run("compare", pack.toString(), "--min-n", "1"));
        assertFalse(out.toString().contains("\u001B"), "no raw escape reaches the terminal");
        assertTrue(out.toString().contains("\\x1B[31men\\x1B[0m"), out.toString());
    }

    @Test
    void escapedJsonOutputIsStillValidJsonWithTheSameValues() throws Exception {
        String odd = "en\u0085x\u202Ey";
        Path pack = PackFixture.write(folder.resolve("json"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace(",en,", "," + odd + ","));

        assertEquals(ExitCodes.OK, run("compare", pack.toString(), "--json", "--min-n", "1"));
        assertFalse(out.toString().contains("\u0085") || out.toString().contains("\u202E"), out.toString());
        assertTrue(new ObjectMapper().readTree(out.toString()).toString().contains(odd),
                "the escaped output reads back as the same slice value");
    }

    @Test
    void escapeSequencesFromTheManifestAreEscapedInGateOutput() {
        Path pack = new TestPack(dir("gate-esc")).write();
        writeString(pack.resolve("manifest.json"), readString(pack.resolve("manifest.json"))
                .replace("test-router", "test-router\\u001B[2J"));

        run("gate", pack.toString());
        assertFalse(out.toString().contains("\u001B"), out.toString());
        assertTrue(out.toString().contains("test-router\\x1B[2J"), out.toString());
    }

    @Test
    void escapeSequencesAreEscapedInErrorMessagesToo() {
        String csv = PackFixture.MULTICLASS_CSV.replace("e3,account,de,f,account,billing",
                "e3,account,de,f,account,\u001B]0;pwned\u0007bill\u202Eing");
        Path pack = PackFixture.write(folder.resolve("err"), PackFixture.MULTICLASS_MANIFEST, csv);

        assertEquals(ExitCodes.BAD_INPUT, run("validate", pack.toString()));
        assertFalse(err.toString().contains("\u001B") || err.toString().contains("\u0007")
                || err.toString().contains("\u202E"), err.toString());
        // the message quotes the value with every invisible character as its code, before the terminal sees it
        assertTrue(err.toString().contains("\\u001B]0;pwned\\u0007bill\\u202Eing"), err.toString());
    }

    private Path dir(String name) {
        try {
            return Files.createDirectories(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
