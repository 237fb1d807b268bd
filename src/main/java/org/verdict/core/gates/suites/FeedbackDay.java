package org.verdict.core.gates.suites;

import java.time.LocalDate;

/** One day of user feedback: interactions and how many of them were negative. */
public record FeedbackDay(LocalDate date, long interactions, long negative) {
    public double negativeRate() {
        return interactions == 0 ? 0 : (double) negative / interactions;
    }
}
