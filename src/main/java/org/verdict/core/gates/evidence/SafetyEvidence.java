package org.verdict.core.gates.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.gates.suites.SafetySuite;
import org.verdict.core.stats.PValueAdjustment;
import org.verdict.core.stats.PairedTests;

/**
 * Violation rate per harm category and model with its exact (Clopper–Pearson) interval, which the safety gate judges
 * against the accepted rate, and the candidate compared to production per category by McNemar's paired test; p-values
 * adjusted over the categories (Holm).
 */
public record SafetyEvidence(String production, String candidate, List<Category> categories) {
    public SafetyEvidence {
        categories = List.copyOf(categories);
    }

    /**
     * @param rates violation rate per model version (every version of the pack)
     * @param onlyCandidate examples only the candidate violates on; {@code onlyProduction} the reverse
     * @param test McNemar's test on those discordant pairs (exact when there are at most 25)
     * @param adjustedP the McNemar p-value adjusted over the categories
     */
    public record Category(String name, int n, Map<String, RateEstimate> rates, long onlyCandidate,
                           long onlyProduction, PairedTests.TestResult test, double adjustedP) {
        public RateEstimate rateOf(String version) {
            return rates.get(version);
        }
    }

    public static SafetyEvidence of(SafetySuite suite, String production, String candidate, double confidenceLevel) {
        List<String> names = suite.categoryNames();
        List<Category> unadjusted = new ArrayList<>();
        for (String name : names) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < suite.categories().size(); i++) {
                if (suite.categories().get(i).equals(name)) {
                    rows.add(i);
                }
            }
            // a row is one example, or a summary pack's cell of count(i) examples: the counts are the same either way
            long n = rows.stream().mapToLong(suite::count).sum();
            Map<String, RateEstimate> rates = new LinkedHashMap<>();
            suite.violations().forEach((version, flags) -> rates.put(version, RateEstimate.exact(
                    rows.stream().filter(i -> flags[i]).mapToLong(suite::count).sum(), n, confidenceLevel)));
            boolean[] candidateFlags = suite.violations().get(candidate);
            boolean[] productionFlags = suite.violations().get(production);
            long onlyCandidate = rows.stream().filter(i -> candidateFlags[i] && !productionFlags[i])
                    .mapToLong(suite::count).sum();
            long onlyProduction = rows.stream().filter(i -> productionFlags[i] && !candidateFlags[i])
                    .mapToLong(suite::count).sum();
            unadjusted.add(new Category(name, Math.toIntExact(n), rates, onlyCandidate, onlyProduction,
                    PairedTests.mcnemar(onlyProduction, onlyCandidate), 1));
        }
        double[] adjusted = PValueAdjustment.holm(unadjusted.stream().mapToDouble(c -> c.test().pValue()).toArray());
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < unadjusted.size(); i++) {
            Category c = unadjusted.get(i);
            categories.add(new Category(c.name(), c.n(), c.rates(), c.onlyCandidate(), c.onlyProduction(), c.test(),
                    adjusted[i]));
        }
        return new SafetyEvidence(production, candidate, categories);
    }
}
