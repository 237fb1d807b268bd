package org.verdict.core.pack;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that widens runs of ASCII bytes in one loop of its own and hands every other byte to the
 * JDK's UTF-8 decoder, which decodes from there to the end of the bytes at hand: the same characters, and the same
 * malformed input reported at the same byte. The JDK's decoder widens ASCII with two intrinsic loops (a look for a
 * byte above 127, then the copy); under the client compiler alone, which the launcher picks for packs up to 96 MB,
 * they are plain loops, each called per run: the 1,000,000-row pack's 65 MB took 140 ms of the parsing thread's CPU
 * to decode that way and 85 ms this way in a fresh JVM (docs/benchmarks.md, "Levers").
 */
final class AsciiFirstDecoder extends CharsetDecoder {
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    AsciiFirstDecoder() {
        super(StandardCharsets.UTF_8, 1.0f, 1.0f);
        onMalformedInput(CodingErrorAction.REPORT);
        onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
        if (in.hasArray() && out.hasArray()) {
            byte[] bytes = in.array();
            char[] chars = out.array();
            int from = in.arrayOffset() + in.position();
            int to = out.arrayOffset() + out.position();
            int n = Math.min(in.remaining(), out.remaining());
            int i = 0;
            while (i < n && bytes[from + i] >= 0) {
                chars[to + i] = (char) bytes[from + i];
                i++;
            }
            in.position(in.position() + i);
            out.position(out.position() + i);
        }
        if (!in.hasRemaining()) {
            return CoderResult.UNDERFLOW;
        }
        // even with no room left for characters: the JDK's decoder reports a malformed sequence it meets then, rather
        // than an overflow, and so must this one (the characters decoded before it are then never handed over). A
        // sequence cut at the end of these bytes stays in them (underflow), as the JDK's decoder leaves it: the
        // caller brings more, or reports it as malformed at the end of the input.
        return utf8.decode(in, out, false);
    }

    @Override
    protected void implReset() {
        utf8.reset();
    }
}
