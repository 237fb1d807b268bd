package org.verdict.core.pack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongSupplier;

/**
 * A reader whose source is read on a thread of its own, ahead of the caller: the file's reads and its UTF-8 decoding
 * (about a fifth of a large CSV's parse under the client compiler, which has no intrinsic for the decoder's ASCII loop)
 * run on the core the parse leaves idle. The caller gets exactly the source's own reads, one at a time, each as long
 * as the source made it, then its end or its failure, so a parser that reads as many characters as this reader is
 * asked for sees the same text up to the same failure as from the source itself.
 */
final class ReadAheadReader extends Reader {
    /** As many characters as FastCSV asks for at a time, so the source is asked as FastCSV would ask it. */
    static final int READ_SIZE = 8192;
    /** Reads handed over together, so the two threads meet once per 256 k characters rather than at every read. */
    private static final int READS_PER_BATCH = 32;
    /** Batches in flight: how far the source may run ahead (about 2 MB of characters). */
    private static final int BATCHES = 4;

    /** Some of the source's reads in order, then possibly its end or its failure. */
    private static final class Batch {
        final char[] chars = new char[READS_PER_BATCH * READ_SIZE];
        final int[] lengths = new int[READS_PER_BATCH];
        int reads;
        /** Where the source's underlying stream stood before and after these reads (bytes, for progress). */
        long start;
        long position;
        boolean end;
        Throwable failure;
    }

    private final Reader source;
    private final LongSupplier sourcePosition;
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final BlockingQueue<Batch> filled = new ArrayBlockingQueue<>(BATCHES);
    private final Thread reading;
    private volatile boolean closed;

    /** The batch being handed out, the read of it next and where in its characters that read begins. */
    private Batch current;
    private int nextRead;
    private int offset;
    /** Characters of the current read not yet handed out (when a caller asks for fewer than the read holds). */
    private int leftInRead;

    /**
     * @param sourcePosition how far the source's underlying stream is read, asked on the reading thread after each
     *                       batch, so {@link #position()} tells how far the text handed out so far reaches
     */
    ReadAheadReader(Reader source, LongSupplier sourcePosition, String threadName) {
        this.source = source;
        this.sourcePosition = sourcePosition;
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch());
        }
        reading = new Thread(this::readAhead, threadName);
        reading.setDaemon(true);
        reading.start();
    }

    private void readAhead() {
        try {
            while (!closed) {
                Batch batch = free.take();
                batch.start = sourcePosition.getAsLong();
                batch.reads = 0;
                int used = 0;
                try {
                    while (batch.reads < READS_PER_BATCH) {
                        int read = source.read(batch.chars, used, READ_SIZE);
                        if (read < 0) {
                            batch.end = true;
                            break;
                        }
                        batch.lengths[batch.reads++] = read;
                        used += read;
                    }
                } catch (IOException | RuntimeException | Error failure) {
                    batch.failure = failure;
                }
                batch.position = sourcePosition.getAsLong();
                filled.put(batch);
                if (batch.end || batch.failure != null) {
                    return;
                }
            }
        } catch (InterruptedException closing) {
            // close() stops the reading; nothing waits for what was not read
        }
    }

    @Override
    public int read(char[] into, int at, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (leftInRead == 0) {
            if (current != null && nextRead < current.reads) {
                leftInRead = current.lengths[nextRead++];
                if (leftInRead > 0) {
                    break;
                }
                continue;
            }
            if (current != null) {
                if (current.end) {
                    return -1;
                }
                if (current.failure != null) {
                    throw rethrown(current.failure);
                }
                free.add(current);
            }
            current = take();
            nextRead = 0;
            offset = 0;
        }
        int count = Math.min(length, leftInRead);
        System.arraycopy(current.chars, offset, into, at, count);
        offset += count;
        leftInRead -= count;
        return count;
    }

    /**
     * About how far the source's stream is read for the characters handed out so far: where it stood before their
     * batch, plus the characters handed out of it (a byte each, as in ASCII text), so as far ahead of them as the
     * source's own buffers, however far the reading thread has run ahead.
     */
    long position() {
        return current == null ? 0 : Math.min(current.start + offset, current.position);
    }

    private Batch take() throws IOException {
        try {
            return filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading was interrupted");
        }
    }

    private static IOException rethrown(Throwable failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof UncheckedIOException unchecked) {
            throw unchecked;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }

    /** Stops the reading thread and waits for it before the source is closed (an unpacked .zip is deleted next). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        reading.interrupt();
        boolean interrupted = false;
        while (reading.isAlive()) {
            try {
                reading.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
