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
import org.verdict.core.pack.PackException;

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
        Handler handler = new Handler(file, columns, firstSum, nonNegative, rows);
        try (CsvReader<Handler> reader = CsvReader.builder().skipEmptyLines(true).build(handler, path)) {
            reader.forEach(record -> {
                // every record is handed over in buildRecord and built as null, which FastCSV skips
            });
        } catch (Refused refused) {
            throw refused.problem;
        } catch (CsvParseException e) {
            if (e.getCause() instanceof Refused refused) {
                throw refused.problem;
            }
            throw new PackException(file, "not valid CSV: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new PackException(file, "cannot be read: " + e.getMessage());
        }
        if (handler.position == null) {
            throw new PackException(file, 1, 0, "the file is empty; expected a header with "
                    + String.join(", ", columns));
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
                    throw new PackException(file, getStartingLineNumber(), 0, "expected " + headerFieldCount
                            + " fields as in the header, found " + getFieldCount());
                }
                rows.read(getStartingLineNumber(), text, sums, position);
            } catch (PackException problem) {
                throw new Refused(problem);
            }
            return null;
        }
    }
}
