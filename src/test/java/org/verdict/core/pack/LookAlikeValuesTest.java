package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.task.Progress;

/**
 * Values that would print like other ones: a slice value or class with whitespace around it ("month " beside "month"
 * would be a slice of its own under the same printed name), a quoted value running over a line break (a two-line
 * label, nearly always a quote never closed) and a number with a space around it. Each is refused at its line and
 * column, never trimmed or kept.
 */
class LookAlikeValuesTest {
    private static final String HEADER = "example_id,label,region,score_7,score_8\n";

    @TempDir
    Path temp;



    /** Rows of one slice "month" with a binary label, as a real churn pack has them by the hundred. */
    private static String rows(int from, int to) {
        StringBuilder rows = new StringBuilder();
        for (int i = from; i < to; i++) {
            rows.append("t").append(i).append(i % 3 == 0 ? ",fraud," : ",ok,").append("month,0.")
                    .append(i % 9 + 1).append(",0.").append((i * 7) % 9 + 1).append('\n');
        }
        return rows.toString();
    }

    @Test
    void aSliceValueWithASpaceAfterOrBeforeItIsRefusedWhereItFirstAppears() {
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + rows(0, 3) + "t3,ok,month ,0.2,0.4\n" + rows(4, 400)),
                5, 3, "(region) 'month ' has a space after it, so it prints like 'month' but is another value; remove"
                        + " the whitespace (Verdict neither takes it as part of the value nor removes it)");
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + rows(0, 4) + "t4,ok,\" month\",0.2,0.4\n"),
                6, 3, "(region) ' month' has a space before it, so it prints like 'month' but is another value; remove"
                        + " the whitespace (Verdict neither takes it as part of the value nor removes it)");
        // the first value of the column is looked at too, and so is a no-break space, which no strip() removes
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + "t0,ok,\tmonth\u00a0,0.2,0.4\n" + rows(1, 4)),
                2, 3, "(region) '\\u0009month\\u00A0' has a tab before and a no-break space (U+00A0) after it, so it prints"
                        + " like 'month' but is another value; remove the whitespace (Verdict neither takes it as part"
                        + " of the value nor removes it)");
    }

    /** An empty slice value is refused; one of spaces only is not taken for a missing one, and is refused too. */
    @Test
    void aSliceValueOfSpacesOnlyIsRefusedLikeAnEmptyOne() {
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + rows(0, 2) + "t2,ok,  ,0.2,0.4\n"),
                4, 3, "(region) value is only whitespace (a space, …), which prints as nothing; write a value (for an"
                        + " unknown group, such as 'unknown')");
    }

    @Test
    void aClassWithASpaceIsRefusedAsSuchInEveryClassColumn() {
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV + "e5,billing,en,f,account,billing \n"),
                6, 6, "(pred_43) 'billing ' has a space after it, so it prints like 'billing' but is another value;"
                        + " remove the whitespace (Verdict neither takes it as part of the value nor removes it)");
        // in a binary pack it used to be called a third class; the space is what is wrong
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + rows(0, 3) + "t3,ok ,month,0.2,0.4\n"),
                5, 2, "(label) 'ok ' has a space after it, so it prints like 'ok' but is another value; remove the"
                        + " whitespace (Verdict neither takes it as part of the value nor removes it)");
    }

    /** The line break is legal CSV and the field count is right, yet the value would print over two lines. */
    @Test
    void aQuotedValueRunningOverALineBreakIsRefusedAtItsStartInEveryColumnTheLoaderReads() {
        String problem = RowProblems.lineBreakInValue();
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + rows(0, 4) + "t4,ok,\"mon\nth\",0.2,0.4\n"
                + rows(5, 9)), 6, 3, "(region) " + problem);
        // placed at its own line when an earlier field of the row already ran over one (in a column nothing reads)
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, "example_id,note,label,region,score_7,score_8\n"
                + "t1,\"two\nlines\",ok,\"eu\r\nwest\",0.2,0.4\n"), 3, 4, "(region) " + problem);
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + "\"t\n1\",ok,eu,0.2,0.4\n"), 2, 1,
                "(example_id) " + problem);
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + "t1,\"ok\n\",eu,0.2,0.4\n"), 2, 2, "(label) " + problem);
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + "t1,ok,eu,\"0.2\n\",0.4\n"), 2, 4,
                "(score_7) " + problem);
        // a quote never closed in the last field of the file still has the header's number of fields
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + "t1,ok,eu,0.2,\"0.4\n"), 2, 5, "(score_8) " + problem);
    }

    /** RFC 4180 allows a line break in a quoted field; in a free-text column nothing reads it harms nothing. */
    @Test
    void aQuotedLineBreakInAColumnNothingReadsIsTaken() throws Exception {
        Path pack = PackFixture.write(temp.resolve("notes"), PackFixture.BINARY_MANIFEST,
                "example_id,label,region,note,score_7,score_8\nt1,fraud,eu,\"called twice,\nthen closed\",0.9,0.4\n"
                        + "t2,ok,us,,0.2,0.35\n");
        EvaluationTable table = new PackLoader().load(pack, Progress.NONE).primary();
        assertEquals(List.of("eu", "us"), table.column("region").orElseThrow().levels());
    }

    @Test
    void aNumberWithASpaceAroundItIsRefusedAtItsColumn() {
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + rows(0, 19) + "t19,ok,month, 0.00356,0.4\n"), 21, 4,
                "(score_7) ' 0.00356' has a space before it; write the number without whitespace around it");
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + "t1,ok,month,0.5,\"0.25\t\"\n"), 2, 5,
                "(score_8) '0.25\\u0009' has a tab after it; write the number without whitespace around it");
        PackFixture.assertRefusedAt(PackFixture.refusedByLoader(temp, PackFixture.BINARY_MANIFEST, HEADER + "t1,ok,month, ,0.5\n"), 2, 4,
                "(score_7) ' ' is not a number written in digits, such as 12, -0.5 or 1.5e-07");
    }
}
