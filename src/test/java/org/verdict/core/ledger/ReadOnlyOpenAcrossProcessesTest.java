package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.ChildJvmTest;
import org.verdict.core.task.Progress;

/**
 * A read-only open of a log that a writer in another process holds, or left behind when it was killed: SQLite's WAL
 * protocol with the {@code -shm} opened read-only. What is read is every committed record, and none of the log's
 * three files changes (in one process SQLite shares the writer's writable {@code -shm}, which {@link ReadOnlyOpenTest}
 * cannot show).
 */
@ChildJvmTest
class ReadOnlyOpenAcrossProcessesTest {
    @TempDir
    Path dir;

    private Path db;
    private Path keyFile;
    private Path passphrase;

    private Process writer(String... count) throws Exception {
        db = dir.resolve("decisions.db");
        keyFile = KeyFile.generate("Child Writer", Roles.ML_LEAD, LedgerFixtures.PASSPHRASE,
                LedgerFixtures.TEST_ITERATIONS).writeTo(dir.resolve("keys"));
        passphrase = dir.resolve("passphrase.txt");
        Files.writeString(passphrase, new String(LedgerFixtures.PASSPHRASE));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), AppendLoopProcess.class.getName(), db.toString(),
                keyFile.toString(), passphrase.toString()));
        command.addAll(List.of(count));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** The log's files (not the keys): name, SHA-256 and modification time. */
    private Map<String, String> logFiles() throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String name : List.of("decisions.db", "decisions.db-wal", "decisions.db-shm")) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                files.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(file))) + " " + Files.getLastModifiedTime(file));
            }
        }
        return files;
    }

    private LogSnapshot readIntact() throws LedgerException {
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            LogSnapshot snapshot = log.snapshot();
            VerificationReport report = new LogVerifier().verify(snapshot, Progress.NONE);
            assertTrue(report.isIntact(), report.summary());
            return snapshot;
        }
    }

    /**
     * A writer in another process holding the log between appends: the reader reads every record it committed and
     * changes none of the three files, the {@code -shm} included. Where the writer's index is not whole (here its
     * header is cleared, as when a writer has only begun to build it), SQLite will not rebuild it read-only; the log
     * is then read from a private copy, whether SQLite refuses at the open or at a later read, with every record still,
     * and the log and its WAL unchanged.
     */
    @Test
    void aLogAWriterInAnotherProcessHoldsIsReadInFullWithoutChangingItsFiles() throws Exception {
        Process child = writer("3");
        try {
            assertEquals("appended 3", firstLine(child));
            Map<String, String> before = logFiles();
            assertEquals(List.of("decisions.db", "decisions.db-shm", "decisions.db-wal"), List.copyOf(before.keySet()));

            assertEquals(3, readIntact().records().size());
            assertEquals(before, logFiles());

            try (DecisionLog openBefore = DecisionLog.openReadOnly(db)) {
                clearIndexHeader();
                Map<String, String> cleared = logFiles();
                assertEquals(3, openBefore.snapshot().records().size(), "refused after the open: read again");
                assertEquals(3, readIntact().records().size(), "refused at the open");
                assertEquals(cleared, logFiles());
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    /** Clears the first of the two copies of the WAL index's header, which SQLite then takes for an index not whole. */
    private void clearIndexHeader() throws IOException {
        try (FileChannel shm = FileChannel.open(dir.resolve("decisions.db-shm"), StandardOpenOption.WRITE)) {
            shm.write(ByteBuffer.allocate(48), 0);
        }
    }

    /**
     * A writer killed (SIGKILL) while it holds the log leaves its {@code -wal} and {@code -shm}, no longer kept by
     * anyone: the reader reads every record it committed, and leaves the three files as the writer left them.
     */
    @Test
    void aLogWhoseWriterWasKilledIsReadWithoutChangingWhatItLeft() throws Exception {
        Process child = writer("4");
        try {
            assertEquals("appended 4", firstLine(child));
        } finally {
            child.destroyForcibly().waitFor();
        }
        Map<String, String> left = logFiles();
        assertEquals(List.of("decisions.db", "decisions.db-shm", "decisions.db-wal"), List.copyOf(left.keySet()));

        LogSnapshot snapshot = readIntact();
        assertEquals(4, snapshot.records().size());
        assertEquals(4, snapshot.latestCheckpoint().orElseThrow().treeSize());
        assertEquals(left, logFiles());
    }

    private static String firstLine(Process child) throws IOException {
        return new BufferedReader(new InputStreamReader(child.getInputStream())).readLine();
    }
}
