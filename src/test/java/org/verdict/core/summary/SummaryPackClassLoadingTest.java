package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.Launcher;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.Task;
import org.verdict.core.task.Progress;

/**
 * Opening and comparing a summary pack needs only its CSV tables: a fresh {@code verdict compare --json} on one loads
 * no DuckDB, SQLite or JDBC driver class (DuckDB only makes summary packs; loading its driver, or letting JDBC look
 * for drivers, would cost a short process time for nothing).
 */
class SummaryPackClassLoadingTest {
    @TempDir
    Path folder;

    @Test
    void comparingASummaryPackInAFreshProcessLoadsNoDatabaseDriver() throws Exception {
        Path rows = RowPacks.write(folder.resolve("rows"), Task.BINARY, 2_000, 3);
        Path summary = folder.resolve("summary");
        new DuckDbSummarizer("256MB", 1).summarize(rows.resolve("primary.csv").toString(), null,
                new PackLoader().load(rows, Progress.NONE).manifest(), true, true, 5L, summary, Progress.NONE);
        Path classLog = folder.resolve("classes.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + classLog, "-Dverdict.home=" + folder.resolve("home"),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "compare", summary.toString(), "--json")
                .redirectErrorStream(true).redirectOutput(folder.resolve("out.json").toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the comparison did not end within 2 minutes");
        String output = Files.readString(folder.resolve("out.json"), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("\"paired-hashed-block-bootstrap\""), "the comparison ran from the blocks");

        List<String> loaded = Files.readAllLines(classLog).stream()
                .filter(line -> line.contains("[class,load]"))
                .map(line -> line.replaceFirst(".*\\[class,load\\] (\\S+).*", "$1"))
                .toList();
        assertTrue(loaded.contains(SummaryPackReader.class.getName()), "the log lists the classes the child loaded");
        List<String> drivers = loaded.stream()
                .filter(name -> name.startsWith("org.duckdb.") || name.startsWith("org.sqlite."))
                .toList();
        assertEquals(List.of(), drivers);
    }
}
