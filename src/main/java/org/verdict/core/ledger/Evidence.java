package org.verdict.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;
import org.verdict.core.pack.ReviewPack;

/**
 * What a decision was made from: the SHA-256 of every file of the review pack and of the policy.
 *
 * @param files lower-case hex SHA-256 by path inside the pack ('/' separators), as {@code sha256sum} prints
 * @param policy the policy the gates ran under; absent when they ran on the documented defaults
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String pack, Map<String, String> files, PolicyEvidence policy) {

    public Evidence {
        files = files == null ? null : new TreeMap<>(files);
    }

    /** The evidence of a loaded pack: every file's hash, the pack hash, and the policy the manifest names. */
    public static Evidence of(ReviewPack pack) {
        String policyFile = pack.manifest().raw() == null ? null : pack.manifest().raw().path("policy").asText(null);
        String policyHash = policyFile == null ? null : pack.fileHashes().get(policyFile);
        return new Evidence(pack.packHash(), pack.fileHashes(),
                policyHash == null ? null : new PolicyEvidence(policyFile, policyHash));
    }

    /** @param file path of the policy file (inside the pack, or as given on the command line) */
    public record PolicyEvidence(String file, String sha256) {
    }
}
