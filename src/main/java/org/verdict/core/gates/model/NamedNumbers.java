package org.verdict.core.gates.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finding's or trigger's numbers by name in the order they are written, as the JSON and the reports print them:
 * {@code NamedNumbers.of("n", count).and("minimum", minimum).inOrder()}. {@code Map.of} would do for the lookup but
 * not for the order, which changes from one JVM to the next: the same review must print the same JSON every time.
 */
public final class NamedNumbers {
    private final Map<String, Double> numbers = new LinkedHashMap<>();

    private NamedNumbers() {
    }

    /** The first number, named {@code name}. */
    public static NamedNumbers of(String name, double value) {
        return new NamedNumbers().and(name, value);
    }

    /** Adds the next number; a name given twice would silently drop the first value, so it is refused. */
    public NamedNumbers and(String name, double value) {
        if (numbers.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException("the number '" + name + "' is named twice");
        }
        return this;
    }

    /** The numbers in the order they were given, unmodifiable. */
    public Map<String, Double> inOrder() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }
}
