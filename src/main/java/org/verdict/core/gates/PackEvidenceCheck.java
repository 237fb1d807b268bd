package org.verdict.core.gates;

import java.util.Optional;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.policy.PolicySource;
import org.verdict.core.gates.suites.PackSuites;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.summary.HeldOutSet;
import org.verdict.core.summary.StagedPackCheck;
import org.verdict.core.summary.SummaryPacks;
import org.verdict.core.task.Progress;

/**
 * Reads everything of a loaded pack that {@link GateReview} reads, without judging anything: the policy, every
 * optional suite and the holdout set. A pack that passes this check cannot be refused later by {@code gate}
 * for a malformed file.
 *
 * @param policySource which policy the gates would run under
 * @param suites the optional suites the pack has
 * @param holdout the held-out evaluation set (rows or a summary pack's statistics), when the pack has one
 */
public record PackEvidenceCheck(PolicySource policySource, GatePolicy policy, PackSuites suites,
                                Optional<HeldOutSet> holdout) {

    public static PackEvidenceCheck of(ReviewPack pack, PackLoader loader, SuiteReader suiteReader,
                                       PolicyReader policyReader) throws PackException {
        PolicySource source = PolicySource.of(pack);
        GatePolicy policy = source.readFor(pack, policyReader);
        PackManifest manifest = pack.manifest();
        PackSuites suites = suiteReader.read(pack.root(), manifest, Progress.NONE);
        return new PackEvidenceCheck(source, policy, suites, HeldOutSet.read(pack, loader, Progress.NONE));
    }

    /**
     * The check a summary pack gets in its staging folder before it is moved into place (it carries the row pack's
     * policy and optional suites as they are): it loads, and this check passes, as {@code validate} requires.
     */
    public static StagedPackCheck ofStagedSummaryPack() {
        return staged -> {
            PackLoader loader = SummaryPacks.loader();
            // no file hashes: nobody reads them here, and every file is still walked and refused as in load
            try (ReviewPack pack = loader.loadForComparison(staged, Progress.NONE)) {
                of(pack, loader, new SuiteReader(), new PolicyReader());
            }
        };
    }
}
