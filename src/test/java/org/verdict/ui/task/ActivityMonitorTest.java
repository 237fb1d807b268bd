package org.verdict.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivityMonitorTest {
    private long now = 1_000;
    private final ActivityMonitor monitor = new ActivityMonitor(() -> now);

    @Test
    void progressAppearsOnlyForWorkLongerThan200Milliseconds() {
        SampledProgress progress = new SampledProgress();
        monitor.track("Opening pack", progress);
        assertTrue(monitor.busyProperty().get());

        now += 150;
        monitor.sample();
        assertFalse(monitor.visibleProperty().get(), "quick work must not flash a progress bar");

        now += 60;
        progress.update(0.25, "reading primary.csv");
        monitor.sample();
        assertTrue(monitor.visibleProperty().get());
        assertEquals(0.25, monitor.fractionProperty().get());
        assertEquals("Opening pack — reading primary.csv", monitor.messageProperty().get());
    }

    @Test
    void workThatHasNotMeasuredItsFirstStepShowsAMovingBarAndItsTitleOnce() {
        SampledProgress progress = new SampledProgress();
        monitor.track("Opening pack-10000000", progress);
        progress.update(0, "Opening pack-10000000");
        now += 500;
        monitor.sample();

        assertTrue(monitor.visibleProperty().get());
        assertEquals(-1, monitor.fractionProperty().get(), "a bar without a fraction, not an empty one");
        assertEquals("Opening pack-10000000", monitor.messageProperty().get());

        progress.update(0.1, "Reading primary.csv");
        monitor.sample();
        assertEquals(0.1, monitor.fractionProperty().get());
        assertEquals("Opening pack-10000000 — Reading primary.csv", monitor.messageProperty().get());
    }

    @Test
    void theWorkerOnlyWritesFieldsTheUiSamplesLater() {
        SampledProgress progress = new SampledProgress();
        monitor.track("Comparing", progress);
        progress.update(0.9, "slices");

        assertEquals(-1, monitor.fractionProperty().get(), "nothing reaches the properties until the UI samples");
        monitor.sample();
        assertEquals(0.9, monitor.fractionProperty().get());
    }

    @Test
    void cancelStopsTheNewestActivityAndFinishingHidesTheBar() {
        SampledProgress older = new SampledProgress();
        SampledProgress newer = new SampledProgress();
        monitor.track("Opening", older);
        monitor.track("Comparing", newer);

        monitor.cancel();
        assertTrue(newer.isCancelled());
        assertFalse(older.isCancelled());

        monitor.finished(newer);
        monitor.finished(older);
        assertFalse(monitor.busyProperty().get());
        assertFalse(monitor.visibleProperty().get());
    }
}
