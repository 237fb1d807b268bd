package org.verdict.core.gates.triggers;

import java.time.LocalDate;

/**
 * One day's negative-feedback rate against the rolling mean + 2 standard deviations of the days before it.
 *
 * @param threshold mean + 2 sd of the window, or NaN when the window has too few days
 */
public record FeedbackCheck(LocalDate date, double rate, double rollingMean, double rollingSd, double threshold) {
    public boolean exceeded() {
        return !Double.isNaN(threshold) && rate > threshold;
    }
}
