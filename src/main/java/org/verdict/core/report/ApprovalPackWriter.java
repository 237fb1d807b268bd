package org.verdict.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.verdict.core.ledger.CheckpointFiles;
import org.verdict.core.task.Progress;

/**
 * Writes an approval pack as {@value #HTML_FILE} and {@value #PDF_FILE}. Both are rendered in memory first and
 * then moved into place, so a failure or a cancel leaves no half-written file behind. With a decision log, the log's
 * checkpoint goes next to them as files ({@link CheckpointFiles}) with a {@value #VERIFY_FILE} that says how to keep
 * and use it.
 */
public final class ApprovalPackWriter {
    public static final String HTML_FILE = "approval-pack.html";
    public static final String PDF_FILE = "approval-pack.pdf";
    public static final String VERIFY_FILE = "VERIFY.md";

    /** The files an export replaces when they are there already (the checkpoint's other files go with its JSON). */
    private static final List<String> REPLACED_FILES = List.of(HTML_FILE, PDF_FILE, VERIFY_FILE, CheckpointFiles.JSON);

    private final EvidenceCharts charts = new EvidenceCharts(new ReportFonts());

    /** The self-contained HTML document; the same content always gives the same text. */
    public String html(ApprovalPackContent content) {
        return new HtmlApprovalPack(charts).render(ApprovalPackComposer.compose(content));
    }

    /** The PDF document with a table of contents, page numbers and vector charts. */
    public byte[] pdf(ApprovalPackContent content) throws IOException {
        return new PdfApprovalPack(charts).render(ApprovalPackComposer.compose(content));
    }

    /**
     * @return the HTML and the PDF file written into {@code outDir} (created when missing)
     * @throws org.verdict.core.task.CancelledException when the progress was cancelled; nothing is written then
     */
    public List<Path> write(ApprovalPackContent content, Path outDir, Progress progress) throws IOException {
        progress.update(0.0, "Laying out the HTML approval pack");
        byte[] html = html(content).getBytes(StandardCharsets.UTF_8);
        progress.checkCancelled();
        progress.update(0.4, "Laying out the PDF approval pack");
        byte[] pdf = pdf(content);
        progress.checkCancelled();
        progress.update(0.9, "Writing " + HTML_FILE + " and " + PDF_FILE);
        Files.createDirectories(outDir);
        Path htmlFile = outDir.resolve(HTML_FILE);
        Path pdfFile = outDir.resolve(PDF_FILE);
        replace(htmlFile, html);
        replace(pdfFile, pdf);
        LogCheckpoint checkpoint = content.checkpoint();
        if (checkpoint != null && checkpoint.signed() != null) {
            CheckpointFiles.write(outDir, checkpoint.signed(), checkpoint.signerPublicKeyPem());
            replace(outDir.resolve(VERIFY_FILE), ("# Approval pack\n\nThe evidence, the decisions and how to check them"
                    + " are in " + HTML_FILE + " and " + PDF_FILE + ". The decision log's checkpoint at the time of this"
                    + " export is in this folder.\n\n" + CheckpointFiles.guide(checkpoint.signed(), checkpoint.signer(),
                    "DECISIONS.db")).getBytes(StandardCharsets.UTF_8));
        }
        progress.update(1.0, "Approval pack written");
        return List.of(htmlFile, pdfFile);
    }

    /** The files of an earlier approval pack in {@code outDir} that writing one there would replace. */
    public static List<Path> filesReplacedIn(Path outDir) {
        return REPLACED_FILES.stream().map(outDir::resolve).filter(Files::exists).toList();
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
