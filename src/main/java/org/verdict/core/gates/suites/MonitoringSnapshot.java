package org.verdict.core.gates.suites;

import org.verdict.core.pack.InvalidValueException;

/**
 * {@code monitoring.json}: what production monitoring measured since the production model went live.
 * Each part is optional (null when absent); a part that is given must be complete.
 */
public record MonitoringSnapshot(PrimaryMetric primaryMetric, Long newLabelledExamples, SafetyViolations safetyViolations) {

    public MonitoringSnapshot {
        if (newLabelledExamples != null && newLabelledExamples < 0) {
            throw new InvalidValueException("newLabelledExamples must not be negative", "newLabelledExamples");
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
            requireRate(baselineRate, "baselineRate");
            requireRate(currentRate, "currentRate");
        }
    }

    private static void requireRate(double rate, String key) {
        if (rate < 0 || rate > 1) {
            throw new InvalidValueException("safetyViolations." + key + " must be between 0 and 1, got " + rate,
                    "safetyViolations", key);
        }
    }

    /** A missing field has no location of its own: the refusal points at the part's opening brace. */
    private static void requireAll(String part, Object... values) {
        for (Object value : values) {
            if (value == null) {
                throw new InvalidValueException(part + " needs every field (see docs/pack-format.md)", part);
            }
        }
    }
}
