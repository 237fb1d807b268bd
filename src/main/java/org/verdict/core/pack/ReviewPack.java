package org.verdict.core.pack;

import java.nio.file.Path;
import java.util.Map;

/**
 * A loaded review pack: the manifest, the primary evaluation table (or, for a summary pack, its sufficient
 * statistics) and the SHA-256 of every file, which binds later decisions to exactly this evidence.
 *
 * @param source the folder or .zip the user opened
 * @param primary the primary suite's rows; null for a summary pack
 * @param root the folder the files were read from (a private temporary copy for a .zip)
 * @param fileHashes SHA-256 (lower-case hex) of every file of the pack, keyed by path relative to the root
 *                   with '/' separators, sorted
 * @param summary a summary pack's primary suite; null for a row-level pack
 */
public record ReviewPack(Path source, Path root, PackManifest manifest, EvaluationTable primary,
                         Map<String, String> fileHashes, SufficientStatistics summary) implements AutoCloseable {

    /** A row-level pack. */
    public ReviewPack(Path source, Path root, PackManifest manifest, EvaluationTable primary,
                      Map<String, String> fileHashes) {
        this(source, root, manifest, primary, fileHashes, null);
    }

    /** Whether the primary suite holds per-slice sufficient statistics instead of rows. */
    public boolean isSummary() {
        return summary != null;
    }

    /**
     * SHA-256 over the sorted "hash  path" lines of every file, joined by line feeds: one short id for the whole
     * pack. The listing is unambiguous, so no two different packs share it: every hash is 64 hex digits followed by
     * two spaces, and a file name holding a control character (a line feed above all) is refused when the pack is
     * read, so each line is exactly one file.
     */
    public String packHash() {
        return packHashOf(fileHashes);
    }

    /**
     * {@link #packHash()} of the files {@code fileHashes} lists (SHA-256 keyed by path), for a document that keeps
     * the hashes but not the pack, as the approval pack does.
     */
    public static String packHashOf(Map<String, String> fileHashes) {
        return Hashes.sha256Hex(String.join("\n", new java.util.TreeMap<>(fileHashes).entrySet().stream()
                .map(e -> e.getValue() + "  " + e.getKey()).toList()));
    }

    /**
     * Deletes the private unpacked copy of a .zip pack (a pack folder is left as it is). The pack's files cannot be
     * read after this; the manifest, the primary table and the hashes in memory stay usable.
     */
    @Override
    public void close() {
        UnpackedPacks.release(root);
    }
}
