package org.verdict.ui.task;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * Development check that the FX thread never blocks for long: a watchdog thread posts a heartbeat onto the FX
 * thread and, when it has not run after {@code thresholdMillis}, logs the FX thread's stack at that moment, so
 * the log shows what was blocking. Enabled with {@code -Dverdict.stallDetector=true}
 * ({@code ./mvnw javafx:run -Dverdict.stallDetector=true} passes it through the plugin's JVM options).
 */
public final class StallDetector {
    private static final String ENABLE_PROPERTY = "verdict.stallDetector";
    /** Blocks longer than this are logged (default 100 ms); lower it to measure work that is already under target. */
    private static final String THRESHOLD_PROPERTY = "verdict.stallDetector.thresholdMillis";
    private static final Logger LOG = Logger.getLogger(StallDetector.class.getName());

    private final long thresholdMillis;
    private final AtomicLong heartbeatPostedAt = new AtomicLong();
    private volatile Thread fxThread;

    public StallDetector(long thresholdMillis) {
        this.thresholdMillis = thresholdMillis;
    }

    public static boolean enabled() {
        return Boolean.getBoolean(ENABLE_PROPERTY);
    }

    /**
     * A detector with the threshold from {@link #THRESHOLD_PROPERTY}, or 100 ms: a longer pause of the FX thread is
     * one a person notices as the app not answering.
     */
    public static StallDetector fromSystemProperties() {
        return new StallDetector(Long.getLong(THRESHOLD_PROPERTY, 100));
    }

    /** Call on the FX thread; starts the watchdog as a daemon thread. */
    public void start() {
        fxThread = Thread.currentThread();
        Thread watchdog = new Thread(this::watch, "verdict-stall-detector");
        watchdog.setDaemon(true);
        watchdog.start();
        LOG.info(() -> "FX thread stall detector on: logging blocks longer than " + thresholdMillis + " ms");
    }

    private void watch() {
        try {
            while (true) {
                long posted = System.nanoTime();
                heartbeatPostedAt.set(posted);
                Platform.runLater(() -> heartbeatPostedAt.compareAndSet(posted, 0));
                TimeUnit.MILLISECONDS.sleep(thresholdMillis);
                if (heartbeatPostedAt.get() == posted) {
                    reportStall(posted);
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private void reportStall(long posted) throws InterruptedException {
        StackTraceElement[] stack = fxThread.getStackTrace();
        while (heartbeatPostedAt.get() == posted) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        long blockedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - posted);
        StringBuilder trace = new StringBuilder();
        for (StackTraceElement frame : stack) {
            trace.append("\n\tat ").append(frame);
        }
        LOG.log(Level.WARNING, "FX thread blocked for about {0} ms; it was at:{1}",
                new Object[] {blockedMillis, trace});
    }
}
