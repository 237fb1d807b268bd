package org.verdict.core.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a file or folder truly read-only for the user running the tests: its permissions, or — for root, whom
 * permissions do not stop — the immutable attribute ({@code chattr +i}, which binds root too). Closing puts it back,
 * so the temporary folder can be deleted. Where neither can be done, the test is skipped rather than run on a path
 * that is writable after all.
 */
public final class ReadOnlyPaths implements AutoCloseable {
    private final Path path;
    private final Set<PosixFilePermission> permissions;
    private boolean immutable;

    private ReadOnlyPaths(Path path) throws IOException {
        this.path = path;
        this.permissions = Files.getPosixFilePermissions(path);
    }

    public static ReadOnlyPaths of(Path path) throws Exception {
        ReadOnlyPaths readOnly = new ReadOnlyPaths(path);
        Files.setPosixFilePermissions(path, Files.isDirectory(path)
                ? Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE)
                : Set.of(PosixFilePermission.OWNER_READ));
        if (Files.isWritable(path) && chattr("+i", path)) {
            readOnly.immutable = true;
        }
        if (Files.isWritable(path)) {
            readOnly.close();
            Assumptions.abort(path + " cannot be made read-only for this user (root without chattr)");
        }
        return readOnly;
    }

    private static boolean chattr(String change, Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("chattr", change, path.toString()).redirectErrorStream(true).start()
                    .waitFor() == 0;
        } catch (IOException noChattr) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (immutable) {
            chattr("-i", path);
        }
        Files.setPosixFilePermissions(path, permissions);
    }
}
