package org.verdict.core.pack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a CSV file into byte ranges that each start at a record, so the ranges can be parsed on several cores. A
 * range boundary must never fall inside a quoted field, which may hold line breaks; and every record must keep the
 * line number FastCSV would have given it reading the whole file. Both need the quoting state, which only a pass from
 * the start of the file knows, so the file is scanned once up to the last boundary, tracking no more than FastCSV's
 * rules for where a record ends: a field that starts with a quote runs to the quote that is not doubled, whatever it
 * holds; anything else runs to the next comma or line end; CRLF, LF and a lone CR each end one line. A boundary is
 * placed just after the first LF at or beyond each even share of the file that ends a record; when none does (a
 * quote never closed, or lone CRs for line ends), there are fewer ranges, down to one: the file is then read as a
 * whole, as before. So is a file with a lone CR inside a quoted field before the last cut, which FastCSV 3.4 does
 * not read as a line break (it drops the field and runs the record on), so no line count could match it. The fields
 * themselves are still split and unquoted by FastCSV.
 */
final class CsvChunks {
    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /** A range of the file: its first byte, its length, and the line its first record starts on. */
    record Chunk(long start, long length, long firstLine) {
        boolean atFileStart() {
            return start == 0;
        }
    }

    private CsvChunks() {
    }

    /** The whole file as one range. */
    static Chunk whole(long size) {
        return new Chunk(0, size, 1);
    }

    /** Up to {@code count} ranges of about equal size that together cover the file, in file order. */
    static List<Chunk> split(Path csv, long size, int count) throws IOException {
        List<long[]> boundaries = new ArrayList<>(); // {offset, line} of each range after the first
        try (SeekableByteChannel channel = Files.newByteChannel(csv)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            byte[] bytes = buffer.array();
            long position = 0;
            long line = 1;
            boolean inQuotes = false;
            long closingQuote = -2; // where the last quoted field's closing quote was: a quote right after it doubles it
            boolean crEndsBuffer = false; // a CR inside quotes was the last byte read so far
            byte previous = LF; // the file starts as if after a line end: a quote there opens a quoted field
            int next = 1;
            long target = size * next / count;
            scan:
            while (next < count) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                // a byte-order mark is not part of the first field (FastCSV's reader never sees it)
                int from = position == 0 && read >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                        && bytes[2] == (byte) 0xBF ? 3 : 0;
                if (crEndsBuffer && bytes[from] != LF) {
                    return List.of(whole(size));
                }
                crEndsBuffer = false;
                for (int i = from; i < read; i++) {
                    byte b = bytes[i];
                    // the bytes that can matter (quote, CR, LF) are below every letter, digit, comma and byte of a
                    // multi-byte character; a comma only matters as the byte before a quote
                    if (b > QUOTE || b < 0) {
                        previous = b;
                        continue;
                    }
                    if (b == CR && inQuotes) {
                        // a lone CR inside quotes: FastCSV 3.4 reads it its own way (see above)
                        if (i + 1 == read) {
                            crEndsBuffer = true;
                        } else if (bytes[i + 1] != LF) {
                            return List.of(whole(size));
                        }
                    }
                    if (b == CR || (b == LF && previous != CR)) {
                        line++; // CRLF, LF and a lone CR each end one line, inside quotes too
                    }
                    if (b == QUOTE) {
                        long at = position + i;
                        if (inQuotes) {
                            inQuotes = false;
                            closingQuote = at;
                        } else if (closingQuote == at - 1) {
                            inQuotes = true; // "" inside a quoted field is one quote character
                        } else {
                            // a quote opens a quoted field only as the field's first character; later it is text
                            inQuotes = previous == COMMA || previous == LF || previous == CR;
                        }
                    } else if (b == LF && !inQuotes) {
                        long end = position + i + 1;
                        if (end >= target && end < size) {
                            boundaries.add(new long[] {end, line});
                            next++;
                            if (next == count) {
                                break scan;
                            }
                            target = size * next / count;
                        }
                    }
                    previous = b;
                }
                position += read;
            }
        }
        List<Chunk> chunks = new ArrayList<>();
        long start = 0;
        long firstLine = 1;
        for (long[] boundary : boundaries) {
            chunks.add(new Chunk(start, boundary[0] - start, firstLine));
            start = boundary[0];
            firstLine = boundary[1];
        }
        chunks.add(new Chunk(start, size - start, firstLine));
        return chunks;
    }
}
