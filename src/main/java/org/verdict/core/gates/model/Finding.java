package org.verdict.core.gates.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One judged part of a gate (a safety category, a language, a disparity of one attribute, ...) with the numbers
 * behind its outcome.
 *
 * @param subject what was judged, e.g. {@code category=self_harm} or {@code p95}
 * @param detail one sentence with the numbers, for people
 * @param numbers the same numbers by name, for scripts and reports (e.g. {@code delta}, {@code ciLower}, {@code margin})
 */
public record Finding(String subject, GateOutcome outcome, String detail, Map<String, Double> numbers) {
    public Finding {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    public static Finding of(String subject, GateOutcome outcome, String detail) {
        return new Finding(subject, outcome, detail, Map.of());
    }
}
