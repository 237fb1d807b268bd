package org.verdict.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;

/** A burst of requests runs once, the last of them, once the requests pause; the time is a clock the test moves. */
class QuietPeriodTest {
    private final TestTimer timer = new TestTimer();
    private final QuietPeriod quiet = QuietPeriod.of(Duration.millis(50), timer);
    private final List<String> ran = new ArrayList<>();

    /** Types {@code word} a letter every {@code gapMillis}, each letter asking for the chart of the filter so far. */
    private void type(String word, double gapMillis) {
        for (int typed = 1; typed <= word.length(); typed++) {
            String filter = word.substring(0, typed);
            quiet.request(() -> ran.add(filter));
            timer.advance(gapMillis);
        }
    }

    @Test
    void aBurstOfRequestsRunsOnlyTheLastOnceTheyPause() {
        type("enterprise", 49);
        assertEquals(List.of(), ran, "no letter came 50 ms after the one before");

        timer.advance(1);
        assertEquals(List.of("enterprise"), ran);
        timer.advance(10_000);
        assertEquals(List.of("enterprise"), ran, "an earlier request never runs after all");
    }

    @Test
    void aPauseWithinTheTypingRunsWhatWasTypedSoFar() {
        type("enter", 20);
        timer.advance(30);
        assertEquals(List.of("enter"), ran);

        type("prise", 20);
        timer.advance(30);
        assertEquals(List.of("enter", "prise"), ran);
    }

    /** A clock that moves only when told, running what falls due on the way in the order it falls due. */
    private static final class TestTimer implements QuietPeriod.Timer {
        private final List<Scheduled> scheduled = new ArrayList<>();
        private double now;

        private record Scheduled(double due, Runnable action) {
        }

        @Override
        public Runnable schedule(Duration delay, Runnable action) {
            Scheduled entry = new Scheduled(now + delay.toMillis(), action);
            scheduled.add(entry);
            return () -> scheduled.remove(entry);
        }

        void advance(double millis) {
            double until = now + millis;
            while (true) {
                Scheduled next = scheduled.stream().filter(s -> s.due() <= until)
                        .min((a, b) -> Double.compare(a.due(), b.due())).orElse(null);
                if (next == null) {
                    break;
                }
                scheduled.remove(next);
                now = next.due();
                next.action().run();
            }
            now = until;
        }
    }
}
