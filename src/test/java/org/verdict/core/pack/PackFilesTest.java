package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.task.Progress;

/** Only regular files inside the pack are read, zips are checked entry by entry, names cannot forge the pack hash. */
class PackFilesTest {
    @TempDir
    Path temp;

    private ReviewPack load(Path pack) throws PackException {
        return new PackLoader().load(pack, Progress.NONE);
    }

    private Path goodPack(String name) {
        return PackFixture.write(temp.resolve(name), PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);
    }

    @Test
    void aFifoInThePackIsRefusedByNameWithoutHanging() throws Exception {
        Path pack = goodPack("fifo");
        Path fifo = pack.resolve("extra/pipe");
        Files.createDirectories(fifo.getParent());
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");

        PackException error = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(PackException.class, () -> load(pack)));
        assertEquals("extra/pipe", error.file());
        assertTrue(error.problem().contains("not a regular file"), error.getMessage());
    }

    @Test
    void aManifestNamingAFifoIsRefusedWithoutHanging() throws Exception {
        Path pack = PackFixture.write(temp.resolve("named-fifo"), PackFixture.MULTICLASS_MANIFEST
                .replace("\"file\": \"primary.csv\"", "\"file\": \"pipe.csv\""), PackFixture.MULTICLASS_CSV);
        assumeTrue(new ProcessBuilder("mkfifo", pack.resolve("pipe.csv").toString()).start().waitFor() == 0);
        Files.delete(pack.resolve("primary.csv"));

        PackException error = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(PackException.class, () -> load(pack)));
        assertTrue(error.problem().contains("'pipe.csv' is not a regular file"), error.getMessage());
    }

    @Test
    void aSocketInThePackIsRefusedByName() throws Exception {
        Path pack = goodPack("socket");
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(pack.resolve("agent.sock")));

            PackException error = assertThrows(PackException.class, () -> load(pack));
            assertEquals("agent.sock", error.file());
            assertTrue(error.problem().contains("not a regular file"), error.getMessage());
        }
    }

    @Test
    void aFolderLinkLeadingOutOfThePackIsRefused() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "not evidence");
        Path pack = goodPack("dirlink");
        Files.createSymbolicLink(pack.resolve("notes"), outside);

        PackException error = assertThrows(PackException.class, () -> load(pack));
        assertEquals("notes", error.file());
        assertTrue(error.problem().contains("leads outside the pack"), error.getMessage());
    }

    @Test
    void aPackOpenedThroughALinkToItsFolderHashesEveryFile() throws Exception {
        Path pack = goodPack("real");
        Path link = Files.createSymbolicLink(temp.resolve("latest"), pack);

        assertEquals(load(pack).fileHashes(), load(link).fileHashes());
        assertEquals(2, load(link).fileHashes().size());
    }

    @Test
    void aDanglingLinkIsNamedAsDangling() throws Exception {
        Path pack = goodPack("dangling");
        Files.createSymbolicLink(pack.resolve("old.csv"), temp.resolve("gone.csv"));

        PackException error = assertThrows(PackException.class, () -> load(pack));
        assertEquals("old.csv", error.file());
        assertTrue(error.problem().contains("dangling link"), error.getMessage());
    }

    /** The system says only "too many levels of symbolic links"; a loop is not a dangling link either. */
    @Test
    void aLinkLoopInsideThePackIsNamedAsALoopInWords() throws Exception {
        Path pack = goodPack("inner-loop");
        Files.createSymbolicLink(pack.resolve("x"), Path.of("y"));
        Files.createSymbolicLink(pack.resolve("y"), Path.of("x"));

        PackException error = assertThrows(PackException.class, () -> load(pack));
        assertEquals("x", error.file());
        assertEquals("is a symbolic-link loop (x → y → x): it leads back to itself and never to a file or folder",
                error.problem());
    }

    @Test
    void aPackFolderThatIsALinkLoopIsNamedAsALoop() throws Exception {
        Path a = temp.resolve("loopA");
        Files.createSymbolicLink(a, Path.of("loopB"));
        Files.createSymbolicLink(temp.resolve("loopB"), Path.of("loopA"));

        PackException error = assertThrows(PackException.class, () -> load(a));
        assertEquals(a.toString(), error.file());
        assertEquals("is a symbolic-link loop (loopA → loopB → loopA): it leads back to itself and never to a file or"
                + " folder", error.problem());
    }

    @Test
    void aSuiteFileThatIsALinkLoopIsNamedAsALoopWhereTheManifestNamesIt() throws Exception {
        Path pack = goodPack("suite-loop");
        Files.move(pack.resolve("primary.csv"), pack.resolve("rows.csv"));
        Files.createSymbolicLink(pack.resolve("primary.csv"), Path.of("loop.csv"));
        Files.createSymbolicLink(pack.resolve("loop.csv"), Path.of("primary.csv"));

        PackException error = assertThrows(PackException.class, () -> load(pack));
        assertEquals("manifest.json", error.file());
        assertTrue(error.line() > 0 && error.column() > 0, error.getMessage());
        assertEquals("suites.primary.file: 'primary.csv' is a symbolic-link loop (primary.csv → loop.csv → "
                + "primary.csv): it leads back to itself and never to a file or folder", error.problem());
    }

    @Test
    void aLinkToAFileInsideThePackIsHashedUnderItsOwnName() throws Exception {
        Path pack = goodPack("inner-link");
        Files.createSymbolicLink(pack.resolve("copy.csv"), pack.resolve("primary.csv"));

        ReviewPack loaded = load(pack);
        assertEquals(loaded.fileHashes().get("primary.csv"), loaded.fileHashes().get("copy.csv"));
    }

    @Test
    void namesAreJudgedBySegmentSoDoubleDotsInsideANameAreFine() throws Exception {
        Path pack = PackFixture.write(temp.resolve("dots"), PackFixture.MULTICLASS_MANIFEST
                .replace("\"file\": \"primary.csv\"", "\"file\": \"eval..v2.csv\""), PackFixture.MULTICLASS_CSV);
        Files.move(pack.resolve("primary.csv"), pack.resolve("eval..v2.csv"));
        assertEquals(4, load(pack).primary().rowCount());

        Path zip = temp.resolve("dots.zip");
        zip(zip, "manifest.json", PackFixture.MULTICLASS_MANIFEST, "primary.csv", PackFixture.MULTICLASS_CSV,
                "notes..v2.txt", "fine");
        try (ReviewPack fromZip = load(zip)) {
            assertTrue(fromZip.fileHashes().containsKey("notes..v2.txt"));
        }
    }

    @Test
    void aFileNameWithALineBreakIsRefusedSoTheHashListingStaysUnambiguous() throws Exception {
        Path pack = goodPack("newline");
        // "x\n<hash>  y" as one name would read like two lines of the listing behind the pack hash
        Files.writeString(pack.resolve("x\nabc  y"), "forged");

        PackException error = assertThrows(PackException.class, () -> load(pack));
        assertTrue(error.problem().contains("control character (U+000A)"), error.getMessage());
    }

    @Test
    void packHashListsEveryFileAsItsSha256AndName() throws Exception {
        ReviewPack pack = load(goodPack("hash"));
        String listing = pack.fileHashes().get("manifest.json") + "  manifest.json\n"
                + pack.fileHashes().get("primary.csv") + "  primary.csv";
        assertEquals(Hashes.sha256Hex(listing), pack.packHash());
    }

    @Test
    void aZipEntryWhoseBytesDoNotMatchItsCrcIsRefused() throws Exception {
        Path zip = temp.resolve("flipped.zip");
        storedZip(zip, "manifest.json", PackFixture.MULTICLASS_MANIFEST, "primary.csv", PackFixture.MULTICLASS_CSV);
        byte[] bytes = Files.readAllBytes(zip);
        int at = indexOf(bytes, "e3,account".getBytes(StandardCharsets.UTF_8));
        bytes[at + 1] = '9'; // one altered byte: e3 becomes e9
        Files.write(zip, bytes);

        PackException error = assertThrows(PackException.class, () -> load(zip));
        assertEquals("flipped.zip", error.file());
        assertTrue(error.problem().contains("'primary.csv' is damaged"), error.getMessage());
    }

    @Test
    void aZipWithTwoEntriesOfTheSameNameIsRefused() throws Exception {
        Path zip = temp.resolve("twice.zip");
        zip(zip, "manifest.json", PackFixture.MULTICLASS_MANIFEST, "primary.csv", PackFixture.MULTICLASS_CSV,
                "primarx.csv", PackFixture.MULTICLASS_CSV.replace("e4,billing,de,m,billing,billing",
                        "e4,billing,de,m,account,account"));
        byte[] bytes = Files.readAllBytes(zip);
        byte[] alias = "primarx.csv".getBytes(StandardCharsets.UTF_8);
        for (int at = indexOf(bytes, alias); at >= 0; at = indexOf(bytes, alias)) {
            bytes[at + 6] = 'y'; // rename in the local header and the central directory
        }
        Files.write(zip, bytes);

        PackException error = assertThrows(PackException.class, () -> load(zip));
        assertTrue(error.problem().contains("'primary.csv' appears twice"), error.getMessage());
    }

    @Test
    void aZipHoldingOnlyAnotherZipIsNamedByItsNameInsideThePack() throws Exception {
        Path inner = temp.resolve("inner.zip");
        zip(inner, "manifest.json", PackFixture.MULTICLASS_MANIFEST, "primary.csv", PackFixture.MULTICLASS_CSV);
        Path outer = temp.resolve("outer.zip");
        try (OutputStream out = Files.newOutputStream(outer); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            zipOut.putNextEntry(new ZipEntry("inner.zip"));
            zipOut.write(Files.readAllBytes(inner));
            zipOut.closeEntry();
        }

        PackException error = assertThrows(PackException.class, () -> load(outer));
        assertEquals("outer.zip", error.file());
        assertTrue(error.problem().contains("holds another zip, 'inner.zip'"), error.getMessage());
        assertFalse(error.getMessage().contains("verdict-pack-"), "no temporary folder in the message");
    }

    @Test
    void aZipWithoutManifestIsNamedByTheZipNotItsTemporaryFolder() throws Exception {
        Path zip = temp.resolve("no-manifest.zip");
        zip(zip, "primary.csv", PackFixture.MULTICLASS_CSV);

        PackException error = assertThrows(PackException.class, () -> load(zip));
        assertEquals("no-manifest.zip", error.file());
        assertFalse(error.getMessage().contains("verdict-pack-"), error.getMessage());
    }

    @Test
    void theUnpackedCopyOfAZipIsDeletedWhenThePackIsClosedOrFailsToLoad() throws Exception {
        Path zip = temp.resolve("pack.zip");
        zip(zip, "router/manifest.json", PackFixture.MULTICLASS_MANIFEST, "router/primary.csv",
                PackFixture.MULTICLASS_CSV);
        ReviewPack pack = load(zip);
        Path unpacked = pack.root();
        assertTrue(Files.exists(unpacked.resolve("primary.csv")));
        pack.close();
        assertFalse(Files.exists(unpacked.getParent()), "the whole temporary folder is gone");

        Path broken = temp.resolve("broken.zip");
        zip(broken, "manifest.json", PackFixture.MULTICLASS_MANIFEST, "primary.csv", "example_id\n");
        long before = countUnpackedFolders();
        assertThrows(PackException.class, () -> load(broken));
        assertEquals(before, countUnpackedFolders(), "a pack that fails to load leaves no unpacked copy");
    }

    @Test
    void closingAFolderPackLeavesTheFolderAlone() throws Exception {
        Path folder = goodPack("kept");
        load(folder).close();
        assertTrue(Files.exists(folder.resolve("primary.csv")));
    }

    private static long countUnpackedFolders() throws IOException {
        try (var list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("verdict-pack-")).count();
        }
    }

    static void zip(Path zip, String... namesAndContents) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zipOut.putNextEntry(new ZipEntry(namesAndContents[i]));
                zipOut.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
    }

    /** Entries stored uncompressed, so a flipped byte reaches the unpacked file and only the CRC can tell. */
    private static void storedZip(Path zip, String... namesAndContents) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(namesAndContents[i]);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setCrc(crc.getValue());
                zipOut.putNextEntry(entry);
                zipOut.write(content);
                zipOut.closeEntry();
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
