package org.verdict.core.gates.suites;

import java.time.LocalDate;
import org.verdict.core.stats.Interval;

/**
 * The primary metric of a past production model, as measured when it served.
 *
 * @param n  the examples the value was measured on, or null when the history does not say
 * @param ci the value's interval as the pipeline that measured it computed it, or null when the history gives none
 */
public record MetricHistoryPoint(String version, LocalDate date, double value, Long n, Interval ci) {
    /** A point value alone, as a history without {@code n}, {@code lower} and {@code upper} records it. */
    public MetricHistoryPoint(String version, LocalDate date, double value) {
        this(version, date, value, null, null);
    }

    /** Whether the history gives the value's n or interval, not the value alone. */
    public boolean hasUncertainty() {
        return n != null || ci != null;
    }
}
