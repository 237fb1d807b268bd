package org.verdict.core.gates.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finding's or trigger's numbers by name in the order they are written, as the JSON and the reports print them.
 * {@code Map.of} would do for the lookup but not for the order, which changes from one JVM to the next: the same
 * review must print the same JSON every time.
 */
public final class NamedNumbers {
    private NamedNumbers() {
    }

    /** @param namesAndValues a name, then its number, then the next name, ... */
    public static Map<String, Double> inOrder(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a name without its number: " + namesAndValues.length + " arguments");
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            numbers.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
        }
        return Collections.unmodifiableMap(numbers);
    }
}
