package org.verdict.ui.shell;

import java.nio.file.Path;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/** Reads a review pack from a folder or .zip, row-level or summary pack alike, with progress and Cancel. */
@FunctionalInterface
public interface PackSource {
    ReviewPack open(Path folderOrZip, Progress progress) throws PackException;
}
