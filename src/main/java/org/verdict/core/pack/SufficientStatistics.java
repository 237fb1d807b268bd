package org.verdict.core.pack;

import java.util.List;
import org.verdict.core.task.Progress;

/**
 * The primary suite of a summary pack: per-slice sufficient statistics (paired cells, hashed-block sums, score
 * histograms) instead of rows. The pack layer only carries it; {@code core.summary} reads and uses it.
 */
public interface SufficientStatistics {

    /** The number of source rows the statistics summarise. */
    long rowCount();

    /** The slice and sensitive columns, each once, in manifest order (slices first), as a row-level table's. */
    List<String> sliceColumns();

    /** Binary tasks: whether the statistics come from scores (so score metrics such as log_loss are available). */
    boolean hasScores();

    /** Reads the statistics of a summary pack whose manifest has been read; the whole suite is checked first. */
    @FunctionalInterface
    interface Reader {
        SufficientStatistics read(PackFiles files, PackManifest manifest, Progress progress) throws PackException;
    }
}
