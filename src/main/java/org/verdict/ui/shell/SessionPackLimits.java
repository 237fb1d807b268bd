package org.verdict.ui.shell;

import java.util.concurrent.atomic.AtomicReference;
import org.verdict.core.pack.PackLimits;

/**
 * The limits the app reads every pack within: the command line's ({@code verdict PACK --max-slice-values N}), raised
 * for the rest of the session when a person opens a pack with a higher limit. Read by loads on worker threads.
 */
public final class SessionPackLimits {
    private final AtomicReference<PackLimits> limits;

    public SessionPackLimits(PackLimits atStart) {
        this.limits = new AtomicReference<>(atStart);
    }

    public PackLimits current() {
        return limits.get();
    }

    /** Raises each limit to {@code higher}'s where that is higher; never lowers one. */
    public void raiseTo(PackLimits higher) {
        limits.updateAndGet(now -> now.raisedTo(higher.maxValuesPerSliceColumn(), higher.maxSliceValues()));
    }
}
