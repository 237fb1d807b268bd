package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ASCII-first decoder reads what the JDK's strict UTF-8 decoder reads, and fails where it fails. */
class AsciiFirstDecoderTest {
    /** Pieces a text is made of: ASCII, two-, three- and four-byte characters, and bytes that are not UTF-8. */
    private static final byte[][] PIECES = {
            "example_id,label,score\n".getBytes(StandardCharsets.US_ASCII),
            "0.1234,".getBytes(StandardCharsets.US_ASCII),
            "Zürich".getBytes(StandardCharsets.UTF_8),
            "東京".getBytes(StandardCharsets.UTF_8),
            "😀".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xE9},                      // Latin-1 é: not UTF-8
            {(byte) 0xE2, (byte) 0x82},         // a three-byte sequence cut short
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a lone surrogate written as UTF-8
            {(byte) 0xC0, (byte) 0xAF},         // an overlong form
    };

    @Test
    void readsAndFailsAsTheJdksStrictDecoderOnRandomTexts() throws IOException {
        Random random = new Random(11);
        for (int text = 0; text < 3000; text++) {
            byte[] bytes = randomText(random, text % 3 == 0);
            int readSize = 1 + random.nextInt(text % 2 == 0 ? 8 : 9000);
            assertEquals(reads(bytes, jdkStrict(), readSize), reads(bytes, new AsciiFirstDecoder(), readSize),
                    "text " + text + ", reads of " + readSize);
        }
    }

    @Test
    void aSequenceCutAtTheEndOfTheFileIsMalformed() throws IOException {
        byte[] bytes = {'a', 'b', (byte) 0xF0, (byte) 0x9F, (byte) 0x98};
        assertEquals("ab|java.nio.charset.MalformedInputException: Input length = 3",
                decoded(bytes, new AsciiFirstDecoder(), 8192));
        assertEquals(decoded(bytes, jdkStrict(), 8192), decoded(bytes, new AsciiFirstDecoder(), 8192));
    }

    @Test
    void aByteThatIsNotUtf8RightAfterAFullReadFailsThatRead() throws IOException {
        // the JDK's decoder looks at the next sequence even when the read is full, and a read that fails hands over
        // nothing: "abc" never reaches the parser
        byte[] bytes = {'a', 'b', 'c', (byte) 0xE9, 'd', 'e'};
        assertEquals("|java.nio.charset.MalformedInputException: Input length = 1",
                decoded(bytes, new AsciiFirstDecoder(), 3));
        assertEquals(decoded(bytes, jdkStrict(), 3), decoded(bytes, new AsciiFirstDecoder(), 3));
    }

    @Test
    void aLongAsciiTextAndAFourByteCharacterAcrossTheReadersBuffers() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(i % 997 == 0 ? "😀" : i % 89 == 0 ? "ü" : "ex-" + i + ",");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(text.toString() + "|end", decoded(bytes, new AsciiFirstDecoder(), 8192));
    }

    private static byte[] randomText(Random random, boolean valid) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int pieces = random.nextInt(4000);
        for (int i = 0; i < pieces; i++) {
            int piece = random.nextInt(valid ? 5 : PIECES.length);
            // mostly ASCII, as the packs are
            out.writeBytes(random.nextInt(8) == 0 ? PIECES[piece] : PIECES[random.nextInt(2)]);
        }
        return out.toByteArray();
    }

    private static CharsetDecoder jdkStrict() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** What a reader hands over, then its end or its failure. */
    private static String decoded(byte[] bytes, CharsetDecoder decoder, int readSize) throws IOException {
        return read(bytes, decoder, readSize, false);
    }

    /** The same with the length of each read: the parser gets the same characters in the same reads. */
    private static String reads(byte[] bytes, CharsetDecoder decoder, int readSize) throws IOException {
        return read(bytes, decoder, readSize, true);
    }

    private static String read(byte[] bytes, CharsetDecoder decoder, int readSize, boolean lengths)
            throws IOException {
        StringBuilder read = new StringBuilder();
        InputStream in = new ByteArrayInputStream(bytes);
        try (Reader reader = new InputStreamReader(in, decoder)) {
            char[] buffer = new char[readSize];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                read.append(buffer, 0, n);
                if (lengths) {
                    read.append('[').append(n).append(']');
                }
            }
            return read + "|end";
        } catch (java.nio.charset.CharacterCodingException e) {
            return read + "|" + e;
        }
    }
}
