package org.verdict.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

class SyntheticBinaryPackTest {

    @Test
    void scoresAreWrittenAsFormatWouldWriteThem() {
        for (int tenThousandths = 0; tenThousandths <= 10_000; tenThousandths++) {
            double score = tenThousandths / 10_000.0;
            assertEquals(String.format(Locale.ROOT, "%.4f", score), SyntheticBinaryPack.format(score));
        }
    }

    @Test
    void theWrittenPackLoadsWithEveryRowAndScore(@TempDir Path folder) throws Exception {
        SyntheticBinaryPack.main(new String[] {"--rows", "2000", "--seed", "3", folder.toString()});

        SyntheticBinaryPack generated = SyntheticBinaryPack.generate(2000, 3);
        try (ReviewPack pack = new PackLoader().load(folder, Progress.NONE)) {
            EvaluationTable loaded = pack.primary();
            assertEquals(2000, loaded.rowCount());
            assertArrayEquals(generated.table.labelCodes(), loaded.labelCodes());
            for (String version : new String[] {"1", "2"}) {
                assertArrayEquals(generated.table.predictionsOf(version).scores(),
                        loaded.predictionsOf(version).scores());
                assertArrayEquals(generated.table.predictionsOf(version).classCodes(),
                        loaded.predictionsOf(version).classCodes());
            }
        }
    }
}
