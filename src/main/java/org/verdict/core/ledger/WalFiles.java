package org.verdict.core.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code -wal} and {@code -shm} files SQLite keeps beside a log in WAL mode. It removes them when its last
 * connection closes, unless a write failed for want of space: then they stay behind on the full disk. Verdict
 * removes those it created itself, never one that was there before it opened the log (another program's) and never a
 * WAL that holds a committed transaction (which would lose it).
 */
final class WalFiles {
    private static final int WAL_HEADER = 32;
    private static final int FRAME_HEADER = 24;

    private final Path wal;
    private final Path shm;
    private final boolean walWasThere;
    private final boolean shmWasThere;

    private WalFiles(Path db) {
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
            if (!walWasThere && Files.exists(wal) && !holdsCommit(wal) && Files.deleteIfExists(wal)) {
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

    /** Whether a valid frame of the WAL ends a transaction (its "database size after commit" is set). */
    static boolean holdsCommit(Path wal) throws IOException {
        try (InputStream in = Files.newInputStream(wal)) {
            byte[] header = in.readNBytes(WAL_HEADER);
            if (header.length < WAL_HEADER) {
                return false;
            }
            ByteBuffer h = ByteBuffer.wrap(header);
            int pageSize = h.getInt(8);
            long salts = h.getLong(16);
            while (true) {
                byte[] frame = in.readNBytes(FRAME_HEADER);
                if (frame.length < FRAME_HEADER) {
                    return false;
                }
                ByteBuffer f = ByteBuffer.wrap(frame);
                if (f.getLong(8) == salts && f.getInt(4) != 0) {
                    return true;
                }
                if (in.skip(pageSize) < pageSize) {
                    return false;
                }
            }
        }
    }
}
