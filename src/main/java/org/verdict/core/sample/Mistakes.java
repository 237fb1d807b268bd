package org.verdict.core.sample;

/** How a rater (a model, a human agent, an annotator) gets an example wrong: which label it gives instead. */
@FunctionalInterface
interface Mistakes {
    String mistake(String truth, Draws draws);

    /** A rater right with the given probability, otherwise wrong in this rater's typical way. */
    default String rate(String truth, double accuracy, Draws draws) {
        return draws.chance(accuracy) ? truth : mistake(truth, draws);
    }
}
