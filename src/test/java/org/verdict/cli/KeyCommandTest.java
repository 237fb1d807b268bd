package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.cli.exit.ExitCodes;

class KeyCommandTest {
    private static final Pattern KEY_ID = Pattern.compile("key id ([0-9a-f]{64})");

    @TempDir
    Path dir;

    private CliRun keyNew(String name, Path out) throws IOException {
        Path passphrase = Files.writeString(dir.resolve("pass.txt"), "a long enough passphrase\n");
        return CliRun.verdict("key", "new", "--name", name, "--role", "ml-lead", "--out", out.toString(),
                "--passphrase-file", passphrase.toString(), "--iterations", "1000");
    }

    private static String keyId(CliRun run) {
        Matcher id = KEY_ID.matcher(run.out());
        assertTrue(id.find(), run.out());
        return id.group(1);
    }

    private static Set<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    @Test
    void signersWhoseNamesAsciiCannotSpellGetVisibleFilesOfTheirOwn() throws IOException {
        Path keys = dir.resolve("keys");

        CliRun yamada = keyNew("山田太郎", keys);
        CliRun lee = keyNew("李小龍", keys);

        assertEquals(ExitCodes.OK, yamada.exitCode(), yamada.err());
        assertEquals(ExitCodes.OK, lee.exitCode(), lee.err());
        String yamadaStem = "key-" + keyId(yamada).substring(0, 8);
        String leeStem = "key-" + keyId(lee).substring(0, 8);
        assertNotEquals(yamadaStem, leeStem);
        assertEquals(new TreeSet<>(List.of(yamadaStem + ".key.json", yamadaStem + ".signer.json",
                yamadaStem + ".pub.pem", leeStem + ".key.json", leeStem + ".signer.json", leeStem + ".pub.pem")),
                files(keys));
        assertTrue(yamada.out().contains(keys.resolve(yamadaStem + ".key.json").toString()), yamada.out());
        assertTrue(Files.readString(keys.resolve(yamadaStem + ".signer.json")).contains("山田太郎"),
                "the name itself stays in the file");
    }

    @Test
    void accentedNameGivesTheSameFileNameComposedOrDecomposed() throws IOException {
        String composed = Normalizer.normalize("José", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize("José", Normalizer.Form.NFD);
        assertNotEquals(composed, decomposed);

        assertEquals(ExitCodes.OK, keyNew(composed, dir.resolve("nfc")).exitCode());
        assertEquals(ExitCodes.OK, keyNew(decomposed, dir.resolve("nfd")).exitCode());

        Set<String> expected = Set.of("jose.key.json", "jose.signer.json", "jose.pub.pem");
        assertEquals(expected, files(dir.resolve("nfc")));
        assertEquals(expected, files(dir.resolve("nfd")));
    }

    @Test
    void latinLettersWithoutADecompositionAreSpeltInAscii() throws IOException {
        assertEquals(ExitCodes.OK, keyNew("Søren Kjær", dir.resolve("soren")).exitCode());
        assertEquals(ExitCodes.OK, keyNew("Łukasz Strauß", dir.resolve("lukasz")).exitCode());

        assertEquals(Set.of("soren-kjaer.key.json", "soren-kjaer.signer.json", "soren-kjaer.pub.pem"),
                files(dir.resolve("soren")));
        assertEquals(Set.of("lukasz-strauss.key.json", "lukasz-strauss.signer.json", "lukasz-strauss.pub.pem"),
                files(dir.resolve("lukasz")));
    }

    @Test
    void aLetterAsciiCannotSpellKeepsWhatIsLeftAndAddsTheKeyId() throws IOException {
        CliRun ken = keyNew("李 Ken", dir.resolve("keys"));

        assertEquals(ExitCodes.OK, ken.exitCode(), ken.err());
        assertTrue(Files.exists(dir.resolve("keys/ken-" + keyId(ken).substring(0, 8) + ".key.json")),
                files(dir.resolve("keys")).toString());
    }

    @Test
    void asciiNameIsUnchangedAndASecondKeyOfTheSameNameIsRefusedNotWrittenOver() throws IOException {
        Path keys = dir.resolve("keys");
        assertEquals(ExitCodes.OK, keyNew("Ada Lovelace", keys).exitCode());
        assertEquals(Set.of("ada-lovelace.key.json", "ada-lovelace.signer.json", "ada-lovelace.pub.pem"), files(keys));
        byte[] first = Files.readAllBytes(keys.resolve("ada-lovelace.key.json"));

        CliRun second = keyNew("Ada Lovelace", keys);

        assertEquals(ExitCodes.BAD_INPUT, second.exitCode());
        assertTrue(second.err().contains("ada-lovelace.key.json already exists"), second.err());
        assertArrayEquals(first, Files.readAllBytes(keys.resolve("ada-lovelace.key.json")));
        assertFalse(files(keys).stream().anyMatch(name -> name.startsWith(".")));
    }
}
