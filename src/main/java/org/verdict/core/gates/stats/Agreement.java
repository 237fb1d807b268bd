package org.verdict.core.gates.stats;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Chance-corrected agreement between raters (annotators, a model and a human). */
public final class Agreement {
    private Agreement() {
    }

    /**
     * Cohen's kappa of two raters over the same items: (p_o − p_e) / (1 − p_e), p_e from each rater's own
     * marginals. 1 when both raters always use one and the same category (p_e = 1 and full agreement).
     */
    public static double cohenKappa(List<String> first, List<String> second) {
        return cohenKappa(first, second, null);
    }

    /**
     * Cohen's kappa as above, where the i-th pair of ratings stands for {@code items[i]} items (paired cells); null
     * for one item each. The same kappa as over the items one by one.
     */
    public static double cohenKappa(List<String> first, List<String> second, long[] items) {
        if (first.size() != second.size() || items != null && items.length != first.size()) {
            throw new IllegalArgumentException("Cohen's kappa needs two equally long lists of ratings");
        }
        Map<String, Long> firstCounts = new HashMap<>();
        Map<String, Long> secondCounts = new HashMap<>();
        long n = 0;
        long agree = 0;
        for (int i = 0; i < first.size(); i++) {
            long weight = items == null ? 1 : items[i];
            n += weight;
            firstCounts.merge(first.get(i), weight, Long::sum);
            secondCounts.merge(second.get(i), weight, Long::sum);
            if (first.get(i).equals(second.get(i))) {
                agree += weight;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("Cohen's kappa needs at least one rated item");
        }
        double observed = (double) agree / n;
        double expected = 0;
        for (var entry : firstCounts.entrySet()) {
            expected += (double) entry.getValue() / n * secondCounts.getOrDefault(entry.getKey(), 0L) / n;
        }
        return expected == 1 ? 1 : (observed - expected) / (1 - expected);
    }

    /**
     * Fleiss' kappa (1971) for items each rated by the same number of raters (at least 2).
     *
     * @param ratingsPerItem the categories the raters chose, one collection per item
     */
    public static double fleissKappa(List<? extends Collection<String>> ratingsPerItem) {
        if (ratingsPerItem.isEmpty()) {
            throw new IllegalArgumentException("Fleiss' kappa needs at least one item");
        }
        int raters = ratingsPerItem.get(0).size();
        if (raters < 2) {
            throw new IllegalArgumentException("Fleiss' kappa needs at least two ratings per item");
        }
        int items = ratingsPerItem.size();
        Map<String, Integer> totals = new HashMap<>();
        double meanAgreement = 0;
        for (Collection<String> ratings : ratingsPerItem) {
            if (ratings.size() != raters) {
                throw new IllegalArgumentException("Fleiss' kappa needs the same number of ratings for every item");
            }
            Map<String, Integer> counts = new HashMap<>();
            ratings.forEach(category -> counts.merge(category, 1, Integer::sum));
            double pairs = 0;
            for (int count : counts.values()) {
                pairs += (double) count * (count - 1);
            }
            meanAgreement += pairs / (raters * (raters - 1.0));
            counts.forEach((category, count) -> totals.merge(category, count, Integer::sum));
        }
        meanAgreement /= items;
        double expected = 0;
        for (int total : totals.values()) {
            double share = (double) total / (items * raters);
            expected += share * share;
        }
        return expected == 1 ? 1 : (meanAgreement - expected) / (1 - expected);
    }
}
