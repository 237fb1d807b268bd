package org.verdict.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.verdict.core.pack.ReviewPack;

/**
 * What a decision was made from: the SHA-256 of every file of the review pack and of the policy.
 *
 * @param files lower-case hex SHA-256 by path inside the pack ('/' separators), as {@code sha256sum} prints
 * @param policy the policy the gates ran under; absent when they ran on the documented defaults
 * @param summary how a summary pack's statistics were made; absent for a row-level pack
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String pack, Map<String, String> files, PolicyEvidence policy, SummaryEvidence summary) {

    public Evidence(String pack, Map<String, String> files, PolicyEvidence policy) {
        this(pack, files, policy, null);
    }

    public Evidence {
        files = files == null ? null : new TreeMap<>(files);
    }

    /**
     * The evidence of a loaded pack: every file's hash, the pack hash, the policy the manifest names, and for a
     * summary pack how its statistics were made.
     */
    public static Evidence of(ReviewPack pack) {
        String policyFile = pack.manifest().raw() == null ? null : pack.manifest().raw().path("policy").asText(null);
        String policyHash = policyFile == null ? null : pack.fileHashes().get(policyFile);
        SummaryEvidence summary = pack.isSummary() && pack.manifest().raw() != null
                ? SummaryEvidence.of(pack.manifest().raw().path("summary")) : null;
        return new Evidence(pack.packHash(), pack.fileHashes(),
                policyHash == null ? null : new PolicyEvidence(policyFile, policyHash), summary);
    }

    /**
     * How this evidence (as a record states it) differs from {@code actual} (as computed from the pack), one line per
     * difference in the pack's words; empty when they agree. A part the record leaves out is not compared.
     */
    public List<String> differencesFrom(Evidence actual) {
        List<String> differences = new ArrayList<>();
        if (files != null) {
            Set<String> paths = new TreeSet<>(files.keySet());
            paths.addAll(actual.files() == null ? Set.of() : actual.files().keySet());
            for (String path : paths) {
                String stated = files.get(path);
                String computed = actual.files() == null ? null : actual.files().get(path);
                if (computed == null) {
                    differences.add(path + " is in the record but not in the pack");
                } else if (stated == null) {
                    differences.add(path + " is in the pack but not in the record");
                } else if (!stated.equals(computed)) {
                    differences.add(path + ": the record says " + stated + ", the pack's file has " + computed);
                }
            }
        }
        if (pack != null && !pack.equals(actual.pack())) {
            differences.add("pack hash: the record says " + pack + ", the pack's is " + actual.pack());
        }
        if (summary != null && !summary.equals(actual.summary())) {
            differences.add("summary: the record says " + summary.describe() + "; the pack's is "
                    + (actual.summary() == null ? "a row-level pack" : actual.summary().describe()));
        }
        if (policy != null && !policy.equals(actual.policy())) {
            differences.add("policy: the record says " + policy.file() + " " + policy.sha256() + ", the pack's is "
                    + (actual.policy() == null ? "none" : actual.policy().file() + " " + actual.policy().sha256()));
        }
        return differences;
    }

    /** @param file path of the policy file (inside the pack, or as given on the command line) */
    public record PolicyEvidence(String file, String sha256) {
    }
}
