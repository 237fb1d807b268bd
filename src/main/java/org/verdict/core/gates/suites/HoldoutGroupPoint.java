package org.verdict.core.gates.suites;

import java.time.LocalDate;

/**
 * One measurement of the persistent holdout group (never exposed to model updates) or of the treated population.
 *
 * @param group {@code holdout} or {@code treated}
 */
public record HoldoutGroupPoint(LocalDate date, String group, double value, long n) {
    public static final String HOLDOUT = "holdout";
    public static final String TREATED = "treated";
}
