package org.verdict.core.gates.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.gates.stats.Agreement;
import org.verdict.core.gates.suites.HumanBaselineSuite;

/**
 * Human reviewers against the models on the same examples: accuracy of each (with Wilson intervals), Cohen's kappa
 * between each model and the human, and the examples where the human and the candidate disagree. From a summary
 * pack's paired cells every count, and so every accuracy, interval and kappa, is the rows' own.
 *
 * @param fromCells whether the suite was paired cells (then each disagreement is a cell of several examples, the
 *                  most frequent first, without example ids)
 */
public record HumanBaselineEvidence(RateEstimate humanAccuracy, Map<String, RateEstimate> modelAccuracy,
                                    Map<String, Double> kappaWithHuman, List<Disagreement> disagreements,
                                    boolean fromCells) {
    public HumanBaselineEvidence {
        modelAccuracy = Map.copyOf(modelAccuracy);
        kappaWithHuman = Map.copyOf(kappaWithHuman);
        disagreements = List.copyOf(disagreements);
    }

    /**
     * Where the human and the candidate chose different labels, with every model's choice.
     *
     * @param exampleId the example; null for a cell
     * @param examples how many examples: 1, or the cell's count
     */
    public record Disagreement(String exampleId, String label, String human, Map<String, String> predictions,
                               long examples) {
    }

    /** The examples where the human and the candidate disagree. */
    public long disagreeingExamples() {
        return disagreements.stream().mapToLong(Disagreement::examples).sum();
    }

    public static HumanBaselineEvidence of(HumanBaselineSuite suite, String candidate, double confidenceLevel) {
        long n = suite.examples();
        RateEstimate human = RateEstimate.of(matches(suite, suite.human()), n, confidenceLevel);
        Map<String, RateEstimate> accuracy = new LinkedHashMap<>();
        Map<String, Double> kappa = new LinkedHashMap<>();
        suite.predictions().forEach((version, predicted) -> {
            accuracy.put(version, RateEstimate.of(matches(suite, predicted), n, confidenceLevel));
            kappa.put(version, n == 0 ? Double.NaN : Agreement.cohenKappa(predicted, suite.human(), suite.counts()));
        });
        List<Disagreement> disagreements = new ArrayList<>();
        List<String> candidatePredictions = suite.predictions().get(candidate);
        for (int i = 0; i < suite.rows(); i++) {
            if (!candidatePredictions.get(i).equals(suite.human().get(i)) && suite.count(i) > 0) {
                Map<String, String> predictions = new LinkedHashMap<>();
                int row = i;
                suite.predictions().forEach((version, predicted) -> predictions.put(version, predicted.get(row)));
                disagreements.add(new Disagreement(suite.isCells() ? null : suite.exampleIds().get(i),
                        suite.labels().get(i), suite.human().get(i), predictions, suite.count(i)));
            }
        }
        if (suite.isCells()) {
            // stable: cells of equal size keep the file's order
            disagreements.sort(Comparator.comparingLong(Disagreement::examples).reversed());
        }
        return new HumanBaselineEvidence(human, accuracy, kappa, disagreements, suite.isCells());
    }

    private static long matches(HumanBaselineSuite suite, List<String> predicted) {
        long matches = 0;
        for (int i = 0; i < suite.rows(); i++) {
            if (predicted.get(i).equals(suite.labels().get(i))) {
                matches += suite.count(i);
            }
        }
        return matches;
    }
}
