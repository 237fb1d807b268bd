package org.verdict.core.summary;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.PackManifest;

/**
 * A loaded summary pack: a review pack whose primary suite holds per-slice sufficient statistics instead of rows.
 *
 * @param holdout the held-out set's statistics, when the pack summarised it
 * @param fileHashes SHA-256 of every file of the pack, as for a row-level pack
 */
public record SummaryPack(Path source, PackManifest manifest, SummaryProvenance provenance, PrimarySummary primary,
                          Optional<PrimarySummary> holdout, Map<String, String> fileHashes) {

    /** SHA-256 over the sorted "hash  path" lines of every file, as {@code ReviewPack.packHash()}. */
    public String packHash() {
        return Hashes.sha256Hex(String.join("\n",
                fileHashes.entrySet().stream().map(e -> e.getValue() + "  " + e.getKey()).toList()));
    }
}
