package org.verdict.core.pack;

import java.util.Comparator;

/**
 * The order in which slice values (and slice labels) are listed everywhere — the CLI, the app and the approval pack:
 * numbers within a name by their value, the rest as text, so stores read s0, s1, s2, …, s10, not s0, s1, s10, s2.
 * Values that differ only in leading zeros ("s01", "s1") keep the text order between them, so two different values
 * never compare equal (a sorted set keeps both).
 */
public final class SliceValueOrder implements Comparator<String> {
    public static final SliceValueOrder INSTANCE = new SliceValueOrder();

    private SliceValueOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int order = compareNumbers(a.substring(i, endA), b.substring(j, endB));
                if (order != 0) {
                    return order;
                }
                i = endA;
                j = endB;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int order = Integer.compare(a.length() - i, b.length() - j);
        return order != 0 ? order : a.compareTo(b);
    }

    /** Two runs of ASCII digits by value, however long (ids such as 2024110512345678901 overflow a long). */
    private static int compareNumbers(String a, String b) {
        String x = stripLeadingZeros(a);
        String y = stripLeadingZeros(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    private static String stripLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** ASCII digits only: other scripts' digits sort as text. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
