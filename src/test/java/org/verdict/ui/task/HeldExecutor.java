package org.verdict.ui.task;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds background work until the test runs it, so a test can act while the work is under way (edit the form,
 * press Cancel); FX-thread callbacks run at once. Unhandled failures are kept for assertions.
 */
public final class HeldExecutor implements BackgroundExecutor {
    private final List<Runnable> held = new ArrayList<>();
    private final List<Throwable> unhandled = new ArrayList<>();

    @Override
    public void runInBackground(Runnable work) {
        held.add(work);
    }

    @Override
    public void runOnFxThread(Runnable action) {
        action.run();
    }

    @Override
    public void reportUnhandled(Throwable failure) {
        unhandled.add(failure);
    }

    /** Runs the work held so far, in the order it was started. */
    public void runHeldWork() {
        List<Runnable> work = List.copyOf(held);
        held.clear();
        work.forEach(Runnable::run);
    }

    /** Runs only the oldest work held, as when an earlier task ends before a later one. */
    public void runOldestHeldWork() {
        held.remove(0).run();
    }

    public List<Throwable> unhandledFailures() {
        return List.copyOf(unhandled);
    }
}
