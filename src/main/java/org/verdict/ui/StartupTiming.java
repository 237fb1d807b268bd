package org.verdict.ui;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The time from JVM start to the app's first laid-out frame, split at the moments the app started and showed its
 * window, logged once. With {@value #BENCHMARK_PROPERTY} set it is printed instead and the app exits: the cold-start
 * benchmark (docs/benchmarks-ui.md) times that line with its own clock.
 */
final class StartupTiming {
    static final String BENCHMARK_PROPERTY = "verdict.startupBenchmark";
    private static final Logger LOG = Logger.getLogger(StartupTiming.class.getName());

    private final long startCalledAt = System.currentTimeMillis();
    private long showCalledAt;

    /** Marks the moment the window is about to be shown, the end of building it. */
    void showCalled() {
        showCalledAt = System.currentTimeMillis();
    }

    /**
     * Logs the time to the first laid-out frame, then runs {@code next} (unless benchmarking). The JVM's own start
     * time is used, not {@code ProcessHandle}'s: on Linux that is computed from the boot time in whole seconds and
     * came out up to a second early.
     */
    void afterFirstFrame(Stage stage, Runnable next) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(once[0]);
            long shownAt = System.currentTimeMillis();
            // CPU time used so far says how much work starting is, whatever else the machine is doing.
            long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            boolean benchmark = Boolean.getBoolean(BENCHMARK_PROPERTY);
            if (benchmark) {
                System.out.println("first-frame");
            }
            // Reading the JVM start time loads the management classes: done after this frame is drawn.
            Platform.runLater(() -> {
                long jvmStartedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
                long millis = shownAt - jvmStartedAt;
                String steps = "JavaFX started " + (startCalledAt - jvmStartedAt) + " ms, window built "
                        + (showCalledAt - startCalledAt) + " ms, first CSS and layout "
                        + (shownAt - showCalledAt) + " ms";
                LOG.info(() -> "First frame " + millis + " ms after JVM start (" + cpuMillis + " ms CPU): " + steps);
                if (benchmark) {
                    System.out.println("first-frame-ms " + millis + " cpu-ms " + cpuMillis + " steps " + steps);
                    Platform.exit();
                } else {
                    next.run();
                }
            });
        };
        stage.getScene().addPostLayoutPulseListener(once[0]);
    }
}
