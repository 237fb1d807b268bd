package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.task.Progress;

/**
 * A carriage return (CR) without a line feed inside a value. FastCSV, like any RFC 4180 reader, ends a line at a CR on
 * its own outside quotes, so a writer that quotes values holding a line feed but not those holding a CR cuts the row
 * there; inside quotes it is a line break in the value, which would print over two lines. Either way the message
 * names the value's line and column and the cause, not only a count of fields or an unclosed quote.
 */
class CarriageReturnInRowsTest {
    private static final String HEADER = "example_id,label,region,score_7,score_8";
    private static final String CUT_SHORT = "(region) a carriage return (CR, \\r) without a line feed ends the row inside "
            + "this value, so the row has 3 fields but the header has 5; the file's rows end with a line feed: remove the "
            + "carriage return from the value, or enclose the value in quotes to keep it";

    @TempDir
    Path temp;

    @Test
    void aBareCarriageReturnIsNamedWhereItCutsTheRowWhateverTheFilesLineFeeds() {
        for (String rowEnd : List.of("\n", "\r\n")) {
            PackException error = refused(rowEnd, "t1,fraud,eu,0.9,0.4", "t2,ok,eu,0.2,0.35", "t3,ok,us\rwest,0.6,0.1",
                    "t4,fraud,us,0.4,0.25");
            assertEquals(List.of("primary.csv", 4L, 3L, CUT_SHORT),
                    List.of(error.file(), error.line(), error.column(), error.problem()), rowEnd.replace("\r", "CR"));
        }
    }

    /** Inside quotes a CR is a line break like any other: a slice value holding one would print over two lines. */
    @Test
    void aQuotedValueHoldingACarriageReturnIsRefusedWhereItOpens() {
        PackException error = refused("\n", "t1,fraud,eu,0.9,0.4", "t2,ok,\"eu\rwest\",0.2,0.35", "t3,ok,us,0.6,0.1",
                "t4,fraud,us,0.4,0.25");
        assertEquals(List.of(3L, 3L, "(region) " + RowProblems.lineBreakInValue()),
                List.of(error.line(), error.column(), error.problem()));
    }

    /** The quote is closed on the line the reader sees; the extra field is the problem, not the quote. */
    @Test
    void aQuotedCarriageReturnInARowWithAnExtraFieldIsNotTakenForAnUnclosedQuote() {
        PackException error = refused("\n", "t1,fraud,eu,0.9,0.4", "t2,ok,\"eu\rwest\",0.2,0.35,0.5",
                "t3,ok,us,0.6,0.1");
        assertEquals(List.of(3L, 6L, RowProblems.rowRunsOn(6, 5)),
                List.of(error.line(), error.column(), error.problem()));
    }

    /** A file whose rows end with a CR alone (as old Mac editors wrote them): its CRs end rows, and are not blamed. */
    @Test
    void aFileWhoseRowsEndWithCarriageReturnsKeepsTheOrdinaryMessage() {
        PackException error = refused("\r", "t1,fraud,eu,0.9,0.4", "t2,ok,eu", "t3,ok,us,0.6,0.1");
        assertEquals(List.of(3L, 4L, "(score_7) " + RowProblems.rowEndsEarly(3, 5)),
                List.of(error.line(), error.column(), error.problem()));
    }

    /**
     * An unclosed quote still says so, even when its value holds a CR before the line feeds it runs over; the lines are
     * FastCSV's, in which the CR ends one (line 4 is "west,0.2,0.35", the file's last, t3's, is line 5).
     */
    @Test
    void anUnclosedQuoteHoldingACarriageReturnIsStillAnUnclosedQuote() {
        PackException error = refused("\n", "t1,fraud,eu,0.9,0.4", "t2,ok,\"eu\rwest,0.2,0.35", "t3,ok,us,0.6,0.1");
        assertEquals(List.of(3L, 3L), List.of(error.line(), error.column()));
        assertEquals("(region) " + RowProblems.unclosedQuote() + " (it runs on to line 5, so the row has 3 fields but "
                + "the header has 5); " + RowProblems.unclosedQuoteAdvice(), error.problem());
    }

    private PackException refused(String rowEnd, String... rows) {
        Path pack = PackFixture.write(temp.resolve("pack" + System.nanoTime()), PackFixture.BINARY_MANIFEST,
                HEADER + rowEnd + String.join(rowEnd, rows) + rowEnd);
        return assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
    }
}
