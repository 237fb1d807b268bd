package org.verdict.core.task;

/** Thrown from core work when its {@link Progress} was cancelled; nothing partial is kept. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
