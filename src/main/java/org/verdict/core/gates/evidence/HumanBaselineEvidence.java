package org.verdict.core.gates.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.gates.stats.Agreement;
import org.verdict.core.gates.suites.HumanBaselineSuite;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.PairedProportionDifference;
import org.verdict.core.stats.PairedTests;

/**
 * Human reviewers against the models on the same examples: accuracy of each (with modified Wilson intervals), Cohen's
 * kappa between each model and the human (with the label quality gate's Fisher-z interval), each model's accuracy
 * minus the reviewers' (paired on the examples: Tango's score interval, as compare gives a paired accuracy Δ), and the
 * examples where the human and the candidate disagree. From a summary pack's paired cells every count, and so every
 * accuracy, kappa, difference and interval, is the rows' own.
 *
 * @param fromCells whether the suite was paired cells (then each disagreement is a cell of several examples, the
 *                  most frequent first, without example ids)
 */
public record HumanBaselineEvidence(RateEstimate humanAccuracy, Map<String, RateEstimate> modelAccuracy,
                                    Map<String, KappaWithHuman> kappaWithHuman,
                                    Map<String, DifferenceFromHuman> differenceFromHuman,
                                    List<Disagreement> disagreements, boolean fromCells) {
    public HumanBaselineEvidence {
        modelAccuracy = Map.copyOf(modelAccuracy);
        kappaWithHuman = Map.copyOf(kappaWithHuman);
        differenceFromHuman = Map.copyOf(differenceFromHuman);
        disagreements = List.copyOf(disagreements);
    }

    /**
     * Cohen's kappa of a model with the human reviewers over n examples.
     *
     * @param ci the Fisher-z interval; null when there is none (no examples, both always chose one class, or they
     *           agree on every example)
     */
    public record KappaWithHuman(double kappa, Interval ci, long n) {
    }

    /**
     * A model's accuracy minus the reviewers' on the same n examples.
     *
     * @param ci Tango's paired score interval; null with no examples
     */
    public record DifferenceFromHuman(double estimate, Interval ci, long n) {
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
        Map<String, KappaWithHuman> kappa = new LinkedHashMap<>();
        Map<String, DifferenceFromHuman> difference = new LinkedHashMap<>();
        suite.predictions().forEach((version, predicted) -> {
            accuracy.put(version, RateEstimate.of(matches(suite, predicted), n, confidenceLevel));
            kappa.put(version, kappa(suite, predicted, confidenceLevel));
            difference.put(version, difference(suite, predicted, confidenceLevel));
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
        return new HumanBaselineEvidence(human, accuracy, kappa, difference, disagreements, suite.isCells());
    }

    private static KappaWithHuman kappa(HumanBaselineSuite suite, List<String> predicted, double confidenceLevel) {
        long n = suite.examples();
        if (n == 0) {
            return new KappaWithHuman(Double.NaN, null, 0);
        }
        Agreement.Estimate estimate = Agreement.cohenKappaWithError(predicted, suite.human(), suite.counts());
        // the same interval as the label quality gate's kappa: Fisher's z scale keeps it within [−1, 1] and its
        // lower end honest near κ = 1, where κ ± z·SE is not (docs/statistics.md)
        // a standard error of 0 (perfect agreement) would give a zero-width interval, claiming a certainty n
        // examples cannot give: none is shown instead, as for one-class ratings
        Interval ci = !(estimate.standardError() > 0) ? null : PairedTests.fisherZInterval(estimate.kappa(),
                estimate.standardError() * estimate.standardError(), confidenceLevel);
        return new KappaWithHuman(estimate.kappa(), ci, n);
    }

    /** The model's accuracy minus the reviewers': the examples only one of them gets right decide it. */
    private static DifferenceFromHuman difference(HumanBaselineSuite suite, List<String> predicted,
                                                  double confidenceLevel) {
        long onlyModel = 0;
        long onlyHuman = 0;
        for (int i = 0; i < suite.rows(); i++) {
            boolean model = predicted.get(i).equals(suite.labels().get(i));
            boolean human = suite.human().get(i).equals(suite.labels().get(i));
            if (model && !human) {
                onlyModel += suite.count(i);
            } else if (human && !model) {
                onlyHuman += suite.count(i);
            }
        }
        long n = suite.examples();
        if (n == 0) {
            return new DifferenceFromHuman(Double.NaN, null, 0);
        }
        PairedProportionDifference paired = new PairedProportionDifference(onlyModel, onlyHuman, n);
        return new DifferenceFromHuman(paired.estimate(), paired.interval(confidenceLevel), n);
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
