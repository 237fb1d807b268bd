package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.Task;
import org.verdict.core.task.Progress;

/**
 * The printed SQL's row checks, run by DuckDB through JDBC over rows read as text (a lake table of strings), find
 * what the row loader and {@code --engine duckdb} refuse, and {@code --engine import} refuses a pack whose checks
 * failed, naming the column, the problem, the count and an example; clean rows import as before.
 */
class SqlRowChecksTest {
    private static final long SEED = 20261122L;

    @TempDir
    Path folder;

    /**
     * The same sums as {@code --engine duckdb} makes of the rows (each engine writes doubles in its own text form:
     * {@code 4.5e-05} from DuckDB's COPY, {@code 4.5E-5} from Java).
     */
    @Test
    void cleanRowsImportTheTablesDuckDbMakesOfThem() throws Exception {
        Path rows = RowPacks.write(folder.resolve("rows"), Task.BINARY, 2_000, 3);
        PackManifest manifest = RowManifest.read(rows.resolve("manifest.json"));
        Path imported = importRows(manifest, rows.resolve("primary.csv"), folder.resolve("imported"));
        Path summarised = folder.resolve("summarised");
        new DuckDbSummarizer("512MB", 1).summarize(rows.resolve("primary.csv").toString(), null, manifest, true, true,
                SEED, summarised, Progress.NONE);
        for (String table : List.of(SummaryPackWriter.CELLS_FILE, SummaryPackWriter.BLOCKS_FILE,
                SummaryPackWriter.RANKING_FILE)) {
            List<String[]> expected = csv(summarised.resolve(table));
            List<String[]> actual = csv(imported.resolve(table));
            assertEquals(expected.size(), actual.size(), table);
            for (int row = 0; row < expected.size(); row++) {
                for (int c = 0; c < expected.get(row).length; c++) {
                    String e = expected.get(row)[c];
                    String a = actual.get(row)[c];
                    assertTrue(e.equals(a) || row > 0 && Double.parseDouble(e) == Double.parseDouble(a),
                            table + " line " + (row + 1) + ": " + e + " vs " + a);
                }
            }
        }
    }

    @Test
    void eachBrokenRuleIsRefusedWithItsColumnCountAndExample() throws Exception {
        Path rows = RowPacks.write(folder.resolve("rows"), Task.BINARY, 300, 5);
        PackManifest manifest = RowManifest.read(rows.resolve("manifest.json"));
        List<String[]> clean = csv(rows.resolve("primary.csv"));

        // the reviewer's case: one example repeated 50 times and a score of 1.7, both refused at once
        List<String[]> edited = copy(clean);
        for (int i = 0; i < 50; i++) {
            edited.add(edited.get(20).clone());
        }
        set(edited, 7, "score_8", "1.7");
        assertRefused(manifest, edited, "(example_id) an example id used on more than one row (ids must be unique; "
                + "the count is of ids): 1 id; e.g. '" + id(clean, 20) + "' is on 51 rows",
                "(score_8) a score outside [0, 1]: 1 row; e.g. example_id '" + id(clean, 7) + "' has '1.7'");

        assertRefused(manifest, with(clean, 3, "score_7", "0.4x"), "(score_7) not a finite decimal number "
                + "(within ±1e100): 1 row; e.g. example_id '" + id(clean, 3) + "' has '0.4x'");
        assertRefused(manifest, with(clean, 3, "score_7", "NaN"), "(score_7) not a finite decimal number "
                + "(within ±1e100): 1 row; e.g. example_id '" + id(clean, 3) + "' has 'NaN'");
        assertRefused(manifest, with(clean, 4, "score_8", ""), "(score_8) empty or NULL: 1 row; e.g. example_id '"
                + id(clean, 4) + "'");
        assertRefused(manifest, with(clean, 5, "region", "eu "), "(region) a value with whitespace around it or a "
                + "line break in it, which prints like another, or of more than 1,000 characters, which names no "
                + "group: 1 row; e.g. example_id '" + id(clean, 5)
                + "' has 'eu '");
        // 1,000 characters still name a slice; 1,001 do not, and the message shows only the value's start
        importRows(manifest, write("long-slice.csv", with(clean, 5, "region", "e".repeat(1_000))),
                folder.resolve("long-slice"));
        assertRefused(manifest, with(clean, 5, "region", "e".repeat(1_001)), "(region) a value with whitespace "
                + "around it or a line break in it, which prints like another, or of more than 1,000 characters, "
                + "which names no group: 1 row; e.g. example_id '" + id(clean, 5) + "' has '" + "e".repeat(40)
                + "…' (1,001 characters)");
        assertRefused(manifest, with(clean, 6, "example_id", ""), "(example_id) empty or NULL: 1 row");
        // a misspelt label is a third class, not a negative: the rarest other value is named
        List<String[]> misspelt = with(clean, 8, "label", "fraudd");
        set(misspelt, 9, "label", "fraudd");
        assertRefused(manifest, misspelt, "(label) more than one class besides the positive label in a"
                + " binary pack (the rarest named; list the classes in manifest.json model.classes if that is "
                + "intended): 2 values; e.g. 'fraudd'");
    }

    /**
     * Labels written '1.0' where the manifest names the positive label '1' (a column of floats, as pandas writes it)
     * are refused in the row loader's words, at the line and column of the cells table that holds them, not only as
     * a third class.
     */
    @Test
    void thePositiveLabelWrittenAsAnotherNumberIsRefusedInTheRowLoadersWords() throws Exception {
        Path rows = RowPacks.write(folder.resolve("numbered"), Task.BINARY, 300, 5);
        Files.writeString(rows.resolve("manifest.json"), Files.readString(rows.resolve("manifest.json"))
                .replace("\"positiveLabel\": \"fraud\"", "\"positiveLabel\": \"1\""));
        List<String[]> numbered = csv(rows.resolve("primary.csv"));
        int label = Arrays.asList(numbered.get(0)).indexOf("label");
        numbered.subList(1, numbered.size()).forEach(row -> row[label] = row[label].equals("fraud") ? "1" : "0");
        int written = 0;
        for (int row = 1; row < numbered.size() && written < 2; row++) {
            if (numbered.get(row)[label].equals("1")) {
                numbered.get(row)[label] = "1.0";
                written++;
            }
        }
        Files.writeString(rows.resolve("primary.csv"), String.join("\n", numbered.stream()
                .map(row -> String.join(",", row)).toList()) + "\n");
        PackManifest manifest = RowManifest.read(rows.resolve("manifest.json"));

        PackException rowLevel = assertThrows(PackException.class, () -> new PackLoader().load(rows, Progress.NONE));
        String loaderWords = rowLevel.getMessage().substring(rowLevel.getMessage().indexOf("'1.0' is the positive"));
        assertTrue(loaderWords.startsWith("'1.0' is the positive label '1' (manifest.json model.positiveLabel) written"
                + " as another number"), rowLevel.getMessage());

        Path tables = tables(manifest, rows.resolve("primary.csv"), "numbered-tables");
        Path out = folder.resolve("numbered-out");
        PackException refused = assertThrows(PackException.class,
                () -> importTables(manifest, tables, tables.resolve("checks.csv"), out));
        List<String> cells = Files.readAllLines(tables.resolve("cells.csv"));
        int labelColumn = Arrays.asList(cells.get(0).split(",")).indexOf("label");
        int line = 1;
        while (!cells.get(line - 1).split(",")[labelColumn].equals("1.0")) {
            line++;
        }
        String message = refused.getMessage();
        assertTrue(message.startsWith(tables.resolve("cells.csv") + ", line " + line + ", column " + (labelColumn + 1)
                + ": (label) " + loaderWords), message);
        assertTrue(message.contains(tables.resolve("checks.csv") + ": the rows fail 1 of the SQL's row checks, so no"
                + " pack was written"), message);
        assertTrue(message.contains("e.g. '1.0'"), message);
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void classesAreCheckedAgainstTheManifestAndTheLabels() throws Exception {
        Path rows = RowPacks.write(folder.resolve("rows"), Task.MULTICLASS, 300, 5);
        PackManifest undeclared = RowManifest.read(rows.resolve("manifest.json"));
        List<String[]> clean = csv(rows.resolve("primary.csv"));
        assertRefused(undeclared, with(clean, 10, "pred_8", "bill1ng"), "(pred_8) a predicted class that is never a "
                + "label (if it is a real class, list every class in manifest.json model.classes): 1 row; e.g. "
                + "example_id '" + id(clean, 10) + "' has 'bill1ng'");

        Path declaredFolder = Files.createDirectories(folder.resolve("declared"));
        Files.writeString(declaredFolder.resolve("manifest.json"), RowPacks.manifest(Task.MULTICLASS).replace(
                "\"riskTier\": 2}", "\"riskTier\": 2, \"classes\": [\"account\", \"billing\", \"sales\", "
                        + "\"technical\", \"abuse\"]}"));
        PackManifest declared = RowManifest.read(declaredFolder.resolve("manifest.json"));
        assertRefused(declared, with(clean, 11, "label", "Billing"), "(label) a class not listed in manifest.json "
                + "model.classes: 1 row; e.g. example_id '" + id(clean, 11) + "' has 'Billing'");
    }

    @Test
    void regressionNumbersMustBeNumbers() throws Exception {
        Path rows = RowPacks.write(folder.resolve("rows"), Task.REGRESSION, 300, 5);
        PackManifest manifest = RowManifest.read(rows.resolve("manifest.json"));
        List<String[]> clean = csv(rows.resolve("primary.csv"));
        assertRefused(manifest, with(clean, 12, "label", "12,50"), "(label) not a finite decimal number (within "
                + "±1e100): 1 row; e.g. example_id '" + id(clean, 12) + "' has '12,50'");
        assertRefused(manifest, with(clean, 13, "pred_7", "1e300"), "(pred_7) not a finite decimal number (within "
                + "±1e100): 1 row; e.g. example_id '" + id(clean, 13) + "' has '1e300'");
    }

    @Test
    void anImportWithoutTheChecksTableSaysHowToMakeIt() throws Exception {
        Path rows = RowPacks.write(folder.resolve("rows"), Task.BINARY, 200, 5);
        PackManifest manifest = RowManifest.read(rows.resolve("manifest.json"));
        SummarySql sql = sql(manifest);
        Path script = Files.writeString(folder.resolve("summary.sql"), sql.script());
        IllegalArgumentException printed = assertThrows(IllegalArgumentException.class, () -> SummaryImport.assemble(
                manifest, true, null, script, script, script, script, "duckdb", "1.4", "evals", null, SEED,
                SummarySql.DEFAULT_BLOCKS, folder.resolve("out")));
        assertTrue(printed.getMessage().startsWith("--checks PATH is needed: the table of the query headed '-- row "
                + "checks'"), printed.getMessage());
        assertTrue(printed.getMessage().endsWith("run that query with the others and give its CSV or folder"),
                printed.getMessage());

        // a script printed before the SQL had checks: print again, run the checks, keep the other tables
        String text = sql.script();
        Path old = Files.writeString(folder.resolve("old.sql"), text.substring(0, text.indexOf("-- row checks"))
                + text.substring(text.indexOf("-- cells table")));
        IllegalArgumentException before = assertThrows(IllegalArgumentException.class, () -> SummaryImport.assemble(
                manifest, true, null, old, old, old, old, "duckdb", "1.4", "evals", null, SEED,
                SummarySql.DEFAULT_BLOCKS, folder.resolve("out")));
        assertTrue(before.getMessage().contains(old + " was printed before Verdict's SQL checked rows: print the "
                + "SQL again"), before.getMessage());
        assertFalse(Files.exists(folder.resolve("out")));

        // a table from another manifest's query lacks this one's checks
        Path tables = tables(manifest, rows.resolve("primary.csv"), "tables");
        List<String> lines = Files.readAllLines(tables.resolve("checks.csv"));
        Path partial = Files.write(folder.resolve("partial.csv"), List.of(lines.get(0), lines.get(1)));
        PackException lacking = assertThrows(PackException.class, () -> importTables(manifest, tables, partial,
                folder.resolve("out")));
        assertEquals(partial + ": has no row for the check repeated_id of example_id; give the table of the query "
                + "headed '-- row checks' of the SQL printed with this manifest", lacking.getMessage());
        assertFalse(Files.exists(folder.resolve("out")));
    }

    /**
     * The reviewer's case: a clean run's checks imported with the cells of other rows (fewer, or as many but other
     * ones) are refused naming both files, and so is a checks table another printing of the SQL wrote.
     */
    @Test
    void theChecksOfOtherRowsAreRefusedNamingBothFiles() throws Exception {
        Path rows = RowPacks.write(folder.resolve("rows"), Task.BINARY, 1_000, 5);
        PackManifest manifest = RowManifest.read(rows.resolve("manifest.json"));
        List<String[]> clean = csv(rows.resolve("primary.csv"));
        Path cleanRun = tables(manifest, rows.resolve("primary.csv"), "clean");
        Path cleanChecks = cleanRun.resolve("checks.csv");

        // 735 of the rows, each of which passes the checks on its own
        Path fewer = tables(manifest, write("fewer.csv", clean.subList(0, 736)), "fewer");
        Path out = folder.resolve("out");
        PackException counted = assertThrows(PackException.class, () -> importTables(manifest, fewer, cleanChecks,
                out));
        assertEquals(cleanChecks + ": these row checks are of other rows than " + fewer.resolve("cells.csv")
                + ": the checks saw 1000 rows, the cells add up to 735; import the tables one run of "
                + fewer.resolve("summary.sql") + " wrote over one table (the checks of other rows say nothing about "
                + "these)", counted.getMessage());
        assertFalse(Files.exists(out), "nothing is written");

        // as many rows, one of them another example whose label differs: the same count, other cells
        List<String[]> swapped = copy(clean);
        String[] other = swapped.get(1).clone();
        other[0] = "other-example";
        other[1] = other[1].equals("fraud") ? "ok" : "fraud";
        swapped.set(1, other);
        Path sameCount = tables(manifest, write("swapped.csv", swapped), "swapped");
        PackException fingerprinted = assertThrows(PackException.class, () -> importTables(manifest, sameCount,
                cleanChecks, out));
        assertTrue(fingerprinted.getMessage().startsWith(cleanChecks + ": these row checks are of other rows than "
                + sameCount.resolve("cells.csv") + ": both count 1000 rows, but the rows the checks saw make other "
                + "cells (cells_fingerprint "), fingerprinted.getMessage());
        assertFalse(Files.exists(out));

        // the same rows checked by the SQL printed for another table name: another printing, not this script's
        Path elsewhere = tables(manifest, rows.resolve("primary.csv"), "elsewhere", "evals_copy");
        PackException printing = assertThrows(PackException.class, () -> importTables(manifest, cleanRun,
                elsewhere.resolve("checks.csv"), out));
        assertTrue(printing.getMessage().startsWith(elsewhere.resolve("checks.csv") + ": was written by another "
                + "printing of the SQL than " + cleanRun.resolve("summary.sql") + " (its script_id '"),
                printing.getMessage());
        assertFalse(Files.exists(out));

        // part files of two runs in one folder (a re-run written over a half-emptied folder)
        Path mixed = Files.createDirectories(folder.resolve("mixed-checks"));
        Files.copy(cleanChecks, mixed.resolve("part-00000.csv"));
        Files.copy(fewer.resolve("checks.csv"), mixed.resolve("part-00001.csv"));
        PackException twoRuns = assertThrows(PackException.class, () -> importTables(manifest, cleanRun, mixed, out));
        assertTrue(twoRuns.getMessage().startsWith(mixed + ": holds the rows of more than one run of the checks "
                + "query"), twoRuns.getMessage());
        assertFalse(Files.exists(out));

        // the clean run's own tables import, recording the engine's version() as the engine's version
        SummaryPack imported = importTables(manifest, cleanRun, cleanChecks, out);
        assertEquals(1000, imported.primary().rowCount());
        assertTrue(imported.provenance().engineVersion().startsWith("v1."), imported.provenance().engineVersion());
    }

    /**
     * The checks bind the exact text of the script that ran: a script edited after its run (here a query made to
     * read another table, with its id left as it was), or another printing quoting the id of the one that ran, is
     * refused naming the script, and nothing is written; a pack whose stored script was edited afterwards (its
     * recorded SHA-256 made to match) is refused when it is opened.
     */
    @Test
    void aScriptEditedAfterItsRunIsRefused() throws Exception {
        Path rows = RowPacks.write(folder.resolve("rows"), Task.BINARY, 400, 5);
        PackManifest manifest = RowManifest.read(rows.resolve("manifest.json"));
        Path run = tables(manifest, rows.resolve("primary.csv"), "run");
        Path script = run.resolve("summary.sql");
        String printed = Files.readString(script);
        String cellsHeading = "-- cells table\n";
        int cells = printed.indexOf(cellsHeading) + cellsHeading.length();
        String edited = printed.substring(0, cells) + printed.substring(cells).replaceFirst("FROM evals\n",
                "FROM evals WHERE \"label\" IS NOT NULL\n");
        assertNotEquals(printed, edited);
        Files.writeString(script, edited);
        Path out = folder.resolve("out");
        PackException refused = assertThrows(PackException.class, () -> importTables(manifest, run,
                run.resolve("checks.csv"), out));
        assertTrue(refused.getMessage().startsWith(script + ": is not the script that wrote " + run.resolve(
                "checks.csv") + ": its text was changed after Verdict printed it"), refused.getMessage());
        assertFalse(Files.exists(out), "nothing is written");

        // another printing (for another table) that quotes the id of the one that ran in a comment
        String runId = sql(manifest).scriptId(SummarySql.Sources.NONE);
        Files.writeString(script, sql(manifest, "evals_copy").script() + "-- '" + runId + "'\n");
        PackException quoted = assertThrows(PackException.class, () -> importTables(manifest, run,
                run.resolve("checks.csv"), out));
        assertTrue(quoted.getMessage().startsWith(script + ": is not the script that wrote "), quoted.getMessage());
        assertFalse(Files.exists(out));

        // as printed, the same tables import; the pack's script edited afterwards is refused when the pack is read
        Files.writeString(script, printed);
        importTables(manifest, run, run.resolve("checks.csv"), out);
        Path stored = out.resolve(SummaryPackWriter.SQL_FILE);
        String storedText = Files.readString(stored);
        assertEquals(printed, storedText);
        Files.writeString(stored, edited);
        Path manifestFile = out.resolve("manifest.json");
        Files.writeString(manifestFile, Files.readString(manifestFile).replace(Hashes.sha256Hex(printed),
                Hashes.sha256Hex(edited)));
        PackException opened = assertThrows(PackException.class, () -> new SummaryPackReader().read(out,
                Progress.NONE));
        assertTrue(opened.getMessage().startsWith(SummaryPackWriter.SQL_FILE + ": is not a script as Verdict "
                + "printed it"), opened.getMessage());
    }

    /**
     * A script rewritten by hand with its id recomputed runs as it is (its checks carry its own id), but its queries
     * are not Verdict's: here the check for scores outside [0, 1] loosened to let a score of 1.7 through. Import
     * prints the script again for the manifest and options and refuses it at the first place it differs, with nothing
     * written; the script as printed, run over the same rows, is refused for the score it then finds.
     */
    @Test
    void aScriptRewrittenWithItsIdRecomputedIsRefusedWhereItDiffers() throws Exception {
        Path rows = RowPacks.write(folder.resolve("rows"), Task.BINARY, 300, 5);
        PackManifest manifest = RowManifest.read(rows.resolve("manifest.json"));
        Path csv = write("outside.csv", with(csv(rows.resolve("primary.csv")), 7, "score_8", "1.7"));
        SummarySql sql = sql(manifest);
        String printedId = sql.scriptId(SummarySql.Sources.NONE);
        String unprinted = "0".repeat(64);
        java.util.function.UnaryOperator<String> loosened = text -> text.replaceAll("(< 0 OR [^\\n]*?) > 1\\)",
                "$1 > 2)");
        String rewrittenUnprinted = loosened.apply(sql.script()).replace(printedId, unprinted);
        String rewrittenId = Hashes.sha256Hex(rewrittenUnprinted);
        String rewritten = rewrittenUnprinted.replace(unprinted, rewrittenId);
        String rewrittenChecks = loosened.apply(sql.checksQuery()).replace(printedId, rewrittenId);
        assertNotEquals(sql.checksQuery(), rewrittenChecks);
        assertTrue(rewritten.contains(rewrittenChecks + ";\n"), "the loosened checks query is in the script");
        Path run = run(sql, rewritten, rewrittenChecks, csv, "rewritten");
        Path script = run.resolve("summary.sql");

        Path out = folder.resolve("out");
        PackException refused = assertThrows(PackException.class, () -> importTables(manifest, run,
                run.resolve("checks.csv"), out));
        // where the texts part with their ids written as zeros: the edit, not the id it changed
        int differs = 0;
        String printed = sql.script().replace(printedId, unprinted);
        while (printed.charAt(differs) == rewrittenUnprinted.charAt(differs)) {
            differs++;
        }
        assertEquals("2)", rewritten.substring(differs, differs + 2), "the loosened bound");
        int lineStart = rewritten.lastIndexOf('\n', differs - 1) + 1;
        long line = rewritten.substring(0, lineStart).lines().count() + 1;
        assertTrue(refused.getMessage().startsWith(script + ", line " + line + ", column " + (differs - lineStart + 1)
                + ": is not the script this Verdict prints for the manifest with these options (duckdb dialect,"
                + " source evals, scores, seed " + SEED + ", " + SummarySql.DEFAULT_BLOCKS + " hashed blocks): Verdict"
                + " prints '"), refused.getMessage());
        assertTrue(refused.getMessage().contains("nothing was written"), refused.getMessage());
        assertFalse(Files.exists(out), "nothing is written");

        Path asPrinted = tables(manifest, csv, "as-printed");
        PackException outside = assertThrows(PackException.class, () -> importTables(manifest, asPrinted,
                asPrinted.resolve("checks.csv"), out));
        assertTrue(outside.getMessage().contains("(score_8) a score outside [0, 1]: 1 row"), outside.getMessage());
        assertFalse(Files.exists(out));
    }

    /** A checks table of the SQL of an earlier Verdict (no columns of what it saw) is refused, saying what to do. */
    @Test
    void aChecksTableWithoutWhatItSawIsRefusedSayingHowToGetANewOne() throws Exception {
        Path rows = RowPacks.write(folder.resolve("rows"), Task.BINARY, 300, 5);
        PackManifest manifest = RowManifest.read(rows.resolve("manifest.json"));
        Path run = tables(manifest, rows.resolve("primary.csv"), "tables");
        // what the earlier query wrote: these columns, and no others
        Path old = folder.resolve("old-checks.csv");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT " + String.join(", ", RowChecks.COLUMNS) + " FROM read_csv("
                    + SqlDialect.DUCKDB.literal(run.resolve("checks.csv").toString()) + ", all_varchar = true)) TO "
                    + SqlDialect.DUCKDB.literal(old.toString()) + " (HEADER)");
        }
        PackException refused = assertThrows(PackException.class, () -> importTables(manifest, run, old,
                folder.resolve("out")));
        assertEquals(old + ": has no column rows_seen: it was written by the row checks query of an earlier Verdict, "
                + "which did not record what it checked, so nothing ties it to the cells imported with it; print the "
                + "SQL again with this Verdict (summarize --engine sql with the same options), run it on the same "
                + "table (at least the query headed '-- row checks'), and import the tables of that run with the new "
                + "script as --sql", refused.getMessage());
        assertFalse(Files.exists(folder.resolve("out")));
    }

    /** The rows' checks, cells, blocks and ranking sums as the printed script's queries write them, imported. */
    private Path importRows(PackManifest manifest, Path csv, Path out) throws Exception {
        Path tables = tables(manifest, csv, "tables-" + out.getFileName());
        importTables(manifest, tables, tables.resolve("checks.csv"), out);
        return out;
    }

    /** Imports the tables of one run of {@link #tables} with the checks table {@code checks}. */
    private static SummaryPack importTables(PackManifest manifest, Path tables, Path checks, Path out)
            throws Exception {
        SummaryLayout layout = sql(manifest, "evals").layout();
        return SummaryImport.assemble(manifest, true, checks, tables.resolve("cells.csv"),
                layout.hasBlocks() ? tables.resolve("blocks.csv") : null,
                layout.ranking() ? tables.resolve("ranking.csv") : null, tables.resolve("summary.sql"), "duckdb",
                "1.4.4", "evals", null, SEED, SummarySql.DEFAULT_BLOCKS, out);
    }

    private Path tables(PackManifest manifest, Path csv, String name) throws Exception {
        return tables(manifest, csv, name, "evals");
    }

    /**
     * One run of the script printed for the table {@code source}, over the rows of {@code csv} (read as text, as a
     * lake table of strings): its checks, cells, blocks and ranking tables and the script, in a folder.
     */
    private Path tables(PackManifest manifest, Path csv, String name, String source) throws Exception {
        SummarySql sql = sql(manifest, source);
        return run(sql, sql.script(), sql.checksQuery(), csv, name);
    }

    /**
     * One run of {@code script}, whose row checks query is {@code checksQuery} and whose other queries are those of
     * {@code sql}, over the rows of {@code csv}: its tables and the script, in a folder.
     */
    private Path run(SummarySql sql, String script, String checksQuery, Path csv, String name) throws Exception {
        Path tables = Files.createDirectories(folder.resolve(name));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            // one thread, as the summariser compared with: the same order of summation
            statement.execute("SET threads = 1");
            statement.execute("CREATE VIEW " + sql.source() + " AS SELECT * FROM read_csv("
                    + SqlDialect.DUCKDB.literal(csv.toString()) + ", header = true, all_varchar = true)");
            List<String> queries = new ArrayList<>(List.of(checksQuery, sql.cellsQuery()));
            if (sql.layout().hasBlocks()) {
                queries.add(sql.blocksQuery());
            }
            if (sql.layout().ranking()) {
                queries.add(sql.rankingQuery());
            }
            List<String> names = List.of("checks", "cells", "blocks", "ranking");
            for (int q = 0; q < queries.size(); q++) {
                assertTrue(script.contains(queries.get(q) + ";\n"), names.get(q) + " is in the printed script");
                statement.execute("COPY (" + queries.get(q) + ") TO " + SqlDialect.DUCKDB.literal(
                        tables.resolve(names.get(q) + ".csv").toString()) + " (HEADER)");
            }
        }
        Files.writeString(tables.resolve("summary.sql"), script);
        return tables;
    }

    private static SummarySql sql(PackManifest manifest) {
        return sql(manifest, "evals");
    }

    private static SummarySql sql(PackManifest manifest, String source) {
        return new SummarySql(SqlDialect.DUCKDB, SummaryLayout.of(manifest, true, true), manifest, source, SEED,
                SummarySql.DEFAULT_BLOCKS);
    }

    private int attempt;

    /** The rows, written out and imported, are refused with exactly these failures, and nothing is written. */
    private void assertRefused(PackManifest manifest, List<String[]> rows, String... failures) throws Exception {
        Path csv = write("edited-" + ++attempt + ".csv", rows);
        Path out = folder.resolve("out-" + attempt);
        PackException refused = assertThrows(PackException.class, () -> importRows(manifest, csv, out));
        String message = refused.getMessage();
        assertTrue(message.contains("the rows fail " + failures.length + " of the SQL's row checks, so no pack was "
                + "written"), message);
        for (String failure : failures) {
            assertTrue(message.contains(failure + ";"), failure + " in\n" + message);
        }
        assertFalse(Files.exists(out), "nothing is written");
    }

    private Path write(String name, List<String[]> rows) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            text.append(String.join(",", row)).append('\n');
        }
        return Files.writeString(folder.resolve(name), text);
    }

    private static List<String[]> csv(Path file) throws Exception {
        // the generated rows hold no quoted fields
        return new ArrayList<>(Files.readAllLines(file).stream().map(line -> line.split(",", -1)).toList());
    }

    private static List<String[]> copy(List<String[]> rows) {
        List<String[]> copy = new ArrayList<>();
        rows.forEach(row -> copy.add(row.clone()));
        return copy;
    }

    private static List<String[]> with(List<String[]> rows, int row, String column, String value) {
        List<String[]> edited = copy(rows);
        set(edited, row, column, value);
        return edited;
    }

    /** Sets a value; row 1 is the first after the header. */
    private static void set(List<String[]> rows, int row, String column, String value) {
        int at = Arrays.asList(rows.get(0)).indexOf(column);
        rows.get(row)[at] = value.contains(",") ? "\"" + value + "\"" : value;
    }

    private static String id(List<String[]> rows, int row) {
        return rows.get(row)[0];
    }
}
