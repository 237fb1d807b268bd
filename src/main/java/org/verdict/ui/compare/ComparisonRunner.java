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
     * {@code inner} with the primary metric's band of "no significant difference" taken from the pack's gate policy
     * (its primary margin), so the Compare and Gates views read the overall interval alike.
     */
    static ComparisonRunner withPolicyBand(ComparisonRunner inner) {
        return (pack, candidate, options, progress) -> inner.compare(pack, candidate,
                options.withPrimaryBand(PolicySource.primaryBand(pack.root(), pack.manifest(), new PolicyReader())),
                progress);
    }
}
