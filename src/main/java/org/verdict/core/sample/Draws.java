package org.verdict.core.sample;

import java.util.List;
import java.util.Random;

/**
 * The random draws a sample pack is made of, from one seed. {@link Random} is used on purpose: its
 * algorithm (including {@code nextGaussian}) is fixed by the Java specification, so a seed gives the same
 * pack on every JDK and platform.
 */
final class Draws {
    private final Random random;

    Draws(long seed) {
        this.random = new Random(seed);
    }

    double uniform() {
        return random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double normal(double mean, double standardDeviation) {
        return mean + standardDeviation * random.nextGaussian();
    }

    /** Log-normal with the given median; sigma is the standard deviation of the logarithm. */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /** Knuth's multiplication method: exact, and fast enough for the small means used here. */
    int poisson(double mean) {
        double limit = Math.exp(-mean);
        int count = 0;
        for (double product = random.nextDouble(); product > limit; product *= random.nextDouble()) {
            count++;
        }
        return count;
    }

    /** Successes out of {@code trials}, by the normal approximation; the sample suites only use large trial counts. */
    int binomial(int trials, double probability) {
        double spread = Math.sqrt(trials * probability * (1 - probability));
        long drawn = Math.round(normal(trials * probability, spread));
        return (int) Math.max(0, Math.min(trials, drawn));
    }

    /** A whole count around {@code expected} with relative noise, never negative. */
    int count(double expected, double relativeNoise) {
        return (int) Math.max(0, Math.round(expected * (1 + normal(0, relativeNoise))));
    }

    /** Distinct positions out of {@code 0..size-1}, in increasing order. */
    List<Integer> positions(int size, int wanted) {
        return random.ints(0, size).distinct().limit(wanted).sorted().boxed().toList();
    }
}
