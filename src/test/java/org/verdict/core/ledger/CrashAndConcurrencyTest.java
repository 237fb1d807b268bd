package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.ChildJvmTest;
import org.verdict.core.task.Progress;

@ChildJvmTest
class CrashAndConcurrencyTest {
    private static final SignerKey ML_LEAD = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
    private static final SignerKey PRODUCT = LedgerFixtures.signer("Joan Clarke", Roles.PRODUCT);

    @TempDir
    Path dir;

    @Test
    void killingAWriterMidAppendLeavesNoPartialRecord() throws Exception {
        Path db = dir.resolve("decisions.db");
        Path keyFile = KeyFile.generate("Child Writer", Roles.ML_LEAD, LedgerFixtures.PASSPHRASE,
                LedgerFixtures.TEST_ITERATIONS).writeTo(dir.resolve("keys"));
        Path passphrase = dir.resolve("passphrase.txt");
        Files.writeString(passphrase, new String(LedgerFixtures.PASSPHRASE));
        int killedAfter = 0;
        for (int round = 1; round <= 3; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AppendLoopProcess.class.getName(),
                    db.toString(), keyFile.toString(), passphrase.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child-" + round + ".log").toFile()).start();
            int target = killedAfter + 5 * round;
            // a bound on waiting, not a timing claim: the child's JVM start and key unlock took over 60 s on a
            // loaded 2-core machine, and the loop ends as soon as the records are there
            long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
            while (recordCount(db) < target && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive(), "the child stopped on its own: " + Files.readString(dir.resolve("child-" + round + ".log")));
            child.destroyForcibly().waitFor();
            try (DecisionLog log = DecisionLog.openForWriting(db)) {
                LogSnapshot snapshot = log.snapshot();
                VerificationReport report = new LogVerifier().verify(snapshot, Progress.NONE);
                assertTrue(report.isIntact(), "round " + round + ": " + report.problems());
                assertEquals(snapshot.records().size(), snapshot.latestCheckpoint().orElseThrow().treeSize(),
                        "every record that exists has its checkpoint: no half-done append");
                assertTrue(snapshot.records().stream().allMatch(r -> r.signatures().size() == 1));
                killedAfter = snapshot.records().size();
                // the store takes appends again after the crash
                log.append(LedgerFixtures.retraining("after crash " + round), ML_LEAD);
                killedAfter++;
            }
        }
        assertTrue(killedAfter >= 15);
    }

    @Test
    void twoWritersOnOneStoreDoNotCorruptIt() throws Exception {
        Path db = dir.resolve("shared.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("start"), ML_LEAD);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            for (SignerKey key : List.of(ML_LEAD, PRODUCT)) {
                writers.add(pool.submit(() -> {
                    // each writer is its own connection, as two Verdict instances would be
                    try (DecisionLog log = DecisionLog.openForWriting(db)) {
                        for (int i = 0; i < 10; i++) {
                            log.append(LedgerFixtures.promotion(1, key.identity().name() + " " + i), key);
                        }
                    }
                    return 10;
                }));
            }
            for (Future<Integer> writer : writers) {
                assertEquals(10, writer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            LogSnapshot snapshot = log.snapshot();
            assertEquals(21, snapshot.records().size());
            VerificationReport report = new LogVerifier().verify(snapshot, Progress.NONE);
            assertTrue(report.isIntact(), report.problems().toString());
        }
    }

    @Test
    void aWriterThatWaitsTooLongIsToldTheStoreIsBusy() throws Exception {
        Path db = dir.resolve("busy.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("start"), ML_LEAD);
        }
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try (DecisionLog log = DecisionLog.open(db, false, Duration.ofMillis(300), Clock.systemUTC())) {
                LedgerException e = assertThrows(LedgerException.class,
                        () -> log.append(LedgerFixtures.retraining("blocked"), ML_LEAD));
                assertTrue(e.getMessage().contains("is locked by another program (another Verdict, or a tool such as the sqlite3"
                        + " shell)"), e.getMessage());
            }
            s.execute("ROLLBACK");
        }
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            assertEquals(1, log.snapshot().records().size());
            assertFalse(log.snapshot().records().isEmpty());
        }
    }

    private static int recordCount(Path db) {
        if (!Files.exists(db)) {
            return 0;
        }
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            return log.snapshot().records().size();
        } catch (LedgerException e) {
            return 0; // not created yet, or busy: ask again
        }
    }
}
