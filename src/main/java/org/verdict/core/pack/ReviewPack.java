package org.verdict.core.pack;

import java.nio.file.Path;
import java.util.Map;

/**
 * A loaded review pack: the manifest, the primary evaluation table and the SHA-256 of every file,
 * which binds later decisions to exactly this evidence.
 *
 * @param source the folder or .zip the user opened
 * @param root the folder the files were read from (a private temporary copy for a .zip)
 * @param fileHashes SHA-256 (lower-case hex) of every file of the pack, keyed by path relative to the root
 *                   with '/' separators, sorted
 */
public record ReviewPack(Path source, Path root, PackManifest manifest, EvaluationTable primary,
                         Map<String, String> fileHashes) {

    /** SHA-256 over the sorted "hash  path" lines of every file: one short id for the whole pack. */
    public String packHash() {
        return Hashes.sha256Hex(String.join("\n",
                fileHashes.entrySet().stream().map(e -> e.getValue() + "  " + e.getKey()).toList()));
    }
}
