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

    /**
     * The work waits for its turn behind other work (another comparison holds the engine) and starts once it has it,
     * which its next {@link #update} says; by default reported as an update like any other. A screen that says what is
     * happening (Compare's empty table) tells waiting apart from working.
     */
    default void waiting(String message) {
        update(0, message);
    }

    /** Throws {@link CancelledException} when the user asked to stop; call it in loops. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
