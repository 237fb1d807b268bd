package org.verdict.ui.shell;

import java.nio.file.Path;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/** Reads a review pack from a folder or .zip; in the app this is {@code new PackLoader()::load}. */
@FunctionalInterface
public interface PackSource {
    ReviewPack open(Path folderOrZip, Progress progress) throws PackException;
}
