package org.verdict.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.verdict.core.ledger.CheckpointFiles;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.pack.Hashes;
import org.verdict.core.task.Progress;
import org.verdict.core.task.StagedFolder;

/**
 * Writes an approval pack as {@value #HTML_FILE} and {@value #PDF_FILE}, with the decision log's checkpoint as files
 * ({@link CheckpointFiles}) when there is a log, a {@value #VERIFY_FILE} that says how to check them, and
 * {@value #SUMS_FILE}: the SHA-256 of every one of those files, for {@code sha256sum -c}. A writer given a signer's
 * key signs {@value #SUMS_FILE} ({@value #SUMS_SIGNATURE_FILE}, with {@value #SUMS_KEY_FILE} for openssl), so that
 * an edit of the HTML or the PDF is caught with stock tools. Nothing covers itself: the sums list every file but the
 * sums, their signature and its key. Every file is rendered in memory, written into a temporary sibling folder and
 * moved into place only when all are written ({@link StagedFolder}), so a failure (a full disk) or a cancel leaves
 * no file of the pack behind.
 */
public final class ApprovalPackWriter {
    public static final String HTML_FILE = "approval-pack.html";
    public static final String PDF_FILE = "approval-pack.pdf";
    public static final String VERIFY_FILE = "VERIFY.md";
    public static final String SUMS_FILE = "SHA256SUMS";
    public static final String SUMS_SIGNATURE_FILE = "SHA256SUMS.sig";
    public static final String SUMS_KEY_FILE = "SHA256SUMS-signer.pem";

    /**
     * Every file an export writes or, when unsigned, deletes: the names {@link #filesReplacedIn} asks about, so a
     * confirmation names every file that goes. {@link #write} refuses a file missing from this list.
     */
    public static final List<String> FILE_NAMES = Stream.of(List.of(HTML_FILE, PDF_FILE, VERIFY_FILE),
            CheckpointFiles.NAMES, List.of(SUMS_FILE, SUMS_SIGNATURE_FILE, SUMS_KEY_FILE))
            .flatMap(List::stream).toList();

    private final EvidenceCharts charts = new EvidenceCharts(new ReportFonts());
    private final SignerKey signer;

    /** A writer whose {@value #SUMS_FILE} is not signed. */
    public ApprovalPackWriter() {
        this(null);
    }

    /** @param signer signs {@value #SUMS_FILE}; null for none */
    public ApprovalPackWriter(SignerKey signer) {
        this.signer = signer;
    }

    /** The self-contained HTML document; the same content always gives the same text. */
    public String html(ApprovalPackContent content) {
        return new HtmlApprovalPack(charts).render(ApprovalPackComposer.compose(content, signedBy()));
    }

    /** The PDF document with a table of contents, page numbers and vector charts. */
    public byte[] pdf(ApprovalPackContent content) throws IOException {
        return new PdfApprovalPack(charts).render(ApprovalPackComposer.composeForPrint(content, signedBy()));
    }

    /** Who signs this export's sums, which the document names; null when it is not signed. */
    private org.verdict.core.ledger.SignerIdentity signedBy() {
        return signer == null ? null : signer.identity();
    }

    /**
     * @return the HTML and the PDF file written into {@code outDir} (created when missing)
     * @throws org.verdict.core.task.CancelledException when the progress was cancelled; nothing is written then
     */
    public List<Path> write(ApprovalPackContent content, Path outDir, Progress progress) throws IOException {
        progress.update(0.0, "Laying out the HTML approval pack");
        Map<String, byte[]> files = new TreeMap<>();
        files.put(HTML_FILE, html(content).getBytes(StandardCharsets.UTF_8));
        progress.checkCancelled();
        progress.update(0.4, "Laying out the PDF approval pack");
        files.put(PDF_FILE, pdf(content));
        progress.checkCancelled();
        LogCheckpoint checkpoint = content.checkpoint();
        boolean checkpointFiles = checkpoint != null && checkpoint.signed() != null;
        if (checkpointFiles) {
            files.putAll(CheckpointFiles.contents(checkpoint.signed(), checkpoint.signerPublicKeyPem()));
        }
        files.put(VERIFY_FILE, verifyGuide(checkpointFiles ? checkpoint : null).getBytes(StandardCharsets.UTF_8));
        StringBuilder sums = new StringBuilder();
        // the format sha256sum writes and -c reads: hex, two spaces, the name
        files.forEach((name, bytes) -> sums.append(Hashes.sha256Hex(bytes)).append("  ").append(name).append('\n'));
        files.put(SUMS_FILE, sums.toString().getBytes(StandardCharsets.UTF_8));
        if (signer != null) {
            // raw Ed25519 over the file's bytes, as openssl pkeyutl -rawin checks it
            files.put(SUMS_SIGNATURE_FILE, signer.sign(files.get(SUMS_FILE)));
            files.put(SUMS_KEY_FILE, signer.identity().publicKeyPem().getBytes(StandardCharsets.UTF_8));
        }
        progress.update(0.9, "Writing " + HTML_FILE + " and " + PDF_FILE);
        if (!FILE_NAMES.containsAll(files.keySet())) {
            throw new IllegalStateException("FILE_NAMES misses a file written: " + files.keySet());
        }
        StagedFolder.write(outDir, staging -> {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                progress.checkCancelled();
                Files.write(staging.resolve(file.getKey()), file.getValue());
            }
        });
        if (signer == null) {
            // an earlier pack's signature in the folder would not be over these sums
            Files.deleteIfExists(outDir.resolve(SUMS_SIGNATURE_FILE));
            Files.deleteIfExists(outDir.resolve(SUMS_KEY_FILE));
        }
        progress.update(1.0, "Approval pack written");
        return List.of(outDir.resolve(HTML_FILE), outDir.resolve(PDF_FILE));
    }

    /** VERIFY.md: how to check this folder's files, then how to keep and use the checkpoint (null: none written). */
    private String verifyGuide(LogCheckpoint checkpoint) {
        String intro = "# Approval pack\n\nThe evidence, the decisions and how to check them are in " + HTML_FILE
                + " and " + PDF_FILE + "."
                + (checkpoint == null ? "" : " The decision log's checkpoint at the time of this export is in this"
                        + " folder.") + "\n\n## The files of this folder: unchanged since the export?\n\n"
                + SUMS_FILE + " lists the SHA-256 of every file of this export except itself"
                + (signer == null ? "" : ", " + SUMS_SIGNATURE_FILE + " and " + SUMS_KEY_FILE) + ". The review"
                + " pack's own files are covered through the document: its section \"Evidence hashes\" lists their"
                + " SHA-256, and its \"How to verify\" checks them.\n\n";
        String check = signer == null
                ? "**This export is not signed** (`verdict report --key KEYFILE` signs it), so the sums catch a"
                        + " damaged copy but not an edit: whoever edits a file can write new sums. To catch an edit"
                        + " later, keep the output of `sha256sum " + SUMS_FILE + "` where those who can change this"
                        + " folder cannot. In this folder:\n\n    sha256sum -c " + SUMS_FILE + "\n\nEvery line must"
                        + " end in `OK`.\n"
                : SUMS_SIGNATURE_FILE + " is the Ed25519 signature of " + signer.identity().name() + " ("
                        + signer.identity().role() + ") over " + SUMS_FILE + ". In this folder (OpenSSL 3.0 or"
                        + " later):\n\n"
                        + "    openssl pkeyutl -verify -pubin -inkey " + SUMS_KEY_FILE + " -rawin -in " + SUMS_FILE
                        + " -sigfile " + SUMS_SIGNATURE_FILE + "\n"
                        + "    openssl pkey -pubin -in " + SUMS_KEY_FILE + " -outform DER | sha256sum\n"
                        + "    sha256sum -c " + SUMS_FILE + "\n\n"
                        + "The first prints `Signature Verified Successfully`; the second must print the key id `"
                        + signer.identity().keyId() + "`, which must be in your organisation's list of trusted"
                        + " signers; the third must end every line in `OK`. An edited HTML or PDF fails the third, new"
                        + " sums fail the first, and sums signed again with another key fail the second.\n";
        return intro + check + (checkpoint == null ? ""
                : "\n" + CheckpointFiles.guide(checkpoint.signed(), checkpoint.signer(), "DECISIONS.db"));
    }

    /** The files of an earlier approval pack in {@code outDir} that writing one there would replace. */
    public static List<Path> filesReplacedIn(Path outDir) {
        return FILE_NAMES.stream().map(outDir::resolve).filter(Files::exists).toList();
    }
}
