package org.verdict.core.pack;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link PackFiles#hashAllFiles()} on another thread. Hashing is independent of parsing, so it runs on the second
 * core while the caller reads the pack's tables.
 */
public final class PackHashing {
    private final CompletableFuture<Map<String, String>> hashes;

    private PackHashing(PackFiles files) {
        hashes = CompletableFuture.supplyAsync(() -> {
            try {
                return files.hashAllFiles();
            } catch (PackException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** Starts hashing every file of {@code files}. */
    public static PackHashing start(PackFiles files) {
        return new PackHashing(files);
    }

    /** The file hashes, once done; a file hashing refused is refused here. */
    public Map<String, String> await() throws PackException {
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
        hashes.exceptionally(failure -> null).join();
    }
}
