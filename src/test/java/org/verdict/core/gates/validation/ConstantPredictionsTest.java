package org.verdict.core.gates.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.suites.PackSuites;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ExampleIds;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.pack.Task;

/** A candidate that says one thing for every row is not a model: the Schema gate fails it (docs/gates.md). */
class ConstantPredictionsTest {
    private final DataValidator validator = new DataValidator(GatePolicy.DEFAULTS, 2);

    @Test
    void aRegressionCandidatePredictingZeroForEveryClaimFailsTheSchemaGate() {
        double[] claims = {0, 0, 0, 120, 0, 0, 3_400, 0};
        EvaluationTable table = regression(claims, new double[]{10, 5, 8, 90, 7, 3, 2_100, 4}, new double[8]);
        GateResult schema = validator.schema(PrimaryCounts.of(table), "2", TargetUnit.of("USD"), PackSuites.NONE);
        assertEquals(GateOutcome.FAIL, schema.outcome());
        assertEquals("candidate 2 predicts one value, $0, for every one of the 8 rows of primary.csv: a constant,"
                + " not a model (or predictions lost in the export)", schema.summary());
    }

    @Test
    void aConstantProductionOrAVaryingCandidatePasses() {
        double[] claims = {0, 0, 0, 120, 0, 0, 3_400, 0};
        EvaluationTable table = regression(claims, new double[8], new double[]{10, 5, 8, 90, 7, 3, 2_100, 4});
        GateResult schema = validator.schema(PrimaryCounts.of(table), "2", TargetUnit.of("USD"), PackSuites.NONE);
        assertEquals(GateOutcome.PASS, schema.outcome(), "production's predictions are not the candidate's to answer");
    }

    @Test
    void aBinaryCandidateWithOneClassFailsOnlyWhenItsScoresAreConstantToo() {
        int[] labels = {0, 1, 0, 0, 1, 0};
        int[] allNo = new int[6];
        EvaluationTable ranking = binary(labels, allNo, new double[]{0.1, 0.4, 0.2, 0.05, 0.45, 0.3});
        assertEquals(GateOutcome.PASS, validator.schema(PrimaryCounts.of(ranking), "2", TargetUnit.NONE,
                PackSuites.NONE).outcome(), "scores that vary still rank the examples");
        EvaluationTable flat = binary(labels, allNo, new double[]{0.2, 0.2, 0.2, 0.2, 0.2, 0.2});
        GateResult schema = validator.schema(PrimaryCounts.of(flat), "2", TargetUnit.NONE, PackSuites.NONE);
        assertEquals(GateOutcome.FAIL, schema.outcome());
        assertTrue(schema.summary().startsWith("candidate 2 predicts one value, 'no' with score 0.200, for every one"
                + " of the 6 rows"), schema.summary());
    }

    private static EvaluationTable regression(double[] labels, double[] production, double[] candidate) {
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        predictions.put("1", new ModelPredictions("1", null, production, null));
        predictions.put("2", new ModelPredictions("2", null, candidate, null));
        return new EvaluationTable("primary.csv", Task.REGRESSION, labels.length, ids(labels.length), List.of(), null,
                labels, Map.of(), List.of(), predictions);
    }

    private static EvaluationTable binary(int[] labels, int[] candidateClasses, double[] candidateScores) {
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        predictions.put("1", new ModelPredictions("1", labels.clone(), null, null));
        predictions.put("2", new ModelPredictions("2", candidateClasses, null, candidateScores));
        return new EvaluationTable("primary.csv", Task.BINARY, labels.length, ids(labels.length), List.of("no", "yes"),
                labels, null, Map.of(), List.of(), predictions);
    }

    private static ExampleIds ids(int n) {
        return ExampleIds.of(IntStream.range(0, n).mapToObj(i -> "e" + i).toArray(String[]::new));
    }
}
