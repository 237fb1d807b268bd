package org.verdict.core.summary;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackText;
import org.verdict.core.pack.RowProblems;

/**
 * Finds the first double quote in an unquoted field of the named columns of a CSV file, read as the row loader reads
 * it: only FastCSV's callbacks say whether a field was quoted, which DuckDB's values no longer do. Text after a closing
 * quote, which the row loader refuses too, is found on the way.
 */
final class StrayQuotes {
    private StrayQuotes() {
    }

    /** @return the problem, placed at its line and column, or null when every quote in those columns is quoted */
    static PackException first(String file, List<String> names) throws PackException {
        Handler handler = new Handler(names);
        try (Reader text = PackText.utf8Reader(Path.of(file));
             CsvReader<Handler> csv = CsvReader.builder().ignoreDifferentFieldCount(true).skipEmptyLines(true)
                     .acceptCharsAfterQuotes(false).build(handler, text)) {
            csv.forEach(record -> {
                // every record is built as null, which FastCSV skips; the handler stops at the first stray quote
            });
        } catch (Found found) {
            return found.problem(file);
        } catch (CsvParseException e) {
            if (e.getCause() instanceof Found found) {
                return found.problem(file); // FastCSV wraps what a callback throws
            }
            if (PackText.isTextAfterClosingQuote(e)) {
                return handler.textAfterClosingQuote(file);
            }
            throw new PackException(file, "not valid CSV: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new PackException(file, "cannot be read again to look for stray quotes: " + e.getMessage());
        }
        return null;
    }

    /** Ends the reading at the first stray quote. */
    private static final class Found extends RuntimeException {
        final long line;
        final int column;
        final String name;
        final String value;

        Found(long line, int column, String name, String value) {
            super(null, null, false, false);
            this.line = line;
            this.column = column;
            this.name = name;
            this.value = value;
        }

        PackException problem(String file) {
            return new PackException(file, line, column + 1, "(" + name + ") " + RowProblems.strayQuote(value));
        }
    }

    private static final class Handler extends AbstractBaseCsvCallbackHandler<Handler> {
        private final List<String> names;
        /** Per field of the file, the name of a column to check, or null; null until the header is read. */
        private String[] checked;
        private final List<String> header = new ArrayList<>();

        Handler(List<String> names) {
            this.names = names;
        }

        @Override
        protected void handleField(int fieldIndex, char[] buf, int offset, int length, boolean quoted) {
            if (checked == null) {
                header.add(new String(buf, offset, length).strip());
                return;
            }
            if (!quoted && fieldIndex < checked.length && checked[fieldIndex] != null
                    && RowProblems.holdsQuote(buf, offset, length)) {
                throw new Found(getStartingLineNumber(), fieldIndex, checked[fieldIndex],
                        new String(buf, offset, length));
            }
        }

        /** FastCSV stops in the refused field, so the fields handed over so far place it. */
        PackException textAfterClosingQuote(String file) {
            int field = getFieldCount();
            String named = checked != null && field < header.size() ? "(" + header.get(field) + ") " : "";
            return new PackException(file, getStartingLineNumber(), field + 1, named
                    + RowProblems.textAfterClosingQuote());
        }

        @Override
        protected RecordWrapper<Handler> buildRecord() {
            if (checked == null && !isEmptyLine()) {
                checked = header.stream().map(name -> names.contains(name) ? name : null).toArray(String[]::new);
            }
            return null;
        }
    }
}
