package org.verdict.core.summary;

import com.fasterxml.jackson.core.io.NumberInput;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.verdict.core.pack.CsvParts;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackText;

/**
 * Reads a blocks table, by far a summary pack's largest (some 60 sums on each of combinations × blocks rows; a fresh
 * process opening the benchmark's pack spent a large part of its time making a String of every field). FastCSV hands
 * each field's characters to this handler, which converts a sum straight from its buffer. A field that does not
 * convert into an acceptable sum (empty, not a number, not finite, negative where it may not be), and every field that
 * is not a sum, is handed over as its text, so the {@link SummaryPackReader}'s checks place and word each problem
 * exactly as for the other tables.
 */
final class BlockRowsReader {
    private BlockRowsReader() {
    }

    /** One data row: its line, and per column of the table (in the layout's order) its text or its converted sum. */
    @FunctionalInterface
    interface BlockRow {
        /**
         * @param text per column, its field as written; null for a sum that {@code sums} holds
         * @param sums per sum column s (column {@code firstSum + s}), its value where {@code text} is null
         * @param position per column, its index in the file (for the column number of a problem)
         */
        void read(long line, String[] text, double[] sums, int[] position) throws PackException;
    }

    /**
     * Reads the CSV whose header must hold exactly {@code columns} (in any order), as {@link SummaryPackReader} reads
     * its other tables: empty lines skipped, every row with the header's number of fields.
     *
     * @param firstSum the column of the first sum; sums are the columns {@code firstSum … firstSum + nonNegative.length − 1}
     * @param nonNegative per sum, whether it must be ≥ 0
     */
    static void read(Path path, String file, List<String> columns, int firstSum, boolean[] nonNegative, BlockRow rows)
            throws PackException {
        parse(new Handler(file, columns, firstSum, nonNegative, rows), path,
                handler -> CsvReader.builder().skipEmptyLines(true).build(handler, PackText.utf8Reader(path)));
    }

    /** What one reading of the table, or of one of its parts, makes of the rows it is handed. */
    interface Part extends BlockRow {
    }

    /** Joins the second part's rows into the first's, as if one reading had handed them over after the first's. */
    @FunctionalInterface
    interface PartJoin<T extends Part> {
        /**
         * @param lineOffset added to the second part's line numbers gives their lines in the file
         * @return false when the parts cannot be joined so (the second repeats a row of the first): the table is then
         *     read again in one pass, which refuses it where that pass would
         */
        boolean join(T first, T second, long lineOffset);
    }

    /**
     * Reads the table as {@link #read(Path, String, List, int, boolean[], BlockRow)} into a part made by {@code part};
     * a table of at least {@link #PARTS_MIN_BYTES} is read in two parts on two threads where there are two cores
     * (parsing it on one core was most of what a fresh process spent opening the benchmark's summary pack). Whenever
     * the parts could differ from one pass — a quoted field in the first part (the cut might fall inside it), any
     * problem in the second part, rows the join refuses — the table is read again in one pass, so every refusal
     * names the file, line and column one pass names.
     */
    static <T extends Part> T read(Path path, String file, List<String> columns, int firstSum, boolean[] nonNegative,
                                   Supplier<T> part, PartJoin<T> join) throws PackException {
        return read(path, file, columns, firstSum, nonNegative, part, join, PARTS_MIN_BYTES);
    }

    /** As {@link #read(Path, String, List, int, boolean[], Supplier, PartJoin)}, in parts from that many bytes. */
    static <T extends Part> T read(Path path, String file, List<String> columns, int firstSum, boolean[] nonNegative,
                                   Supplier<T> part, PartJoin<T> join, long partsMinBytes) throws PackException {
        CsvParts parts = CsvParts.of(path, partsMinBytes);
        if (parts != null) {
            T joined = readInParts(path, file, columns, firstSum, nonNegative, part, join, parts);
            if (joined != null) {
                return joined;
            }
        }
        T whole = part.get();
        read(path, file, columns, firstSum, nonNegative, whole);
        return whole;
    }

    /** A table at least this large is read in two parts (the benchmark's blocks table is 19.5 MB). */
    static final long PARTS_MIN_BYTES = CsvParts.MIN_BYTES;

    /**
     * Reads the first part here and the second (the header, then the rows after the cut) on another thread. Null when
     * the parts cannot stand for one pass.
     */
    private static <T extends Part> T readInParts(Path path, String file, List<String> columns, int firstSum,
                                                  boolean[] nonNegative, Supplier<T> part, PartJoin<T> join,
                                                  CsvParts parts) throws PackException {
        T first = part.get();
        T second = part.get();
        Handler firstHandler = new Handler(file, columns, firstSum, nonNegative, first);
        Handler secondHandler = new Handler(file, columns, firstSum, nonNegative, second);
        CsvParts.Beside secondReading = CsvParts.readBeside("verdict-blocks-second-part",
                () -> parse(secondHandler, path, handler -> CsvReader.builder().skipEmptyLines(true)
                        .build(handler, PackText.utf8Reader(parts.second(path)))));
        PackException firstProblem = null;
        Throwable secondProblem;
        try {
            parse(firstHandler, path, handler -> CsvReader.builder().skipEmptyLines(true)
                    .build(handler, PackText.utf8Reader(parts.first(path))));
        } catch (PackException problem) {
            firstProblem = problem;
        } finally {
            secondProblem = secondReading.failure();
        }
        if (firstHandler.quoted) {
            return null;
        }
        if (firstProblem != null) {
            throw firstProblem; // the first part's rows are one pass's first rows
        }
        if (secondProblem != null) {
            return null;
        }
        // the second part's stream numbers the header 1 and the cut's line 2; the file numbers it one after the first
        // part's last line (no quoted field, so no record spans lines)
        return join.join(first, second, firstHandler.lastLine - 1) ? first : null;
    }

    /** Opens FastCSV on a handler. */
    @FunctionalInterface
    private interface Opening {
        CsvReader<Handler> open(Handler handler) throws IOException;
    }

    private static void parse(Handler handler, Path path, Opening opening) throws PackException {
        try (CsvReader<Handler> reader = opening.open(handler)) {
            reader.forEach(record -> {
                // every record is handed over in buildRecord and built as null, which FastCSV skips
            });
        } catch (Refused refused) {
            throw refused.problem;
        } catch (CsvParseException e) {
            if (e.getCause() instanceof Refused refused) {
                throw refused.problem;
            }
            throw PackText.readFailure(path, handler.file, e);
        } catch (IOException | UncheckedIOException e) {
            throw PackText.readFailure(path, handler.file, e);
        }
        if (handler.position == null) {
            throw new PackException(handler.file, 1, 0, "the file is empty; expected a header with "
                    + String.join(", ", handler.columns));
        }
    }

    /** Carries a row's {@link PackException} out of FastCSV's callbacks, which cannot throw checked exceptions. */
    private static final class Refused extends RuntimeException {
        final PackException problem;

        Refused(PackException problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }

    private static final class Handler extends AbstractBaseCsvCallbackHandler<Handler> {
        private final String file;
        private final List<String> columns;
        private final int firstSum;
        private final boolean[] nonNegative;
        private final BlockRow rows;
        /** The header's fields: as many as can matter, one more than the columns (a surplus name is refused). */
        private final List<String> headerFields = new ArrayList<>();
        private int headerFieldCount;
        /** Per column, its index in the file; null until the header is read. */
        private int[] position;
        /** Per field of the file, its column. */
        private int[] columnOf;
        private final String[] text;
        private final double[] sums;
        /** Whether any field so far was quoted (a quoted field may hold a line break). */
        private boolean quoted;
        /** The line the last record (an empty line too) started on. */
        private long lastLine;

        Handler(String file, List<String> columns, int firstSum, boolean[] nonNegative, BlockRow rows) {
            this.file = file;
            this.columns = columns;
            this.firstSum = firstSum;
            this.nonNegative = nonNegative;
            this.rows = rows;
            this.text = new String[columns.size()];
            this.sums = new double[nonNegative.length];
        }

        @Override
        protected void handleField(int fieldIndex, char[] buf, int offset, int length, boolean quoted) {
            this.quoted |= quoted;
            if (position == null) {
                if (headerFields.size() <= columns.size()) {
                    headerFields.add(new String(buf, offset, length));
                }
                return;
            }
            if (fieldIndex >= columnOf.length) {
                return; // the row's number of fields is refused when it ends
            }
            int column = columnOf[fieldIndex];
            int sum = column - firstSum;
            if (sum >= 0 && sum < sums.length && converted(sum, buf, offset, length)) {
                text[column] = null;
            } else {
                text[column] = new String(buf, offset, length);
            }
        }

        /** Converts a sum that is finite, and ≥ 0 where it must be; false leaves the field to the checks as text. */
        private boolean converted(int sum, char[] buf, int offset, int length) {
            // the same trimming as String.strip and the same conversion (Jackson's FastDoubleParser) as for text
            int start = offset;
            int end = offset + length;
            while (start < end && Character.isWhitespace(buf[start])) {
                start++;
            }
            while (end > start && Character.isWhitespace(buf[end - 1])) {
                end--;
            }
            if (start == end) {
                return false;
            }
            double value;
            try {
                value = NumberInput.parseDouble(buf, start, end - start, true);
            } catch (NumberFormatException notANumber) {
                return false;
            }
            if (!Double.isFinite(value) || nonNegative[sum] && value < 0) {
                return false;
            }
            sums[sum] = value;
            return true;
        }

        @Override
        protected RecordWrapper<Handler> buildRecord() {
            lastLine = getStartingLineNumber();
            if (isEmptyLine()) {
                return null;
            }
            try {
                if (position == null) {
                    headerFieldCount = getFieldCount();
                    position = SummaryPackReader.header(headerFields, file, columns);
                    columnOf = new int[headerFieldCount];
                    for (int column = 0; column < position.length; column++) {
                        columnOf[position[column]] = column;
                    }
                    return null;
                }
                if (getFieldCount() != headerFieldCount) {
                    throw PackText.wrongFieldCount(file, getStartingLineNumber(), getFieldCount(), headerFields);
                }
                rows.read(getStartingLineNumber(), text, sums, position);
            } catch (PackException problem) {
                throw new Refused(problem);
            }
            return null;
        }
    }
}
