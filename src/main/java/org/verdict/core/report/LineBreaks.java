package org.verdict.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the approval pack's text may break a line, in the PDF and the HTML alike: at a space, but never inside an
 * interval ("[0.950, 0.965]", "[−$1,054, −$133]", "[−0.022, +0.030†]"), whose bounds on two lines read as two
 * numbers.
 */
final class LineBreaks {
    /** Longest bound (with its sign, unit and mark) still taken for a bound: a bracket of prose is not an interval. */
    private static final int LONGEST_BOUND = 20;

    private LineBreaks() {
    }

    /**
     * The text split at its spaces into the words a line may break between, an interval (a bracket opened by one
     * word ending in a comma and closed in the next) kept as one word with its space.
     */
    static List<String> words(String text) {
        String[] split = text.split(" ");
        List<String> words = new ArrayList<>(split.length);
        for (int i = 0; i < split.length; i++) {
            if (i + 1 < split.length && opensInterval(split[i]) && closesInterval(split[i + 1])) {
                words.add(split[i] + " " + split[i + 1]);
                i++;
            } else {
                words.add(split[i]);
            }
        }
        return words;
    }

    /** Whether {@code word} is a whole interval that {@link #words} joined (it holds a space). */
    static boolean isInterval(String word) {
        return word.indexOf(' ') >= 0;
    }

    private static boolean opensInterval(String word) {
        int open = word.lastIndexOf('[');
        return open >= 0 && word.indexOf(']', open) < 0 && word.endsWith(",")
                && word.length() - open <= LONGEST_BOUND + 2;
    }

    private static boolean closesInterval(String word) {
        int close = word.indexOf(']');
        return close > 0 && close <= LONGEST_BOUND && word.lastIndexOf('[', close) < 0;
    }
}
