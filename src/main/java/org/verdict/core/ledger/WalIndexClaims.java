package org.verdict.core.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How this process's connections to a log hold its WAL index (the {@code -shm}). SQLite maps a log's {@code -shm}
 * once per process and shares that mapping among all the process's connections to the log, opened as the first of
 * them opened it: read-only when that was a reader with {@code readonly_shm=1} ({@link ReadOnlySource}), and then a
 * writer in the same process cannot write the log at all (SQLITE_READONLY) until every such reader has closed. So a
 * reader opens the {@code -shm} read-only only while no writer of this process holds the log, and a writer waits for
 * those readers to close before it opens the log.
 */
final class WalIndexClaims {
    private static final Object LOCK = new Object();
    /** Per log, by its file's identity (the one SQLite shares the mapping by): who in this process holds it. */
    private static final Map<Object, Holders> HELD = new HashMap<>();

    private WalIndexClaims() {
    }

    private static final class Holders {
        int readOnlyReaders;
        int writers;
    }

    /** A reader's or writer's hold on a log, given up by {@link #close()}. */
    static final class Claim implements AutoCloseable {
        private final Object log;
        private final boolean writer;
        private boolean closed;

        private Claim(Object log, boolean writer) {
            this.log = log;
            this.writer = writer;
        }

        @Override
        public void close() {
            if (log == null) {
                return;
            }
            synchronized (LOCK) {
                if (closed) {
                    return;
                }
                closed = true;
                Holders holders = HELD.get(log);
                if (writer) {
                    holders.writers--;
                } else {
                    holders.readOnlyReaders--;
                }
                if (holders.writers == 0 && holders.readOnlyReaders == 0) {
                    HELD.remove(log);
                }
                LOCK.notifyAll();
            }
        }
    }

    /**
     * A reader's claim to open {@code db}'s {@code -shm} read-only; null when a writer of this process holds the log
     * (its connections share the writer's writable mapping, so the reader opens it as SQLite does by default).
     */
    static Claim readOnlyIndex(Path db) throws IOException {
        Object log = identity(db);
        synchronized (LOCK) {
            Holders holders = HELD.computeIfAbsent(log, key -> new Holders());
            if (holders.writers > 0) {
                return null;
            }
            holders.readOnlyReaders++;
            return new Claim(log, false);
        }
    }

    /**
     * A writer's claim on {@code db}, once no reader of this process holds its {@code -shm} read-only; waits up to
     * {@code patience} for them to close (a read of the Audit view, an export), then refuses.
     */
    static Claim writer(Path db, Duration patience) throws LedgerException {
        Object log;
        try {
            log = identity(db);
        } catch (NoSuchFileException notYetMade) {
            // no reader can hold a log that is not there; its -shm is first mapped by this writer, writable
            return new Claim(null, true);
        } catch (IOException e) {
            throw new LedgerException("cannot read " + db + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (LOCK) {
            Holders holders = HELD.computeIfAbsent(log, key -> new Holders());
            while (holders.readOnlyReaders > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LedgerException(db + " is being read by this Verdict (the Audit view, a report or an"
                            + " export), which has held it for more than " + patience.toSeconds() + " s: nothing was"
                            + " written; try again when the read is done");
                }
                try {
                    LOCK.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LedgerException("interrupted while " + db + " was being read: nothing was written", e);
                }
                holders = HELD.computeIfAbsent(log, key -> new Holders());
            }
            holders.writers++;
            return new Claim(log, true);
        }
    }

    /** The file's identity (device and inode where the system gives one), else its absolute path. */
    private static Object identity(Path db) throws IOException {
        Object key = Files.readAttributes(db, BasicFileAttributes.class).fileKey();
        return key != null ? key : db.toAbsolutePath().normalize();
    }
}
