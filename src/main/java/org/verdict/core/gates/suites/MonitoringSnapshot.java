package org.verdict.core.gates.suites;

/**
 * {@code monitoring.json}: what production monitoring measured since the production model went live.
 * Each part is optional (null when absent); a part that is given must be complete.
 */
public record MonitoringSnapshot(PrimaryMetric primaryMetric, Long newLabelledExamples, SafetyViolations safetyViolations) {

    public MonitoringSnapshot {
        if (newLabelledExamples != null && newLabelledExamples < 0) {
            throw new IllegalArgumentException("newLabelledExamples must not be negative");
        }
    }

    /** The primary metric at deployment (baseline) and now, with the number of labelled examples behind "now". */
    public record PrimaryMetric(Double baseline, Double current, Long n) {
        public PrimaryMetric {
            requireAll("primaryMetric", baseline, current, n);
        }
    }

    /** Violation rates at deployment and now, each with its sample size. */
    public record SafetyViolations(Double baselineRate, Long baselineN, Double currentRate, Long currentN) {
        public SafetyViolations {
            requireAll("safetyViolations", baselineRate, baselineN, currentRate, currentN);
            if (baselineRate < 0 || baselineRate > 1 || currentRate < 0 || currentRate > 1) {
                throw new IllegalArgumentException("safetyViolations rates must be between 0 and 1");
            }
        }
    }

    private static void requireAll(String part, Object... values) {
        for (Object value : values) {
            if (value == null) {
                throw new IllegalArgumentException(part + " needs every field (see docs/pack-format.md)");
            }
        }
    }
}
