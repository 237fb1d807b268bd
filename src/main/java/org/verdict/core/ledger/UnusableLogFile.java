package org.verdict.core.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Why the file of a decision log cannot be used, in words that name the file and say what to do: a folder that does
 * not exist, a read-only folder or file, a file that is not a SQLite database, a log another program keeps locked, a
 * full disk. SQLite's own words follow on a second line, for whoever reports the problem; they are never the message
 * itself. The cause is told from SQLite's result code and from the file system, since SQLite gives one code for
 * several causes (a read-only folder and a missing journal are both "cannot open").
 */
final class UnusableLogFile {
    /** Less free space than this where a write failed: the disk is full for SQLite (it grows files in such steps). */
    private static final long NEARLY_FULL = 1 << 20;

    private UnusableLogFile() {
    }

    /** The refusal of an open or read of {@code db} that is not a file (the Audit view, verify, list, export). */
    static LedgerException notAFile(Path db) {
        if (Files.isDirectory(db)) {
            return isAFolder(db, null);
        }
        Path folder = folderOf(db);
        if (!Files.isDirectory(folder)) {
            return missingFolder(db, folder, null);
        }
        return new LedgerException("no decision log at " + db + ": there is no such file; check the path (the first"
                + " decision signed into a log creates its file)");
    }

    /** {@code e}, raised while {@code db} was opened, read or written, as a refusal that says what to do. */
    static LedgerException of(SQLException e, Path db, Duration busyTimeout) {
        Path folder = folderOf(db);
        if (Files.isDirectory(db)) {
            return isAFolder(db, e);
        }
        if (!Files.exists(folder)) {
            return missingFolder(db, folder, e);
        }
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
        String name = code == null ? "" : code.name();
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return refusal(db + " is locked by another program (another Verdict, or a tool such as the sqlite3 shell),"
                    + " which has held its write lock for more than " + busyTimeout.toSeconds() + " s: wait until it"
                    + " is done, or close it, and try again", e);
        }
        if (isDiskFull(e, db)) {
            return refusal("the disk holding the decision log " + db + " is full: nothing was written (the log is as"
                    + " it was before); free some space and try again", e);
        }
        if (code == SQLiteErrorCode.SQLITE_NOTADB) {
            return new UnreadableLogException(db + " is not a SQLite database, so it is not a decision log: choose the"
                    + " log's file, or a new file name to start a log; nothing was written to it\n  SQLite: "
                    + e.getMessage(), "is not a SQLite database", e);
        }
        if (name.startsWith("SQLITE_CORRUPT")) {
            return new UnreadableLogException(db + " is a damaged SQLite database: restore the log from a copy (an"
                    + " export or a backup); nothing was written to it\n  SQLite: " + e.getMessage(),
                    UnreadableLogException.DAMAGED, e);
        }
        if (name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_CANTOPEN") || isDriverOpenFailure(e)) {
            if (isOnReadOnlyFileSystem(folder)) {
                // the file's mode may allow writing: it is the mount that does not
                return refusal(db + " is on a read-only file system (mounted read-only): copy the log to a writable"
                        + " disk to change it", e);
            }
            if (Files.exists(db) && !Files.isWritable(db)) {
                return refusal(db + " is a read-only file: make it writable, or copy the log to a file you may"
                        + " change", e);
            }
            if (!Files.isWritable(folder) || code == SQLiteErrorCode.SQLITE_READONLY_DIRECTORY) {
                // SQLite writes its journal (and creates a new log) beside the file, so the folder must take new files
                return refusal(db + " is in a read-only folder: choose a writable folder or copy the log to one",
                        e);
            }
        }
        return refusal("cannot use the decision log " + db + ": SQLite refused it (below); check that the file is a"
                + " decision log you may read and write", e);
    }

    /**
     * Whether {@code e} means the disk holding {@code db} is full. SQLite says so as SQLITE_FULL only when the database
     * file cannot grow; a WAL index that cannot grow is SQLITE_IOERR_SHMSIZE, and a failed write or sync is another
     * SQLITE_IOERR without the system's reason, so for those the file system's free space decides.
     */
    static boolean isDiskFull(SQLException e, Path db) {
        String name = e instanceof SQLiteException sqlite ? sqlite.getResultCode().name() : "";
        if (name.equals("SQLITE_FULL") || name.equals("SQLITE_IOERR_SHMSIZE")) {
            return true;
        }
        if (!name.startsWith("SQLITE_IOERR")) {
            return false;
        }
        if (e.getMessage() != null && (e.getMessage().contains("No space") || e.getMessage().contains("ENOSPC"))) {
            return true;
        }
        try {
            return Files.getFileStore(folderOf(db)).getUsableSpace() < NEARLY_FULL;
        } catch (java.io.IOException | SecurityException unknown) {
            return false;
        }
    }

    private static boolean isOnReadOnlyFileSystem(Path folder) {
        try {
            return Files.getFileStore(folder).isReadOnly();
        } catch (java.io.IOException | SecurityException unknown) {
            return false;
        }
    }

    private static LedgerException isAFolder(Path db, SQLException e) {
        return refusal(db + " is a folder, not a decision log: give the log's file (e.g. "
                + db.resolve("decisions.db") + ")", e);
    }

    private static LedgerException missingFolder(Path db, Path folder, SQLException e) {
        return refusal(db + " is in a folder that does not exist (" + folder + "): create the folder, or choose"
                + " one that exists", e);
    }

    /** The plain sentence, then SQLite's words on their own line. */
    private static LedgerException refusal(String plain, SQLException e) {
        return e == null ? new LedgerException(plain) : new LedgerException(plain + "\n  SQLite: " + e.getMessage(), e);
    }

    /**
     * sqlite-jdbc tries to create a new file itself before SQLite opens it, and reports a refusal as a plain
     * {@link SQLException} "opening db: 'PATH': Permission denied" without a result code.
     */
    private static boolean isDriverOpenFailure(SQLException e) {
        return !(e instanceof SQLiteException) && e.getMessage() != null && e.getMessage().startsWith("opening db:");
    }

    /** The folder of {@code db} as the user gave it ("nope" for nope/decisions.db), or the working folder. */
    private static Path folderOf(Path db) {
        return db.getParent() != null ? db.getParent() : db.toAbsolutePath().getParent();
    }
}
