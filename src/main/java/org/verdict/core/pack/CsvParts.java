package org.verdict.core.pack;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A large CSV file cut in two parts to be parsed on two threads (parsing on one core was most of what a fresh process
 * spent reading the benchmark's tables, while the other core had little to do): the first part is the file up to the
 * line break after its middle byte, the second its header line followed by the rest, so that a second parser reads the
 * columns as the first does. Whether the parts stand for one pass (no quoted field, which might hold the cut's line
 * break; no problem in either part) is for the reader to judge; the second part's line numbers are its own, the
 * header's line 1.
 */
public final class CsvParts {
    /** A file at least this large is read in two parts (the benchmark's 1,000,000-row table is 68 MB). */
    public static final long MIN_BYTES = 4L << 20;
    /** How far past the middle, and past the header's start, a line break is looked for. */
    private static final int LOOK = 1 << 16;

    private final long at;
    private final long size;
    private final byte[] header;

    private CsvParts(long at, long size, byte[] header) {
        this.at = at;
        this.size = size;
        this.header = header;
    }

    /**
     * The file's two parts, or null when it is to be read in one pass: one core, fewer than {@code minBytes}, no line
     * break near the start or the middle, or the file cannot be read (one pass then says why).
     */
    public static CsvParts of(Path path, long minBytes) {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(path)) {
            long size = channel.size();
            if (size < minBytes) {
                return null;
            }
            int headerEnd = lineEnd(channel, 0);
            long middle = size / 2;
            int afterMiddle = lineEnd(channel, middle);
            long at = middle + afterMiddle;
            if (headerEnd < 0 || afterMiddle < 0 || at >= size || at <= headerEnd) {
                return null;
            }
            ByteBuffer header = ByteBuffer.allocate(headerEnd);
            while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
                // reads the header line whole
            }
            return header.hasRemaining() ? null : new CsvParts(at, size, header.array());
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** The offset after the first LF at or after {@code from}, relative to {@code from}; −1 when none is near. */
    private static int lineEnd(FileChannel channel, long from) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(LOOK);
        while (bytes.hasRemaining() && channel.read(bytes, from + bytes.position()) > 0) {
            // fills the window, or up to the end of the file
        }
        for (int i = 0; i < bytes.position(); i++) {
            if (bytes.get(i) == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The first part's bytes: the file up to the cut. */
    public InputStream first(Path path) throws IOException {
        return new Prefix(Files.newInputStream(path), at);
    }

    public long firstBytes() {
        return at;
    }

    /** The second part's bytes: the header line, then the file from the cut. */
    public InputStream second(Path path) throws IOException {
        FileChannel rest = FileChannel.open(path).position(at);
        return new SequenceInputStream(new ByteArrayInputStream(header), Channels.newInputStream(rest));
    }

    public long secondBytes() {
        return header.length + size - at;
    }

    /** Reads one part; what it throws is kept for {@link Beside#failure}. */
    @FunctionalInterface
    public interface PartReading {
        void read() throws Exception;
    }

    /** Starts reading a part on a thread of its own (a daemon, so that it never holds the process up). */
    public static Beside readBeside(String threadName, PartReading reading) {
        return new Beside(threadName, reading);
    }

    /** A part being read on a thread of its own. */
    public static final class Beside {
        private final Thread thread;
        private Throwable failure;

        private Beside(String threadName, PartReading reading) {
            thread = new Thread(() -> {
                try {
                    reading.read();
                } catch (Throwable e) {
                    // anything, also running out of memory: the part is then not to be joined
                    failure = e;
                }
            }, threadName);
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Waits for the part to be read, also when interrupted meanwhile (the interrupt is kept for the caller).
         *
         * @return what reading it threw, or null when it was read whole
         */
        public Throwable failure() {
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return failure;
        }
    }

    /** The bytes of a stream up to a limit (the first part of the file). */
    private static final class Prefix extends FilterInputStream {
        private long remaining;

        Prefix(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }
    }
}
