package org.verdict.core.pack;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link PackFiles#hashAllFiles()} on another thread. Hashing is independent of parsing, so it runs on the second
 * core while the caller reads the pack's tables. A reader that shows no hashes (compare) has every file walked and
 * refused all the same, in {@link #await}: after its tables, so a table's problem is still the one reported first.
 */
public final class PackHashing {
    private final PackFiles files;
    /** Null when the files are only walked, not hashed. */
    private final CompletableFuture<Map<String, String>> hashes;

    private PackHashing(PackFiles files, boolean hashed) {
        this.files = files;
        hashes = !hashed ? null : CompletableFuture.supplyAsync(() -> {
            try {
                return files.hashAllFiles();
            } catch (PackException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** Starts hashing every file of {@code files}, or (not {@code hashed}) prepares to walk them in {@link #await}. */
    public static PackHashing start(PackFiles files, boolean hashed) {
        return new PackHashing(files, hashed);
    }

    /**
     * The file hashes, once done, or no hashes when the files are only walked; a file the hashing or the walk refuses
     * is refused here.
     */
    public Map<String, String> await() throws PackException {
        if (hashes == null) {
            files.checkAllFiles();
            return Map.of();
        }
        try {
            return hashes.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof PackException packProblem) {
                throw packProblem;
            }
            throw e;
        }
    }

    /**
     * Waits for the hashing to end, whatever its outcome, when reading failed: the unpacked copy of a .zip is
     * deleted next, and the hashing must be done with it first.
     */
    public void settle() {
        if (hashes != null) {
            hashes.exceptionally(failure -> null).join();
        }
    }
}
