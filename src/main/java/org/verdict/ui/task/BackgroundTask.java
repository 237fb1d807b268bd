package org.verdict.ui.task;

import java.util.Objects;
import java.util.function.Consumer;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.Progress;

/**
 * A fluent description of one piece of background work:
 * {@code executor.run(work).onSuccess(..).onError(..).andFinally(..).start()}.
 * The work runs off the FX thread; every callback runs on it. A failure without {@link #onError} goes to the
 * executor's unhandled-failure handler; a {@link CancelledException} is a cancellation, not a failure.
 */
public final class BackgroundTask<T> {

    /** The work itself; it reports through and checks the given progress. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    private final BackgroundExecutor executor;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onError;
    private Runnable onCancelled = () -> { };
    private Runnable andFinally = () -> { };
    private ActivityMonitor monitor;
    private String title = "";
    private LatestTask latest;

    BackgroundTask(BackgroundExecutor executor, Work<T> work) {
        this.executor = Objects.requireNonNull(executor);
        this.work = Objects.requireNonNull(work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onError(Consumer<Throwable> action) {
        this.onError = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> andFinally(Runnable action) {
        this.andFinally = Objects.requireNonNull(action);
        return this;
    }

    /** Shows the work's progress (and a Cancel button) in the given monitor while it runs longer than a moment. */
    public BackgroundTask<T> showProgressIn(ActivityMonitor activityMonitor, String activityTitle) {
        this.monitor = Objects.requireNonNull(activityMonitor);
        this.title = Objects.requireNonNull(activityTitle);
        return this;
    }

    /** Makes this the latest task of its kind: starting it cancels the one before, whose result nobody wants now. */
    public BackgroundTask<T> asLatestIn(LatestTask kind) {
        this.latest = Objects.requireNonNull(kind);
        return this;
    }

    /** Starts the work; the returned progress lets the caller cancel it. */
    public SampledProgress start() {
        SampledProgress progress = new SampledProgress();
        if (latest != null) {
            latest.replaceWith(progress);
        }
        if (monitor != null) {
            monitor.track(title, progress);
        }
        executor.runInBackground(() -> {
            try {
                T result = work.call(progress);
                finish(progress, () -> {
                    if (progress.isCancelled()) {
                        onCancelled.run();
                    } else {
                        onSuccess.accept(result);
                    }
                });
            } catch (CancelledException cancelled) {
                finish(progress, onCancelled);
            } catch (Exception | Error failure) {
                finish(progress, () -> fail(failure));
            }
        });
        return progress;
    }

    private void fail(Throwable failure) {
        if (onError != null) {
            onError.accept(failure);
        } else {
            executor.reportUnhandled(failure);
        }
    }

    private void finish(SampledProgress progress, Runnable outcome) {
        executor.runOnFxThread(() -> {
            try {
                outcome.run();
            } catch (RuntimeException callbackFailure) {
                executor.reportUnhandled(callbackFailure);
            } finally {
                if (monitor != null) {
                    monitor.finished(progress);
                }
                if (latest != null) {
                    latest.finished(progress);
                }
                andFinally.run();
            }
        });
    }
}
