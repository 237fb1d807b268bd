package org.verdict.core.compare;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.verdict.core.task.CancelledException;

/** Waiting for work handed to another worker of the comparison, as if it had run on this thread. */
final class AwaitedWork {
    private AwaitedWork() {
    }

    /** Its result; its failure thrown as it was thrown there; an interrupt while waiting a cancellation. */
    static <T> T result(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
