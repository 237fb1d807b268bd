package org.verdict.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.task.CancelledException;

class BackgroundTaskTest {
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private final List<String> events = new ArrayList<>();

    @Test
    void successReachesOnSuccessThenFinally() {
        executor.run(progress -> 6 * 7)
                .onSuccess(value -> events.add("success " + value))
                .onError(failure -> events.add("error"))
                .andFinally(() -> events.add("finally"))
                .start();

        assertEquals(List.of("success 42", "finally"), events);
    }

    @Test
    void failureReachesOnErrorNotOnSuccess() {
        executor.run(progress -> {
                    throw new IOException("disk gone");
                })
                .onSuccess(value -> events.add("success"))
                .onError(failure -> events.add("error " + failure.getMessage()))
                .andFinally(() -> events.add("finally"))
                .start();

        assertEquals(List.of("error disk gone", "finally"), events);
        assertTrue(executor.unhandledFailures().isEmpty());
    }

    @Test
    void failureWithoutHandlerGoesToTheUnhandledHandler() {
        executor.run(progress -> {
            throw new IllegalStateException("bug");
        }).start();

        assertEquals(1, executor.unhandledFailures().size());
        assertEquals("bug", executor.unhandledFailures().get(0).getMessage());
    }

    @Test
    void cancelledWorkIsACancellationNotAFailure() {
        executor.run(progress -> {
                    progress.update(0.5, "half");
                    throw new CancelledException();
                })
                .onError(failure -> events.add("error"))
                .onCancelled(() -> events.add("cancelled"))
                .andFinally(() -> events.add("finally"))
                .start();

        assertEquals(List.of("cancelled", "finally"), events);
    }

    @Test
    void aFailingCallbackIsReportedAndFinallyStillRuns() {
        executor.run(progress -> "ok")
                .onSuccess(value -> {
                    throw new IllegalArgumentException("callback bug");
                })
                .andFinally(() -> events.add("finally"))
                .start();

        assertEquals(List.of("finally"), events);
        assertEquals("callback bug", executor.unhandledFailures().get(0).getMessage());
    }

    /**
     * A task started as the latest of its kind cancels the one it supersedes, which otherwise ran to its end for
     * nobody; one that has ended is not touched, and {@link LatestTask#cancel} stops the one still running.
     */
    @Test
    void theLatestTaskOfAKindCancelsTheOneItSupersedes() {
        HeldExecutor held = new HeldExecutor();
        LatestTask comparisons = new LatestTask();
        SampledProgress first = held.run(progress -> "first").asLatestIn(comparisons)
                .onCancelled(() -> events.add("first cancelled")).start();
        SampledProgress second = held.run(progress -> "second").asLatestIn(comparisons)
                .onSuccess(value -> events.add(value)).start();
        assertTrue(first.isCancelled(), "superseded");
        assertFalse(second.isCancelled());

        held.runHeldWork();
        assertEquals(List.of("first cancelled", "second"), events);
        SampledProgress third = held.run(progress -> "third").asLatestIn(new LatestTask()).start();
        comparisons.cancel();
        assertFalse(second.isCancelled(), "it had ended");
        assertFalse(third.isCancelled(), "another kind");

        SampledProgress fourth = held.run(progress -> "fourth").asLatestIn(comparisons).start();
        comparisons.cancel();
        assertTrue(fourth.isCancelled());
    }
}
