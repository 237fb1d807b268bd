package org.verdict.core.compare;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a slice under the minimum size has neither model's interval nor a test of Δ ({@link TooFewExamples}), as every
 * surface words it: "18 rows, under the minimum of 30, are too few for the bootstrap's studentized or percentile
 * interval of either model or a test of Δ". Its parts let a table of many such slices keep in each row what differs
 * ("18 rows", "under 30") and say the rest once.
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
    private static final Pattern SENTENCE = Pattern.compile("(.+)" + Pattern.quote(UNDER) + "(\\d+), (is|are) too few"
            + " for (.+)" + Pattern.quote(WHAT_IS_MISSING));

    /** The whole reason, as a result carries it ({@link SliceResult#unstableReason()}). */
    public String text() {
        return counted + UNDER + minimum + ", " + (single ? "is " : "are ") + shortfall();
    }

    /** What the slice's rows are too few for, the same in every slice of a table: "too few for … or a test of Δ". */
    public String shortfall() {
        return "too few for " + method + WHAT_IS_MISSING;
    }

    /**
     * The parts of a reason {@link #text()} wrote: a result carries it as text (the JSON's {@code unstable}, the
     * app's tooltips), so a table reads it back here, beside the one place it is written. Null for any other reason.
     */
    static TooFewExamplesReason read(String reason) {
        Matcher sentence = reason == null ? null : SENTENCE.matcher(reason);
        if (sentence == null || !sentence.matches()) {
            return null;
        }
        return new TooFewExamplesReason(sentence.group(1), Integer.parseInt(sentence.group(2)),
                sentence.group(3).equals("is"), sentence.group(4));
    }
}
