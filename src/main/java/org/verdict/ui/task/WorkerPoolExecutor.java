package org.verdict.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** The application's executor: a small pool of daemon worker threads, and {@link Platform#runLater} back. */
public final class WorkerPoolExecutor implements BackgroundExecutor, AutoCloseable {
    private final ExecutorService workers;
    private final Consumer<Throwable> unhandledFailures;

    public WorkerPoolExecutor(int threads, Consumer<Throwable> unhandledFailures) {
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "verdict-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.unhandledFailures = unhandledFailures;
    }

    @Override
    public void runInBackground(Runnable work) {
        workers.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                reportUnhandled(e);
            }
        });
    }

    @Override
    public void runOnFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void reportUnhandled(Throwable failure) {
        runOnFxThread(() -> unhandledFailures.accept(failure));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
