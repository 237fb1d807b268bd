package org.verdict.core.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateReview;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.ledger.TrustedSigners;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/**
 * The whole export of an approval pack, shared by the CLI's {@code report} command and the app's
 * File → Export approval pack: read the evidence, judge the gates under the pack's policy, read the decision log,
 * write the HTML and the PDF.
 */
public final class ApprovalPackExport {
    private final PackLoader loader;
    private final GateReview gates;
    private final ApprovalPackWriter writer;

    public ApprovalPackExport(PackLoader loader, GateReview gates, ApprovalPackWriter writer) {
        this.loader = loader;
        this.gates = gates;
        this.writer = writer;
    }

    /**
     * The same export, its {@link ApprovalPackWriter#SUMS_FILE} signed by {@code signer} (null: not signed), as
     * {@code report --key} and the app's export with a key chosen write it.
     */
    public ApprovalPackExport signedBy(SignerKey signer) {
        return new ApprovalPackExport(loader, gates, new ApprovalPackWriter(signer));
    }

    /**
     * @param candidateVersion the candidate to report on, or null for the pack's first candidate
     * @param decisionLog the decision log whose records about this pack to include, or null for none
     * @param trustedSigners the organisation's list its signatures are checked against, or null: the pack then says
     *                       that its signers were not checked against one
     * @return the HTML and PDF files written
     */
    public List<Path> export(Path packSource, String candidateVersion, Path decisionLog, TrustedSigners trustedSigners,
                             Path outDir, Progress progress) throws PackException, LedgerException, IOException {
        try (ReviewPack pack = loader.load(packSource, new ProgressRange(progress, 0.0, 0.2))) {
            return export(pack, candidateVersion, decisionLog, trustedSigners, outDir,
                    new ProgressRange(progress, 0.2, 1.0));
        }
    }

    /** For a pack that is already open, as in the app. */
    public List<Path> export(ReviewPack pack, String candidateVersion, Path decisionLog, TrustedSigners trustedSigners,
                             Path outDir, Progress progress) throws PackException, LedgerException, IOException {
        progress.update(0.0, "Judging the gates");
        CandidateReview review = gates.reviewUnderItsPolicy(pack, candidateVersion,
                new ProgressRange(progress, 0.0, 0.6));
        return exportReviewed(pack, review, decisionLog, trustedSigners, outDir, new ProgressRange(progress, 0.6, 1.0));
    }

    /**
     * For a pack whose gates are already judged (the app's Gates view holds the review): judging them again would
     * repeat every comparison and bootstrap, the bulk of an export's time.
     */
    public List<Path> exportReviewed(ReviewPack pack, CandidateReview review, Path decisionLog,
                                     TrustedSigners trustedSigners, Path outDir, Progress progress)
            throws LedgerException, IOException {
        ApprovalPackContent content = GateReviewEvidence.addTo(
                ApprovalPackContent.of(pack, review.evidence().candidate()), review);
        if (decisionLog != null) {
            progress.update(0.0, "Verifying the decision log " + decisionLog.getFileName());
            content = DecisionLogEvidence.addTo(content, decisionLog, trustedSigners, new ProgressRange(progress, 0.0, 0.25));
        }
        progress.checkCancelled();
        return writer.write(content, outDir, new ProgressRange(progress, 0.25, 1.0));
    }

    /** Maps a step's own 0..1 progress onto its share of the whole export. */
    private record ProgressRange(Progress whole, double from, double to) implements Progress {
        @Override
        public void update(double fraction, String message) {
            whole.update(fraction < 0 ? fraction : from + (to - from) * fraction, message);
        }

        @Override
        public boolean isCancelled() {
            return whole.isCancelled();
        }
    }
}
