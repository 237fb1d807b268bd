package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.Progress;

/**
 * Comparisons asked of one engine at the same time (the app's Compare view and gate review on opening a pack) run one
 * after the other, so a large table's per-slice arrays exist once; one that waits says so and can be cancelled.
 */
class ComparisonTurnsTest {
    private static final String WAITING = "Waiting for another comparison to finish";

    @TempDir
    Path temp;

    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Records every message; {@code waiting} opens when the comparison says it waits. */
    private static Progress recording(List<String> messages, CountDownLatch waiting, AtomicBoolean cancelled) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                messages.add(message);
                if (message.equals(WAITING)) {
                    waiting.countDown();
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    @Test
    void aSecondComparisonWaitsForTheFirstAndCanBeCancelledWhileItWaits() throws Exception {
        ReviewPack pack = new PackLoader().load(PackFixture.write(temp.resolve("p"), PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV), Progress.NONE);
        ComparisonEngine engine = new ComparisonEngine();

        // the first comparison holds its turn until released, at its first step
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<ComparisonReport> first = threads.submit(() -> engine.compare(pack, null, ComparisonOptions.DEFAULTS,
                new Progress() {
                    @Override
                    public void update(double fraction, String message) {
                        if (message.equals("Ranking scores")) {
                            firstRunning.countDown();
                            try {
                                releaseFirst.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                }));
        assertTrue(firstRunning.await(10, TimeUnit.SECONDS));

        List<String> second = new CopyOnWriteArrayList<>();
        CountDownLatch secondWaits = new CountDownLatch(1);
        Future<ComparisonReport> secondReport = threads.submit(() -> engine.compare(pack, null,
                ComparisonOptions.DEFAULTS, recording(second, secondWaits, new AtomicBoolean())));
        assertTrue(secondWaits.await(10, TimeUnit.SECONDS), "the second one says it waits");

        List<String> third = new CopyOnWriteArrayList<>();
        CountDownLatch thirdWaits = new CountDownLatch(1);
        AtomicBoolean cancelThird = new AtomicBoolean();
        Future<ComparisonReport> thirdReport = threads.submit(() -> engine.compare(pack, null,
                ComparisonOptions.DEFAULTS, recording(third, thirdWaits, cancelThird)));
        assertTrue(thirdWaits.await(10, TimeUnit.SECONDS));
        cancelThird.set(true);
        ExecutionException cancelled = assertThrows(ExecutionException.class,
                () -> thirdReport.get(10, TimeUnit.SECONDS));
        assertInstanceOf(CancelledException.class, cancelled.getCause());
        assertEquals(List.of(WAITING), third, "cancelled before it started");
        assertEquals(List.of(WAITING), second, "nothing of the second one ran while the first held its turn");

        releaseFirst.countDown();
        ComparisonReport firstDone = first.get(30, TimeUnit.SECONDS);
        ComparisonReport secondDone = secondReport.get(30, TimeUnit.SECONDS);
        assertTrue(second.contains("Comparison done"), second.toString());
        assertEquals(firstDone.results(), secondDone.results(), "the same comparison, whichever ran first");
    }
}
