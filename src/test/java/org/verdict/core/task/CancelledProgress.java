package org.verdict.core.task;

/** For tests of cancellation: a progress whose user has already asked to stop. */
public final class CancelledProgress implements Progress {
    @Override
    public void update(double fraction, String message) {
    }

    @Override
    public boolean isCancelled() {
        return true;
    }
}
