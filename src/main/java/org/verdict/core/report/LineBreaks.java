package org.verdict.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where an evidence text may break a line, in the approval pack's PDF and HTML and in the app's cells alike: at a
 * space, but never inside an interval ("[0.950, 0.965]", "[−$1,054, −$133]", "[−0.022, +0.030†]"), whose bounds on
 * two lines read as two numbers; and in a cell of several values each with its interval ("0.412 [0.398, 0.426] /
 * 0.383 [0.369, 0.397]", a fairness group's rate of both models) only after a "/": the candidate's rate had ended
 * production's line with its interval under it, to be read as one number.
 */
public final class LineBreaks {
    /** A space a wrapped line never breaks at. */
    public static final char NO_BREAK_SPACE = '\u00A0';

    /** Longest bound (with its sign, unit and mark) still taken for a bound: a bracket of prose is not an interval. */
    private static final int LONGEST_BOUND = 20;

    /** How much a text keeps whole, from the most to nothing: a table too wide for it on the page keeps less. */
    enum Keep {
        /** Each value with its interval (and the "/" after it), and every interval. */
        VALUES_WITH_INTERVALS(LineBreaks::words),
        /** Every interval, a value going to the line before it. */
        INTERVALS(LineBreaks::intervalWords),
        /** Nothing: the text breaks at any space. */
        NOTHING(text -> List.of(text.split(" ")));

        private final Function<String, List<String>> split;

        Keep(Function<String, List<String>> split) {
            this.split = split;
        }

        List<String> words(String text) {
            return split.apply(text);
        }
    }

    /**
     * A text of values, each maybe with its interval, between " / ": a cell such as a group's rates, not prose that
     * happens to hold a "/" and an interval ("… tested alone [−0.013, +0.038]; … min / max …").
     */
    private static final Pattern SEVERAL_VALUES = Pattern.compile(
            "[^ \\[\\]]+( \\[[^\\[\\]]*\\])?( / [^ \\[\\]]+( \\[[^\\[\\]]*\\])?)+");

    private LineBreaks() {
    }

    /**
     * {@code text} with no-break spaces where a line must not break (by {@link #words}), for a toolkit that breaks
     * at every other space: "0.412 [0.398, 0.426] /" stays on one line.
     */
    public static String keepIntervalsWhole(String text) {
        return String.join(" ", words(text).stream().map(word -> word.replace(' ', NO_BREAK_SPACE)).toList());
    }

    /**
     * The text split at its spaces into the words a line may break between: an interval kept as one word with its
     * space, and in a text of several values each with its interval, each value with its interval and the "/" after
     * it ("0.412 [0.398, 0.426] /", "0.383 [0.369, 0.397]"; "– /" for a value a model has not).
     */
    static List<String> words(String text) {
        if (text.indexOf('[') < 0 || !SEVERAL_VALUES.matcher(text).matches()) {
            return intervalWords(text);
        }
        String[] values = text.split(" / ");
        List<String> words = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            words.add(i + 1 < values.length ? values[i] + " /" : values[i]);
        }
        return words;
    }

    /**
     * The text split at its spaces, an interval (a bracket opened by one word ending in a comma and closed in the
     * next) kept as one word with its space.
     */
    static List<String> intervalWords(String text) {
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

    /** Whether {@code word} is one {@link #words} kept whole (it holds a space). */
    static boolean keptWhole(String word) {
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
