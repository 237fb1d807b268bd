package org.verdict.core.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a read-only open reads a log from so that its folder stays as it was: no file made beside the log, the log's
 * bytes and modification time untouched. SQLite makes {@code -wal} and {@code -shm} files beside a log in WAL mode
 * whenever it opens it, read-only too, and a read-only connection cannot remove them again (that takes a checkpoint).
 * So it is read
 * <ul>
 * <li>in place, under SQLite's own locking, when it is not in WAL mode (a reader makes no file then);</li>
 * <li>in place with {@code readonly_shm=1} when its {@code -wal} and {@code -shm} are there already (a writer has it
 * open, or left them): SQLite's WAL protocol, but with the {@code -shm} opened read-only, so a reader does not mark
 * its place in it (SQLite's default, which changes the file's modification time); where no writer keeps the
 * {@code -shm} up to date SQLite builds its index of the WAL's committed frames in memory instead. Where another
 * connection holds the {@code -shm} but its index is not whole (a writer has only begun to build it, or was killed
 * while writing it), SQLite will not rebuild it read-only (SQLITE_READONLY_RECOVERY): the log is then read from a
 * private copy, as below. While a writer of this process holds the log, it is read in place as SQLite does by
 * default ({@link WalIndexClaims} says why);</li>
 * <li>as {@code immutable=1} (no lock, no file) when it is in WAL mode without a {@code -wal}: every committed
 * transaction is then in the log's own file;</li>
 * <li>from a private copy in a temporary folder, with its {@code -wal}, when the {@code -wal} is there without its
 * {@code -shm} (or SQLite cannot open them in place, on read-only media): the WAL may hold committed transactions, and
 * SQLite would make the {@code -shm} to read them.</li>
 * </ul>
 * The last two read without SQLite's locks, so nothing stops another program from writing meanwhile (a writer's
 * checkpoint copies its WAL into the log): {@link #unchanged()} compares the size, modification time and identity of
 * the files read with those they had before, and a read during which they changed is done again.
 */
final class ReadOnlySource implements AutoCloseable {
    /** SQLite's header: "SQLite format 3\0", then at offsets 18 and 19 the read and write versions, 2 for WAL. */
    private static final int HEADER_LENGTH = 20;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final String url;
    /** The files read without SQLite's locks, and how they stood before: the read holds only if they still do. */
    private final List<Path> watched;
    private final List<Fingerprint> before;
    /** The temporary folder of a private copy, deleted on close; null when the log is read where it is. */
    private final Path copyFolder;
    /** This reader's hold on the log's {@code -shm} opened read-only; null when it does not open it so. */
    private final WalIndexClaims.Claim readOnlyIndex;

    private ReadOnlySource(String url, List<Path> watched, List<Fingerprint> before, Path copyFolder,
                           WalIndexClaims.Claim readOnlyIndex) {
        this.url = url;
        this.watched = watched;
        this.before = before;
        this.copyFolder = copyFolder;
        this.readOnlyIndex = readOnlyIndex;
    }

    /** How to read {@code db} as it stands now (see the class comment). */
    static ReadOnlySource of(Path db) throws IOException {
        Path wal = sibling(db, "-wal");
        // only a file holds transactions (a folder in its place is no WAL, as where the media cannot take one)
        if (Files.isRegularFile(wal)) {
            return Files.exists(sibling(db, "-shm")) ? withReadOnlyIndex(db) : privateCopy(db);
        }
        return inWalMode(db) ? immutable(db) : inPlace(db);
    }

    /** Read where it is, under SQLite's locks: nothing to watch. */
    private static ReadOnlySource inPlace(Path db) {
        return new ReadOnlySource("jdbc:sqlite:" + db.toAbsolutePath(), List.of(), List.of(), null, null);
    }

    /**
     * Read where it is under SQLite's WAL protocol (its read lock holds a writer's checkpoint off what it reads), the
     * {@code -shm} opened read-only. Never {@code immutable=1} here: that would read the log's file without the
     * transactions the {@code -wal} holds. Where a writer of this process holds the log, read in place as SQLite does
     * by default: its connections share the writer's writable {@code -shm} (see {@link WalIndexClaims}).
     */
    private static ReadOnlySource withReadOnlyIndex(Path db) throws IOException {
        WalIndexClaims.Claim claim = WalIndexClaims.readOnlyIndex(db);
        if (claim == null) {
            return inPlace(db);
        }
        return new ReadOnlySource(fileUrl(db) + "?readonly_shm=1", List.of(), List.of(), null, claim);
    }

    private static ReadOnlySource immutable(Path db) throws IOException {
        List<Path> watched = List.of(db);
        return new ReadOnlySource(immutableUrl(db), watched, fingerprints(watched), null, null);
    }

    /**
     * A copy of the log and its {@code -wal} in a temporary folder of its own, where SQLite may make what it needs.
     * The fingerprints are taken before copying, so a copy torn by a writer fails {@link #unchanged()}.
     */
    static ReadOnlySource privateCopy(Path db) throws IOException {
        Path wal = sibling(db, "-wal");
        List<Path> watched = List.of(db, wal);
        List<Fingerprint> before = fingerprints(watched);
        Path folder = Files.createTempDirectory("verdict-log-read-");
        try {
            Path copy = folder.resolve("decisions.db");
            Files.copy(db, copy);
            if (Files.isRegularFile(wal)) {
                try {
                    Files.copy(wal, sibling(copy, "-wal"));
                } catch (NoSuchFileException checkpointedMeanwhile) {
                    // a writer checkpointed it into the log while the log was copied: unchanged() says so
                }
            }
            return new ReadOnlySource("jdbc:sqlite:" + copy, watched, before, folder, null);
        } catch (IOException | RuntimeException e) {
            deleteTree(folder);
            throw e;
        }
    }

    private static String immutableUrl(Path db) {
        return fileUrl(db) + "?immutable=1";
    }

    /** {@code db} as a URI filename, which SQLite reads parameters such as {@code immutable} from. */
    private static String fileUrl(Path db) {
        return "jdbc:sqlite:file:" + db.toAbsolutePath().toUri().getRawPath();
    }

    /** Whether {@code db} is a SQLite file whose header says WAL mode (else, or unreadable: SQLite judges it). */
    private static boolean inWalMode(Path db) throws IOException {
        byte[] header;
        try (InputStream in = Files.newInputStream(db)) {
            header = in.readNBytes(HEADER_LENGTH);
        }
        if (header.length < HEADER_LENGTH) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (header[i] != MAGIC[i]) {
                return false;
            }
        }
        return header[18] == 2 || header[19] == 2;
    }

    String url() {
        return url;
    }

    boolean isCopy() {
        return copyFolder != null;
    }

    /** Whether SQLite reads the log's {@code -shm} read-only here (and may refuse to, see the class comment). */
    boolean readsIndexReadOnly() {
        return readOnlyIndex != null;
    }

    /** Whether the files read without SQLite's locks stand as they did before the read (always, when there are none). */
    boolean unchanged() {
        try {
            return before.equals(fingerprints(watched));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (copyFolder != null) {
            deleteTree(copyFolder);
        }
        if (readOnlyIndex != null) {
            readOnlyIndex.close();
        }
    }

    private static Path sibling(Path db, String suffix) {
        return Path.of(db + suffix);
    }

    private static List<Fingerprint> fingerprints(List<Path> files) throws IOException {
        List<Fingerprint> prints = new java.util.ArrayList<>();
        for (Path file : files) {
            prints.add(Fingerprint.of(file));
        }
        return prints;
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a temporary folder the system empties in time; the read itself is what matters
        }
    }

    /** A file's size, modification time and identity (device and inode): what a write or a replacement changes. */
    private record Fingerprint(long size, FileTime modified, Object key) {
        /** Null for a file that is not there. */
        static Fingerprint of(Path file) throws IOException {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Fingerprint(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
            } catch (NoSuchFileException absent) {
                return null;
            }
        }
    }
}
