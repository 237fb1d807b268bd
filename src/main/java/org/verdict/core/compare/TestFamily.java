package org.verdict.core.compare;

/**
 * Which multiple-comparison family a slice's test belongs to. The overall slice answers the board's first question
 * and is tested alone at α (it drives the primary gate); every other slice and cross of a metric is adjusted
 * together.
 */
public enum TestFamily {
    /** All rows, tested on its own: its interval is the unadjusted one. */
    OVERALL("overall"),
    /** Every level of every slice column and every cross, adjusted together per metric. */
    SLICES("slices");

    private final String wireName;

    TestFamily(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON. */
    public String wireName() {
        return wireName;
    }
}
