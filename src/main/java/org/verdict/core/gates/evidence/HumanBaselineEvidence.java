package org.verdict.core.gates.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.gates.stats.Agreement;
import org.verdict.core.gates.suites.HumanBaselineSuite;

/**
 * Human reviewers against the models on the same examples: accuracy of each (with Wilson intervals), Cohen's kappa
 * between each model and the human, and the examples where the human and the candidate disagree.
 */
public record HumanBaselineEvidence(RateEstimate humanAccuracy, Map<String, RateEstimate> modelAccuracy,
                                    Map<String, Double> kappaWithHuman, List<Disagreement> disagreements) {
    public HumanBaselineEvidence {
        modelAccuracy = Map.copyOf(modelAccuracy);
        kappaWithHuman = Map.copyOf(kappaWithHuman);
        disagreements = List.copyOf(disagreements);
    }

    /** An example where the human and the candidate chose different labels, with every model's choice. */
    public record Disagreement(String exampleId, String label, String human, Map<String, String> predictions) {
    }

    public static HumanBaselineEvidence of(HumanBaselineSuite suite, String candidate, double confidenceLevel) {
        int n = suite.size();
        RateEstimate human = RateEstimate.of(matches(suite.human(), suite.labels()), n, confidenceLevel);
        Map<String, RateEstimate> accuracy = new LinkedHashMap<>();
        Map<String, Double> kappa = new LinkedHashMap<>();
        suite.predictions().forEach((version, predicted) -> {
            accuracy.put(version, RateEstimate.of(matches(predicted, suite.labels()), n, confidenceLevel));
            kappa.put(version, n == 0 ? Double.NaN : Agreement.cohenKappa(predicted, suite.human()));
        });
        List<Disagreement> disagreements = new ArrayList<>();
        List<String> candidatePredictions = suite.predictions().get(candidate);
        for (int i = 0; i < n; i++) {
            if (!candidatePredictions.get(i).equals(suite.human().get(i))) {
                Map<String, String> predictions = new LinkedHashMap<>();
                int row = i;
                suite.predictions().forEach((version, predicted) -> predictions.put(version, predicted.get(row)));
                disagreements.add(new Disagreement(suite.exampleIds().get(i), suite.labels().get(i),
                        suite.human().get(i), predictions));
            }
        }
        return new HumanBaselineEvidence(human, accuracy, kappa, disagreements);
    }

    private static long matches(List<String> predicted, List<String> labels) {
        long matches = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (predicted.get(i).equals(labels.get(i))) {
                matches++;
            }
        }
        return matches;
    }
}
