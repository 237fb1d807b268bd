package org.verdict.core.gates.stats;

import java.util.Arrays;
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

    /** A kappa with its asymptotic (large-sample) standard error; NaN where it has none. */
    public record Estimate(double kappa, double standardError) {
    }

    /**
     * Cohen's kappa of two raters with the standard error of Fleiss, Cohen &amp; Everitt (1969), the large-sample
     * variance away from κ = 0 that SAS's PROC FREQ ("ASE") and statsmodels' {@code cohens_kappa} report:
     * Var = [Σ p_ii (1 − (p_i· + p_·i)(1 − κ))² + (1 − κ)² Σ_{i≠j} p_ij (p_·i + p_j·)² − (κ − p_e (1 − κ))²]
     * / (n (1 − p_e)²), p_i· the first rater's shares and p_·j the second's. The error is NaN when p_e = 1 (both
     * raters use one and the same category): kappa then says nothing about agreement beyond chance.
     */
    public static Estimate cohenKappaWithError(List<String> first, List<String> second) {
        return cohenKappaWithError(first, second, null);
    }

    /**
     * Cohen's kappa with its standard error as above, where the i-th pair of ratings stands for {@code items[i]}
     * items (paired cells); null for one item each. The same estimate and error as over the items one by one.
     */
    public static Estimate cohenKappaWithError(List<String> first, List<String> second, long[] items) {
        if (first.size() != second.size() || first.isEmpty() || items != null && items.length != first.size()) {
            throw new IllegalArgumentException("Cohen's kappa needs two equally long, non-empty lists of ratings");
        }
        Map<String, Integer> index = new HashMap<>();
        first.forEach(c -> index.putIfAbsent(c, index.size()));
        second.forEach(c -> index.putIfAbsent(c, index.size()));
        int k = index.size();
        double n = items == null ? first.size() : Arrays.stream(items).sum();
        if (!(n > 0)) {
            throw new IllegalArgumentException("Cohen's kappa needs at least one rated item");
        }
        double[][] shares = new double[k][k];
        for (int i = 0; i < first.size(); i++) {
            shares[index.get(first.get(i))][index.get(second.get(i))] += (items == null ? 1 : items[i]) / n;
        }
        double[] row = new double[k];
        double[] column = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                row[i] += shares[i][j];
                column[j] += shares[i][j];
            }
        }
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            observed += shares[i][i];
            expected += row[i] * column[i];
        }
        if (expected >= 1 - 1e-12) {
            return new Estimate(1, Double.NaN);
        }
        double kappa = (observed - expected) / (1 - expected);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                sum += i == j ? shares[i][i] * Math.pow(1 - (row[i] + column[i]) * (1 - kappa), 2)
                        : Math.pow(1 - kappa, 2) * shares[i][j] * Math.pow(column[i] + row[j], 2);
            }
        }
        double variance = (sum - Math.pow(kappa - expected * (1 - kappa), 2)) / (n * Math.pow(1 - expected, 2));
        return new Estimate(kappa, Math.sqrt(Math.max(0, variance)));
    }

    /**
     * Fleiss' kappa with the standard error of its linearisation (Gwet, Handbook of Inter-Rater Reliability, 4th ed.
     * 2014, §5.3; Gwet 2008), valid away from κ = 0 as Fleiss, Nee &amp; Landis's (1979) variance is not: each item's
     * κ*_i = κ_i − 2 (1 − κ) (π_e|i − p_e) / (1 − p_e), κ_i = (p_a|i − p_e) / (1 − p_e), π_e|i = Σ_k π_k r_ik / r,
     * and Var = Σ (κ*_i − κ)² / (n (n − 1)). NaN with a single item, or when p_e = 1.
     *
     * @param ratingsPerItem the categories the raters chose, one collection per item, the same number for each
     */
    public static Estimate fleissKappaWithError(List<? extends Collection<String>> ratingsPerItem) {
        double kappa = fleissKappa(ratingsPerItem);
        int items = ratingsPerItem.size();
        double raters = ratingsPerItem.get(0).size();
        List<Map<String, Integer>> counts = ratingsPerItem.stream().map(ratings -> {
            Map<String, Integer> c = new HashMap<>();
            ratings.forEach(category -> c.merge(category, 1, Integer::sum));
            return c;
        }).toList();
        Map<String, Double> share = new HashMap<>();
        counts.forEach(c -> c.forEach((category, count) -> share.merge(category, count / (items * raters),
                Double::sum)));
        double expected = share.values().stream().mapToDouble(s -> s * s).sum();
        if (items < 2 || expected >= 1 - 1e-12) {
            return new Estimate(kappa, Double.NaN);
        }
        double squares = 0;
        for (Map<String, Integer> c : counts) {
            double agreement = 0;
            double chance = 0;
            for (var entry : c.entrySet()) {
                agreement += entry.getValue() * (entry.getValue() - 1) / (raters * (raters - 1));
                chance += share.get(entry.getKey()) * entry.getValue() / raters;
            }
            double linearised = (agreement - expected) / (1 - expected)
                    - 2 * (1 - kappa) * (chance - expected) / (1 - expected);
            squares += Math.pow(linearised - kappa, 2);
        }
        return new Estimate(kappa, Math.sqrt(squares / (items * (items - 1.0))));
    }
}
