package org.verdict.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Row labels of a chart of slices shortened so that each row still says which slice it is, in the app's charts and
 * the approval pack's alike. Slices of one column often share most of their words ("Filiale 017 – Einkaufszentrum
 * „Große Straße“ Nord-West … Ebene 3"): cutting every label at the same place left rows that all read "sto… ✓",
 * so the words every slice of the column shares go first, and a label still too long loses its middle, never its
 * beginning and end, nor its n.
 */
public final class RowLabels {
    private static final String ELLIPSIS = "…";

    private RowLabels() {
    }

    /**
     * Each label without the words it shares, word by word, with every other label of its column (the text before
     * "=") of as many words: a run of shared words becomes "…", except a label's first word and a shared word just
     * before a differing one, which names it ("Filiale 017", "Ebene 3"). A label alone in its column, or one that
     * would not get shorter, stays whole: "overall" and "region=Nordrhein-Westfalen" are never shortened. Without
     * {@code keepNamingWords} only the differing words stay ("store=… 017 … 3"), for a chart too narrow for more.
     */
    public static List<String> sharedWordsElided(List<String> labels, boolean keepNamingWords) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<String[]> words = labels.stream().map(label -> label.split(" ", -1)).toList();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            String column = label.contains("=") ? label.substring(0, label.indexOf('=')) : "";
            groups.computeIfAbsent(column + "\u0000" + words.get(i).length, key -> new ArrayList<>()).add(i);
        }
        List<String> elided = new ArrayList<>(labels);
        for (List<Integer> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            int count = words.get(group.get(0)).length;
            boolean[] shared = new boolean[count];
            for (int k = 0; k < count; k++) {
                String first = words.get(group.get(0))[k];
                int word = k;
                shared[k] = group.stream().allMatch(i -> words.get(i)[word].equals(first));
            }
            for (int i : group) {
                String shortened = elided(words.get(i), shared, keepNamingWords);
                if (shortened.length() < labels.get(i).length()) {
                    elided.set(i, shortened);
                }
            }
        }
        return elided;
    }

    private static String elided(String[] words, boolean[] shared, boolean keepNamingWords) {
        List<String> kept = new ArrayList<>();
        boolean inRun = false;
        for (int k = 0; k < words.length; k++) {
            boolean naming = k == 0 || k + 1 < words.length && !shared[k + 1];
            boolean keep = !shared[k] || keepNamingWords && naming;
            if (keep) {
                kept.add(words[k]);
                inRun = false;
            } else if (k == 0 && words[k].contains("=")) {
                // the column's name stays, so the row still says which column it slices
                kept.add(words[k].substring(0, words[k].indexOf('=') + 1) + ELLIPSIS);
                inRun = true;
            } else if (!inRun) {
                kept.add(ELLIPSIS);
                inRun = true;
            }
        }
        if (!keepNamingWords && inRun && kept.size() > 1) {
            // a shared end tells no row apart
            kept.remove(kept.size() - 1);
        }
        return String.join(" ", kept);
    }

    /**
     * {@code name} followed by {@code after} (the row's n and mark, always whole) in at most {@code room} of
     * {@code width}: whole if it fits, else with the middles of its values cut, the longest first, and every column's
     * name whole ("language=Port…uês", never "lan…=Português": the table and the gates spell the column out); only
     * where the names alone are too long, without the middle of the whole name
     * ({@link #cutMiddle(String, String, ToDoubleFunction, double)}).
     */
    public static String cutValues(String name, String after, ToDoubleFunction<String> width, double room) {
        if (width.applyAsDouble(name + after) <= room || !name.contains("=")) {
            return cutMiddle(name, after, width, room);
        }
        String[] parts = name.split(" × ", -1);
        String[] columns = new String[parts.length];
        String[] values = new String[parts.length];
        int[] kept = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            columns[i] = equals < 0 ? "" : parts[i].substring(0, equals + 1);
            values[i] = parts[i].substring(equals + 1);
            kept[i] = values[i].codePointCount(0, values[i].length());
        }
        while (true) {
            int longest = 0;
            for (int i = 1; i < kept.length; i++) {
                longest = kept[i] > kept[longest] ? i : longest;
            }
            if (kept[longest] == 0) {
                return cutMiddle(name, after, width, room);
            }
            kept[longest]--;
            StringBuilder cut = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                cut.append(i == 0 ? "" : " × ").append(columns[i]).append(middleKept(values[i], kept[i]));
            }
            if (width.applyAsDouble(cut + after) <= room) {
                return cut + after;
            }
        }
    }

    /** {@code text} with only {@code kept} of its characters, from its beginning and end, "…" between. */
    private static String middleKept(String text, int kept) {
        if (kept >= text.codePointCount(0, text.length())) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, (kept + 1) / 2)) + ELLIPSIS
                + text.substring(text.offsetByCodePoints(text.length(), -(kept / 2)));
    }


    /**
     * {@code name} followed by {@code after} (the row's n and mark, always whole) in at most {@code room} of
     * {@code width} (pixels of a font's metrics; the app measures in JavaFX's fonts): whole if it fits, else without
     * the middle of the name, its beginning and end kept. The name is cut between characters, never inside one: half
     * of an emoji's surrogate pair drew as a box.
     */
    public static String cutMiddle(String name, String after, ToDoubleFunction<String> width, double room) {
        if (width.applyAsDouble(name + after) <= room) {
            return name + after;
        }
        int characters = name.codePointCount(0, name.length());
        for (int kept = characters - 1; kept > 0; kept--) {
            String cut = middleKept(name, kept);
            if (width.applyAsDouble(cut + after) <= room) {
                return cut + after;
            }
        }
        return ELLIPSIS + after;
    }
}
