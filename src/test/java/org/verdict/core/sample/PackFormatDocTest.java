package org.verdict.core.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/** The minimal pack printed in docs/pack-format.md is a pack Verdict loads, so the doc cannot drift from the loader. */
class PackFormatDocTest {
    private static final Path DOC = Path.of("docs", "pack-format.md");

    @Test
    void minimalExampleOfTheDocLoads(@TempDir Path pack) throws IOException, PackException {
        String doc = Files.readString(DOC);
        Files.writeString(pack.resolve("manifest.json"), firstBlock(doc, "json"));
        Files.writeString(pack.resolve("primary.csv"), firstBlock(doc, "csv"));

        ReviewPack loaded = new PackLoader().load(pack, Progress.NONE);

        assertEquals(5, loaded.primary().rowCount());
        assertEquals(List.of("abuse", "account", "billing", "sales", "technical"), loaded.primary().classes());
        assertEquals(List.of("segment", "language", "gender"), List.copyOf(loaded.primary().sliceColumns().keySet()));
    }

    private static String firstBlock(String markdown, String language) {
        Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        if (!block.find()) {
            throw new AssertionError("no ```" + language + " block in " + DOC);
        }
        return block.group(1);
    }
}
