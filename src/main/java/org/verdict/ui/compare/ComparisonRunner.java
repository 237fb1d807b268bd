package org.verdict.ui.compare;

import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/** Compares a candidate with production; in the app this is {@code new ComparisonEngine()::compare}. */
@FunctionalInterface
public interface ComparisonRunner {
    ComparisonReport compare(ReviewPack pack, String candidateVersion, ComparisonOptions options, Progress progress)
            throws Exception;
}
