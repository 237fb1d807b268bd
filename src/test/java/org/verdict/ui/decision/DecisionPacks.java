package org.verdict.ui.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verdict.core.pack.ModelInfo;
import org.verdict.core.pack.ModelRole;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.SuiteSpec;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.pack.Task;

/** A review pack as the loader would hand it over: tier 3, production 42, candidates 43 and 44. */
final class DecisionPacks {
    private DecisionPacks() {
    }

    static ReviewPack tierThreePack() {
        ObjectMapper json = new ObjectMapper();
        PackManifest manifest = new PackManifest(PackManifest.FORMAT_V1,
                new ModelInfo("support-router", Task.MULTICLASS, 3, null, TargetUnit.NONE),
                List.of(version("42", ModelRole.PRODUCTION, "tickets-2026-09"),
                        version("43", ModelRole.CANDIDATE, "tickets-2026-10"),
                        version("44", ModelRole.CANDIDATE, "tickets-2026-11")),
                "macro_f1", Map.of("primary", new SuiteSpec("primary", "primary.csv", List.of(), List.of())),
                json.createObjectNode().put("policy", "policy.json"));
        Map<String, String> hashes = new TreeMap<>(Map.of("manifest.json", "1".repeat(64), "primary.csv", "2".repeat(64),
                "policy.json", "3".repeat(64)));
        return new ReviewPack(Path.of("pack"), Path.of("pack"), manifest, null, hashes);
    }

    private static ModelVersion version(String version, ModelRole role, String snapshot) {
        return new ModelVersion(version, role, snapshot, "git:abc", Instant.parse("2026-10-02T10:00:00Z"), Map.of(), 0.5);
    }
}
