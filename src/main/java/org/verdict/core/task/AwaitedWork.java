package org.verdict.core.task;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread, as if it had run on this one. */
public final class AwaitedWork {
    private AwaitedWork() {
    }

    /** Its result; its failure thrown as it was thrown there; an interrupt while waiting a cancellation. */
    public static <T> T result(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            throw thrownThere(e);
        }
    }

    /**
     * What the work threw there, to throw here as it was: an unchecked exception as itself, an error (running out of
     * memory) thrown from this call, a checked exception, which the work's own code does not throw, in an
     * IllegalStateException.
     */
    public static RuntimeException thrownThere(ExecutionException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof RuntimeException unchecked) {
            return unchecked;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
