package org.verdict.core.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.verdict.core.task.Progress;
import org.verdict.core.task.StagedFolder;
import org.verdict.core.stats.MetricFormat;

/**
 * Writes a log out so that an auditor can check every record with stock tools ({@code sha256sum},
 * {@code openssl pkeyutl}) and without Verdict. Layout: see docs/decision-log.md.
 */
public final class LogExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Exports every record of {@code log} (read from {@code db}) to {@code out}, which must not exist yet or be empty:
     * everything is written into a temporary sibling folder first and renamed into place, so a failure (a full disk,
     * a cancel) leaves no half-written export. Refuses a log without a checkpoint, and a log that does not verify
     * ({@link LogNotIntactException}, nothing written): auditors check an export later without Verdict, and its
     * checkpoint is handed out to keep, so it must never carry a changed record as if it were the signed one.
     */
    public void write(Path db, LogSnapshot log, VerificationReport report, Path out, Progress progress)
            throws IOException, LedgerException {
        if (!report.isIntact()) {
            throw new LogNotIntactException(db, report, "nothing was exported (its checkpoint, kept as proof, and its"
                    + " records, checked later, would hand on a changed history as the signed one)");
        }
        Checkpoint checkpoint = log.latestCheckpoint()
                .orElseThrow(() -> new LedgerException("the log is empty: nothing to export"));
        RegisteredSigner checkpointSigner = log.signers().get(checkpoint.keyId());
        if (checkpointSigner == null) {
            throw new LedgerException("the latest checkpoint is signed by an unregistered key; run log verify");
        }
        if (Files.exists(out) && !StagedFolder.isEmptyFolder(out)) {
            throw new LedgerException(out + " already exists and is not empty; export into a new folder");
        }
        StagedFolder.write(out, folder -> writeInto(folder, log, report, checkpoint, checkpointSigner, progress));
        progress.update(1, "exported " + MetricFormat.count(log.records().size(), "record", "records"));
    }

    private void writeInto(Path out, LogSnapshot log, VerificationReport report, Checkpoint checkpoint,
                           RegisteredSigner checkpointSigner, Progress progress) throws IOException {
        CheckpointFiles.write(out, checkpoint, checkpointSigner.publicKeyPem());
        Files.writeString(out.resolve("VERIFY.md"), logGuide(checkpoint, checkpointSigner, report));
        MerkleTree tree = log.tree();
        int treeSize = (int) Math.min(checkpoint.treeSize(), tree.size());
        List<LoggedRecord> records = log.records();
        for (int i = 0; i < records.size(); i++) {
            progress.checkCancelled();
            progress.update((double) i / records.size(), "exporting record " + (i + 1));
            LoggedRecord record = records.get(i);
            Path folder = out.resolve("records").resolve(recordFolderName(record));
            Files.createDirectories(folder);
            Files.write(folder.resolve("record.json"), record.payload());
            Files.write(folder.resolve("record.pae"), record.pae());
            for (RecordSignature signature : record.signatures()) {
                String stem = signature.keyId().substring(0, 12);
                Files.write(folder.resolve(stem + ".sig"), signature.signature());
                RegisteredSigner signer = log.signers().get(signature.keyId());
                if (signer != null) {
                    Files.writeString(folder.resolve(stem + ".pem"), signer.publicKeyPem());
                }
            }
            Evidence evidence = record.statement().map(DecisionStatement::record).map(DecisionRecord::evidence).orElse(null);
            if (evidence != null && evidence.files() != null) {
                writeEvidenceList(folder, evidence);
            }
            if (i < treeSize) {
                Files.writeString(folder.resolve("inclusion-proof.json"), inclusionProof(tree, i, treeSize, checkpoint));
            }
            Files.writeString(folder.resolve("VERIFY.md"), recordGuide(record, log.signers(), report, i < treeSize));
        }
    }

    public static String recordFolderName(LoggedRecord record) {
        return String.format("%04d-%s", record.sequence(), record.shortId());
    }

    private static void writeEvidenceList(Path folder, Evidence evidence) throws IOException {
        StringBuilder lines = new StringBuilder();
        // the format of sha256sum itself, so `sha256sum -c` checks the pack in one command
        evidence.files().forEach((file, hash) -> lines.append(hash).append("  ").append(file).append('\n'));
        Files.writeString(folder.resolve("evidence.sha256"), lines.toString());
    }

    private static String inclusionProof(MerkleTree tree, int index, int treeSize, Checkpoint checkpoint) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("leafIndex", index);
        node.put("treeSize", treeSize);
        node.put("leafHash", HEX.formatHex(tree.leafHashAt(index)));
        node.put("rootHash", checkpoint.rootHashHex());
        node.put("checkpoint", "../../checkpoint.json");
        ArrayNode path = node.putArray("auditPath");
        tree.inclusionProof(index, treeSize).forEach(h -> path.add(HEX.formatHex(h)));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }

    private static String logGuide(Checkpoint checkpoint, RegisteredSigner signer, VerificationReport report) {
        return """
                # Decision log export

                Log: `%s`
                Verdict's own verification at export time: %s

                Each folder under `records/` holds one record with its own `VERIFY.md`.

                """.formatted(checkpoint.origin(), report.summary())
                + CheckpointFiles.guide(checkpoint, signer.name() + " (" + signer.role() + ")", "DECISIONS.db");
    }

    private static String recordGuide(LoggedRecord record, Map<String, RegisteredSigner> signers,
                                      VerificationReport report, boolean inTree) {
        StringBuilder guide = new StringBuilder();
        String title = record.statement().map(DecisionStatement::record)
                .map(r -> r.kind().wireName() + " decision `" + r.decisionLabel() + "` for " + r.model() + " of "
                        + r.decisionDate() + (r.overrideDetails().isEmpty() ? "" : "\n\nOverridden gates: "
                        + r.overrideDetails()))
                .orElse("(the payload is not a readable decision statement)");
        guide.append("# Record #").append(record.sequence()).append(": ").append(title).append("\n\n");
        Quorum quorum = report.quorums().get(record.sequence());
        guide.append("Status when exported: verified")
                .append(quorum == null ? "" : ", " + quorum.label()).append("\n\n");
        guide.append("""
                ## 1. The record's bytes

                `record.json` is the exact payload that was signed. Its SHA-256 is the record id:

                    sha256sum record.json

                must print `%s`.

                `record.pae` is what the signatures cover: the DSSE pre-authentication encoding
                `DSSEv1 <length of type> <type> <length of payload> <payload>`. Rebuild it from `record.json`:

                    printf 'DSSEv1 %d %s %d ' | cat - record.json | cmp - record.pae

                ## 2. The signatures

                """.formatted(record.recordId(), record.payloadType().getBytes(StandardCharsets.UTF_8).length,
                record.payloadType(), record.payload().length));
        for (RecordSignature signature : record.signatures()) {
            String stem = signature.keyId().substring(0, 12);
            RegisteredSigner signer = signers.get(signature.keyId());
            String who = signer == null ? "an unregistered key" : signer.name() + " (" + signer.role() + ")";
            guide.append("- ").append(who).append(", stored ").append(signature.signedAt())
                    .append(" by the store's clock (that time is not signed):\n\n")
                    .append("      openssl pkeyutl -verify -pubin -inkey ").append(stem).append(".pem -rawin -in record.pae -sigfile ")
                    .append(stem).append(".sig\n\n")
                    .append("  prints `Signature Verified Successfully`. The key id is the SHA-256 of the key's DER form:\n\n")
                    .append("      openssl pkey -pubin -in ").append(stem).append(".pem -outform DER | sha256sum\n\n")
                    .append("  must print `").append(signature.keyId()).append("`.\n\n");
        }
        guide.append("""
                ## 3. The evidence

                `evidence.sha256` lists the SHA-256 of every file of the review pack the decision was made from.
                In the pack's folder:

                    sha256sum -c /path/to/this/folder/evidence.sha256

                """);
        if (inTree) {
            guide.append("""
                    ## 4. Inclusion in the log

                    The Merkle leaf hash is SHA-256 of a zero byte followed by the record (RFC 9162):

                        (printf '\\000'; cat record.json) | sha256sum

                    must equal `leafHash` in `inclusion-proof.json`. Combining it with `auditPath` by the algorithm of
                    RFC 9162 §2.1.3.2 gives `rootHash`, the root signed in `../../checkpoint.note`.
                    """);
        }
        return guide.toString();
    }
}
