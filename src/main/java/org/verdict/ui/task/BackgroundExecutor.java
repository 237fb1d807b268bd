package org.verdict.ui.task;

/**
 * Where the UI runs work: heavy work off the FX thread, results back on it.
 * One instance is made in the composition root and passed to every view-model; tests pass a
 * {@code CurrentThreadExecutor} (in the tests) so asynchronous code runs deterministically.
 */
public interface BackgroundExecutor {

    /** Runs {@code work} on a worker thread. */
    void runInBackground(Runnable work);

    /** Runs {@code action} on the FX application thread. */
    void runOnFxThread(Runnable action);

    /** Where failures go that a task did not handle with {@link BackgroundTask#onError}: they never vanish. */
    void reportUnhandled(Throwable failure);

    /** Starts describing a piece of background work: {@code executor.run(work).onSuccess(..).onError(..).start()}. */
    default <T> BackgroundTask<T> run(BackgroundTask.Work<T> work) {
        return new BackgroundTask<>(this, work);
    }
}
