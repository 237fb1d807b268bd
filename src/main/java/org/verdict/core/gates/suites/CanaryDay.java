package org.verdict.core.gates.suites;

import java.time.LocalDate;

/** One day of a canary / A-B run for one model version. */
public record CanaryDay(LocalDate date, String version, long requests, long successes) {
}
