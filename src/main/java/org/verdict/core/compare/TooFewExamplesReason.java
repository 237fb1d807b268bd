package org.verdict.core.compare;

/**
 * Why a slice under the minimum size has neither model's interval nor a test of Δ ({@link TooFewExamples}), as every
 * surface words it: "18 rows, under the minimum of 30, are too few for the bootstrap's studentized or percentile
 * interval of either model or a test of Δ". A result carries these parts ({@link SliceResult#tooFewExamplesReason()})
 * beside the text {@link #text()} makes of them ({@link SliceResult#unstableReason()}), so that a table of many such
 * slices keeps in each row what differs ("18 rows", "under 30") and says the rest once.
 *
 * @param counted what the slice has, as its metric counts it: "18 rows", "4 rows (2 positives)", "5 of 30 rows (25
 *                with label 0 left out)"
 * @param minimum the comparison's minimum slice size
 * @param single  whether the metric rests on one row ("… is too few")
 * @param method  the per-model interval withheld: "the bootstrap's BCa interval"
 */
public record TooFewExamplesReason(String counted, int minimum, boolean single, String method) {
    private static final String UNDER = ", under the minimum of ";
    private static final String WHAT_IS_MISSING = " of either model or a test of Δ";

    /** The whole reason, as a result carries it ({@link SliceResult#unstableReason()}). */
    public String text() {
        return counted + UNDER + minimum + ", " + (single ? "is " : "are ") + shortfall();
    }

    /** What the slice's rows are too few for, the same in every slice of a table: "too few for … or a test of Δ". */
    public String shortfall() {
        return "too few for " + method + WHAT_IS_MISSING;
    }
}
