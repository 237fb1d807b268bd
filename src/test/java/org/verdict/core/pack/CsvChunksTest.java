package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every part {@link CsvChunks} cuts must start at a record and know its line: FastCSV reading the parts one by one
 * must give exactly the records, fields and line numbers of reading the whole file, on text full of what could
 * mislead a cut (line breaks and doubled quotes inside quoted fields, quotes inside unquoted fields, text after a
 * closing quote, CRLF, lone CRs, blank lines, a byte-order mark, non-ASCII characters).
 */
class CsvChunksTest {
    @TempDir
    Path temp;

    private static final String[] FIELDS = {
        "plain", "", "\"quoted, with comma\"", "\"two\nlines\"", "\"crlf\r\ninside\"",
        "\"doubled \"\" quote\"", "\"\"\"\"", "mid\"quote", "\"closed\"then text", "\"\n\"", "ünïcødé", "\"\"",
        "\"ends with newline\n\"", "\"a \"\"\n\"\" b\""
    };
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\n", "\r\n", "\r"};

    private byte[] trickyCsv(long seed, int records) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("\uFEFF\"id\",\"text, header\",value\n");
        for (int r = 0; r < records; r++) {
            if (random.nextInt(40) == 0) {
                csv.append('\n'); // a blank line
            }
            csv.append("r").append(r).append(',').append(FIELDS[random.nextInt(FIELDS.length)]).append(',')
                    .append(FIELDS[random.nextInt(FIELDS.length)])
                    .append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Each record's starting line and fields, as FastCSV reads them. */
    private static List<String> records(byte[] bytes, int from, int to, boolean atFileStart, long linesBefore)
            throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ignoreDifferentFieldCount(true).ofCsvRecord(
                PackText.utf8Reader(new ByteArrayInputStream(bytes, from, to - from), atFileStart))) {
            for (CsvRecord record : reader) {
                out.add((linesBefore + record.getStartingLineNumber()) + " " + record.getFields());
            }
        }
        return out;
    }

    @Test
    void thePartsReadOneByOneGiveTheWholeFilesRecordsAndLines() throws IOException {
        for (long seed = 1; seed <= 12; seed++) {
            byte[] bytes = trickyCsv(seed, 3_000);
            Path csv = temp.resolve("tricky-" + seed + ".csv");
            Files.write(csv, bytes);
            List<String> whole = records(bytes, 0, bytes.length, true, 0);
            for (int count = 2; count <= 9; count++) {
                List<CsvChunks.Chunk> chunks = CsvChunks.split(csv, bytes.length, count);
                List<String> joined = new ArrayList<>();
                long expectedStart = 0;
                for (CsvChunks.Chunk chunk : chunks) {
                    assertEquals(expectedStart, chunk.start(), "the parts cover the file without gap or overlap");
                    joined.addAll(records(bytes, (int) chunk.start(), (int) (chunk.start() + chunk.length()),
                            chunk.atFileStart(), chunk.firstLine() - 1));
                    expectedStart = chunk.start() + chunk.length();
                }
                assertEquals(bytes.length, expectedStart);
                for (int i = 0; i < Math.min(whole.size(), joined.size()); i++) {
                    assertEquals(whole.get(i), joined.get(i), "seed " + seed + ", " + count + " parts, record " + i
                            + ": " + chunks);
                }
                assertEquals(whole.size(), joined.size(), "seed " + seed + ", " + count + " parts: " + chunks);
                // lone CRs end records too, but a cut is only made after an LF; most cuts are found
                assertTrue(chunks.size() >= count - 1, "seed " + seed + ", " + count + " parts: " + chunks);
            }
        }
    }

    @Test
    void aLoneCarriageReturnInsideQuotesBeforeTheCutLeavesTheFileWhole() throws IOException {
        // FastCSV 3.4 reads 'a,"x\ry"' as one record [a] run on into the next line, which no line count can follow
        byte[] bytes = ("id,text\n1,\"x\ry\"\n" + "2,x\n".repeat(1000)).getBytes(StandardCharsets.UTF_8);
        Path csv = temp.resolve("lone-cr.csv");
        Files.write(csv, bytes);
        assertEquals(List.of(CsvChunks.whole(bytes.length)), CsvChunks.split(csv, bytes.length, 3));
    }

    @Test
    void aQuoteNeverClosedLeavesTheFileWhole() throws IOException {
        byte[] bytes = ("id,text\n1,\"opened\n" + "2,x\n".repeat(1000)).getBytes(StandardCharsets.UTF_8);
        Path csv = temp.resolve("unclosed.csv");
        Files.write(csv, bytes);
        assertEquals(List.of(CsvChunks.whole(bytes.length)), CsvChunks.split(csv, bytes.length, 4));
    }

    @Test
    void aCutNeverFallsInsideAQuotedFieldThatSpansTheMiddle() throws IOException {
        char[] filler = new char[5000];
        Arrays.fill(filler, 'x');
        String csv = "id,text\n1,\"" + new String(filler).replace("xxxxxxxxxx", "xxxxxxxxx\n") + "\"\n2,after\n";
        Path file = temp.resolve("spanning.csv");
        Files.writeString(file, csv);
        List<CsvChunks.Chunk> chunks = CsvChunks.split(file, csv.length(), 2);
        assertEquals(2, chunks.size(), chunks.toString());
        assertEquals(csv.indexOf("2,after"), chunks.get(1).start());
        assertEquals(csv.substring(0, csv.indexOf("2,after")).chars().filter(c -> c == '\n').count() + 1,
                chunks.get(1).firstLine());
    }
}
