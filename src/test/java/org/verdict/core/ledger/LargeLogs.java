package org.verdict.core.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.verdict.core.pack.Hashes;

/**
 * Writes a log of many records quickly: the first through {@link DecisionLog#append}, the rest in one transaction,
 * each record signed and followed by a signed checkpoint exactly as {@code append} makes them (appending them one by
 * one re-reads the whole log each time, hours for 10,000). Used to measure verification on a large log:
 * {@code java -cp target/test-classes:target/verdict.jar org.verdict.core.ledger.LargeLogs DB RECORDS}.
 */
public final class LargeLogs {
    private LargeLogs() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        write(Path.of(args[0]), Integer.parseInt(args[1]), LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD));
        System.out.printf("wrote %s records in %.1f s%n", args[1], (System.nanoTime() - started) / 1e9);
    }

    static void write(Path db, int count, SignerKey key) throws Exception {
        DecisionRecord record = LedgerFixtures.retraining("one of many decisions");
        LogSnapshot first;
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(record, key);
            first = log.snapshot();
        }
        List<LoggedRecord> records = new ArrayList<>(first.records());
        // after everything the first append stored, its signature's time included
        Instant start = Instant.parse(first.signaturesInOrder().get(0).signedAt()).truncatedTo(ChronoUnit.MICROS);
        for (int sequence = 2; sequence <= count; sequence++) {
            String at = start.plusMillis(sequence).toString();
            byte[] payload = RecordJson.payload(new DecisionStatement(DecisionStatement.FORMAT, sequence,
                    records.get(records.size() - 1).recordId(), key.identity().keyId(), at, record));
            byte[] signature = key.sign(Dsse.pae(Dsse.DECISION_PAYLOAD_TYPE, payload));
            records.add(new LoggedRecord(sequence, Hashes.sha256Hex(payload), Dsse.DECISION_PAYLOAD_TYPE, payload, at,
                    List.of(new RecordSignature(sequence, sequence, key.identity().keyId(), signature, at))));
        }
        LogSnapshot all = new LogSnapshot(first.origin(), first.formatVersion(), records, first.entries(),
                first.register(), List.of());
        List<byte[]> roots = all.tree().prefixRoots();
        List<byte[]> signaturesHashes = LogSnapshot.signaturesHashes(all.signaturesInOrder());
        int entries = first.entries().size();
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            sql.setAutoCommit(false);
            try (PreparedStatement insertRecord = sql.prepareStatement("INSERT INTO records(seq, record_id,"
                    + " payload_type, payload, appended_at) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement insertSignature = sql.prepareStatement("INSERT INTO signatures(record_seq, key_id,"
                         + " signature, signed_at) VALUES (?, ?, ?, ?)");
                 PreparedStatement insertCheckpoint = sql.prepareStatement("INSERT INTO checkpoints(tree_size,"
                         + " signature_count, signatures_hash, origin, root_hash, key_id, signature, entry_count,"
                         + " entries_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (LoggedRecord added : records.subList(1, records.size())) {
                    int size = (int) added.sequence();
                    insertRecord.setLong(1, size);
                    insertRecord.setString(2, added.recordId());
                    insertRecord.setString(3, added.payloadType());
                    insertRecord.setBytes(4, added.payload());
                    insertRecord.setString(5, added.appendedAt());
                    insertRecord.executeUpdate();
                    RecordSignature signature = added.signatures().get(0);
                    insertSignature.setLong(1, size);
                    insertSignature.setString(2, signature.keyId());
                    insertSignature.setBytes(3, signature.signature());
                    insertSignature.setString(4, signature.signedAt());
                    insertSignature.executeUpdate();
                    Checkpoint checkpoint = Checkpoint.sign(first.origin(), size, roots.get(size), size,
                            signaturesHashes.get(size), entries, all.entriesHead(entries), key);
                    insertCheckpoint.setLong(1, size);
                    insertCheckpoint.setLong(2, size);
                    insertCheckpoint.setBytes(3, checkpoint.signaturesHash());
                    insertCheckpoint.setString(4, checkpoint.origin());
                    insertCheckpoint.setBytes(5, checkpoint.rootHash());
                    insertCheckpoint.setString(6, checkpoint.keyId());
                    insertCheckpoint.setBytes(7, checkpoint.signature());
                    insertCheckpoint.setLong(8, entries);
                    insertCheckpoint.setBytes(9, checkpoint.entriesHash());
                    insertCheckpoint.executeUpdate();
                }
            }
            sql.commit();
        }
    }
}
