package org.verdict.core.gates.triggers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One trigger's state with the evidence behind it (a sentence for people, the numbers by name for scripts). */
public record TriggerResult(Trigger trigger, TriggerState state, String detail, Map<String, Double> numbers) {
    public TriggerResult {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }
}
