package org.verdict.ui.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Which columns with a wider, one-line form of their text (a slice's name, a verdict) take it, given the table's room
 * to spare: the ones that together use the most of that room without going past it, so that a column keeps no room
 * it cannot use while another's text breaks onto a second line. Where two choices use the same room, the columns
 * given first win. Holds no node, so plain JUnit tests it.
 */
final class WiderForms {
    /** Past this many columns the choices are not all tried (a table has two or three such columns). */
    private static final int MOST_COLUMNS = 16;

    private WiderForms() {
    }

    /**
     * @param spare  the table's room beyond every shown column's narrower width, in pixels
     * @param extras what each column's wider form adds to its width, in order of priority
     * @return the indexes into {@code extras} of the columns that take their wider form, in order
     */
    static List<Integer> chosen(double spare, List<Double> extras) {
        int columns = Math.min(extras.size(), MOST_COLUMNS);
        int best = 0;
        double bestUsed = 0;
        // subsets in an order where, of two that use the same room, the one with the earlier columns comes first
        for (int subset = 1; subset < 1 << columns; subset++) {
            double used = 0;
            for (int i = 0; i < columns; i++) {
                if ((subset & 1 << i) != 0) {
                    used += extras.get(i);
                }
            }
            if (used <= spare && (used > bestUsed || used == bestUsed && earlierColumns(subset, best, columns))) {
                best = subset;
                bestUsed = used;
            }
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            if ((best & 1 << i) != 0) {
                chosen.add(i);
            }
        }
        return chosen;
    }

    /** Whether {@code subset} holds the first column in which the two differ (it ranks its columns higher). */
    private static boolean earlierColumns(int subset, int other, int columns) {
        for (int i = 0; i < columns; i++) {
            boolean in = (subset & 1 << i) != 0;
            if (in != ((other & 1 << i) != 0)) {
                return in;
            }
        }
        return false;
    }
}
