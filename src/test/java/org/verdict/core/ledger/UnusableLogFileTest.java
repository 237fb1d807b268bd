package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * A log file that cannot be used is refused in words that name it and say what to do, SQLite's own words only on a
 * second line; and nothing is written: the store stays the same, byte for byte. Each condition is made for real (a
 * read-only folder or file, random bytes, a lock held by another connection, a store that can grow no more).
 */
class UnusableLogFileTest {
    private static final SignerKey ADA = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);

    @TempDir
    Path dir;

    private static Path logWithOneRecord(Path db) throws LedgerException {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("macro F1 fell below the baseline"), ADA);
        }
        return db;
    }

    private static void appendTo(Path db) throws LedgerException {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("refused"), ADA);
        }
    }

    /** The refusal's lines: the plain sentence first, then SQLite's words, marked as such, and nothing else. */
    private static List<String> refusal(Executable attempt) {
        List<String> lines = assertThrows(LedgerException.class, attempt).getMessage().lines().toList();
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("  SQLite: "), lines.get(1));
        assertFalse(lines.get(0).contains("SQLITE_") || lines.get(0).contains("opening db"), lines.get(0));
        return lines;
    }

    @Test
    void aLogInAFolderThatDoesNotExistNamesTheFolderAndCreatesNothing() {
        Path db = dir.resolve("minutes").resolve("decisions.db");
        String plain = db + " is in a folder that does not exist (" + dir.resolve("minutes") + "): create the folder,"
                + " or choose one that exists";
        assertEquals(plain, refusal(() -> appendTo(db)).get(0));
        LedgerException reading = assertThrows(LedgerException.class, () -> DecisionLog.openReadOnly(db));
        assertEquals(plain, reading.getMessage(), "reading says the same, without asking SQLite");
        assertFalse(Files.exists(dir.resolve("minutes")));
    }

    @Test
    void aNewLogInAReadOnlyFolderIsRefusedAndNoFileIsMade() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("shared"));
        Path db = folder.resolve("decisions.db");
        try (ReadOnlyPaths readOnly = ReadOnlyPaths.of(folder)) {
            assertEquals(db + " is in a read-only folder: choose a writable folder or copy the log to one",
                    refusal(() -> appendTo(db)).get(0));
        }
        try (var files = Files.list(folder)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void anAppendToALogInAReadOnlyFolderIsRefusedAndTheLogIsUnchanged() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("shared"));
        Path db = logWithOneRecord(folder.resolve("decisions.db"));
        byte[] before = Files.readAllBytes(db);
        try (ReadOnlyPaths readOnly = ReadOnlyPaths.of(folder)) {
            assertEquals(db + " is in a read-only folder: choose a writable folder or copy the log to one",
                    refusal(() -> appendTo(db)).get(0));
        }
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void anAppendToAReadOnlyLogFileIsRefusedAndTheLogIsUnchanged() throws Exception {
        Path db = logWithOneRecord(dir.resolve("decisions.db"));
        byte[] before = Files.readAllBytes(db);
        try (ReadOnlyPaths readOnly = ReadOnlyPaths.of(db)) {
            assertEquals(db + " is a read-only file: make it writable, or copy the log to a file you may change",
                    refusal(() -> appendTo(db)).get(0));
        }
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void aFileOfRandomBytesIsNotADatabaseWhetherReadOrWritten() throws Exception {
        Path db = dir.resolve("decisions.db");
        byte[] noise = new byte[8192];
        new Random(12).nextBytes(noise);
        Files.write(db, noise);
        String plain = db + " is not a SQLite database, so it is not a decision log: choose the log's file, or a new"
                + " file name to start a log; nothing was written to it";
        assertEquals(plain, refusal(() -> appendTo(db)).get(0));
        assertEquals(plain, refusal(() -> DecisionLog.openReadOnly(db).close()).get(0));
        assertArrayEquals(noise, Files.readAllBytes(db));
    }

    @Test
    void aLogAnotherProgramKeepsLockedIsNamedWithWhatToDoAndIsUnchanged() throws Exception {
        Path db = logWithOneRecord(dir.resolve("decisions.db"));
        byte[] before = Files.readAllBytes(db);
        // what `sqlite3 decisions.db` followed by BEGIN EXCLUSIVE does: another connection holds the write lock
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = other.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            try (DecisionLog log = DecisionLog.open(db, false, Duration.ofSeconds(1), Clock.systemUTC())) {
                assertEquals(db + " is locked by another program (another Verdict, or a tool such as the sqlite3"
                        + " shell), which has held its write lock for more than 1 s: wait until it is done, or close"
                        + " it, and try again",
                        refusal(() -> log.append(LedgerFixtures.retraining("blocked"), ADA)).get(0));
            }
            s.execute("ROLLBACK");
        }
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void aFullDiskLeavesTheLogUnchangedByteForByte() throws Exception {
        Path db = logWithOneRecord(dir.resolve("decisions.db"));
        byte[] before = Files.readAllBytes(db);
        // the page limit stands in for the disk: SQLite reports SQLITE_FULL exactly as on a full disk
        try (DecisionLog log = DecisionLog.open(db, false, DecisionLog.DEFAULT_BUSY_TIMEOUT, Clock.systemUTC(),
                (int) (Files.size(db) / 4096))) {
            assertEquals("the disk holding the decision log " + db + " is full: nothing was written (the log is as it"
                    + " was before); free some space and try again",
                    refusal(() -> log.append(LedgerFixtures.retraining("r".repeat(3000)), ADA)).get(0));
        }
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    /**
     * On a full disk SQLite more often fails to grow its WAL index than the log itself: SQLITE_IOERR_SHMSIZE ("disk
     * I/O error"), or a failed write whose reason it does not give. Each is the full disk, not "SQLite refused it".
     */
    @Test
    void theDiskFullFamilyOfSqliteErrorsIsTheFullDisk() throws Exception {
        Path db = logWithOneRecord(dir.resolve("decisions.db"));
        String full = "the disk holding the decision log " + db + " is full: nothing was written (the log is as it was"
                + " before); free some space and try again";
        for (org.sqlite.SQLiteErrorCode code : List.of(org.sqlite.SQLiteErrorCode.SQLITE_FULL,
                org.sqlite.SQLiteErrorCode.SQLITE_IOERR_SHMSIZE)) {
            String said = UnusableLogFile.of(new org.sqlite.SQLiteException("disk I/O error", code), db,
                    DecisionLog.DEFAULT_BUSY_TIMEOUT).getMessage();
            assertTrue(said.startsWith(full + "\n  SQLite: "), code + ": " + said);
        }
        // a failed write on a disk with room is not called full
        String said = UnusableLogFile.of(new org.sqlite.SQLiteException("disk I/O error",
                org.sqlite.SQLiteErrorCode.SQLITE_IOERR_WRITE), db, DecisionLog.DEFAULT_BUSY_TIMEOUT).getMessage();
        assertTrue(said.startsWith("cannot use the decision log " + db + ": SQLite refused it"), said);
    }

    /**
     * SQLite leaves its -wal and -shm files behind when a write fails on a full disk. Verdict removes the ones its
     * own open created, but never one that was there before (another program's) nor a WAL holding a committed
     * transaction, as SQLite reads the WAL: real WAL files of the log, made by SQLite.
     */
    @Test
    void leftOverWalFilesAreRemovedOnlyWhenThisOpenMadeThemAndTheyHoldNoCommit() throws Exception {
        Path db = logWithOneRecord(dir.resolve("decisions.db"));
        Path wal = Path.of(db + "-wal");
        Path shm = Path.of(db + "-shm");
        WalFiles absent = WalFiles.before(db);
        Files.write(wal, walOf(db, false));
        Files.write(shm, new byte[32768]);
        assertEquals(List.of(wal, shm), absent.removeLeftOver(), "a rolled-back transaction's frames commit nothing");
        assertFalse(Files.exists(wal) || Files.exists(shm));

        Files.write(shm, new byte[32768]);
        WalFiles shmThere = WalFiles.before(db);
        Files.write(wal, new byte[0]);
        assertEquals(List.of(wal), shmThere.removeLeftOver(), "the -shm that was there stays");
        assertTrue(Files.exists(shm));
        Files.delete(shm);

        WalFiles none = WalFiles.before(db);
        Files.write(wal, walOf(db, true));
        Files.write(shm, new byte[32768]);
        assertEquals(List.of(), none.removeLeftOver(), "a WAL holding a commit keeps it, and its index stays");
        assertTrue(Files.exists(wal) && Files.exists(shm));
    }

    /**
     * The WAL SQLite writes for a copy of {@code db}: with one committed transaction never copied into the log
     * ({@code committed}), or with only the frames a large transaction spilled before it was rolled back.
     */
    private static byte[] walOf(Path db, boolean committed) throws Exception {
        Path copy = Files.copy(db, db.resolveSibling((committed ? "committed-" : "rolled-back-") + db.getFileName()));
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy);
             java.sql.Statement s = sql.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("PRAGMA cache_size=1");
            sql.setAutoCommit(false);
            s.execute("INSERT INTO log_info(key, value) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                    + " WHERE i < " + (committed ? 1 : 200) + ") SELECT 'probe-' || i, hex(randomblob(2000)) FROM n");
            if (committed) {
                sql.commit();
                return Files.readAllBytes(Path.of(copy + "-wal"));
            }
            byte[] frames = Files.readAllBytes(Path.of(copy + "-wal"));
            assertTrue(frames.length > 100_000, "the transaction spilled its pages into the WAL: " + frames.length);
            sql.rollback();
            return frames;
        }
    }

    /**
     * A log on a file system mounted read-only keeps a writable file mode: the refusal names the mount, not the file.
     * Needs a tmpfs mount (root on Linux); skipped where none can be made.
     */
    @Test
    void aLogOnAReadOnlyMountIsNamedAsSuchNotAsAReadOnlyFile() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("mount"));
        org.junit.jupiter.api.Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs",
                mount.toString()), "no tmpfs can be mounted here");
        try {
            Path db = logWithOneRecord(mount.resolve("decisions.db"));
            assertTrue(run("mount", "-o", "remount,ro", mount.toString()));
            assertTrue(Files.getPosixFilePermissions(db).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
            assertEquals(db + " is on a read-only file system (mounted read-only): copy the log to a writable disk to"
                    + " change it", refusal(() -> appendTo(db)).get(0));
        } finally {
            run("umount", mount.toString());
        }
    }

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }

    @Test
    void aFolderGivenAsTheLogIsNamedSo() {
        String plain = dir + " is a folder, not a decision log: give the log's file (e.g. " + dir.resolve("decisions.db")
                + ")";
        assertEquals(plain, refusal(() -> appendTo(dir)).get(0));
        assertEquals(plain, assertThrows(LedgerException.class, () -> DecisionLog.openReadOnly(dir)).getMessage());
    }
}
