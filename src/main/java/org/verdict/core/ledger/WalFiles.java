package org.verdict.core.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The {@code -wal} and {@code -shm} files SQLite keeps beside a log in WAL mode. It removes them when its last
 * connection closes, unless a write failed for want of space: then they stay behind on the full disk. Verdict
 * removes those it created itself, never one that was there before it opened the log (another program's) and never a
 * WAL that holds a committed transaction (which would lose it).
 */
final class WalFiles {
    private final Path db;
    private final Path wal;
    private final Path shm;
    private final boolean walWasThere;
    private final boolean shmWasThere;

    private WalFiles(Path db) {
        this.db = db;
        wal = Path.of(db + "-wal");
        shm = Path.of(db + "-shm");
        walWasThere = Files.exists(wal);
        shmWasThere = Files.exists(shm);
    }

    /** Notes which of the files exist now, before the log is opened. */
    static WalFiles before(Path db) {
        return new WalFiles(db);
    }

    /** Removes the files this open created and SQLite left behind; returns those it removed. */
    List<Path> removeLeftOver() {
        List<Path> removed = new ArrayList<>();
        try {
            if (!walWasThere && Files.exists(wal) && !holdsCommit(db) && Files.deleteIfExists(wal)) {
                removed.add(wal);
            }
            if (!shmWasThere && !Files.exists(wal) && Files.deleteIfExists(shm)) {
                removed.add(shm);
            }
        } catch (IOException e) {
            // the failure that brought us here is the one to report; the files only take space
        }
        return removed;
    }

    /**
     * Whether the WAL beside {@code db} holds a committed transaction, as SQLite itself reads it (its frames'
     * checksums, salts and commit marks): {@code PRAGMA wal_checkpoint} on a read-only connection reports how many
     * frames the WAL holds, 0 when none ends a transaction. A read-only connection cannot copy frames into the log, so
     * when there are any it fails instead; that, and any other failure, counts as a commit: the file is kept.
     */
    static boolean holdsCommit(Path db) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet checkpoint = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return !checkpoint.next() || checkpoint.getInt(1) != 0 || checkpoint.getInt(2) != 0;
        } catch (SQLException e) {
            return true;
        }
    }
}
