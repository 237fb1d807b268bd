package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/** The sample copied out of the jar stays until the app ends, whatever pack is opened and closed meanwhile. */
class BundledSampleTest {
    @Test
    void closingThePackReadFromTheCopyLeavesTheCopy() throws Exception {
        Path sample = new BundledSample(Path.of("no-checkout-here")).extractFromClassPath().orElseThrow();
        try (ReviewPack pack = new PackLoader().load(sample, Progress.NONE)) {
            assertTrue(pack.root().startsWith(sample));
        }
        assertTrue(Files.isRegularFile(sample.resolve("manifest.json")), "the app may open the sample again");
    }
}
