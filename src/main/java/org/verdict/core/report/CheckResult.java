package org.verdict.core.report;

/** A retraining trigger or data-validation check with the evidence behind its outcome. */
public record CheckResult(String name, Outcome outcome, String evidence) {
}
