package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.stats.Metric;
import org.verdict.core.task.Progress;

/** The bundled sample pack tells the story issue 2 asks for, through the real loader and engine. */
class SamplePackComparisonTest {

    @Test
    void supportRouterCandidateIsBetterOverallWorseInJapaneseAndEnterpriseAndUndecidedInASmallSlice()
            throws Exception {
        ReviewPack pack = new PackLoader().load(Path.of("sample-data/support-router"), Progress.NONE);
        ComparisonReport report = new ComparisonEngine().compare(pack, null, ComparisonOptions.DEFAULTS, Progress.NONE);
        assertEquals(Metric.MACRO_F1, report.primaryMetric());
        assertEquals(Verdict.BETTER, verdict(report, "overall"));
        assertEquals(Verdict.WORSE, verdict(report, "language=ja"));
        assertEquals(Verdict.WORSE, verdict(report, "segment=enterprise"));
        Verdict small = verdict(report, "language=pt");
        assertTrue(small == Verdict.INCONCLUSIVE || small == Verdict.NO_SIGNIFICANT_DIFFERENCE, small.label());
    }

    private static Verdict verdict(ComparisonReport report, String slice) {
        return report.resultsFor(Metric.MACRO_F1).stream().filter(r -> r.slice().label().equals(slice)).findFirst()
                .orElseThrow().verdict();
    }

    @Test
    void progressOnlyMovesForwardWhileSlicesAreComparedInParallel() throws Exception {
        ReviewPack pack = new PackLoader().load(Path.of("sample-data/support-router"), Progress.NONE);
        List<Double> fractions = Collections.synchronizedList(new ArrayList<>());
        Progress recording = new Progress() {
            @Override
            public void update(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        for (int run = 0; run < 3; run++) {
            fractions.clear();
            new ComparisonEngine().compare(pack, null, ComparisonOptions.DEFAULTS, recording);
            for (int i = 1; i < fractions.size(); i++) {
                assertTrue(fractions.get(i) >= fractions.get(i - 1), "went back at " + i + ": " + fractions);
            }
        }
    }
}
