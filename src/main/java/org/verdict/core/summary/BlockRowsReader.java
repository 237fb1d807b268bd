package org.verdict.core.summary;

import com.fasterxml.jackson.core.io.NumberInput;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
        Cut cut = Runtime.getRuntime().availableProcessors() > 1 ? Cut.of(path, partsMinBytes) : null;
        if (cut != null) {
            T joined = readInParts(path, file, columns, firstSum, nonNegative, part, join, cut);
            if (joined != null) {
                return joined;
            }
        }
        T whole = part.get();
        read(path, file, columns, firstSum, nonNegative, whole);
        return whole;
    }

    /** A table at least this large is read in two parts (the benchmark's blocks table is 19.5 MB). */
    static final long PARTS_MIN_BYTES = 4L << 20;

    /**
     * Where the table is cut in two: after the line break that follows its middle byte; and its header line, which the
     * second part is read after so that it reads the columns as the first does.
     */
    private record Cut(long at, byte[] header) {
        /** How far past the middle, and past the header's start, a line break is looked for. */
        private static final int LOOK = 1 << 16;

        static Cut of(Path path, long minBytes) {
            try (FileChannel channel = FileChannel.open(path)) {
                long size = channel.size();
                if (size < minBytes) {
                    return null;
                }
                int headerEnd = lineEnd(channel, 0);
                long middle = size / 2;
                int afterMiddle = lineEnd(channel, middle);
                long at = middle + afterMiddle;
                if (headerEnd < 0 || afterMiddle < 0 || at >= size || at <= headerEnd) {
                    return null;
                }
                ByteBuffer header = ByteBuffer.allocate(headerEnd);
                while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
                    // reads the header line whole
                }
                return header.hasRemaining() ? null : new Cut(at, header.array());
            } catch (IOException unreadable) {
                return null; // one pass reads it and says why it cannot
            }
        }

        /** The offset after the first LF at or after {@code from}, relative to {@code from}; −1 when none is near. */
        private static int lineEnd(FileChannel channel, long from) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(LOOK);
            while (bytes.hasRemaining() && channel.read(bytes, from + bytes.position()) > 0) {
                // fills the window, or up to the end of the file
            }
            for (int i = 0; i < bytes.position(); i++) {
                if (bytes.get(i) == '\n') {
                    return i + 1;
                }
            }
            return -1;
        }

    }

    /**
     * Reads the first part here and the second (the header, then the rows after the cut) on another thread. Null when
     * the parts cannot stand for one pass.
     */
    private static <T extends Part> T readInParts(Path path, String file, List<String> columns, int firstSum,
                                                  boolean[] nonNegative, Supplier<T> part, PartJoin<T> join, Cut cut)
            throws PackException {
        T first = part.get();
        T second = part.get();
        Handler firstHandler = new Handler(file, columns, firstSum, nonNegative, first);
        Handler secondHandler = new Handler(file, columns, firstSum, nonNegative, second);
        Exception[] secondProblem = new Exception[1];
        Thread secondReader = new Thread(() -> {
            try {
                parse(secondHandler, path, handler -> {
                    FileChannel rest = FileChannel.open(path).position(cut.at());
                    InputStream stream = new SequenceInputStream(new ByteArrayInputStream(cut.header()),
                            Channels.newInputStream(rest));
                    return CsvReader.builder().skipEmptyLines(true).build(handler, PackText.utf8Reader(stream));
                });
            } catch (PackException | RuntimeException e) {
                secondProblem[0] = e;
            }
        }, "verdict-blocks-second-part");
        secondReader.setDaemon(true);
        secondReader.start();
        PackException firstProblem = null;
        try {
            parse(firstHandler, path, handler -> {
                InputStream start = Files.newInputStream(path);
                return CsvReader.builder().skipEmptyLines(true)
                        .build(handler, PackText.utf8Reader(new Prefix(start, cut.at())));
            });
        } catch (PackException problem) {
            firstProblem = problem;
        } finally {
            awaitEnd(secondReader);
        }
        if (firstHandler.quoted) {
            return null;
        }
        if (firstProblem != null) {
            throw firstProblem; // the first part's rows are one pass's first rows
        }
        if (secondProblem[0] != null) {
            return null;
        }
        // the second part's stream numbers the header 1 and the cut's line 2; the file numbers it one after the first
        // part's last line (no quoted field, so no record spans lines)
        return join.join(first, second, firstHandler.lastLine - 1) ? first : null;
    }

    /** Waits for the thread to end, also when interrupted meanwhile (the interrupt is kept for the caller). */
    private static void awaitEnd(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bytes of a stream up to a limit (the first part of the table). */
    private static final class Prefix extends FilterInputStream {
        private long remaining;

        Prefix(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }
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
