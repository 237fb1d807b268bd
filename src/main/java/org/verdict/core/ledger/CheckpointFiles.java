package org.verdict.core.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.stats.MetricFormat;

/**
 * A checkpoint as files an auditor keeps and checks with stock tools: {@code checkpoint.json} (what
 * {@code log verify --checkpoint} reads), {@code checkpoint.note} (the signed bytes), {@code checkpoint.sig} (raw
 * Ed25519 signature) and {@code checkpoint-signer.pem}. Written by {@code log export} and by the approval pack.
 */
public final class CheckpointFiles {
    public static final String JSON = "checkpoint.json";
    public static final String NOTE = "checkpoint.note";
    public static final String SIGNATURE = "checkpoint.sig";
    public static final String SIGNER_KEY = "checkpoint-signer.pem";
    /** Every file {@link #contents} gives, by name. */
    public static final List<String> NAMES = List.of(JSON, NOTE, SIGNATURE, SIGNER_KEY);

    private CheckpointFiles() {
    }

    public static void write(Path directory, Checkpoint checkpoint, String signerPublicKeyPem) throws IOException {
        for (Map.Entry<String, byte[]> file : contents(checkpoint, signerPublicKeyPem).entrySet()) {
            Files.write(directory.resolve(file.getKey()), file.getValue());
        }
    }

    /** The files by name with their bytes, for a writer that puts them in place itself. */
    public static Map<String, byte[]> contents(Checkpoint checkpoint, String signerPublicKeyPem) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(JSON, checkpoint.toJson().getBytes(StandardCharsets.UTF_8));
        files.put(NOTE, checkpoint.note());
        files.put(SIGNATURE, checkpoint.signature());
        files.put(SIGNER_KEY, signerPublicKeyPem.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The VERIFY.md section on keeping the checkpoint and using it later; {@code db} names the log in commands. */
    public static String guide(Checkpoint checkpoint, String signer, String db) {
        return """
                ## The checkpoint: keep it outside the log

                `checkpoint.json` is the log's signed statement that it held %s (Merkle root `%s`),
                %s%s. It is small and holds nothing secret. Keep a copy where the people who can write
                the decision log cannot change it (the audit file, a ticket, an e-mail to the auditor): later it
                proves that the log still holds all of that, unchanged, even if someone rewrote the whole store.

                Check its signature (OpenSSL 3.0 or later). It is signed by %s:

                    openssl pkeyutl -verify -pubin -inkey checkpoint-signer.pem -rawin -in checkpoint.note -sigfile checkpoint.sig
                    openssl pkey -pubin -in checkpoint-signer.pem -outform DER | sha256sum

                The first prints `Signature Verified Successfully`; the second must print the key id
                `%s`, which must be in your organisation's list of trusted signers.

                Later, prove that the log extends it (exit 0: it does; the RFC 9162 consistency proof is printed by
                `log consistency` so that any implementation can check it):

                    verdict log verify --db %s --checkpoint checkpoint.json --trusted-signers trusted-signers.json
                """.formatted(MetricFormat.count(checkpoint.treeSize(), "record", "records"), checkpoint.rootHashHex(),
                MetricFormat.count(checkpoint.signatureCount(), "signature", "signatures"),
                checkpoint.entryCount() == null ? "" : " and " + MetricFormat.count(checkpoint.entryCount(),
                        "signer-register entry", "signer-register entries"),
                signer, checkpoint.keyId(), db);
    }
}
