package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The reader read ahead on a thread of its own hands over the source's reads, end and failure as the source made them. */
class ReadAheadReaderTest {
    /** A source whose reads return a few characters at a time, irregularly, and that records its reads. */
    private static final class Irregular extends Reader {
        final Reader text;
        final Random random = new Random(7);
        final List<Integer> reads = new ArrayList<>();
        volatile boolean closed;
        volatile boolean readAfterClose;

        Irregular(String text) {
            this.text = new StringReader(text);
        }

        @Override
        public int read(char[] into, int at, int length) throws IOException {
            readAfterClose |= closed;
            int read = text.read(into, at, Math.min(length, 1 + random.nextInt(ReadAheadReader.READ_SIZE)));
            reads.add(read);
            return read;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static String text(int length) {
        StringBuilder text = new StringBuilder();
        Random random = new Random(3);
        while (text.length() < length) {
            text.append("row").append(random.nextInt(1000)).append(",é,0.").append(random.nextInt(10_000)).append('\n');
        }
        return text.substring(0, length);
    }

    @Test
    void handsOverEveryReadOfTheSourceAsItWasMade() throws IOException {
        String text = text(1_000_003);
        Irregular source = new Irregular(text);
        List<Integer> handedOut = new ArrayList<>();
        StringBuilder read = new StringBuilder();
        try (ReadAheadReader ahead = new ReadAheadReader(source, () -> 0, "test")) {
            char[] buffer = new char[ReadAheadReader.READ_SIZE];
            for (int n; (n = ahead.read(buffer, 0, buffer.length)) >= 0; ) {
                handedOut.add(n);
                read.append(buffer, 0, n);
            }
            assertEquals(-1, ahead.read(buffer, 0, buffer.length), "the end stays the end");
        }
        assertEquals(text, read.toString());
        List<Integer> sourceReads = new ArrayList<>(source.reads);
        assertEquals(-1, sourceReads.remove(sourceReads.size() - 1));
        assertEquals(sourceReads, handedOut, "each read of the source is one read of the reader");
        assertTrue(source.closed);
    }

    @Test
    void aCallerAskingForLessGetsTheRestOfTheReadNext() throws IOException {
        String text = text(100_000);
        StringBuilder read = new StringBuilder();
        try (ReadAheadReader ahead = new ReadAheadReader(new StringReader(text), () -> 0, "test")) {
            char[] buffer = new char[777];
            for (int n; (n = ahead.read(buffer, 3, 700)) >= 0; ) {
                read.append(buffer, 3, n);
            }
        }
        assertEquals(text, read.toString());
    }

    @Test
    void theSourcesFailureComesAfterTheTextReadBeforeIt() throws IOException {
        byte[] bytes = (text(50_000) + "caf\u00e9").getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 20];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length] = (byte) 0xE9; // Windows-1252 é: no UTF-8
        Reader direct = PackText.utf8Reader(new ByteArrayInputStream(broken));
        Reader ahead = new ReadAheadReader(PackText.utf8Reader(new ByteArrayInputStream(broken)), () -> 0, "test");
        char[] a = new char[ReadAheadReader.READ_SIZE];
        char[] b = new char[ReadAheadReader.READ_SIZE];
        while (true) {
            int fromDirect;
            try {
                fromDirect = direct.read(a, 0, a.length);
            } catch (CharacterCodingException expected) {
                assertThrows(CharacterCodingException.class, () -> ahead.read(b, 0, b.length));
                break;
            }
            int fromAhead = ahead.read(b, 0, b.length);
            assertEquals(fromDirect, fromAhead);
            assertFalse(fromDirect < 0, "the source fails before its end");
            assertArrayEquals(a, b);
        }
        ahead.close();
    }

    @Test
    void closingStopsTheReadingBeforeTheSourceIsClosed() throws Exception {
        Irregular source = new Irregular(text(5_000_000));
        ReadAheadReader ahead = new ReadAheadReader(source, () -> 0, "test");
        char[] buffer = new char[10];
        assertEquals(ahead.read(buffer, 0, 10) > 0, true);
        ahead.close();
        assertTrue(source.closed);
        Thread.sleep(50);
        assertFalse(source.readAfterClose, "no read of the source once it is closed");
    }

    @Test
    void anInterruptedCallerGetsAnInterruptedReadAndKeepsItsInterrupt() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Reader stuck = new Reader() {
            @Override
            public int read(char[] into, int at, int length) throws IOException {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                }
                return -1;
            }

            @Override
            public void close() {
            }
        };
        ReadAheadReader ahead = new ReadAheadReader(stuck, () -> 0, "test");
        Throwable[] thrown = new Throwable[1];
        boolean[] interruptKept = new boolean[1];
        Thread caller = new Thread(() -> {
            try {
                ahead.read(new char[10], 0, 10);
            } catch (IOException e) {
                thrown[0] = e;
                interruptKept[0] = Thread.currentThread().isInterrupted();
            }
        });
        caller.start();
        Thread.sleep(50);
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(10));
        assertSame(InterruptedIOException.class, thrown[0].getClass());
        assertTrue(interruptKept[0]);
        ahead.close();
    }

    @Test
    void positionFollowsTheCharactersHandedOutNotTheReadingThread() throws IOException {
        long[] position = new long[1];
        String text = text(300_000);
        Reader counting = new Reader() {
            final StringReader inner = new StringReader(text);

            @Override
            public int read(char[] into, int at, int length) throws IOException {
                int read = inner.read(into, at, length);
                position[0] += Math.max(read, 0);
                return read;
            }

            @Override
            public void close() {
            }
        };
        try (ReadAheadReader ahead = new ReadAheadReader(counting, () -> position[0], "test")) {
            assertEquals(0, ahead.position());
            char[] buffer = new char[ReadAheadReader.READ_SIZE];
            long handedOut = 0;
            for (int n; (n = ahead.read(buffer, 0, buffer.length)) >= 0; ) {
                handedOut += n;
                // this source has no buffer of its own: one character is one position
                assertEquals(handedOut, ahead.position());
            }
        }
    }
}
