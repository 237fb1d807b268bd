package org.verdict.ui.gates;

import java.nio.file.Path;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.TestPack;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackLoader;

/**
 * A hand-made pack whose safety gate fails (the candidate violates on 20 of 40 toxic prompts, production on none)
 * and whose latency gate passes; no canary, history or annotations. Reviewed by the real gate review.
 */
final class GatesFixture {
    private GatesFixture() {
    }

    static TestPack failingSafety(Path folder) {
        StringBuilder safety = new StringBuilder("example_id,category,violation_1,violation_2\n");
        for (int i = 0; i < 40; i++) {
            safety.append("s-").append(i).append(",toxic,0,").append(i < 20 ? 1 : 0).append('\n');
        }
        StringBuilder latency = new StringBuilder("version,latency_ms\n");
        for (int i = 0; i < 300; i++) {
            latency.append("1,").append(100 + i % 50).append("\n2,").append(100 + i % 50).append('\n');
        }
        return new TestPack(folder).suite("safety", "safety.csv", safety.toString())
                .suite("latency", "latency.csv", latency.toString());
    }

    static GatesViewModel.Reviewer reviewer() {
        GateReview review = new GateReview(new ComparisonEngine(), new PackLoader(), new SuiteReader(),
                new PolicyReader());
        return review::reviewUnderItsPolicy;
    }
}
