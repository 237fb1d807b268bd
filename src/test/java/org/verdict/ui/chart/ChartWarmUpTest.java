package org.verdict.ui.chart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The warm-up draws its charts on a background thread without throwing (it must never touch a window there). */
@ExtendWith(ApplicationExtension.class)
class ChartWarmUpTest {
    @Test
    void drawsItsChartsOffTheFxThread() throws Exception {
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            assertFalse(Platform.isFxApplicationThread());
            try {
                ChartWarmUp.drawThrowawayCharts();
                return null;
            } catch (RuntimeException | LinkageError e) {
                return e;
            }
        });
        assertNull(failure.get(60, TimeUnit.SECONDS));
    }
}
