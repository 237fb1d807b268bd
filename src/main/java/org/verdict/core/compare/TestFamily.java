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
    SLICES("slices"),
    /** The classes of the overall slice, each class's Δ recall adjusted together (multiclass, per class). */
    CLASSES("classes"),
    /** Every class of every slice and cross but the overall one, adjusted together (multiclass, per class). */
    SLICE_CLASSES("slice-classes");

    private final String wireName;

    TestFamily(String wireName) {
        this.wireName = wireName;
    }

    /** What one member of the family is, for "over 5 classes": slice, class, or class of a slice. */
    public String member(int size) {
        return switch (this) {
            case OVERALL, SLICES -> size == 1 ? "slice" : "slices";
            case CLASSES -> size == 1 ? "class" : "classes";
            case SLICE_CLASSES -> size == 1 ? "class of a slice" : "classes of the slices";
        };
    }

    /** The name in JSON. */
    public String wireName() {
        return wireName;
    }
}
