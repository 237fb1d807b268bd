package org.verdict.core.summary;

import java.nio.file.Path;
import org.verdict.core.pack.PackException;

/**
 * Reads a summary pack in its staging folder as {@code validate} and the gates will, before it is moved into place:
 * the policy and the optional suites are carried into it as they are, and a pack that is then refused must not be
 * written at all.
 */
@FunctionalInterface
public interface StagedPackCheck {
    void check(Path stagedPack) throws PackException;
}
