package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.verdict.cli.terminal.TerminalText;

class TerminalTextTest {

    @Test
    void textWithNothingToEscapeIsPrintedAsItIs() {
        String plain = "{\"delta\": \"Δ −0.01\", \"slice\": \"région\"}\n\ttab";
        assertSame(plain, TerminalText.escape(plain));
        StringWriter out = new StringWriter();
        PrintWriter printer = TerminalText.escaping(out);
        printer.print(plain);
        printer.write(plain.toCharArray(), 2, 5);
        printer.flush();
        assertEquals(plain + plain.substring(2, 7), out.toString());
    }

    @Test
    void everyCharacterThatSteersTheTerminalIsEscapedWhereverItStands() {
        assertEquals("ab\\x1B[31mc\\u202Ed\\x07", TerminalText.escape("ab\u001B[31mc\u202Ed\u0007"));
        assertEquals("\\u0085", TerminalText.escape("\u0085"));
        StringWriter out = new StringWriter();
        PrintWriter printer = TerminalText.escaping(out);
        printer.print("x\u001By");
        printer.write("__\u009B__".toCharArray(), 1, 3);
        printer.flush();
        assertEquals("x\\x1By_\\u009B_", out.toString());
    }
}
