package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.PackException;

/** A blocks table read in two parts hands over the rows, lines and problems of one pass. */
class BlockRowsReaderTest {
    private static final List<String> COLUMNS = List.of("slice", "block", "a", "b", "n");
    private static final boolean[] NON_NEGATIVE = {true, false};

    @TempDir
    Path folder;

    /** Every row as "line:slice|block|a|b|n" with the sums as converted. */
    private static final class Recorded implements BlockRowsReader.Part {
        final List<String> rows = new ArrayList<>();

        @Override
        public void read(long line, String[] text, double[] sums, int[] position) {
            rows.add(line + ":" + text[0] + "|" + text[1] + "|" + (text[2] == null ? sums[0] : text[2]) + "|"
                    + (text[3] == null ? sums[1] : text[3]) + "|" + text[4]);
        }

        boolean join(Recorded second, long lineOffset) {
            for (String row : second.rows) {
                int colon = row.indexOf(':');
                rows.add((Long.parseLong(row.substring(0, colon)) + lineOffset) + row.substring(colon));
            }
            return true;
        }
    }

    private Path table(String name, String lineBreak, int rows, boolean emptyLines) throws Exception {
        StringBuilder csv = new StringBuilder("slice,block,a,b,n").append(lineBreak);
        for (int r = 0; r < rows; r++) {
            csv.append("s").append(r % 7).append(',').append(r).append(',').append(r * 0.125).append(',')
                    .append(-r / 3.0).append(',').append(r % 5 + 1).append(lineBreak);
            if (emptyLines && r % 97 == 0) {
                csv.append(lineBreak).append(lineBreak);
            }
        }
        Path path = folder.resolve(name);
        Files.writeString(path, csv, StandardCharsets.UTF_8);
        return path;
    }

    private static List<String> onePass(Path path) throws PackException {
        Recorded whole = new Recorded();
        BlockRowsReader.read(path, "blocks.csv", COLUMNS, 2, NON_NEGATIVE, whole);
        return whole.rows;
    }

    private static List<String> inParts(Path path, AtomicInteger parts) throws PackException {
        return BlockRowsReader.read(path, "blocks.csv", COLUMNS, 2, NON_NEGATIVE, () -> {
            parts.incrementAndGet();
            return new Recorded();
        }, Recorded::join, 0).rows;
    }

    @Test
    void twoPartsHandOverTheRowsAndLinesOfOnePass() throws Exception {
        for (String lineBreak : List.of("\n", "\r\n")) {
            Path path = table("blocks" + lineBreak.length() + ".csv", lineBreak, 5_000, true);
            AtomicInteger parts = new AtomicInteger();
            List<String> rows = inParts(path, parts);
            assertEquals(onePass(path), rows);
            assertEquals(5_000, rows.size());
            assertEquals(2, parts.get(), "read in two parts");
        }
    }

    @Test
    void aQuotedFieldInTheFirstPartMakesItOnePass() throws Exception {
        Path path = table("quoted.csv", "\n", 5_000, false);
        // a quoted field holding a line break, early in the file: a cut could fall inside such a field
        String text = Files.readString(path).replaceFirst("\ns1,", "\n\"s\n1\",");
        Files.writeString(path, text);
        AtomicInteger parts = new AtomicInteger();
        List<String> rows = inParts(path, parts);
        assertEquals(onePass(path), rows);
        assertEquals(3, parts.get(), "two parts, then one pass");
    }

    @Test
    void aProblemInTheSecondPartIsReportedWhereOnePassReportsIt() throws Exception {
        Path path = table("bad.csv", "\n", 5_000, true);
        List<String> lines = new ArrayList<>(Arrays.asList(Files.readString(path).split("\n", -1)));
        int last = lines.size() - 2; // the last row (the text ends with a line break)
        lines.set(last, lines.get(last) + ",surplus");
        Files.writeString(path, String.join("\n", lines));
        PackException one = assertThrows(PackException.class, () -> onePass(path));
        PackException parts = assertThrows(PackException.class, () -> inParts(path, new AtomicInteger()));
        assertEquals(one.getMessage(), parts.getMessage());
        assertEquals(last + 1, parts.line());
    }

    @Test
    void aProblemInBothPartsIsTheFirstPartsAsInOnePass() throws Exception {
        Path path = table("both.csv", "\n", 5_000, false);
        List<String> lines = new ArrayList<>(Arrays.asList(Files.readString(path).split("\n", -1)));
        lines.set(3, lines.get(3) + ",surplus");
        lines.set(lines.size() - 2, lines.get(lines.size() - 2) + ",surplus");
        Files.writeString(path, String.join("\n", lines));
        PackException one = assertThrows(PackException.class, () -> onePass(path));
        PackException parts = assertThrows(PackException.class, () -> inParts(path, new AtomicInteger()));
        assertEquals(one.getMessage(), parts.getMessage());
        assertEquals(4, parts.line());
    }

    @Test
    void aJoinThatRefusesMakesItOnePass() throws Exception {
        Path path = table("refused.csv", "\n", 5_000, false);
        AtomicInteger parts = new AtomicInteger();
        List<String> rows = BlockRowsReader.read(path, "blocks.csv", COLUMNS, 2, NON_NEGATIVE, () -> {
            parts.incrementAndGet();
            return new Recorded();
        }, (first, second, offset) -> false, 0).rows;
        assertEquals(onePass(path), rows);
        assertEquals(3, parts.get());
    }
}
