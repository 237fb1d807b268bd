package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.Hashes;
import org.verdict.core.task.Progress;

class LogExportTest {
    private static final SignerKey ML_LEAD = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
    private static final SignerKey SAFETY = LedgerFixtures.signer("Grace Hopper", Roles.AI_SAFETY);

    @TempDir
    Path dir;
    private Path db;
    private Path out;

    @BeforeEach
    void exportTwoRecords() throws Exception {
        db = dir.resolve("decisions.db");
        out = dir.resolve("export");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("metric fell"), ML_LEAD);
            log.append(LedgerFixtures.promotion(3, "all three must sign"), ML_LEAD);
            log.cosign("2", SAFETY);
            LogSnapshot snapshot = log.snapshot();
            new LogExport().write(db, snapshot, new LogVerifier().verify(snapshot, Progress.NONE), out, Progress.NONE);
        }
    }

    @Test
    void aCancelledExportLeavesNoFolderBehind() throws Exception {
        Path target = dir.resolve("cancelled");
        Progress cancelAfterFirstRecord = new Progress() {
            private int updates;

            @Override
            public void update(double fraction, String message) {
                updates++;
            }

            @Override
            public boolean isCancelled() {
                return updates >= 1;
            }
        };
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            LogSnapshot snapshot = log.snapshot();
            assertThrows(org.verdict.core.task.CancelledException.class, () -> new LogExport().write(db, snapshot,
                    new LogVerifier().verify(snapshot, Progress.NONE), target, cancelAfterFirstRecord));
        }
        try (var siblings = Files.list(dir)) {
            assertEquals(java.util.List.of(), siblings.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("cancelled") || name.startsWith(".cancelled")).toList(),
                    "neither the export nor its temporary folder exists");
        }
    }

    @Test
    void everyRecordFolderHoldsTheSignedBytesSignaturesKeysAndProof() throws Exception {
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            LogSnapshot snapshot = log.snapshot();
            Checkpoint checkpoint = Checkpoint.readJson(out.resolve("checkpoint.json"));
            for (LoggedRecord record : snapshot.records()) {
                Path folder = out.resolve("records").resolve(LogExport.recordFolderName(record));
                byte[] payload = Files.readAllBytes(folder.resolve("record.json"));
                assertEquals(record.recordId(), Hashes.sha256Hex(payload));
                assertArrayEquals(Dsse.pae(Dsse.DECISION_PAYLOAD_TYPE, payload), Files.readAllBytes(folder.resolve("record.pae")));
                for (RecordSignature signature : record.signatures()) {
                    String stem = signature.keyId().substring(0, 12);
                    SignerIdentity signer = SignerIdentity.of("x", "y",
                            SignerIdentity.parsePublicKey(Files.readString(folder.resolve(stem + ".pem"))));
                    assertEquals(signature.keyId(), signer.keyId());
                    assertTrue(signer.verifies(Files.readAllBytes(folder.resolve("record.pae")),
                            Files.readAllBytes(folder.resolve(stem + ".sig"))));
                }
                JsonNode proof = new ObjectMapper().readTree(folder.resolve("inclusion-proof.json").toFile());
                List<byte[]> path = new ArrayList<>();
                proof.get("auditPath").forEach(h -> path.add(HexFormat.of().parseHex(h.asText())));
                assertTrue(InclusionProofs.verify(proof.get("leafIndex").asLong(), proof.get("treeSize").asLong(),
                        MerkleTree.leafHash(payload), path, checkpoint.rootHash()));
                assertTrue(Files.readString(folder.resolve("VERIFY.md")).contains("openssl pkeyutl -verify -pubin -inkey"));
            }
            Path second = out.resolve("records").resolve(LogExport.recordFolderName(snapshot.records().get(1)));
            assertEquals(2, Files.list(second).filter(p -> p.toString().endsWith(".sig")).count());
            assertTrue(Files.readString(second.resolve("evidence.sha256")).contains("a".repeat(64) + "  manifest.json\n"));
            assertTrue(Files.readString(second.resolve("VERIFY.md")).contains("awaiting signatures (product)"));
        }
    }

    @Test
    void stockOpensslVerifiesTheExportedSignaturesAndLeafHash() throws Exception {
        Assumptions.assumeTrue(onPath("openssl"), "openssl is not on the PATH: the stock-tool check is skipped");
        List<Path> folders;
        try (var listing = Files.list(out.resolve("records"))) {
            folders = listing.sorted().toList();
        }
        int verified = 0;
        for (Path folder : folders) {
            List<Path> signatures;
            try (var listing = Files.list(folder)) {
                signatures = listing.filter(p -> p.toString().endsWith(".sig")).toList();
            }
            for (Path sig : signatures) {
                String stem = sig.getFileName().toString().replace(".sig", "");
                Result result = run(folder, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", stem + ".pem",
                        "-rawin", "-in", "record.pae", "-sigfile", stem + ".sig");
                assertEquals(0, result.exit(), result.output());
                assertTrue(result.output().contains("Signature Verified Successfully"), result.output());
                verified++;
            }
            Result leaf = run(folder, "sh", "-c", "(printf '\\000'; cat record.json) | openssl dgst -sha256 -r");
            String expected = new ObjectMapper().readTree(folder.resolve("inclusion-proof.json").toFile()).get("leafHash").asText();
            assertTrue(leaf.output().startsWith(expected), leaf.output());
        }
        assertEquals(3, verified);
        Result checkpoint = run(out, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "checkpoint-signer.pem",
                "-rawin", "-in", "checkpoint.note", "-sigfile", "checkpoint.sig");
        assertEquals(0, checkpoint.exit(), checkpoint.output());
        // and a changed byte is caught by openssl too
        Path first = folders.get(0);
        byte[] pae = Files.readAllBytes(first.resolve("record.pae"));
        pae[pae.length - 2] ^= 1;
        Files.write(first.resolve("record.pae"), pae);
        String stem = ML_LEAD.identity().keyId().substring(0, 12);
        Result tampered = run(first, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", stem + ".pem",
                "-rawin", "-in", "record.pae", "-sigfile", stem + ".sig");
        assertFalse(tampered.exit() == 0, tampered.output());
    }

    @Test
    void todaysLogExtendsTheExportedCheckpointUntilHistoryIsRewritten() throws Exception {
        Checkpoint older = Checkpoint.readJson(out.resolve("checkpoint.json"));
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.amendment("2"), ML_LEAD);
            log.append(LedgerFixtures.retraining("again"), ML_LEAD);
            ConsistencyCheck check = ConsistencyCheck.of(log.snapshot(), older);
            assertTrue(check.consistent(), check.message());
            assertEquals(4, check.currentSize());
        }
        TamperedStore.changeRecord(db, 1, "metric fell", "metric rose");
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            ConsistencyCheck check = ConsistencyCheck.of(log.snapshot(), older);
            assertFalse(check.consistent());
            assertTrue(check.message().contains("does NOT extend"), check.message());
        }
    }

    @Test
    void aCheckpointOfAnotherLogIsRefused() throws Exception {
        Checkpoint foreign = Checkpoint.sign("verdict-decision-log/other", 1, new byte[32], 0, new byte[32], 0, new byte[32], ML_LEAD);
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            ConsistencyCheck check = ConsistencyCheck.of(log.snapshot(), foreign);
            assertFalse(check.consistent());
            assertTrue(check.message().contains("another log"));
        }
    }

    private record Result(int exit, String output) {
    }

    static boolean onPath(String tool) {
        try {
            return new ProcessBuilder("which", tool).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result run(Path workDir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
