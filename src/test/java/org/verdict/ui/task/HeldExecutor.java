package org.verdict.ui.task;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds background work until the test runs it, so a test can act while the work is under way (edit the form,
 * press Cancel); FX-thread callbacks run at once. Unhandled failures are kept for assertions.
 */
public final class HeldExecutor extends RecordingExecutor {
    private final List<Runnable> held = new ArrayList<>();

    @Override
    public void runInBackground(Runnable work) {
        held.add(work);
    }

    /** Runs the work held so far, in the order it was started. */
    public void runHeldWork() {
        List<Runnable> work = List.copyOf(held);
        held.clear();
        work.forEach(Runnable::run);
    }

    /** Runs held work, and the work it starts, until none is held: every background step to its end. */
    public void runUntilIdle() {
        while (!held.isEmpty()) {
            runOldestHeldWork();
        }
    }

    /** How many pieces of work wait for the test. */
    public int heldCount() {
        return held.size();
    }

    /** Runs only the oldest work held, as when an earlier task ends before a later one. */
    public void runOldestHeldWork() {
        held.remove(0).run();
    }
}
