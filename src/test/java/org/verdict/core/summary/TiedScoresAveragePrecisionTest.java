package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/**
 * pr_auc from a summary pack's ranking sums is scikit-learn's average precision of the scores as their 0.001-logit
 * bins rank them: ties (here a third of the scores exactly 0) are one threshold in both, so scores two distinct bins
 * tell apart give the rows' value; two distinct scores closer than 0.001·p(1−p) share a bin and count as tied, which
 * moves the value (docs/pack-format.md says for which scores that can happen).
 *
 * <p>The expected values are scikit-learn 1.x's {@code average_precision_score}, computed independently in Python from
 * the same formula as {@link #rows()}: production on the raw scores; the candidate on its raw scores and on
 * {@code floor(logit(clip(s)) * 1000)}.
 */
class TiedScoresAveragePrecisionTest {
    /** sklearn: production's scores, two decimals, 20 of 60 exactly 0 (binned: the same value). */
    private static final double PRODUCTION = 0.48737164899629887;
    /** sklearn: the candidate's raw scores, where a negative at 0.5 and a positive at 0.5001 are distinct. */
    private static final double CANDIDATE_ROWS = 0.48756439276047114;
    /** sklearn: the candidate's scores as bins, where 0.5 and 0.5001 (logit 0 and 0.0004) are one bin. */
    private static final double CANDIDATE_BINNED = 0.48583279102886945;

    @TempDir
    Path folder;

    @Test
    void summaryAveragePrecisionIsScikitLearnsOnTheBinnedScores() throws Exception {
        Files.writeString(folder.resolve("manifest.json"), """
                {
                  "format": "verdict-pack/1",
                  "model": {"name": "fraud", "task": "binary", "riskTier": 2, "positiveLabel": "fraud"},
                  "models": [{"version": "7", "role": "production"}, {"version": "8", "role": "candidate"}],
                  "primaryMetric": "pr_auc",
                  "suites": {"primary": {"file": "primary.csv", "slices": ["region"]}}
                }
                """);
        Files.writeString(folder.resolve("primary.csv"), rows());
        ComparisonEngine engine = new ComparisonEngine();
        SliceResult fromRows;
        try (ReviewPack pack = new PackLoader().load(folder, Progress.NONE)) {
            fromRows = overallPrAuc(engine.compare(pack, null, ComparisonOptions.DEFAULTS, Progress.NONE));
        }
        Path summary = folder.resolve("summary");
        new DuckDbSummarizer("256MB", 1).summarize(folder.resolve("primary.csv").toString(), null,
                RowManifest.read(folder.resolve("manifest.json")), true, true, ComparisonOptions.DEFAULTS.seed(),
                summary, Progress.NONE);
        SliceResult fromSummary = overallPrAuc(new SummaryComparison(engine).compare(
                new SummaryPackReader().read(summary, Progress.NONE), null, ComparisonOptions.DEFAULTS, Progress.NONE));

        assertEquals(PRODUCTION, fromRows.production().value(), 1e-12);
        assertEquals(PRODUCTION, fromSummary.production().value(), 1e-12, "tied scores rank alike in bins");
        assertEquals(CANDIDATE_ROWS, fromRows.candidate().value(), 1e-12);
        assertEquals(CANDIDATE_BINNED, fromSummary.candidate().value(), 1e-12, "0.5 and 0.5001 share a bin");
    }

    private static SliceResult overallPrAuc(ComparisonReport report) {
        return report.results().stream().filter(r -> r.slice().isOverall() && r.metric() == Metric.PR_AUC)
                .findFirst().orElseThrow();
    }

    /**
     * 60 examples: fraud when i % 4 == 0 or i % 7 == 0; score 0 when i % 3 == 0, else ((37 i) mod 100) / 100; the
     * candidate's the same but 0.5 for i = 1 (ok) and 0.5001 for i = 4 (fraud).
     */
    private static String rows() {
        StringBuilder csv = new StringBuilder("example_id,label,region,score_7,score_8\n");
        for (int i = 0; i < 60; i++) {
            double score = i % 3 == 0 ? 0 : ((i * 37) % 100) / 100.0;
            String candidate = i == 1 ? "0.5" : i == 4 ? "0.5001" : Double.toString(score);
            csv.append("ex-").append(i).append(',').append(i % 4 == 0 || i % 7 == 0 ? "fraud" : "ok")
                    .append(",eu,").append(score).append(',').append(candidate).append('\n');
        }
        return csv.toString();
    }
}
