package org.verdict.core.pack;

import com.fasterxml.jackson.core.io.NumberInput;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the text files of a pack are decoded and what their numbers may look like (docs/pack-format.md): UTF-8 with
 * or without a byte-order mark, nothing else; numbers in the plain decimal or scientific form a CSV writer produces.
 */
public final class PackText {
    /**
     * Largest magnitude a number may have. No real label, score, latency or count comes near it, and squares and
     * sums of larger values (RMSE over a million rows) would overflow to infinity.
     */
    public static final double MAX_MAGNITUDE = 1e100;

    /** Fixed limits of the CSV reader (FastCSV), reported in words when a file exceeds them. */
    public static final int MAX_COLUMNS = 16_384;
    public static final int MAX_FIELD_CHARS = 16 * 1024 * 1024;

    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");
    /** A number written with a decimal comma (0,55), as spreadsheets in much of Europe save it. */
    static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?[0-9]*,[0-9]+");
    private static final Pattern CSV_LINE = Pattern.compile("line (\\d+)");
    /** How FastCSV 3's parser begins its message for text after a closing quote. */
    private static final String AFTER_CLOSING_QUOTE = "Unexpected character after closing quote";

    private PackText() {
    }

    /** A reader of UTF-8 text that skips a leading byte-order mark and fails on bytes that are not UTF-8. */
    public static Reader utf8Reader(InputStream in) throws IOException {
        return new InputStreamReader(skipByteOrderMark(in), new AsciiFirstDecoder());
    }

    public static Reader utf8Reader(Path file) throws IOException {
        return utf8Reader(Files.newInputStream(file));
    }

    /**
     * The error for a file read with {@link #utf8Reader} that failed: a decoding failure is located by line, a CSV
     * limit is said in words, anything else is reported as unreadable.
     */
    public static PackException readFailure(Path file, String fileName, Exception failure) {
        Throwable cause = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
        if (cause instanceof CharacterCodingException) {
            return notUtf8(file, fileName);
        }
        if (failure instanceof CsvParseException csv) {
            return csvFailure(fileName, csv);
        }
        return new PackException(fileName, "cannot be read: " + cause.getMessage());
    }

    /**
     * A CSV file with a byte that is not UTF-8, placed as every other CSV problem is: at its line and at its column,
     * the field it falls in (counted from 1, as a spreadsheet's columns), with the header's name for it and the
     * character of the value it is. Only a file that cannot be split into fields up to there keeps the line alone.
     */
    public static PackException notUtf8(Path file, String fileName) {
        Undecodable at = firstUndecodableByte(file);
        if (at == null) {
            return new PackException(fileName, "is not UTF-8 text; save the file as UTF-8 (a byte-order mark is fine)");
        }
        String fix = "; the file is saved in another encoding" + legacyReading(at.value())
                + ": save it as UTF-8 (a byte-order mark is fine)";
        if (at.line() == 1 && at.character() == 1 && (at.value() == 0xFE || at.value() == 0xFF)) {
            return new PackException(fileName, 1, 1, "is not UTF-8 text (it begins with the byte-order mark of UTF-16"
                    + " or UTF-32); save the file as UTF-8");
        }
        String byteName = String.format(Locale.ROOT, "byte 0x%02X", at.value());
        FieldPlace field = fieldOf(file, at.replacementsBefore());
        if (field == null) {
            return new PackException(fileName, at.line(), 0, "is not UTF-8 text: " + byteName + ", character "
                    + at.character() + " of the line, cannot be read" + fix);
        }
        String named = field.header() == null ? "(the header) " : "(" + field.header() + ") ";
        return new PackException(fileName, at.line(), field.column(), named + "character " + field.character()
                + " of this value, " + byteName + ", is not UTF-8 text" + fix);
    }

    /**
     * A row with another number of fields than the header, placed as the pack loader places it: a short row at the
     * first column it lacks, named, and a long one at the first column beyond the header.
     */
    public static PackException wrongFieldCount(String fileName, long line, int fields, List<String> header) {
        return fields < header.size()
                ? new PackException(fileName, line, fields + 1, "(" + header.get(fields) + ") "
                        + RowProblems.rowEndsEarly(fields, header.size()))
                : new PackException(fileName, line, header.size() + 1, RowProblems.rowRunsOn(fields, header.size()));
    }

    /** What a byte that is not UTF-8 would be in Windows-1252 (Latin-1 above 0x9F), which such files most often are. */
    private static String legacyReading(int value) {
        String read = new String(new byte[] {(byte) value}, Charset.forName("windows-1252"));
        if (value < 0x80 || read.equals("\uFFFD")) {
            return "";
        }
        return String.format(Locale.ROOT, " (in %s, 0x%02X is '%s')",
                value < 0xA0 ? "Windows-1252" : "Windows-1252 and Latin-1", value, read);
    }

    /**
     * The first byte that is not UTF-8: its line and its character on that line (both from 1), the byte, and how many
     * U+FFFD characters the text before it holds (written as UTF-8, they are not the byte).
     */
    record Undecodable(long line, long character, int value, long replacementsBefore) {
    }

    /** Where {@link #fieldOf} finds the byte: the field (from 1), the header's name for it, its character (from 1). */
    record FieldPlace(int column, String header, long character) {
    }

    /**
     * The field holding the first byte that is not UTF-8: the file is split as the readers split it, its bytes that
     * are not UTF-8 read as U+FFFD, and the byte is the first U+FFFD after the {@code replacementsBefore} the file
     * itself holds. Null when the file cannot be split into fields up to there.
     */
    static FieldPlace fieldOf(Path file, long replacementsBefore) {
        CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        long seen = 0;
        List<String> header = null;
        try (CsvReader<CsvRecord> records = CsvReader.builder().ignoreDifferentFieldCount(true)
                .ofCsvRecord(new InputStreamReader(skipByteOrderMark(Files.newInputStream(file)), lenient))) {
            for (CsvRecord record : records) {
                for (int field = 0; field < record.getFieldCount(); field++) {
                    String value = record.getField(field);
                    for (int i = value.indexOf('\uFFFD'); i >= 0; i = value.indexOf('\uFFFD', i + 1)) {
                        if (seen++ == replacementsBefore) {
                            String name = header == null ? null : field < header.size() ? header.get(field)
                                    : "beyond the header";
                            return new FieldPlace(field + 1, name, value.codePointCount(0, i) + 1);
                        }
                    }
                }
                if (header == null) {
                    header = record.getFields();
                }
            }
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            return null;
        }
        return null;
    }

    /** Where the first byte that is not valid UTF-8 is ({@link Undecodable}); null when none is found. */
    static Undecodable firstUndecodableByte(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = 1;
        long character = 1;
        long replacements = 0;
        boolean afterCarriageReturn = false;
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (InputStream in = skipByteOrderMark(Files.newInputStream(file))) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = read < 0;
                if (read > 0) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.flip();
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    // lines end as the CSV readers end them: LF, CRLF, or a CR on its own
                    if (c == '\r' || (c == '\n' && !afterCarriageReturn)) {
                        line++;
                        character = 1;
                    } else if (c != '\n' && !Character.isLowSurrogate(c)) {
                        character++;
                        replacements += c == '\uFFFD' ? 1 : 0;
                    }
                    afterCarriageReturn = c == '\r';
                }
                chars.clear();
                if (result.isError()) {
                    return new Undecodable(line, character, bytes.get(bytes.position()) & 0xFF, replacements);
                }
                bytes.compact();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** {@code in} past a leading UTF-8 byte-order mark, as {@link #utf8Reader} reads it. */
    private static InputStream skipByteOrderMark(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(3);
        byte[] start = buffered.readNBytes(3);
        if (!(start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    /**
     * Whether FastCSV, built with {@code acceptCharsAfterQuotes(false)}, refused text between a closing quote and the
     * next comma ({@code "st07"x}); only its parser throws a {@link CsvParseException} of its own for that.
     */
    public static boolean isTextAfterClosingQuote(CsvParseException e) {
        return e.getCause() instanceof CsvParseException parser
                && String.valueOf(parser.getMessage()).startsWith(AFTER_CLOSING_QUOTE);
    }

    /** FastCSV's limits and syntax errors, said in words with the line where the record starts. */
    public static PackException csvFailure(String fileName, CsvParseException e) {
        Matcher line = CSV_LINE.matcher(String.valueOf(e.getMessage()));
        long lineNumber = line.find() ? Long.parseLong(line.group(1))
                : String.valueOf(e.getMessage()).contains("first record") ? 1 : 0;
        String cause = e.getCause() == null ? "" : String.valueOf(e.getCause().getMessage());
        String problem;
        if (isTextAfterClosingQuote(e)) {
            problem = RowProblems.textAfterClosingQuote();
        } else if (cause.startsWith("Maximum number of fields")) {
            problem = tooManyColumns();
        } else if (cause.contains("maximum buffer size")) {
            problem = String.format(Locale.ROOT, "has a field longer than %,d characters, the most one value may "
                    + "hold (a quote that is opened but never closed does this too)", MAX_FIELD_CHARS);
        } else if (cause.contains("surpassed the maximum limit")) {
            problem = "has a row longer than the most one row may hold (" + cause.replaceAll(".*limit of ", "")
                    + "); a quote that is opened but never closed does this too";
        } else {
            problem = "is not valid CSV" + (cause.isEmpty() ? "" : ": " + cause);
        }
        return new PackException(fileName, lineNumber, 0, problem);
    }

    /** The problem of a record with more than {@link #MAX_COLUMNS} fields. */
    static String tooManyColumns() {
        return String.format(Locale.ROOT, "has more than %,d columns, the most a pack file may have", MAX_COLUMNS);
    }

    /**
     * Parses a number written the way a CSV writer writes it: optional sign, digits with an optional decimal point,
     * an optional exponent ({@code 12}, {@code -0.5}, {@code 1.5e-07}), and nothing around it (a CSV writer writes no
     * space before or after a number, so one is refused rather than silently dropped). Hexadecimal,
     * type suffixes ({@code 0.5f}), {@code NaN}, infinities and magnitudes above {@link #MAX_MAGNITUDE} are refused.
     *
     * @throws NumberFormatException with the reason in words
     */
    public static double number(String text) {
        return number(text.toCharArray(), 0, text.length());
    }

    /**
     * {@link #number(String)} of {@code chars[offset, offset + length)}, without making a String (the CSV reader hands
     * over its buffer). The digits are converted by Jackson's copy of FastDoubleParser, which rounds exactly as
     * {@link Double#parseDouble} does and is several times faster on the millions of scores of a large pack.
     */
    public static double number(char[] chars, int offset, int length) {
        if (!isPlainNumber(chars, offset, offset + length)) {
            throw new NumberFormatException(notPlainNumber(new String(chars, offset, length)));
        }
        double value = NumberInput.parseDouble(chars, offset, length, true);
        if (!(Math.abs(value) <= MAX_MAGNITUDE)) {
            throw new NumberFormatException("'" + new String(chars, offset, length)
                    + "' is beyond ±1e100, the largest magnitude a number may have");
        }
        return value;
    }

    /**
     * Checks a number stored as a number (a Parquet {@code DOUBLE}) as {@link #number(String)} checks a written one:
     * NaN, infinities and magnitudes above {@link #MAX_MAGNITUDE} are refused with the same words.
     */
    public static double number(double value) {
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("'" + value + "' is not a finite number");
        }
        if (!(Math.abs(value) <= MAX_MAGNITUDE)) {
            throw new NumberFormatException("'" + value + "' is beyond ±1e100, the largest magnitude a number may have");
        }
        return value;
    }

    /**
     * An empty field where a number is needed: the value is missing, most often a NaN that pandas' to_csv wrote as
     * nothing, not a number written wrongly.
     */
    static final String MISSING_NUMBER = "has no value: the number is missing (pandas writes NaN, a missing value,"
            + " as an empty field); fill it in, or drop the row if the model gave no output for it";

    /** Why a value {@link #isPlainNumber} refuses is no number; looked at only once it is refused. */
    private static String notPlainNumber(String text) {
        if (text.isEmpty()) {
            return MISSING_NUMBER;
        }
        String inner = RowProblems.stripWhitespace(text);
        if (NON_FINITE.matcher(inner).matches()) {
            return "'" + text + "' is not a finite number";
        }
        if (RowProblems.isPadded(text) && isPlainNumber(inner.toCharArray(), 0, inner.length())) {
            return RowProblems.paddedNumber(text);
        }
        String notDigits = "'" + RowProblems.shown(text) + "' is not a number written in digits, such as 12, -0.5 or"
                + " 1.5e-07";
        NumberLookAlikes.Found lookAlikes = NumberLookAlikes.in(inner,
                candidate -> isPlainNumber(candidate.toCharArray(), 0, candidate.length()));
        if (lookAlikes != null) {
            return notDigits + ": it holds " + lookAlikes.said()
                    + (lookAlikes.number() == null ? "" : "; write '" + lookAlikes.number() + "'");
        }
        return notDigits + (DECIMAL_COMMA.matcher(inner).matches() ? ": the decimal separator is a point ('"
                + inner.replace(',', '.') + "'), not a comma" : "");
    }

    private static boolean isPlainNumber(char[] text, int start, int end) {
        int i = start;
        if (i < end && (text[i] == '-' || text[i] == '+')) {
            i++;
        }
        int digits = 0;
        while (i < end && isDigit(text[i])) {
            i++;
            digits++;
        }
        if (i < end && text[i] == '.') {
            i++;
            while (i < end && isDigit(text[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < end && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            if (i < end && (text[i] == '-' || text[i] == '+')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < end && isDigit(text[i])) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
