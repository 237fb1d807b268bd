package org.verdict.core.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tampered store many tests start from: a log Verdict wrote, then one record's stored bytes changed in the
 * SQLite file around the append-only triggers, as someone with the sqlite3 shell could ({@link StoreSurgery}), its
 * id, signatures and checkpoints left as they were.
 */
public final class TamperedStore {
    private TamperedStore() {
    }

    /** A new log at {@code db} holding {@code records}, each appended and signed by {@code signer}. */
    public static Path withRecords(Path db, SignerKey signer, DecisionRecord... records) throws LedgerException {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            for (DecisionRecord record : records) {
                log.append(record, signer);
            }
        }
        return db;
    }

    /**
     * Recreates the trigger that refuses DELETE on {@code table} under its own name with {@code WHEN 0}: still there,
     * but inert, as someone who wants the guard to look whole would leave it.
     */
    public static void makeDeleteGuardInert(Path db, String table) throws SQLException {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            s.execute("DROP TRIGGER " + table + "_no_delete");
            s.execute("CREATE TRIGGER " + table + "_no_delete BEFORE DELETE ON " + table + " WHEN 0 BEGIN SELECT"
                    + " RAISE(ABORT, 'the decision log is append-only: DELETE of " + table + " is refused'); END");
        }
    }

    /**
     * The format-2 store kept as a fixture, migrated to format 3 by opening it for writing, then set back by hand as
     * the sqlite3 shell would: its version lowered to 2 and, unless {@code versionOnly}, the eight triggers format 3
     * added dropped, so that it has exactly format 2's guard.
     */
    public static Path setBackToFormat2(Path copy, boolean versionOnly) throws IOException, LedgerException,
            SQLException {
        copyOfResource("/ledger/format-2-store/decisions.db", copy);
        DecisionLog.openForWriting(copy).close();
        lowerToFormat2(copy, versionOnly);
        return copy;
    }

    /**
     * Sets a format-3 store back to format 2 as the sqlite3 shell would: its eight REPLACE guards dropped (unless
     * {@code versionOnly}) and its schema_version lowered.
     */
    public static void lowerToFormat2(Path db, boolean versionOnly) throws SQLException {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            if (!versionOnly) {
                for (String table : java.util.List.of("log_info", "signers", "revocations", "records", "signatures",
                        "checkpoints", "entries", "entry_signatures")) {
                    s.execute("DROP TRIGGER " + table + "_no_replace");
                }
            }
            s.execute("UPDATE schema_version SET version = 2");
        }
    }

    /** A copy of the test resource {@code resource} (a store kept as a fixture) at {@code copy}. */
    public static Path copyOfResource(String resource, Path copy) throws IOException {
        try (InputStream in = TamperedStore.class.getResourceAsStream(resource)) {
            Files.copy(in, copy);
        }
        return copy;
    }

    /**
     * Changes record #{@code sequence} after it was signed: every {@code text} in its stored payload becomes
     * {@code replacement}. Fails when the record does not hold {@code text}, so no test runs on a log nobody changed.
     */
    public static void changeRecord(Path db, long sequence, String text, String replacement) throws SQLException {
        byte[] payload = StoreSurgery.bytes(db, "SELECT payload FROM records WHERE seq = ?", sequence);
        if (payload == null) {
            throw new AssertionError(db + " holds no record #" + sequence);
        }
        String stored = new String(payload, StandardCharsets.UTF_8);
        if (!stored.contains(text)) {
            throw new AssertionError("record #" + sequence + " does not hold '" + text + "': " + stored);
        }
        byte[] changed = stored.replace(text, replacement).getBytes(StandardCharsets.UTF_8);
        StoreSurgery.withTriggersDropped(db, sql -> {
            try (PreparedStatement update = sql.prepareStatement("UPDATE records SET payload = ? WHERE seq = ?")) {
                update.setBytes(1, changed);
                update.setLong(2, sequence);
                update.executeUpdate();
            }
        });
    }
}
