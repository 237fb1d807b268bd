package org.verdict.core.pack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * How a line of a text file ends, counting lines as FastCSV numbers them (a line feed, a carriage return followed by a
 * line feed, and a carriage return alone each end one line, inside quoted fields too). Read only to explain a refused
 * record, never on the way to loading one.
 */
final class LineEndings {
    private LineEndings() {
    }

    /**
     * The characters that end the given 1-based line: "\n", "\r\n" or "\r"; "" when the file ends first or cannot be
     * read again (the caller then says what it would have said without knowing).
     */
    static String of(Path file, long line) {
        try (Reader text = PackText.utf8Reader(file)) {
            char[] buffer = new char[1 << 16];
            long current = 1;
            boolean afterCarriageReturn = false;
            for (int read = text.read(buffer); read >= 0; read = text.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (afterCarriageReturn) {
                        if (current == line) {
                            return c == '\n' ? "\r\n" : "\r";
                        }
                        current++;
                        afterCarriageReturn = false;
                        if (c == '\n') {
                            continue;
                        }
                    }
                    if (c == '\r') {
                        afterCarriageReturn = true;
                    } else if (c == '\n') {
                        if (current == line) {
                            return "\n";
                        }
                        current++;
                    }
                }
            }
            return afterCarriageReturn && current == line ? "\r" : "";
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
