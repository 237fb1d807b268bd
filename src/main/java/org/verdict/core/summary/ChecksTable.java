package org.verdict.core.summary;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.RowProblems;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.HashedBlocks;

/**
 * A row checks table as {@code --engine import} reads it: whether its checks failed, and what the query saw (rows, a
 * fingerprint of their cells, the script and the engine), so that the checks of one table or run are never taken for
 * those of the cells imported with them.
 */
final class ChecksTable {
    private final Path path;
    private final SummaryTable table;
    private final long rowsSeen;
    private final BigInteger cellsFingerprint;
    private final String engine;
    private final String engineVersion;

    private ChecksTable(Path path, SummaryTable table, long rowsSeen, BigInteger cellsFingerprint, String engine,
                        String engineVersion) {
        this.path = path;
        this.table = table;
        this.rowsSeen = rowsSeen;
        this.cellsFingerprint = cellsFingerprint;
        this.engine = engine;
        this.engineVersion = engineVersion;
    }

    Path path() {
        return path;
    }

    String engine() {
        return engine;
    }

    /** The version the engine's own {@code version()} gave, as written, e.g. {@code v1.4.4} or {@code 3.5.8 <rev>}. */
    String engineVersion() {
        return engineVersion;
    }

    /**
     * Reads the table at {@code path}; refuses one written by the SQL of an earlier Verdict (without the columns of
     * what it saw), one holding several runs' rows, and one whose script id is not in {@code sql}.
     *
     * @param query how the script heads the query, for the messages
     */
    static ChecksTable read(Path path, String sql, Path sqlScript, String query) throws IOException, PackException {
        List<String> header = SummaryImport.header(path);
        if (!header.containsAll(RowChecks.SEEN_COLUMNS)) {
            throw new PackException(path.toString(), "has no column " + RowChecks.SEEN_COLUMNS.stream()
                    .filter(c -> !header.contains(c)).findFirst().orElseThrow() + ": it was written by the row checks "
                    + "query of an earlier Verdict, which did not record what it checked, so nothing ties it to the "
                    + "cells imported with it; print the SQL again with this Verdict (summarize --engine sql with the "
                    + "same options), run it on the same table (at least " + query + "), and import the tables of "
                    + "that run with the new script as --sql");
        }
        List<String> columns = new ArrayList<>(RowChecks.COLUMNS);
        columns.addAll(RowChecks.SEEN_COLUMNS);
        SummaryTable table = SummaryImport.readTable(path, columns);
        String[] seen = null;
        for (String[] row : table.rows()) {
            String[] rowSeen = Arrays.copyOfRange(row, RowChecks.COLUMNS.size(), row.length);
            if (seen == null) {
                seen = rowSeen;
            } else if (!Arrays.equals(seen, rowSeen)) {
                throw new PackException(path.toString(), "holds the rows of more than one run of the checks query ("
                        + RowChecks.SEEN_COLUMNS + " " + Arrays.toString(seen) + " and " + Arrays.toString(rowSeen)
                        + "); give the table of one run");
            }
        }
        if (seen == null) {
            throw new PackException(path.toString(), "holds no row; give the table " + query + " wrote");
        }
        String scriptId = seen[2].strip();
        if (scriptId.isEmpty() || !sql.contains("'" + scriptId + "'")) {
            throw new PackException(path.toString(), "was written by another printing of the SQL than " + sqlScript
                    + " (its script_id '" + scriptId + "' is not in that script); import the checks table the run of "
                    + sqlScript + " wrote, or give as --sql the script that wrote this one");
        }
        if (!SummarySql.isPrintedAs(sql, scriptId)) {
            // the id is the script's own SHA-256, so the text that ran is bound, not only the printing it came from
            throw new PackException(sqlScript.toString(), "is not the script that wrote " + path + ": its text was "
                    + "changed after Verdict printed it (or it is another script quoting that script's id): "
                    + path + " says script_id '" + scriptId + "', the SHA-256 of the script as printed with its id "
                    + "written as 64 zeros, and this text hashes to '" + Hashes.sha256Hex(sql.replace(scriptId,
                    "0".repeat(64))) + "'; nothing was written. Import with the script exactly as printed and run, "
                    + "or print the SQL again (summarize --engine sql with the same options), run all of it on the "
                    + "same table, and import the tables of that run with it as --sql");
        }
        String engineVersion = seen[4].strip();
        if (seen[3].isBlank() || engineVersion.isEmpty()) {
            throw new PackException(path.toString(), "names no engine or no engine version; give the table "
                    + query + " wrote");
        }
        return new ChecksTable(path, table, count(path, RowChecks.ROWS_SEEN, seen[0]).longValueExact(),
                count(path, RowChecks.CELLS_FINGERPRINT, seen[1]), seen[3].strip(), engineVersion);
    }

    private static BigInteger count(Path path, String column, String text) throws PackException {
        try {
            BigInteger count = new BigDecimal(text.strip()).toBigIntegerExact();
            if (count.signum() >= 0 && (!column.equals(RowChecks.ROWS_SEEN) || count.bitLength() < 64)) {
                return count;
            }
        } catch (NumberFormatException | ArithmeticException notAWholeNumber) {
            // refused below in the same words
        }
        throw new PackException(path.toString(), column + " is '" + text + "', not a count");
    }

    /**
     * Refuses cells that are not the ones the checked rows make: another number of rows, or other cells (the
     * fingerprint of {@link SummarySql#checksQuery(String)}, recomputed from the cells as read). Cells with a count
     * that is no whole number or negative are left to the pack's reader, which names its line and column.
     */
    void requireSameRows(Path cellsPath, SummaryTable cells, Path sqlScript)
            throws PackException {
        int count = cells.columns().indexOf(SummaryLayout.COUNT);
        long rows = 0;
        BigInteger fingerprint = BigInteger.ZERO;
        for (String[] cell : cells.rows()) {
            long n;
            try {
                n = Long.parseLong(cell[count].strip());
            } catch (NumberFormatException notACount) {
                return;
            }
            if (n < 0) {
                return;
            }
            rows += n;
            fingerprint = fingerprint.add(BigInteger.valueOf(n).multiply(BigInteger.valueOf(
                    HashedBlocks.md5Number(String.join("\n", Arrays.asList(cell).subList(0, count))))));
        }
        String advice = "; import the tables one run of " + sqlScript + " wrote over one table (the checks of other "
                + "rows say nothing about these)";
        if (rows != rowsSeen) {
            throw new PackException(path.toString(), "these row checks are of other rows than " + cellsPath + ": the "
                    + "checks saw " + rowsSeen + " rows, the cells add up to " + rows + advice);
        }
        if (!fingerprint.equals(cellsFingerprint)) {
            throw new PackException(path.toString(), "these row checks are of other rows than " + cellsPath + ": both "
                    + "count " + rows + " rows, but the rows the checks saw make other cells (cells_fingerprint " + cellsFingerprint
                    + "; " + cellsPath + " gives " + fingerprint + ")" + advice);
        }
    }

    /**
     * The engine and version to record: the ones the checks report, which {@code claimed} (--engine-version's name
     * and version, or null) must agree with: the same name, and the same version or release (the report's first word;
     * a leading 'v' aside). Every table of one import must report the same.
     */
    static String[] engineAndVersion(List<ChecksTable> tables, String[] claimed) {
        ChecksTable first = tables.get(0);
        for (ChecksTable other : tables) {
            if (!other.engine.equals(first.engine) || !other.engineVersion.equals(first.engineVersion)) {
                throw new IllegalArgumentException(first.path + " was written by " + first.engine + " "
                        + first.engineVersion + ", " + other.path + " by " + other.engine + " " + other.engineVersion
                        + "; one script is run by one engine: import the tables of one run");
            }
        }
        if (claimed != null) {
            String given = unprefixed(claimed[1]);
            String reported = unprefixed(first.engineVersion);
            boolean sameVersion = given.equals(reported) || given.equals(reported.split("\\s+")[0]);
            if (!claimed[0].toLowerCase(Locale.ROOT).equals(first.engine.toLowerCase(Locale.ROOT)) || !sameVersion) {
                throw new IllegalArgumentException("--engine-version '" + claimed[0] + " " + claimed[1] + "' is not "
                        + "the engine that ran the SQL: " + first.path + " says " + first.engine + " "
                        + first.engineVersion + ", as the engine's version() reported it; give that, or leave "
                        + "--engine-version out to record it");
            }
        }
        return new String[] {first.engine, first.engineVersion};
    }

    private static String unprefixed(String version) {
        String stripped = version.strip();
        return stripped.startsWith("v") || stripped.startsWith("V") ? stripped.substring(1) : stripped;
    }

    /**
     * Refuses rows the row loader would refuse, as the table counts them (the rules of {@link RowChecks}): a failed
     * check names its column, the problem, how many rows and the first example; a table without every check of this
     * manifest is not that query's. A class that is one of the pack's written as another number ('1.0' for '1', as
     * pandas writes a column of floats) is refused first in the row loader's words, at the line and column of the
     * cells table at {@code cellsPath} that holds it (else of this table's example of it).
     */
    void refuseFailures(PackManifest rowManifest, SummaryLayout layout, String query, Path cellsPath)
            throws IOException, PackException {
        List<String> failures = new ArrayList<>();
        boolean classCheckFailed = false;
        for (RowChecks.Check check : RowChecks.of(layout, rowManifest)) {
            String[] row = table.rows().stream().filter(r -> check.kind().wireName.equals(r[0])
                    && check.column().equals(r[1])).findFirst().orElseThrow(() -> new PackException(path.toString(),
                    "has no row for the check " + check.kind().wireName + " of " + check.column() + "; give the "
                    + "table of " + query + " of the SQL printed with this manifest"));
            long failing;
            try {
                failing = Long.parseLong(row[2].strip());
            } catch (NumberFormatException e) {
                throw new PackException(path.toString(), "failing of the check " + row[0] + " of " + row[1]
                        + " is '" + row[2] + "', not a count");
            }
            if (failing > 0) {
                failures.add(RowChecks.failure(check.kind(), check.column(), failing, blankAsNull(row[3]),
                        blankAsNull(row[4])));
                classCheckFailed |= check.kind() == RowChecks.Kind.THIRD_CLASS
                        || check.kind() == RowChecks.Kind.UNDECLARED_CLASS;
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        String refused = "the rows fail " + failures.size() + " of the SQL's row checks, so no pack was written (the"
                + " row loader and --engine duckdb refuse such rows): " + String.join("; ", failures) + "; fix the"
                + " rows and run the SQL again";
        if (classCheckFailed) {
            Predicate<String> otherNumber = value -> classAsOtherNumber(rowManifest, value) != null;
            // a binary pack's cells hold predictions as 0/1, so only their labels are class names as the rows wrote them
            SummaryImport.Place inCells = SummaryImport.firstValue(cellsPath, layout.task() == Task.BINARY
                    ? List.of(SummaryLayout.LABEL) : RowChecks.classColumns(layout), otherNumber);
            SummaryImport.Place twin = inCells != null ? inCells
                    : SummaryImport.firstValue(path, List.of(RowChecks.COLUMNS.get(4)), otherNumber);
            if (twin != null) {
                String column = inCells != null ? twin.columnName() : twin.field(RowChecks.COLUMNS.get(1));
                throw new PackException(twin.part().toString(), twin.line(), twin.column(), "(" + column + ") "
                        + classAsOtherNumber(rowManifest, twin.value()) + " (" + path + ": " + refused + ")");
            }
        }
        throw new PackException(path.toString(), refused);
    }

    /**
     * The row loader's words for a class that is one of the pack's classes written as another number (the positive
     * label of a binary pack, or a class model.classes lists), or null for any other value.
     */
    private static String classAsOtherNumber(PackManifest manifest, String value) {
        Optional<List<String>> declared = manifest.declaredClasses();
        if (declared.isPresent()) {
            return !declared.get().contains(value) && declared.get().stream()
                    .anyMatch(name -> RowProblems.sameNumber(value, name))
                    ? RowProblems.undeclaredClass(value, declared.get()) : null;
        }
        String positive = manifest.model().positiveLabel();
        return manifest.task() == Task.BINARY && RowProblems.sameNumber(value, positive)
                ? RowProblems.positiveLabelAsOtherNumber(value, positive) : null;
    }

    /** An engine writes NULL to CSV as an empty field. */
    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
