package org.verdict.core.task;

/**
 * How long-running core work reports progress and learns that it should stop.
 * The UI samples what is reported; the core never touches UI threads.
 */
public interface Progress {
    /** A progress that reports nowhere and never cancels (CLI, tests). */
    Progress NONE = new Progress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** @param fraction 0..1 of the work done, or a negative value when unknown */
    void update(double fraction, String message);

    boolean isCancelled();

    /** Throws {@link CancelledException} when the user asked to stop; call it in loops. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
