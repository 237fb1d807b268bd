package org.verdict.core.gates.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedNumbersTest {
    @Test
    void numbersKeepTheOrderTheyAreNamedIn() {
        long count = 120;
        int minimum = 100;
        Map<String, Double> numbers = NamedNumbers.of("n", count).and("minimum", minimum).and("rate", 0.25).inOrder();
        assertEquals(List.of("n", "minimum", "rate"), List.copyOf(numbers.keySet()));
        assertEquals(List.of(120.0, 100.0, 0.25), List.copyOf(numbers.values()));
        assertThrows(UnsupportedOperationException.class, () -> numbers.put("more", 1.0));
    }

    @Test
    void aNameGivenTwiceIsRefusedRatherThanOverwritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NamedNumbers.of("n", 1).and("n", 2));
        assertEquals("the number 'n' is named twice", e.getMessage());
    }
}
