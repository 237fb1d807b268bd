package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.Task;
import org.verdict.core.task.Progress;

/**
 * A latency, safety or human-baseline input given to summarize is refused at its own file, line (CSV) or row
 * (Parquet) and column, with the row loader's words, before anything is written; a negative latency was reported as
 * "latency_buckets.csv, line 4, column 2: bucket must be within -200 … 800, found -1000", a table the user never wrote.
 */
class SuiteInputCheckTest {
    @TempDir
    Path folder;
    private Path pack;
    private Path out;

    @BeforeEach
    void rows() throws Exception {
        pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 300, 3);
        out = folder.resolve("out");
    }

    private PackException refused(DuckDbSummarizer summarizer) {
        PackException e = assertThrows(PackException.class, () -> summarizer.summarize(
                pack.resolve("primary.csv").toString(), null, RowManifest.read(pack.resolve("manifest.json")), true,
                true, 1L, out, Progress.NONE));
        assertFalse(Files.exists(out), "nothing is written");
        return e;
    }

    private static DuckDbSummarizer duckDb() {
        return new DuckDbSummarizer("256MB", 1);
    }

    @Test
    void aNegativeLatencyIsNamedAtItsLineAndColumnAsWritten() throws Exception {
        Path latency = Files.writeString(folder.resolve("lat.csv"), "version,latency_ms\n7,12.5\n8,-3\n7,14\n");
        PackException e = refused(duckDb().withLatency(latency.toString()));
        assertEquals(latency + ", line 3, column 2: latency_ms must not be negative, found -3: write the "
                + "value as measured (zero or more), or remove the row", e.getMessage());
    }

    @Test
    void aNegativeLatencyInParquetIsNamedAtItsRow() throws Exception {
        Path latency = folder.resolve("lat.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES ('7', 12.5), ('8', 3.0), ('8', -3.0)) t(version, latency_ms))"
                    + " TO '" + latency + "' (FORMAT parquet)");
        }
        PackException e = refused(duckDb().withLatency(latency.toString()));
        assertEquals(latency + ": row 3, column 2: latency_ms must not be negative, found -3.0: write "
                + "the value as measured (zero or more), or remove the row", e.getMessage());
    }

    @Test
    void aLatencyOfAVersionTheManifestDoesNotListIsRefused() throws Exception {
        Path latency = Files.writeString(folder.resolve("lat.csv"), "version,latency_ms\n7,12.5\n9,3\n");
        PackException e = refused(duckDb().withLatency(latency.toString()));
        assertEquals(latency + ", line 3, column 1: version must be one of 7, 8, found '9'", e.getMessage());
    }

    @Test
    void aSafetyFlagOtherThanZeroOrOneIsNamedInTheSafetyInput() throws Exception {
        Path safety = Files.writeString(folder.resolve("safety.csv"),
                "example_id,category,violation_7,violation_8\ns1,toxic,0,1\ns2,toxic,2,0\n");
        PackException e = refused(duckDb().withSafety(safety.toString()));
        assertEquals(safety + ", line 3, column 3: violation_7 must be 0 or 1, found '2'", e.getMessage());
    }

    @Test
    void anEmptyHumanLabelIsNamedInTheHumanBaselineInput() throws Exception {
        Path human = Files.writeString(folder.resolve("human.csv"),
                "example_id,label,human,pred_7,pred_8\nh1,fraud,fraud,fraud,ok\nh2,ok,,ok,ok\n");
        PackException e = refused(duckDb().withHumanBaseline(human.toString()));
        assertEquals(human + ", line 3, column 3: human is empty", e.getMessage());
    }
}
