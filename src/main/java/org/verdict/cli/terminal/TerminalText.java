package org.verdict.cli.terminal;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.util.Locale;

/**
 * Terminal output that cannot be hijacked by the text of a pack: control characters (escape sequences above all),
 * C1 controls and the bidirectional overrides are written as visible escapes such as {@code \x1B}, so a slice value
 * or a file name can neither recolour, move the cursor, rewrite a line nor reverse what follows it. Characters from
 * DEL up are written as Unicode escapes (a backslash, u and four hex digits), which JSON reads back as the same
 * character (and JSON has no raw C0 controls to escape), so {@code --json} stays valid JSON with the same content.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** Wraps {@code out} so everything printed through it is escaped; line ends and tabs pass. */
    public static PrintWriter escaping(Writer out) {
        return new PrintWriter(new EscapingWriter(out), true);
    }

    /** {@code text} as it is printed: every character that would steer the terminal written as an escape. */
    public static String escape(String text) {
        int first = firstSteering(text, 0, text.length());
        if (first < 0) {
            return text; // nearly always: no copy (a million-row compare --json prints 750,000 characters at once)
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        escaped.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            appendEscaped(escaped, text.charAt(i));
        }
        return escaped.toString();
    }

    /** The index of the first character in {@code text[from, to)} that steers the terminal, or −1. */
    private static int firstSteering(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c >= 0x7F) && steersTerminal(c)) {
                return i;
            }
        }
        return -1;
    }

    private static final boolean CARRIAGE_RETURN_ENDS_LINES = System.lineSeparator().contains("\r");

    private static boolean steersTerminal(char c) {
        if (c == '\n' || c == '\t' || (c == '\r' && CARRIAGE_RETURN_ENDS_LINES)) {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static void appendEscaped(StringBuilder out, char c) {
        if (!steersTerminal(c)) {
            out.append(c);
        } else if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
        } else {
            out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
        }
    }

    private static final class EscapingWriter extends FilterWriter {
        EscapingWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            out.write(escape(String.valueOf((char) c)));
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            // looked at in place: a streamed --json arrives as 750,000 characters of buffers, each copied into a
            // String and out again before
            if (firstSteering(CharBuffer.wrap(buffer), offset, offset + length) < 0) {
                out.write(buffer, offset, length);
            } else {
                out.write(escape(new String(buffer, offset, length)));
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            if (firstSteering(text, offset, offset + length) < 0) {
                out.write(text, offset, length);
            } else {
                out.write(escape(text.substring(offset, offset + length)));
            }
        }
    }
}
