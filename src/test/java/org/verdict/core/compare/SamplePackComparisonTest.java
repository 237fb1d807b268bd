package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/**
 * The bundled sample pack must show what a review board meets in practice — better overall, worse in Japanese and
 * for enterprise customers, undecided in a small slice — through the real loader and engine, or it teaches nothing.
 */
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

    /**
     * The first slice's report is held until the other worker either waits for the engine's reporting lock, or has
     * reported two more slices. An engine that counted finished slices outside the lock it reports under does the
     * latter, and then the held report (1 or 2 of N) comes after a larger one (up to 4 of N): the recorded fractions
     * go back. Needs two workers, as on any machine with two cores.
     */
    @Test
    void progressOnlyMovesForwardWhileSlicesAreComparedInParallel() throws Exception {
        ReviewPack pack = new PackLoader().load(Path.of("sample-data/support-router"), Progress.NONE);
        List<Double> fractions = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch twoMoreReports = new CountDownLatch(2);
        AtomicBoolean firstSliceReport = new AtomicBoolean(true);
        Progress recording = new Progress() {
            @Override
            public void update(double fraction, String message) {
                if (message.startsWith("Compared")) {
                    if (firstSliceReport.getAndSet(false)) {
                        holdUntilAnotherWorkerReports(twoMoreReports);
                    } else {
                        twoMoreReports.countDown();
                    }
                }
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        new ComparisonEngine().compare(pack, null, ComparisonOptions.DEFAULTS, recording);
        assertTrue(fractions.size() > 2, "slices reported: " + fractions);
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "went back at " + i + ": " + fractions);
        }
    }

    private static void holdUntilAnotherWorkerReports(CountDownLatch reports) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (!reports.await(5, TimeUnit.MILLISECONDS) && !anotherWorkerWaitsForTheLock()
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean anotherWorkerWaitsForTheLock() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread != Thread.currentThread()
                && thread.getName().equals("verdict-comparison") && thread.getState() == Thread.State.BLOCKED);
    }
}
