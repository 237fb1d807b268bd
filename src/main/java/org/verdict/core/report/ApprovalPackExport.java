package org.verdict.core.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/**
 * The whole export of an approval pack, shared by the CLI's {@code report} command and the app's
 * File → Export approval pack: read the evidence, evaluate it, write the HTML and the PDF.
 */
public final class ApprovalPackExport {
    private final PackLoader loader;
    private final ComparisonEngine comparisons;
    private final ApprovalPackWriter writer;

    public ApprovalPackExport(PackLoader loader, ComparisonEngine comparisons, ApprovalPackWriter writer) {
        this.loader = loader;
        this.comparisons = comparisons;
        this.writer = writer;
    }

    /**
     * @param candidateVersion the candidate to report on, or null for the pack's first candidate
     * @return the HTML and PDF files written
     */
    public List<Path> export(Path packSource, String candidateVersion, Path outDir, Progress progress)
            throws PackException, IOException {
        ReviewPack pack = loader.load(packSource, new ProgressRange(progress, 0.0, 0.3));
        return export(pack, candidateVersion, outDir, new ProgressRange(progress, 0.3, 1.0));
    }

    /** For a pack that is already open, as in the app. */
    public List<Path> export(ReviewPack pack, String candidateVersion, Path outDir, Progress progress)
            throws IOException {
        String candidate = candidateVersion != null ? candidateVersion
                : pack.manifest().candidates().get(0).version();
        ApprovalPackContent content = ApprovalPackContent.of(pack, candidate);
        progress.update(0.0, "Comparing candidate " + candidate + " with production");
        ComparisonReport comparison = comparisons.compare(pack, candidate, ComparisonOptions.DEFAULTS,
                new ProgressRange(progress, 0.0, 0.5));
        content = content.withGates(List.of(primaryEvidence(comparison)), List.of());
        progress.checkCancelled();
        return writer.write(content, outDir, new ProgressRange(progress, 0.5, 1.0));
    }

    /** The primary comparison by every slice dimension, shown without a verdict until a policy is applied. */
    private static GateEvidence primaryEvidence(ComparisonReport comparison) {
        SliceResult overall = comparison.resultsFor(comparison.primaryMetric()).get(0);
        String summary = "overall Δ " + comparison.primaryMetric().wireName() + " "
                + (overall.delta() == null ? "unavailable" : ReportNumbers.signed(overall.delta()) + " "
                + ReportNumbers.interval(overall.deltaCi())) + ": " + ComparisonEvidence.verdictCell(overall).text();
        return new GateEvidence("Primary metric", Outcome.NOT_EVALUATED, summary,
                ComparisonEvidence.forestsByDimension(comparison), List.of(ComparisonEvidence.table(comparison)));
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
