package org.verdict.core.gates;

import java.util.Optional;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.policy.PolicySource;
import org.verdict.core.gates.suites.PackSuites;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.SuiteSpec;
import org.verdict.core.task.Progress;

/**
 * Reads everything of a loaded pack that {@link GateReview} reads, without judging anything: the policy, every
 * optional suite and the holdout set. A pack that passes this check cannot be refused later by {@code gate}
 * for a malformed file.
 *
 * @param policySource which policy the gates would run under
 * @param suites the optional suites the pack has
 * @param holdout the holdout evaluation table, when the pack has one
 */
public record PackEvidenceCheck(PolicySource policySource, GatePolicy policy, PackSuites suites,
                                Optional<EvaluationTable> holdout) {

    public static PackEvidenceCheck of(ReviewPack pack, PackLoader loader, SuiteReader suiteReader,
                                       PolicyReader policyReader) throws PackException {
        PolicySource source = PolicySource.of(pack);
        GatePolicy policy = source.read(policyReader);
        PackManifest manifest = pack.manifest();
        PackSuites suites = suiteReader.read(pack.root(), manifest, Progress.NONE);
        Optional<SuiteSpec> holdoutSuite = manifest.suite("holdout");
        Optional<EvaluationTable> holdout = holdoutSuite.isEmpty() ? Optional.empty()
                : Optional.of(loader.loadEvaluationTable(pack.root(), manifest, holdoutSuite.get(), Progress.NONE));
        return new PackEvidenceCheck(source, policy, suites, holdout);
    }
}
