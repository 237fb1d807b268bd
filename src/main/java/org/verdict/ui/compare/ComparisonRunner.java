package org.verdict.ui.compare;

import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.policy.PolicySource;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/** Compares a candidate with production over every slice of a pack, with progress and Cancel. */
@FunctionalInterface
public interface ComparisonRunner {
    ComparisonReport compare(ReviewPack pack, String candidateVersion, ComparisonOptions options, Progress progress)
            throws Exception;

    /**
     * {@code inner} under the pack's gate policy: its primary margin as the primary metric's band of "no significant
     * difference", its confidence level and its seed, so the Compare and Gates views show the same numbers.
     */
    static ComparisonRunner underPolicy(ComparisonRunner inner) {
        return (pack, candidate, options, progress) -> inner.compare(pack, candidate,
                PolicySource.comparisonTerms(pack.root(), pack.manifest(), new PolicyReader()).applyTo(options),
                progress);
    }
}
