package org.verdict.core.gates.suites;

import java.time.LocalDate;

/** The primary metric of a past production model, as measured when it served. */
public record MetricHistoryPoint(String version, LocalDate date, double value) {
}
