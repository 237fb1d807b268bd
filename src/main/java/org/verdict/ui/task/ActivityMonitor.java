package org.verdict.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * View-model of the status bar's progress area. Work that lasts longer than {@link #SHOW_AFTER_MILLIS} shows a
 * progress bar and a Cancel button; quicker work never flickers one into view. The view calls {@link #sample()}
 * every ~50 ms while {@link #busyProperty()} is true; the worker never touches these properties.
 */
public final class ActivityMonitor {
    private static final long SHOW_AFTER_MILLIS = 200;

    private record Activity(String title, SampledProgress progress, long startedAt) {
    }

    private final LongSupplier clock;
    private final Deque<Activity> running = new ArrayDeque<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty visible = new SimpleBooleanProperty(false);
    private final DoubleProperty fraction = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");

    /** @param clock milliseconds, e.g. {@code System::currentTimeMillis} */
    public ActivityMonitor(LongSupplier clock) {
        this.clock = clock;
    }

    void track(String title, SampledProgress progress) {
        running.push(new Activity(title, progress, clock.getAsLong()));
        busy.set(true);
    }

    void finished(SampledProgress progress) {
        running.removeIf(activity -> activity.progress() == progress);
        busy.set(!running.isEmpty());
        sample();
    }

    /** Copies the newest running activity's progress into the properties. */
    public void sample() {
        Activity newest = running.peek();
        if (newest == null) {
            visible.set(false);
            fraction.set(-1);
            message.set("");
            return;
        }
        visible.set(clock.getAsLong() - newest.startedAt() >= SHOW_AFTER_MILLIS);
        // before the first step has a size (a pack's files listed, its manifest read) the bar moves without a
        // fraction rather than sit empty, as if nothing happened
        double done = newest.progress().fraction();
        fraction.set(done > 0 ? done : -1);
        String detail = newest.progress().message();
        // the work's first words often repeat the title ("Opening pack-10000000"): said once
        message.set(detail.isEmpty() || detail.equals(newest.title()) ? newest.title()
                : newest.title() + " — " + detail);
    }

    /** Asks the newest running activity to stop; the work notices at its next check. */
    public void cancel() {
        Activity newest = running.peek();
        if (newest != null) {
            newest.progress().cancel();
        }
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible;
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
