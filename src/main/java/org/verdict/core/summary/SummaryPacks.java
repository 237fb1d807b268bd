package org.verdict.core.summary;

import java.util.Optional;
import java.util.function.Supplier;
import org.verdict.core.pack.PackLimits;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.RowsListener;

/** Opening a summary pack through the same loading path as a row-level pack, and telling the two apart after. */
public final class SummaryPacks {
    private SummaryPacks() {
    }

    /** A loader of both kinds of pack: rows, and summary packs checked by {@link SummaryPackReader}. */
    public static PackLoader loader(PackLimits limits) {
        return loader(() -> limits);
    }

    /** A loader of both kinds of pack within the limits in force at each load. */
    public static PackLoader loader(Supplier<PackLimits> limits) {
        return new PackLoader(limits, new SummaryPackReader()::readPrimary, RowsListener.NONE);
    }

    /** A loader of both kinds of pack within the default limits. */
    public static PackLoader loader() {
        return loader(PackLimits.DEFAULTS);
    }

    /** The pack's sufficient statistics when it is a summary pack. */
    public static Optional<PrimarySummary> primaryOf(ReviewPack pack) {
        return pack.summary() instanceof PrimarySummary summary ? Optional.of(summary) : Optional.empty();
    }
}
