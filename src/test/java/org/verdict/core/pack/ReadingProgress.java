package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.Progress;

/** A long read's progress, however the rows are read: rising fractions, and Cancel heard at the next look. */
final class ReadingProgress {
    private ReadingProgress() {
    }

    /** Loads the pack and checks that its "Reading" fractions rise within (0, 1], at least {@code least} of them. */
    static void assertRises(Path pack, int least) throws Exception {
        List<Double> fractions = new ArrayList<>();
        new PackLoader().load(pack, new Progress() {
            @Override
            public void update(double fraction, String message) {
                if (message.startsWith("Reading")) {
                    fractions.add(fraction);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertTrue(fractions.size() >= least, "progress every 65,536 rows: " + fractions);
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) > fractions.get(i - 1) && fractions.get(i) <= 1, fractions.toString());
        }
    }

    /** Loads the pack cancelled after its first "Reading" update: refused as cancelled, with no update after it. */
    static void assertStopsWhenCancelled(Path pack) {
        AtomicInteger updatesBeforeCancel = new AtomicInteger();
        assertThrows(CancelledException.class, () -> new PackLoader().load(pack, new Progress() {
            @Override
            public void update(double fraction, String message) {
                if (message.startsWith("Reading")) {
                    updatesBeforeCancel.incrementAndGet();
                }
            }

            @Override
            public boolean isCancelled() {
                return updatesBeforeCancel.get() > 0;
            }
        }));
        assertEquals(1, updatesBeforeCancel.get(), "the read stops at the first check after Cancel");
    }
}
