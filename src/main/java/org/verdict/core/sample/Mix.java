package org.verdict.core.sample;

import java.util.ArrayList;
import java.util.List;

/** A categorical distribution over named levels, e.g. the language mix of the tickets. */
record Mix(List<String> levels, double[] weights) {

    Mix {
        levels = List.copyOf(levels);
        weights = weights.clone();
        if (levels.size() != weights.length || levels.isEmpty()) {
            throw new IllegalArgumentException("a mix needs one weight per level");
        }
    }

    /** {@code Mix.of("en", 0.4, "de", 0.6)}: level and weight pairs; weights need not add up to 1. */
    static Mix of(Object... levelWeightPairs) {
        List<String> levels = new ArrayList<>();
        double[] weights = new double[levelWeightPairs.length / 2];
        for (int i = 0; i < weights.length; i++) {
            levels.add((String) levelWeightPairs[2 * i]);
            weights[i] = ((Number) levelWeightPairs[2 * i + 1]).doubleValue();
        }
        return new Mix(levels, weights);
    }

    String draw(Draws draws) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double point = draws.uniform() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            point -= weights[i];
            if (point < 0) {
                return levels.get(i);
            }
        }
        return levels.get(weights.length - 1);
    }
}
