package org.verdict.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A burst of requests runs once, the last of them. The burst is made within one FX event, so no pause can end in the
 * middle of it whatever the machine's speed; only the wait for the pause's end is timed, with room to spare.
 */
@ExtendWith(ApplicationExtension.class)
class QuietPeriodTest {
    @Test
    void aBurstOfRequestsRunsOnlyTheLastOnceTheyPause() throws Exception {
        QuietPeriod quiet = QuietPeriod.of(Duration.millis(50));
        List<String> ran = new CopyOnWriteArrayList<>();
        String word = "enterprise";

        Platform.runLater(() -> {
            for (int typed = 1; typed <= word.length(); typed++) {
                String filter = word.substring(0, typed);
                quiet.request(() -> ran.add(filter));
            }
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !ran.isEmpty());
        // a second pause's worth and more: a stray run of an earlier request would show by now
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("enterprise"), ran);
    }
}
