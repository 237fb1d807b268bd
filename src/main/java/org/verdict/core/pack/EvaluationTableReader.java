package org.verdict.core.pack;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordWrapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.verdict.core.task.AwaitedWork;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.Progress;

/**
 * Reads an evaluation suite CSV (the primary suite, or a holdout set in the same format) into an
 * {@link EvaluationTable}. Values go straight into primitive arrays; every bad value is reported with its
 * line, column number and column name, and nothing of a bad file is kept.
 */
public final class EvaluationTableReader {
    static final String EXAMPLE_ID = "example_id";
    static final String LABEL = "label";

    /** Initial capacity guess; arrays grow by half when a file is longer. */
    private static final int INITIAL_ROWS = 1 << 14;
    /** Rows expected from which the columns' room is made on a thread of its own ({@link Parse#expect}). */
    static final long ROOM_MADE_ASIDE_FROM = 1 << 21;
    /**
     * How many classes a binary table may show before any row is labelled with the positive label, so that a manifest
     * naming a positive label the rows never use is told as that, its classes listed: the positive label, one other
     * class and ten more; beyond that the first extra one is refused as a third class.
     */
    private static final int MAX_CLASSES_HELD = 12;

    private final PackLimits limits;
    private final RowsListener listener;
    private final long roomMadeAsideFrom;
    private final long partsFromBytes;

    public EvaluationTableReader() {
        this(PackLimits.DEFAULTS);
    }

    public EvaluationTableReader(PackLimits limits) {
        this(limits, RowsListener.NONE);
    }

    /**
     * @param listener told of each table's ids as they are read and of the table as soon as its rows are read, before
     *                 its ids are checked for repeats, so work that needs only the rows can run on another core
     *                 meanwhile
     */
    public EvaluationTableReader(PackLimits limits, RowsListener listener) {
        this(limits, listener, ROOM_MADE_ASIDE_FROM);
    }

    /**
     * @param roomMadeAsideFrom rows expected from which the columns' room is made on a thread of its own (a test's
     *                          lower figure sends a small file that way)
     */
    EvaluationTableReader(PackLimits limits, RowsListener listener, long roomMadeAsideFrom) {
        this(limits, listener, roomMadeAsideFrom, CsvParts.MIN_BYTES);
    }

    /**
     * @param partsFromBytes the size from which a CSV file is read in two parts on two threads (a test's lower figure
     *                       sends a small file that way)
     */
    EvaluationTableReader(PackLimits limits, RowsListener listener, long roomMadeAsideFrom, long partsFromBytes) {
        this.limits = limits;
        this.listener = listener;
        this.roomMadeAsideFrom = roomMadeAsideFrom;
        this.partsFromBytes = partsFromBytes;
    }

    /** Reads a suite file: Parquet when its name ends in .parquet, else CSV. */
    public EvaluationTable read(Path file, String fileName, PackManifest manifest, SuiteSpec suite, Progress progress)
            throws PackException {
        return ParquetRows.isParquet(fileName)
                ? readParquet(file, fileName, manifest, suite, progress)
                : readCsv(file, fileName, manifest, suite, progress);
    }

    private EvaluationTable readCsv(Path csv, String fileName, PackManifest manifest, SuiteSpec suite,
                                    Progress progress) throws PackException {
        long size;
        try {
            size = Files.size(csv);
        } catch (IOException e) {
            throw new PackException(fileName, "cannot be read: " + e.getMessage());
        }
        Watch watch = fraction -> {
            progress.checkCancelled();
            progress.update(fraction, "Reading " + fileName);
        };
        CsvParts parts = CsvParts.of(csv, partsFromBytes);
        if (parts != null) {
            Parse joined = readInParts(csv, fileName, manifest, suite, parts, watch);
            if (joined != null) {
                return joined.finish();
            }
        }
        Parse parse = new Parse(csv, fileName, manifest, suite, limits, listener, roomMadeAsideFrom);
        readRows(parse, () -> Files.newInputStream(csv), size, watch);
        return parse.finish();
    }

    /**
     * The rows read in two parts on two threads ({@link CsvParts}) and joined in file order, or null when the parts could
     * differ from one pass, which then reads the file again so that every refusal names the line and column it names: a
     * quoted field in either part (one might hold the cut's line break, or move the lines), any problem in the second
     * part, values the join cannot code as one pass does ({@link Parse#join}). Either part gives up at its next look
     * (every 65,536 rows) once the parts are bound to be read again. A problem in the first part is one pass's (its rows
     * are one pass's first rows).
     */
    private Parse readInParts(Path csv, String fileName, PackManifest manifest, SuiteSpec suite, CsvParts parts,
                              Watch watch) throws PackException {
        Parse first = new Parse(csv, fileName, manifest, suite, limits, listener, roomMadeAsideFrom);
        // the listener hears of the first part's rows as they are read, and of the second's once they are joined
        Parse second = new Parse(csv, fileName, manifest, suite, limits, RowsListener.NONE, roomMadeAsideFrom);
        AtomicBoolean givenUp = new AtomicBoolean();
        CsvParts.Beside secondReading = CsvParts.readBeside("verdict-rows-second-part", () -> {
            try {
                readRows(second, () -> parts.second(csv), parts.secondBytes(), fraction -> goOn(second, givenUp));
            } catch (PackException | RuntimeException | Error problem) {
                givenUp.set(true);
                throw problem;
            }
        });
        PackException firstProblem = null;
        boolean firstRead = false;
        Throwable secondProblem;
        try {
            readRows(first, () -> parts.first(csv), parts.firstBytes(), fraction -> {
                goOn(first, givenUp);
                watch.rowsRead(fraction);
            });
            firstRead = true;
        } catch (PackException problem) {
            firstProblem = problem;
        } catch (PartsGivenUp readAgain) {
            // the first part is not needed
        } finally {
            if (!firstRead) {
                givenUp.set(true);
            }
            secondProblem = secondReading.failure();
        }
        if (first.quotedFieldMet || !firstRead && firstProblem == null) {
            return null;
        }
        if (firstProblem != null) {
            throw firstProblem;
        }
        return second.quotedFieldMet || secondProblem != null || !first.join(second) ? null : first;
    }

    /** Gives up reading a part once it met a quoted field, or the other part gave up. */
    private static void goOn(Parse part, AtomicBoolean givenUp) {
        if (part.quotedFieldMet) {
            givenUp.set(true);
        }
        if (givenUp.get()) {
            throw PartsGivenUp.INSTANCE;
        }
    }

    /** Stops reading a part whose rows will be read again in one pass. */
    private static final class PartsGivenUp extends RuntimeException {
        static final PartsGivenUp INSTANCE = new PartsGivenUp();

        private PartsGivenUp() {
            super("read again in one pass", null, false, false);
        }
    }

    /** Told every 65,536 rows how far a reading is through its bytes; stops it by throwing. */
    @FunctionalInterface
    private interface Watch {
        void rowsRead(double fractionOfBytes);
    }

    /** Opens the bytes of a file, or of a part of it. */
    @FunctionalInterface
    private interface Opening {
        InputStream open() throws IOException;
    }

    /**
     * Reads CSV text of {@code size} bytes into the parse: FastCSV splits the text and hands each field's characters to
     * the Parse, which converts them into the table's primitive columns as they come (no String or record per row).
     */
    private static void readRows(Parse parse, Opening bytes, long size, Watch watch) throws PackException {
        try (CountingInputStream counted = new CountingInputStream(bytes.open());
             CsvReader<Parse> reader = CsvReader.builder()
                     .ignoreDifferentFieldCount(true)
                     .acceptCharsAfterQuotes(false)
                     .build(parse, PackText.utf8Reader(counted))) {
            long rows = 0;
            for (Parse ignored : reader) {
                if (++rows == 1 << 16 && size > 0) {
                    // by now the bytes read (at most two buffers ahead of the rows) say how long the text is in rows
                    parse.expect((long) ((double) size / counted.count * rows));
                }
                if ((rows & 0xFFFF) == 0) {
                    parse.moveIntoRoomIfMade();
                    watch.rowsRead(size == 0 ? -1 : (double) counted.count / size);
                }
            }
            if (parse.columns == null) {
                throw new PackException(parse.fileName, 1, 0, "is empty; a header row is expected");
            }
        } catch (CsvParseException e) {
            // the Parse refuses a row by throwing from inside FastCSV, which wraps what it catches
            if (e.getCause() instanceof RefusedRow refused) {
                throw refused.problem;
            }
            if (PackText.isTextAfterClosingQuote(e)) {
                throw parse.textAfterClosingQuote();
            }
            throw PackText.readFailure(parse.file, parse.fileName, e);
        } catch (IOException | UncheckedIOException e) {
            throw PackText.readFailure(parse.file, parse.fileName, e);
        }
    }

    /** The same checks as for CSV, each problem placed at its row and column of the Parquet file. */
    private EvaluationTable readParquet(Path parquet, String fileName, PackManifest manifest, SuiteSpec suite,
                                        Progress progress) throws PackException {
        Parse parse = new Parse(parquet, fileName, manifest, suite, limits, listener, roomMadeAsideFrom);
        ParquetRows.read(parquet, fileName, progress, parse::header, parse::parquetRow);
        if (parse.rowCount == 0) {
            throw new PackException(fileName, "has no rows; a suite needs examples");
        }
        try {
            return parse.finish();
        } catch (PackException problem) {
            throw ParquetRows.located(problem);
        }
    }

    /** Carries a row's {@link PackException} out of FastCSV's callbacks, which cannot throw checked exceptions. */
    private static final class RefusedRow extends RuntimeException {
        final PackException problem;

        RefusedRow(PackException problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }

    /**
     * The state of one file being read, and FastCSV's callback for it: the header's fields become {@link Columns};
     * every later field is converted into its column as FastCSV hands over its characters. A bad value is held until
     * the record ends (a blank line, or a record with the wrong number of fields, is judged as a whole first) and then
     * refuses the file.
     */
    private static final class Parse extends AbstractBaseCsvCallbackHandler<Parse> {
        /**
         * What a column of the file is read as: {@link #columnRoles} holds the roles of each column (none for a column
         * nothing reads; two when, say, the label is also a slice column), {@link #roleIndexes} which slice or model.
         */
        private static final byte ID = 1;
        private static final byte LABEL = 2;
        private static final byte SLICE = 3;
        private static final byte SCORE = 4;
        private static final byte PREDICTION = 5;

        /** The file read, opened again only to explain a refused record. */
        private final Path file;
        private final String fileName;
        private final PackManifest manifest;
        private final SuiteSpec suite;
        private final PackLimits limits;
        private final RowsListener listener;
        private final long roomMadeAsideFrom;
        /** What the listener wants to be told of this table's rows, once the header is read; null for nothing. */
        private RowsListener.TableRows listening;
        private final Task task;
        private final List<String> sliceNames = new ArrayList<>();
        private final List<String> headerFields = new ArrayList<>();

        private Columns columns;
        private byte[][] columnRoles;
        private int[][] roleIndexes;
        private double[] thresholds;
        private int rowCount;
        /** The line (CSV) or row number (Parquet) of the record being converted. */
        private long currentLine;
        /**
         * Whether the field being converted came without quotes: RFC 4180 allows no quote in such a field, and FastCSV
         * takes a stray one as text (Parquet values are never quoted, and may hold quotes).
         */
        private boolean unquotedCsvField;
        /**
         * Whether a slice value or class name met so far holds a quote (written twice inside a quoted field): only then
         * can a value looked up by its characters be the twin of a stray quote, so only then is every one looked at.
         */
        private boolean knownValueHoldsQuote;
        private final ExampleIds.Builder ids = new ExampleIds.Builder(INITIAL_ROWS);
        /**
         * Each row's id fingerprint for the repeated-id check ({@link DuplicateIds#fingerprint}), made as the id is read:
         * its characters are then at hand, and the check after the last row is left with one sort.
         */
        private long[] idFingerprints = new long[INITIAL_ROWS];
        private final RowLines lines = new RowLines();
        /** Rows the columns have room for. */
        private int capacity = INITIAL_ROWS;
        /** Room for the rows expected, being made on a thread of its own ({@link #expect}); null when none is. */
        private FutureTask<WorkingColumns> room;
        private int[] labelCodes;
        private double[] labelValues;
        private int[][] sliceCodes;
        private final List<Map<String, Integer>> sliceLevels = new ArrayList<>();
        private final List<TextCodes> sliceLookups = new ArrayList<>();
        /** Per slice column, its values by Unicode form, each with where it was first met ("on line 3"). */
        private final List<UnicodeForms<String>> sliceForms = new ArrayList<>();
        private int[][] predCodes;
        private double[][] predValues;
        private double[][] scores;
        /** The manifest's model.classes, or null: then the labels define the classes. */
        private final List<String> declaredClasses;
        private final BitSet labelClasses = new BitSet();
        private final BitSet predictedClasses = new BitSet();
        /** Where each class code was first predicted (line, column index), to point at a mistyped class. */
        private final Map<Integer, long[]> firstPredictedAt = new HashMap<>();
        /** Class names seen in labels and predictions, in order of first appearance (sorted at the end). */
        private final Map<String, Integer> classCodes = new LinkedHashMap<>();
        /** Per column of a Parquet file, whether it holds booleans (named when they are not classes); null for CSV. */
        private boolean[] booleanColumns;
        /** {@link #classCodes} looked up by characters. */
        private final TextCodes classLookup = new TextCodes();
        /** The class names by Unicode form, each with where it was first met ("on line 3, column 2"). */
        private final UnicodeForms<String> classForms = new UnicodeForms<>();
        /** Distinct values of all slice columns together, checked against the limit as they appear. */
        private int sliceValues;
        /**
         * The first value of a binary pack beyond its positive label and one other class, met before any row was
         * labelled with the positive label (line, column index), or null: the classes are then held until the positive
         * label is met (that value is refused as a third class) or the file ends without it (the manifest's positive
         * label is refused, as no class of the rows).
         */
        private long[] heldSinceUnlabelledPositive;
        /** The first bad value of the current record, thrown when the record ends. */
        private PackException rowProblem;
        /** Line breaks inside the quoted fields of the current record so far, to place a field by its line. */
        private long lineBreaksInRecord;
        /**
         * The first field of the current record that is quoted and holds a line break, its line, and the line it ends
         * on: legal CSV, but when the record then has the wrong number of fields, a quote was never closed there.
         */
        private int spanningField = -1;
        private long spanningFrom;
        private long spanningTo;
        /** Whether every line break of {@link #spanningField} is a carriage return on its own (no line feed). */
        private boolean spanningByCarriageReturnsOnly;
        /** The line the last record (a blank line too) started on. */
        private long lastRecordLine;
        /** Whether any field so far, the header's too, was quoted (a quoted field may hold a line break). */
        private boolean quotedFieldMet;
        /** The rows read after this part's, by a parse of the rest of the file ({@link #join}); null for none. */
        private Parse next;
        /** The rows in this part's own columns, once {@link #next}'s are joined (then {@link #rowCount} counts both). */
        private int rowsBeforeNext;
        /** This part's ids, then {@link #next}'s, once joined; null until then. */
        private ExampleIds joinedIds;

        Parse(Path file, String fileName, PackManifest manifest, SuiteSpec suite, PackLimits limits,
              RowsListener listener, long roomMadeAsideFrom) {
            this.file = file;
            this.fileName = fileName;
            this.manifest = manifest;
            this.suite = suite;
            this.limits = limits;
            this.listener = listener;
            this.roomMadeAsideFrom = roomMadeAsideFrom;
            this.task = manifest.task();
            this.declaredClasses = manifest.declaredClasses().orElse(null);
            sliceNames.addAll(suite.slices());
            for (String sensitive : suite.sensitive()) {
                if (!sliceNames.contains(sensitive)) {
                    sliceNames.add(sensitive);
                }
            }
            if (task == Task.BINARY) {
                // Code 0 is the negative class until its name is seen; code 1 is always the positive label.
                classCodes.put(manifest.model().positiveLabel(), 1);
                classLookup.put(manifest.model().positiveLabel(), 1);
                classForms.add(manifest.model().positiveLabel(), "in manifest.json model.positiveLabel");
            }
            if (declaredClasses != null) {
                declaredClasses.forEach(declared -> classForms.add(declared, "in manifest.json model.classes"));
            }
        }

        void header(List<String> fields) throws PackException {
            columns = new Columns(fileName, fields, manifest, sliceNames);
            int models = manifest.models().size();
            columnRoles = new byte[columns.count][0];
            roleIndexes = new int[columns.count][0];
            addRole(columns.exampleId, ID, 0);
            addRole(columns.label, LABEL, 0);
            for (int s = 0; s < sliceNames.size(); s++) {
                addRole(columns.slices[s], SLICE, s);
            }
            thresholds = new double[models];
            for (int m = 0; m < models; m++) {
                thresholds[m] = manifest.models().get(m).threshold();
                // a binary model with scores is judged by its scores at its threshold; its pred_ column is not read
                boolean byScore = task == Task.BINARY && columns.score[m] >= 0;
                addRole(byScore ? columns.score[m] : columns.pred[m], byScore ? SCORE : PREDICTION, m);
            }
            if (task.isClassification()) {
                labelCodes = new int[INITIAL_ROWS];
                predCodes = new int[models][];
                for (int m = 0; m < models; m++) {
                    predCodes[m] = new int[INITIAL_ROWS];
                }
            } else {
                labelValues = new double[INITIAL_ROWS];
                predValues = new double[models][INITIAL_ROWS];
            }
            if (task == Task.BINARY) {
                scores = new double[models][];
                for (int m = 0; m < models; m++) {
                    scores[m] = columns.score[m] >= 0 ? new double[INITIAL_ROWS] : null;
                }
            }
            sliceCodes = new int[sliceNames.size()][INITIAL_ROWS];
            for (int s = 0; s < sliceNames.size(); s++) {
                sliceLevels.add(new HashMap<>());
                sliceLookups.add(new TextCodes());
                sliceForms.add(new UnicodeForms<>());
            }
            boolean everyModelScored = scores != null && Arrays.stream(scores).allMatch(Objects::nonNull);
            listening = listener.reading(task, everyModelScored);
        }

        /** Counts a row that is read whole, and every 65,536 rows tells the listener of the ids read so far. */
        private void rowRead() {
            rowCount++;
            if ((rowCount & 0xFFFF) == 0 && listening != null) {
                listening.idsRead(ids.build());
            }
        }

        private void addRole(int column, byte role, int index) {
            int roles = columnRoles[column].length;
            columnRoles[column] = Arrays.copyOf(columnRoles[column], roles + 1);
            roleIndexes[column] = Arrays.copyOf(roleIndexes[column], roles + 1);
            columnRoles[column][roles] = role;
            roleIndexes[column][roles] = index;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            currentLine = startingLineNumber;
            rowProblem = null;
            lineBreaksInRecord = 0;
            spanningField = -1;
            if (columns != null) {
                ensureCapacity();
            }
        }

        @Override
        protected void handleField(int fieldIndex, char[] buf, int offset, int length, boolean quoted) {
            if (fieldIndex >= PackText.MAX_COLUMNS) {
                // FastCSV's own record handler has this limit; a callback handler keeps it itself
                throw new RefusedRow(new PackException(fileName, getStartingLineNumber(), 0, PackText.tooManyColumns()));
            }
            if (quoted) {
                noteQuotedField(fieldIndex, buf, offset, length);
            }
            if (columns == null) {
                headerFields.add(new String(buf, offset, length));
                return;
            }
            if (rowProblem != null || fieldIndex >= columns.count) {
                return;
            }
            byte[] roles = columnRoles[fieldIndex];
            unquotedCsvField = !quoted;
            try {
                for (int r = 0; r < roles.length; r++) {
                    convert(fieldIndex, roles[r], roleIndexes[fieldIndex][r], buf, offset, length);
                }
            } catch (PackException e) {
                rowProblem = e;
            }
        }

        @Override
        protected RecordWrapper<Parse> buildRecord() {
            lastRecordLine = currentLine;
            if (isEmptyLine()) {
                if (columns == null) {
                    headerFields.clear(); // a blank line's one empty field is no column of the header below it
                }
                return null; // a blank line, e.g. at the end of the file: skipped
            }
            try {
                if (columns == null) {
                    if (headerFields.stream().allMatch(String::isBlank)) {
                        throw new PackException(fileName, currentLine, 0, "the header names no column: its first"
                                + " line that is not blank holds only spaces or commas, where it names the columns"
                                + " (example_id, label, …)");
                    }
                    header(headerFields);
                    return null; // FastCSV skips a record built as null
                }
                if (getFieldCount() != columns.count) {
                    throw wrongFieldCount(getFieldCount());
                }
                if (rowProblem != null) {
                    throw rowProblem;
                }
            } catch (PackException e) {
                throw new RefusedRow(e);
            }
            lines.add(rowCount, currentLine);
            rowRead();
            return wrapRecord(this);
        }

        /**
         * Counts a quoted field's line breaks, and refuses one holding any in a column the pack reads: it would print
         * over two lines, and is nearly always a quote never closed. Only a quoted field can hold a line break, so an
         * unquoted value costs nothing more (kept out of {@link #handleField}, which stays small enough to inline).
         */
        private void noteQuotedField(int fieldIndex, char[] buf, int offset, int length) {
            quotedFieldMet = true;
            if (columns == null) {
                return; // a header's field
            }
            long fieldLine = currentLine + lineBreaksInRecord;
            if (noteLineBreaks(fieldIndex, buf, offset, length) && rowProblem == null && fieldIndex < columns.count
                    && columnRoles[fieldIndex].length > 0) {
                rowProblem = new PackException(fileName, fieldLine, fieldIndex + 1,
                        "(" + columns.names[fieldIndex] + ") " + RowProblems.lineBreakInValue());
            }
        }

        /** @return whether the field holds a line break (a line feed or a carriage return) */
        private boolean noteLineBreaks(int fieldIndex, char[] buf, int offset, int length) {
            int end = offset + length;
            // a quote never closed runs to the end of the file, taking in the last line's line break
            while (end > offset && (buf[end - 1] == '\n' || buf[end - 1] == '\r')) {
                end--;
            }
            long breaks = 0;
            long lineFeeds = 0;
            for (int i = offset; i < end; i++) {
                // CRLF, LF and a lone CR each end one line
                if (buf[i] == '\n') {
                    breaks++;
                    lineFeeds++;
                } else if (buf[i] == '\r' && (i + 1 == end || buf[i + 1] != '\n')) {
                    breaks++;
                }
            }
            if (breaks > 0 && spanningField < 0) {
                spanningField = fieldIndex;
                spanningFrom = currentLine + lineBreaksInRecord;
                spanningTo = spanningFrom + breaks;
                spanningByCarriageReturnsOnly = lineFeeds == 0;
            }
            lineBreaksInRecord += breaks;
            return breaks > 0 || end < offset + length;
        }

        /**
         * A record whose field count is not the header's, placed where it goes wrong: at a quoted field that runs over
         * a line break (its quote is nearly always unclosed), at a carriage return on its own that ended the row inside
         * a value, else at the first column the row lacks or the first one beyond the header. A carriage return (CR)
         * without a line feed ends a line for FastCSV (and RFC 4180 readers); in a file whose rows end with LF or CRLF it
         * is a stray character of a value — a writer that quotes values holding a line feed but not those holding a CR
         * leaves it bare, and the row is cut there. Only here, on the way to refusing the file, is the file opened again
         * to see how its lines end.
         */
        private PackException wrongFieldCount(int fields) {
            if (spanningField >= 0 && !(spanningByCarriageReturnsOnly && rowsEndWithLineFeed())) {
                return new PackException(fileName, spanningFrom, spanningField + 1, "(" + columnName(spanningField)
                        + ") " + RowProblems.unclosedQuote() + " (it runs on to line " + spanningTo + ", so the row has "
                        + fields + " field" + (fields == 1 ? "" : "s") + " but the header has " + columns.count + "); "
                        + RowProblems.unclosedQuoteAdvice());
            }
            // a quoted value holding a carriage return is closed on its line: the count is wrong for another reason
            if (fields < columns.count) {
                long lastLine = currentLine + lineBreaksInRecord;
                if (LineEndings.of(file, lastLine).equals("\r") && rowsEndWithLineFeed()) {
                    return new PackException(fileName, lastLine, fields, "(" + columns.names[fields - 1] + ") "
                            + RowProblems.carriageReturnEndsRow(fields, columns.count));
                }
                return new PackException(fileName, currentLine, fields + 1, "(" + columns.names[fields] + ") "
                        + RowProblems.rowEndsEarly(fields, columns.count));
            }
            return new PackException(fileName, currentLine, columns.count + 1,
                    RowProblems.rowRunsOn(fields, columns.count));
        }

        /**
         * The quoted field FastCSV refused for text after its closing quote: it stops in that field, so the fields
         * handed over so far place it, and the line breaks inside them give its line.
         */
        PackException textAfterClosingQuote() {
            int field = getFieldCount();
            String named = columns == null ? "" : "(" + columnName(field) + ") ";
            return new PackException(fileName, currentLine + lineBreaksInRecord, field + 1,
                    named + RowProblems.textAfterClosingQuote());
        }

        /** Whether the header ends with a line feed (LF or CRLF), so a carriage return alone is no row's end. */
        private boolean rowsEndWithLineFeed() {
            return LineEndings.of(file, 1).endsWith("\n");
        }

        private String columnName(int field) {
            return field < columns.count ? columns.names[field] : "beyond the header";
        }

        /** Converts one Parquet row through the same checks as a CSV record; its values arrive as text. */
        void parquetRow(ParquetRows.Values values, long row) throws PackException {
            currentLine = row;
            ensureCapacity();
            if (booleanColumns == null) {
                booleanColumns = new boolean[columns.count];
                for (int column = 0; column < columns.count; column++) {
                    booleanColumns[column] = values.isBoolean(column);
                }
            }
            for (int column = 0; column < columns.count; column++) {
                byte[] roles = columnRoles[column];
                if (roles.length == 0) {
                    continue;
                }
                // a stored double is taken as it is: its round trip through text is most of the time of reading scores
                boolean stored = values.isFloatingPoint(column);
                double number = stored ? storedNumber(values, column) : Double.NaN;
                char[] chars = null;
                for (int r = 0; r < roles.length; r++) {
                    if (stored && isNumber(roles[r])) {
                        storeNumber(column, roles[r], roleIndexes[column][r], number);
                    } else {
                        chars = chars != null ? chars : values.text(column).toCharArray();
                        convert(column, roles[r], roleIndexes[column][r], chars, 0, chars.length);
                    }
                }
            }
            lines.add(rowCount, row);
            rowRead();
        }

        /** A DOUBLE column's value, checked as written numbers are; NULL reads as an empty value, as in CSV. */
        private double storedNumber(ParquetRows.Values values, int column) throws PackException {
            double value = values.number(column);
            try {
                return Double.isNaN(value) && values.text(column).isEmpty()
                        ? PackText.number(new char[0], 0, 0) : PackText.number(value);
            } catch (NumberFormatException e) {
                throw bad(currentLine, column, e.getMessage());
            }
        }

        /** Puts one field of the current row into the column of one of its roles. */
        private void convert(int column, byte role, int index, char[] chars, int offset, int length)
                throws PackException {
            if (isNumber(role)) {
                storeNumber(column, role, index, number(chars, offset, length, currentLine, column));
                return;
            }
            int row = rowCount;
            long line = currentLine;
            switch (role) {
                case ID -> {
                    if (length == 0) {
                        throw bad(line, column, RowProblems.emptyExampleId());
                    }
                    refuseStrayQuote(chars, offset, length, line, column);
                    ids.add(chars, offset, length);
                    idFingerprints[row] = DuplicateIds.fingerprint(chars, offset, length);
                }
                case LABEL -> {
                    labelCodes[row] = classCode(chars, offset, length, line, column);
                    labelClasses.set(labelCodes[row]);
                    if (heldSinceUnlabelledPositive != null && labelCodes[row] == 1) {
                        throw heldThirdClass();
                    }
                }
                case SLICE -> sliceCodes[index][row] = sliceCode(index, chars, offset, length, line, column);
                case PREDICTION -> {
                    int predicted = classCode(chars, offset, length, line, column);
                    predCodes[index][row] = predicted;
                    if (!predictedClasses.get(predicted)) {
                        predictedClasses.set(predicted);
                        firstPredictedAt.put(predicted, new long[] {line, column});
                    }
                }
                default -> throw new IllegalStateException("unknown role " + role + " of column " + column);
            }
        }

        /** Whether a role reads its column as a number: scores, and a regression's label and predictions. */
        private boolean isNumber(byte role) {
            return role == SCORE || (!task.isClassification() && (role == LABEL || role == PREDICTION));
        }

        /** Puts a checked number into the column of a number role ({@link #isNumber}). */
        private void storeNumber(int column, byte role, int index, double value) throws PackException {
            int row = rowCount;
            switch (role) {
                case LABEL -> labelValues[row] = value;
                case PREDICTION -> predValues[index][row] = value;
                case SCORE -> {
                    if (value < 0 || value > 1) {
                        throw bad(currentLine, column, RowProblems.scoreOutsideUnitInterval(value));
                    }
                    scores[index][row] = value;
                    predCodes[index][row] = value >= thresholds[index] ? 1 : 0;
                }
                default -> throw new IllegalStateException("role " + role + " of column " + column + " is no number");
            }
        }

        private int sliceCode(int slice, char[] chars, int offset, int length, long line, int column)
                throws PackException {
            if (length == 0) {
                throw bad(line, column, RowProblems.emptySlice());
            }
            int code = sliceLookups.get(slice).get(chars, offset, length);
            if (code < 0 || knownValueHoldsQuote) {
                refuseStrayQuote(chars, offset, length, line, column);
            }
            return code >= 0 ? code : registerSliceValue(slice, new String(chars, offset, length), line, column);
        }

        /** Registers a value a slice column meets for the first time (a handful of times per column, not per row). */
        private int registerSliceValue(int slice, String value, long line, int column) throws PackException {
            knownValueHoldsQuote |= value.indexOf('"') >= 0;
            refuseUnfitName(value, line, column);
            refuseOtherUnicodeForm(sliceForms.get(slice), value, "on " + lineOrRow(line), line, column);
            int code = newSliceValue(sliceLevels.get(slice), value, line, column);
            sliceLookups.get(slice).put(value, code);
            return code;
        }

        /**
         * Refuses a slice column at the first value beyond the limits, before a column of ids (100,000 "slices")
         * costs minutes and gigabytes in the comparison.
         */
        private int newSliceValue(Map<String, Integer> levels, String value, long line, int column)
                throws PackException {
            if (levels.size() >= limits.maxValuesPerSliceColumn()) {
                throw beyondLimit(line, column, String.format(Locale.ROOT, "more than %,d distinct values in slice "
                        + "column '%s'; a slice column groups examples (segment, language) and this looks like an id or "
                        + "free text; if it really is a grouping, raise the limit with --max-slice-values on the "
                        + "command line (the app too: verdict PACK --max-slice-values N, or Open with a higher limit)",
                        limits.maxValuesPerSliceColumn(), columns.names[column]),
                        new SliceLimitExceeded(columns.names[column], limits.maxValuesPerSliceColumn()));
            }
            if (++sliceValues > limits.maxSliceValues()) {
                throw beyondLimit(line, column, String.format(Locale.ROOT, "more than %,d distinct slice values in "
                        + "all slice and sensitive columns together; if they are all real groupings, raise the limit "
                        + "with --max-slices on the command line (the app too: verdict PACK --max-slices N, or Open "
                        + "with a higher limit)", limits.maxSliceValues()),
                        new SliceLimitExceeded(null, limits.maxSliceValues()));
            }
            int code = levels.size();
            levels.put(value, code);
            return code;
        }

        /** A value met for the first time that is an earlier one in another Unicode form ({@link UnicodeForms}). */
        private void refuseOtherUnicodeForm(UnicodeForms<String> forms, String value, String place, long line,
                                            int column) throws PackException {
            UnicodeForms.Twin<String> earlier = forms.add(value, place);
            if (earlier != null) {
                throw bad(line, column, RowProblems.otherUnicodeForm(value, earlier.value(), earlier.place()));
            }
        }

        /**
         * A value met for the first time that cannot name a group or class ({@link RowProblems#unfitName}); a CSV field
         * holding a line break is refused before this, as it is read, a Parquet value only here.
         */
        private void refuseUnfitName(String value, long line, int column) throws PackException {
            String unfit = RowProblems.unfitName(value);
            if (unfit != null) {
                throw bad(line, column, unfit);
            }
        }

        /** "line 3" in a CSV file; "row 3" in a Parquet file, which has no lines. */
        private String lineOrRow(long line) {
            return (booleanColumns == null ? "line " : "row ") + line;
        }

        /** RFC 4180 allows no quote in a field that is not enclosed in quotes ({@link RowProblems#strayQuote}). */
        private void refuseStrayQuote(char[] chars, int offset, int length, long line, int column)
                throws PackException {
            if (unquotedCsvField && RowProblems.holdsQuote(chars, offset, length)) {
                throw bad(line, column, RowProblems.strayQuote(new String(chars, offset, length)));
            }
        }

        private int classCode(char[] chars, int offset, int length, long line, int column) throws PackException {
            int code = classLookup.get(chars, offset, length);
            if (code < 0 || knownValueHoldsQuote) {
                refuseStrayQuote(chars, offset, length, line, column);
            }
            if (code < 0) {
                String value = new String(chars, offset, length);
                code = classCode(value, line, column);
                knownValueHoldsQuote |= value.indexOf('"') >= 0;
                classLookup.put(value, code);
            }
            return code;
        }

        /** The code of a class name not seen before, or why it cannot be a class of this pack. */
        private int classCode(String value, long line, int column) throws PackException {
            if (value.isEmpty()) {
                throw bad(line, column, RowProblems.emptyClass());
            }
            Integer code = classCodes.get(value);
            if (code != null) {
                return code;
            }
            refuseUnfitName(value, line, column);
            refuseOtherUnicodeForm(classForms, value, "on " + lineOrRow(line) + ", column " + (column + 1), line,
                    column);
            boolean booleans = booleanColumns != null && booleanColumns[column];
            if (declaredClasses != null && !declaredClasses.contains(value)) {
                throw bad(line, column, booleans
                        ? RowProblems.booleanClasses(value, manifest.model().positiveLabel(), declaredClasses)
                        : RowProblems.undeclaredClass(value, declaredClasses));
            }
            if (task == Task.BINARY) {
                // the positive label written as another number ('1.0' for '1') would otherwise be the negative class
                boolean thirdClass = classCodes.containsValue(0);
                boolean positiveAsOtherNumber = RowProblems.sameNumber(value, manifest.model().positiveLabel());
                if (thirdClass && !positiveAsOtherNumber && !booleans && !labelClasses.get(1)
                        && classCodes.size() < MAX_CLASSES_HELD) {
                    // no row so far is labelled with the positive label: the manifest may name a class the rows do
                    // not have, which the end of the file tells
                    if (heldSinceUnlabelledPositive == null) {
                        heldSinceUnlabelledPositive = new long[] {line, column};
                    }
                    code = classCodes.size();
                    classCodes.put(value, code);
                    return code;
                }
                if (thirdClass || positiveAsOtherNumber) {
                    throw heldSinceUnlabelledPositive != null && !positiveAsOtherNumber ? heldThirdClass()
                            : bad(line, column, booleans
                            ? RowProblems.booleanClasses(value, manifest.model().positiveLabel(), null)
                            : RowProblems.thirdClass(value, classCodes.keySet(), manifest.model().positiveLabel()));
                }
                classCodes.put(value, 0);
                return 0;
            }
            code = classCodes.size();
            classCodes.put(value, code);
            return code;
        }

        private double number(char[] chars, int offset, int length, long line, int column) throws PackException {
            try {
                return PackText.number(chars, offset, length);
            } catch (NumberFormatException e) {
                throw bad(line, column, e.getMessage());
            }
        }

        private PackException bad(long line, int column, String problem) {
            return new PackException(fileName, line, column + 1, "(" + columns.names[column] + ") " + problem);
        }

        private PackException beyondLimit(long line, int column, String problem, SliceLimitExceeded exceeded) {
            return PackException.beyondSliceLimit(fileName, line, column + 1,
                    "(" + columns.names[column] + ") " + problem, exceeded);
        }

        private void ensureCapacity() {
            if (rowCount < capacity) {
                return;
            }
            moveIntoRoomIfMade();
            if (rowCount >= capacity) {
                moveInto(shape().empty(capacity + (capacity >> 1)));
            }
        }

        /**
         * Makes room for about {@code expectedRows} rows at once (estimated from the bytes per row so far and the file
         * size), instead of growing by half some twenty times on a ten-million-row file, copying every column each time.
         * From {@link #roomMadeAsideFrom} rows the room's columns are made on a thread of its own: at ten million rows
         * they are about 0.5 GB of fresh pages, whose zeroing took about 0.4 s of the reading thread's system time,
         * while the other core had room. The rows go on meanwhile into columns of an eighth of the rows expected, made
         * here (grown by half when full), until {@link #moveIntoRoomIfMade} finds the room made: growing by half from
         * 82,944 rows instead made several larger columns on the way, each of fresh pages, and measured a higher peak
         * of resident memory. Below {@link #roomMadeAsideFrom} rows (about 100 MB of columns) the room is made here at
         * once: at a million rows the thread of its own measured slower and larger.
         */
        void expect(long expectedRows) {
            long rows = Math.min(expectedRows + (expectedRows >> 5), Integer.MAX_VALUE - 16);
            if (columns == null || rows <= capacity) {
                return;
            }
            ColumnShape shape = shape();
            int expected = (int) rows;
            if (rows < roomMadeAsideFrom) {
                moveInto(shape.empty(expected));
            } else {
                FutureTask<WorkingColumns> making = new FutureTask<>(() -> shape.empty(expected));
                Thread thread = new Thread(making, "verdict-column-room");
                thread.setDaemon(true);
                thread.start();
                room = making;
                int meanwhile = expected / 8;
                if (meanwhile > capacity) {
                    moveInto(shape.empty(meanwhile));
                }
            }
            ids.expect(expected);
        }

        /** Moves the rows read so far into the room made for the rows expected ({@link #expect}), once it is made. */
        void moveIntoRoomIfMade() {
            if (room == null || !room.isDone()) {
                return;
            }
            // making the room can only run out of memory, thrown here as making it here would have
            WorkingColumns made = AwaitedWork.result(room);
            room = null;
            if (made.rows > capacity) {
                moveInto(made);
            }
        }

        /** Which working columns this table has: those of its task and models. */
        private ColumnShape shape() {
            boolean[] scored = new boolean[columns.pred.length];
            for (int m = 0; m < scored.length; m++) {
                scored[m] = scores != null && scores[m] != null;
            }
            return new ColumnShape(labelCodes != null, labelValues != null, sliceCodes.length, predCodes != null,
                    predValues != null, scores != null, scored);
        }

        /** Every column's entries (all it has room for) copied into {@code room}'s, which become the columns. */
        private void moveInto(WorkingColumns room) {
            capacity = room.rows;
            System.arraycopy(idFingerprints, 0, room.idFingerprints, 0, idFingerprints.length);
            idFingerprints = room.idFingerprints;
            if (labelCodes != null) {
                System.arraycopy(labelCodes, 0, room.labelCodes, 0, labelCodes.length);
                labelCodes = room.labelCodes;
            }
            if (labelValues != null) {
                System.arraycopy(labelValues, 0, room.labelValues, 0, labelValues.length);
                labelValues = room.labelValues;
            }
            for (int s = 0; s < sliceCodes.length; s++) {
                System.arraycopy(sliceCodes[s], 0, room.sliceCodes[s], 0, sliceCodes[s].length);
                sliceCodes[s] = room.sliceCodes[s];
            }
            for (int m = 0; m < columns.pred.length; m++) {
                if (predCodes != null) {
                    System.arraycopy(predCodes[m], 0, room.predCodes[m], 0, predCodes[m].length);
                    predCodes[m] = room.predCodes[m];
                }
                if (predValues != null) {
                    System.arraycopy(predValues[m], 0, room.predValues[m], 0, predValues[m].length);
                    predValues[m] = room.predValues[m];
                }
                if (scores != null && scores[m] != null) {
                    System.arraycopy(scores[m], 0, room.scores[m], 0, scores[m].length);
                    scores[m] = room.scores[m];
                }
            }
        }

        /**
         * The working columns a table has (known once its header is read), so that another thread can make them without
         * reading the reader's fields.
         */
        private record ColumnShape(boolean labelsCoded, boolean labelsValued, int slices, boolean predictionsCoded,
                                   boolean predictionsValued, boolean anyScores, boolean[] scored) {
            /** Columns of {@code rows} rows, none filled. */
            WorkingColumns empty(int rows) {
                int models = scored.length;
                double[][] scoreColumns = anyScores ? new double[models][] : null;
                for (int m = 0; m < models && anyScores; m++) {
                    scoreColumns[m] = scored[m] ? new double[rows] : null;
                }
                return new WorkingColumns(rows, new long[rows], labelsCoded ? new int[rows] : null,
                        labelsValued ? new double[rows] : null, new int[slices][rows],
                        predictionsCoded ? new int[models][rows] : null,
                        predictionsValued ? new double[models][rows] : null, scoreColumns);
            }
        }

        /** A table's working columns with room for {@code rows} rows; null where the table has no such column. */
        private record WorkingColumns(int rows, long[] idFingerprints, int[] labelCodes, double[] labelValues,
                                      int[][] sliceCodes, int[][] predCodes, double[][] predValues,
                                      double[][] scores) {
        }

        /**
         * Takes the rows {@code after} read (the rest of the file, read by a parse of its own from the same header) as
         * this table's next rows, as one pass would have read them: the slice values and class names it met that this
         * part did not are given this part's next codes in the order it met them, its code columns are rewritten in
         * those codes, its rows' lines placed after this part's; {@link #finish} then makes the table of both. No row
         * is read after this.
         *
         * @return false when one pass could have read the rows otherwise, and this parse is then not to be used: a binary
         *     pack's classes held until the positive label is met (their codes and refusal depend on the rows' order),
         *     the negative class named otherwise here (one pass refuses the second name as a third class), a value that
         *     is one of this part's in another Unicode form, a limit of slice values reached
         */
        boolean join(Parse after) {
            if (heldSinceUnlabelledPositive != null || after.heldSinceUnlabelledPositive != null) {
                return false;
            }
            int[] classesHere = classCodesOf(after);
            if (classesHere == null) {
                return false;
            }
            int[][] sliceValuesHere = new int[sliceNames.size()][];
            for (int s = 0; s < sliceValuesHere.length; s++) {
                sliceValuesHere[s] = sliceCodesOf(after, s);
                if (sliceValuesHere[s] == null) {
                    return false;
                }
            }
            // no record spans lines (no quoted field), so the after part's line 2, the line after the cut, is the one
            // after this part's last record
            long lineOffset = lastRecordLine - 1;
            after.labelClasses.stream().forEach(code -> labelClasses.set(classesHere[code]));
            after.predictedClasses.stream().forEach(code -> {
                if (!predictedClasses.get(classesHere[code])) {
                    predictedClasses.set(classesHere[code]);
                    long[] at = after.firstPredictedAt.get(code);
                    firstPredictedAt.put(classesHere[code], new long[] {at[0] + lineOffset, at[1]});
                }
            });
            if (after.labelCodes != null) {
                recodeInPlace(after.labelCodes, after.rowCount, classesHere);
            }
            for (int m = 0; after.predCodes != null && m < after.predCodes.length; m++) {
                recodeInPlace(after.predCodes[m], after.rowCount, classesHere);
            }
            for (int s = 0; s < sliceValuesHere.length; s++) {
                recodeInPlace(after.sliceCodes[s], after.rowCount, sliceValuesHere[s]);
            }
            lines.append(after.lines, rowCount, lineOffset);
            joinedIds = ExampleIds.joined(ids.build(), after.ids.build());
            next = after;
            rowsBeforeNext = rowCount;
            rowCount += after.rowCount;
            if (listening != null) {
                listening.idsRead(joinedIds); // the after part's ids are hashed while the table is made
            }
            return true;
        }

        /** Per class code of {@code after}, this part's code for that name (a new one given in its order); or null. */
        private int[] classCodesOf(Parse after) {
            int[] here = new int[Math.max(2, after.classCodes.size())];
            for (Map.Entry<String, Integer> named : after.classCodes.entrySet()) {
                Integer code = classCodes.get(named.getKey());
                if (code == null) {
                    boolean secondNegative = task == Task.BINARY && classCodes.containsValue(0);
                    if (secondNegative || classForms.twinOf(named.getKey()) != null) {
                        return null;
                    }
                    code = task == Task.BINARY ? 0 : classCodes.size();
                    classCodes.put(named.getKey(), code);
                }
                here[named.getValue()] = code;
            }
            return here;
        }

        /**
         * Per code of {@code after}'s slice column, this part's code for that value (a new one given in its order); null
         * for a value that is one of this part's in another Unicode form, or beyond a limit.
         */
        private int[] sliceCodesOf(Parse after, int slice) {
            Map<String, Integer> theirs = after.sliceLevels.get(slice);
            String[] valueOf = new String[theirs.size()];
            theirs.forEach((value, code) -> valueOf[code] = value);
            Map<String, Integer> levels = sliceLevels.get(slice);
            int[] here = new int[valueOf.length];
            for (int code = 0; code < valueOf.length; code++) {
                Integer known = levels.get(valueOf[code]);
                if (known == null) {
                    if (sliceForms.get(slice).twinOf(valueOf[code]) != null) {
                        return null;
                    }
                    try {
                        known = newSliceValue(levels, valueOf[code], 0, columns.slices[slice]);
                    } catch (PackException beyondLimit) {
                        return null;
                    }
                }
                here[code] = known;
            }
            return here;
        }

        private static void recodeInPlace(int[] codes, int rows, int[] remap) {
            if (!isIdentity(remap)) {
                for (int i = 0; i < rows; i++) {
                    codes[i] = remap[codes[i]];
                }
            }
        }

        /**
         * The table, each column a trimmed copy of the one read; each working column is let go as soon as it is copied
         * (40 – 80 MB a column at ten million rows), so a collection meanwhile can take it.
         */
        EvaluationTable finish() throws PackException {
            room = null; // made for more rows than there were, if it is still being made
            if (rowCount == 0) {
                throw new PackException(fileName, 2, 0, "has a header but no examples");
            }
            if (heldSinceUnlabelledPositive != null) {
                throw labelClasses.get(1) ? heldThirdClass() : manifest.problemAt("/model/positiveLabel",
                        RowProblems.positiveLabelNeverLabelled(manifest.model().positiveLabel(), fileName,
                                columns.names[columns.label], classCodes.entrySet().stream()
                                        .filter(named -> labelClasses.get(named.getValue()))
                                        .map(Map.Entry::getKey).toList()));
            }
            if (task == Task.MULTICLASS && declaredClasses == null) {
                refuseClassesNeverLabelled();
            }
            ExampleIds exampleIds = joinedIds != null ? joinedIds : ids.build();

            int models = columns.pred.length;
            List<String> classes = List.of();
            int[] classRemap = null;
            if (task == Task.BINARY) {
                String negative = classCodes.entrySet().stream().filter(e -> e.getValue() == 0)
                        .map(Map.Entry::getKey).findFirst().orElse("not " + manifest.model().positiveLabel());
                classes = List.of(negative, manifest.model().positiveLabel());
                classRemap = new int[] {0, 1};
            } else if (task == Task.MULTICLASS) {
                classes = manifest.multiclassOrder(classCodes.keySet());
                classRemap = remap(classCodes, classes);
            }
            List<List<String>> sliceLevelOrder = new ArrayList<>();
            for (int s = 0; s < sliceNames.size(); s++) {
                sliceLevelOrder.add(sliceLevels.get(s).keySet().stream().sorted(SliceValueOrder.INSTANCE).toList());
            }
            // the trimmed copies of the columns are independent of each other, so both cores make them: at ten million
            // rows they took about a second of the reading thread's CPU while the other core had little to do
            int[][] labelCodesTrimmed = new int[1][];
            double[][] labelValuesTrimmed = new double[1][];
            int[][] predCodesTrimmed = new int[models][];
            double[][] predValuesTrimmed = new double[models][];
            double[][] scoresTrimmed = new double[models][];
            int[][] sliceCodesTrimmed = new int[sliceNames.size()][];
            Parse after = next;
            if (listening != null && task == Task.BINARY && scores != null) {
                // the score orders need only the scores read, so they need not wait for the copies below (about
                // 0.7 s at ten million rows); read in parts, they are sorted from the table's columns, made first
                Map<String, double[]> scoresByVersion = new LinkedHashMap<>();
                for (int m = 0; m < models; m++) {
                    if (scores[m] != null && after != null) {
                        scoresTrimmed[m] = tableNumbers(scores[m], after.scores[m]);
                        scores[m] = null;
                        after.scores[m] = null;
                    }
                    double[] read = scoresTrimmed[m] != null ? scoresTrimmed[m] : scores[m];
                    if (read != null) {
                        scoresByVersion.put(manifest.models().get(m).version(), read);
                    }
                }
                listening.scoresRead(rowCount, exampleIds, scoresByVersion);
            }
            List<Runnable> copies = new ArrayList<>();
            int[] remap = classRemap;
            if (labelCodes != null) {
                copies.add(() -> {
                    labelCodesTrimmed[0] = tableCodes(labelCodes, after == null ? null : after.labelCodes, remap);
                    labelCodes = null;
                    if (after != null) {
                        after.labelCodes = null;
                    }
                });
            }
            if (labelValues != null) {
                copies.add(() -> {
                    labelValuesTrimmed[0] = tableNumbers(labelValues, after == null ? null : after.labelValues);
                    labelValues = null;
                    if (after != null) {
                        after.labelValues = null;
                    }
                });
            }
            for (int m = 0; m < models; m++) {
                int model = m;
                if (predCodes != null) {
                    copies.add(() -> {
                        predCodesTrimmed[model] = tableCodes(predCodes[model],
                                after == null ? null : after.predCodes[model], remap);
                        predCodes[model] = null;
                        if (after != null) {
                            after.predCodes[model] = null;
                        }
                    });
                }
                if (predValues != null) {
                    copies.add(() -> {
                        predValuesTrimmed[model] = tableNumbers(predValues[model],
                                after == null ? null : after.predValues[model]);
                        predValues[model] = null;
                        if (after != null) {
                            after.predValues[model] = null;
                        }
                    });
                }
                if (scores != null && scores[m] != null) {
                    copies.add(() -> {
                        scoresTrimmed[model] = tableNumbers(scores[model], after == null ? null : after.scores[model]);
                        scores[model] = null;
                        if (after != null) {
                            after.scores[model] = null;
                        }
                    });
                }
            }
            for (int s = 0; s < sliceNames.size(); s++) {
                int slice = s;
                int[] sliceRemap = remap(sliceLevels.get(s), sliceLevelOrder.get(s));
                copies.add(() -> {
                    sliceCodesTrimmed[slice] = tableCodes(sliceCodes[slice],
                            after == null ? null : after.sliceCodes[slice], sliceRemap);
                    sliceCodes[slice] = null;
                    if (after != null) {
                        after.sliceCodes[slice] = null;
                    }
                });
            }
            copies.parallelStream().forEach(Runnable::run);

            Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
            for (int m = 0; m < models; m++) {
                String version = manifest.models().get(m).version();
                predictions.put(version, new ModelPredictions(version, predCodesTrimmed[m], predValuesTrimmed[m],
                        scoresTrimmed[m]));
            }
            Map<String, CategoricalColumn> slices = new LinkedHashMap<>();
            for (int s = 0; s < sliceNames.size(); s++) {
                slices.put(sliceNames.get(s), new CategoricalColumn(sliceNames.get(s), sliceLevelOrder.get(s),
                        sliceCodesTrimmed[s]));
            }
            int[] labels = labelCodesTrimmed[0];
            double[] labelNumbers = labelValuesTrimmed[0];
            EvaluationTable table = new EvaluationTable(fileName, task, rowCount, exampleIds, classes, labels,
                    labelNumbers, slices, suite.sensitive(), predictions);
            if (listening != null) {
                listening.rowsRead(table);
            }
            long[] fingerprints = idFingerprints;
            idFingerprints = null;
            next = null;
            if (after == null) {
                DuplicateIds.check(fingerprints, exampleIds, lines::lineOf, fileName, columns.exampleId + 1);
            } else {
                long[] afterFingerprints = after.idFingerprints;
                after.idFingerprints = null;
                DuplicateIds.check(fingerprints, rowsBeforeNext, afterFingerprints, after.rowCount, exampleIds,
                        lines::lineOf, fileName, columns.exampleId + 1);
            }
            return table;
        }

        /** The first value held as a possible class ({@link #heldSinceUnlabelledPositive}), refused as a third class. */
        private PackException heldThirdClass() {
            // codes 1 (the positive label) and 0 (the first other class) were given first, code 2 to the value held
            List<String> held = List.copyOf(classCodes.keySet());
            return bad(heldSinceUnlabelledPositive[0], (int) heldSinceUnlabelledPositive[1],
                    RowProblems.thirdClass(held.get(2), held.subList(0, 2), manifest.model().positiveLabel()));
        }

        /**
         * A predicted class that is never a label is nearly always a typo ("acount"), which would silently lower
         * every F1; packs whose models can predict classes absent from the labels list them in model.classes.
         */
        private void refuseClassesNeverLabelled() throws PackException {
            for (Map.Entry<String, Integer> entry : classCodes.entrySet()) {
                if (!labelClasses.get(entry.getValue())) {
                    long[] at = firstPredictedAt.get(entry.getValue());
                    throw bad(at[0], (int) at[1], RowProblems.predictedNeverLabelled(entry.getKey(), fileName));
                }
            }
        }

        /** Each code's place in {@code order}, which holds every coded value and may hold values no row has. */
        private static int[] remap(Map<String, Integer> codes, List<String> order) {
            int[] remap = new int[codes.size()];
            for (int i = 0; i < order.size(); i++) {
                Integer code = codes.get(order.get(i));
                if (code != null) {
                    remap[code] = i;
                }
            }
            return remap;
        }

        /** A code column of the table: this part's rows, then {@code nextCodes} (in this part's codes), each mapped. */
        private int[] tableCodes(int[] codes, int[] nextCodes, int[] remap) {
            if (next == null) {
                return recode(codes, rowCount, remap);
            }
            int[] table = new int[rowCount];
            recodeInto(codes, rowsBeforeNext, remap, table, 0);
            recodeInto(nextCodes, next.rowCount, remap, table, rowsBeforeNext);
            return table;
        }

        /** A number column of the table: this part's rows, then {@code nextNumbers}. */
        private double[] tableNumbers(double[] numbers, double[] nextNumbers) {
            if (next == null) {
                return Arrays.copyOf(numbers, rowCount);
            }
            double[] table = new double[rowCount];
            System.arraycopy(numbers, 0, table, 0, rowsBeforeNext);
            System.arraycopy(nextNumbers, 0, table, rowsBeforeNext, next.rowCount);
            return table;
        }

        /** The first {@code rows} codes, each mapped by {@code remap}, written from {@code table[at]} on. */
        private static void recodeInto(int[] codes, int rows, int[] remap, int[] table, int at) {
            if (isIdentity(remap)) {
                System.arraycopy(codes, 0, table, at, rows);
                return;
            }
            for (int i = 0; i < rows; i++) {
                table[at + i] = remap[codes[i]];
            }
        }

        /**
         * The first {@code rows} codes, each mapped by {@code remap}. Where the map changes nothing (a binary task's labels
         * and predictions, slice values met in sorted order) a plain copy: a fresh process runs this loop in the
         * interpreter, about 20 ms a column at a million rows, where the copy is one native call.
         */
        private static int[] recode(int[] codes, int rows, int[] remap) {
            if (isIdentity(remap)) {
                return Arrays.copyOf(codes, rows);
            }
            int[] out = new int[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = remap[codes[i]];
            }
            return out;
        }

        private static boolean isIdentity(int[] remap) {
            for (int code = 0; code < remap.length; code++) {
                if (remap[code] != code) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Where each needed column sits in the header. */
    private static final class Columns {
        final int count;
        final String[] names;
        final int exampleId;
        final int label;
        final int[] slices;
        final int[] pred;
        final int[] score;

        Columns(String fileName, List<String> header, PackManifest manifest, List<String> sliceNames)
                throws PackException {
            count = header.size();
            names = header.toArray(String[]::new);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (RowProblems.isPadded(names[i])) {
                    throw new PackException(fileName, 1, i + 1, RowProblems.paddedColumnName(names[i]));
                }
                Integer first = index.putIfAbsent(names[i], i);
                if (first != null) {
                    throw new PackException(fileName, 1, i + 1, RowProblems.repeatedColumnName(names[i], first + 1));
                }
            }
            exampleId = require(fileName, index, EXAMPLE_ID, "the example id");
            label = require(fileName, index, LABEL, "the true label");
            slices = new int[sliceNames.size()];
            for (int s = 0; s < slices.length; s++) {
                slices[s] = require(fileName, index, sliceNames.get(s), "named in the manifest's slices/sensitive");
            }
            int models = manifest.models().size();
            pred = new int[models];
            score = new int[models];
            for (int m = 0; m < models; m++) {
                String version = manifest.models().get(m).version();
                Integer predColumn = index.get("pred_" + version);
                Integer scoreColumn = index.get("score_" + version);
                if (manifest.task() == Task.BINARY) {
                    if (predColumn == null && scoreColumn == null) {
                        throw PackException.inHeader(fileName, "needs score_" + version + " or pred_" + version
                                + " for model version " + version + hint(names, "score_" + version, "pred_" + version));
                    }
                } else if (predColumn == null) {
                    throw PackException.inHeader(fileName, "needs column pred_" + version
                            + " with the predictions of model version " + version + hint(names, "pred_" + version));
                }
                pred[m] = predColumn == null ? -1 : predColumn;
                score[m] = scoreColumn == null ? -1 : scoreColumn;
            }
            // after the columns needed, so a renamed one is named as missing, not its new name as unknown
            List<String> versions = manifest.models().stream().map(ModelVersion::version).toList();
            for (int i = 0; i < names.length; i++) {
                if (manifest.task() == Task.MULTICLASS && names[i].startsWith("score_")) {
                    throw new PackException(fileName, 1, i + 1, RowProblems.multiclassScoreColumn(names[i]));
                }
                String version = names[i].startsWith("pred_") ? names[i].substring(5)
                        : names[i].startsWith("score_") ? names[i].substring(6) : null;
                if (version != null && !versions.contains(version)) {
                    throw new PackException(fileName, 1, i + 1, RowProblems.unlistedVersionColumn(names[i], version,
                            versions));
                }
            }
        }

        private int require(String fileName, Map<String, Integer> index, String column, String why)
                throws PackException {
            Integer at = index.get(column);
            if (at == null) {
                throw PackException.inHeader(fileName, "needs column '" + column + "' (" + why + ")"
                        + hint(names, column));
            }
            return at;
        }

        /**
         * What the header most likely got wrong when it lacks {@code wanted}: a header read as one field is another
         * separator's (a spreadsheet's ';' or a tab), and a name that differs only in case or in spaces for '_' is a
         * spelling the user can fix; else nothing.
         */
        private static String hint(String[] header, String... wanted) {
            if (header.length == 1) {
                for (String separator : new String[] {";", "\t", "|"}) {
                    if (header[0].contains(separator)) {
                        return "; the header is one field, '" + shortened(header[0].replace("\t", "\\t"))
                                + "': is the file separated by "
                                + (separator.equals("\t") ? "tabs" : "'" + separator + "'")
                                + "? Verdict reads comma-separated values only (RFC 4180), with '.' as decimal point";
                    }
                }
            }
            for (String name : header) {
                for (String column : wanted) {
                    if (!name.equals(column) && spelling(name).equalsIgnoreCase(spelling(column))) {
                        return "; the header has '" + name + "': column names are matched exactly, so rename it '"
                                + column + "'";
                    }
                }
            }
            return "";
        }

        /** A name with every run of spaces, '-' and '_' written as one '_': "Score 8" and "score_8" alike. */
        private static String spelling(String name) {
            return name.replaceAll("[\\s_-]+", "_");
        }

        private static String shortened(String text) {
            return text.length() <= 60 ? text : text.substring(0, 57) + "…";
        }
    }

    /** Counts bytes read so progress can be reported as a fraction of the file size. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }
    }
}
