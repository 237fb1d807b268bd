package org.verdict.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work done on another thread and waited for here fails here as it failed there. */
class AwaitedWorkTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static <T> FutureTask<T> done(java.util.concurrent.Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        task.run();
        return task;
    }

    @Test
    void theResultAndAnUncheckedFailureAsThemselves() {
        assertEquals("made", AwaitedWork.result(done(() -> "made")));
        IllegalArgumentException thrown = new IllegalArgumentException("bad column");
        assertSame(thrown, assertThrows(IllegalArgumentException.class,
                () -> AwaitedWork.result(done(() -> {
                    throw thrown;
                }))));
    }

    /** Running out of memory while making room for the rows stays an OutOfMemoryError, as it would be here. */
    @Test
    void anErrorAsItself() {
        OutOfMemoryError thrown = new OutOfMemoryError("Java heap space");
        assertSame(thrown, assertThrows(OutOfMemoryError.class, () -> AwaitedWork.result(done(() -> {
            throw thrown;
        }))));
    }

    @Test
    void aCheckedFailureWrapped() {
        IOException thrown = new IOException("disk");
        IllegalStateException wrapped = assertThrows(IllegalStateException.class,
                () -> AwaitedWork.result(done(() -> {
                    throw thrown;
                })));
        assertSame(thrown, wrapped.getCause());
    }

    /** Interrupted while waiting: a cancellation, with the interrupt kept for whoever stops the work. */
    @Test
    void anInterruptWhileWaitingIsACancellation() {
        FutureTask<String> neverRun = new FutureTask<>(() -> "never");
        Thread.currentThread().interrupt();
        assertThrows(CancelledException.class, () -> AwaitedWork.result(neverRun));
        assertTrue(Thread.currentThread().isInterrupted());
    }
}
