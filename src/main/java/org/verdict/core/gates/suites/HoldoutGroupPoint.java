package org.verdict.core.gates.suites;

import java.time.LocalDate;

/**
 * One measurement of the persistent holdout group (never exposed to model updates) or of the treated population.
 *
 * @param group {@code holdout} or {@code treated}
 * @param spread what the file says of the value beyond it and its n: what an interval can rest on
 */
public record HoldoutGroupPoint(LocalDate date, String group, double value, long n, Spread spread) {
    public static final String HOLDOUT = "holdout";
    public static final String TREATED = "treated";

    /** What a holdout-group file's columns say of each value; one kind for a whole file. */
    public sealed interface Spread {
        /** A {@code value} column alone: a business metric of a kind the file does not say (a rate, a mean, a total). */
        Spread UNKNOWN = new Unknown();
    }

    /** See {@link Spread#UNKNOWN}. */
    public record Unknown() implements Spread {
    }

    /** A {@code successes} column: the value is their share of n. */
    public record Successes(long count) implements Spread {
    }

    /** An {@code sd} column: the value is the mean of n values with this standard deviation. */
    public record StandardDeviation(double sd) implements Spread {
    }
}
