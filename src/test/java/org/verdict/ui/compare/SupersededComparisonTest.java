package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.HeldExecutor;
import org.verdict.ui.task.QuietPeriod;

/**
 * A comparison whose result nobody wants any more (another pack opened, another cross chosen) is cancelled: it held
 * the engine, which runs one row-level comparison at a time, to its end while the comparison asked for waited. The
 * slow comparisons here stop early only when cancelled.
 */
class SupersededComparisonTest {
    private static final long PATIENCE_NANOS = 5_000_000_000L;

    @TempDir
    Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private final HeldExecutor held = new HeldExecutor();
    /** How each slow comparison ended: "cancelled" or "ran to its end". */
    private final List<String> ends = new ArrayList<>();

    /** @param slow which comparisons take until they are cancelled (or, without a cancel, {@link #PATIENCE_NANOS}) */
    private CompareViewModel model(BiPredicate<ReviewPack, ComparisonOptions> slow) {
        return new CompareViewModel((pack, candidate, options, progress) -> {
            if (slow.test(pack, options)) {
                long giveUp = System.nanoTime() + PATIENCE_NANOS;
                while (!progress.isCancelled() && System.nanoTime() < giveUp) {
                    LockSupport.parkNanos(5_000_000);
                }
                ends.add(progress.isCancelled() ? "cancelled" : "ran to its end");
                progress.checkCancelled();
            }
            return options.crosses().isEmpty() ? ReportFixture.standard() : ReportFixture.withCross();
        }, new ComparisonEngine()::confusionMatrix, held, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
    }

    private ReviewPack pack(String name) throws Exception {
        return new PackLoader().load(PackFixture.write(folder.resolve(name), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV), Progress.NONE);
    }

    @Test
    void openingAnotherPackCancelsThePreviousPacksComparison() throws Exception {
        ReviewPack first = pack("first");
        CompareViewModel model = model((pack, options) -> pack == first);
        model.showPack(first);
        model.showPack(pack("second"));

        held.runHeldWork();
        held.runHeldWork();
        assertEquals(List.of("cancelled"), ends);
        assertFalse(model.rows().isEmpty(), "the second pack's rows are shown");
        assertEquals("No slices to show.", model.tablePlaceholderProperty().get(), "no longer comparing");
        assertNotEquals(text.getString("compare.cancelled"), model.noticeProperty().get(),
                "no word of the cancelled comparison");
        assertEquals(List.of(), held.unhandledFailures());
    }

    @Test
    void choosingAnotherCrossCancelsTheComparisonOfTheOneBefore() throws Exception {
        CompareViewModel model = model((pack, options) -> options.crosses().isEmpty());
        model.showPack(pack("router"));
        SliceDimension cross = new SliceDimension(List.of("language", "gender"));
        model.dimensionProperty().set(cross);

        held.runHeldWork();
        held.runHeldWork();
        assertEquals(List.of("cancelled"), ends);
        assertEquals(List.of("overall", "language=en × gender=f"),
                model.rows().stream().map(ComparisonRow::slice).toList());
        assertEquals(List.of(), held.unhandledFailures());
    }

    @Test
    void goingBackToAComparedChoiceCancelsTheComparisonUnderWay() throws Exception {
        CompareViewModel model = model((pack, options) -> !options.crosses().isEmpty());
        model.showPack(pack("router"));
        held.runHeldWork();
        held.runHeldWork();
        model.dimensionProperty().set(new SliceDimension(List.of("language", "gender")));
        model.dimensionProperty().set(SliceDimension.ALL); // compared already: shown at once

        held.runHeldWork();
        held.runHeldWork();
        assertEquals(List.of("cancelled"), ends);
        assertFalse(model.rows().isEmpty());
        assertEquals("No slices to show.", model.tablePlaceholderProperty().get(), "no longer comparing");
        assertEquals(List.of(), held.unhandledFailures());
    }
}
