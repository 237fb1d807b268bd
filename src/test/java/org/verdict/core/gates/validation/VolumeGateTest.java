package org.verdict.core.gates.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ExampleIds;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.Task;

class VolumeGateTest {
    private final DataValidator validator = new DataValidator(GatePolicy.DEFAULTS, 2);

    @Test
    void aRegressionWithoutLanguageOrSegmentSaysEveryReasonThereIsNothingToCount() {
        GateResult volume = validator.volume(counts(Task.REGRESSION, List.of(), new long[0], Map.of()), "2");
        assertEquals(GateOutcome.NOT_APPLICABLE, volume.outcome());
        // worded as every other gate set aside (docs/gates.md), and said once where the outcome is beside it
        String why = "nothing to count: a regression has no classes, and the primary suite has no 'language' or "
                + "'segment' columns";
        assertEquals("not applicable — " + why, volume.summary());
        assertEquals(why, volume.notEvaluatedBecause());
        assertEquals(2, volume.findings().size(), "each missing column keeps its finding");
    }

    /** Each minimum is named with the policy key that sets it, so a reviewer can see how to change it. */
    @Test
    void everyMinimumNamesThePolicyKeyThatSetsIt() {
        GateResult volume = validator.volume(counts(Task.BINARY, List.of("no", "yes"), new long[] {870, 30},
                Map.of("language", Map.of("en", 896L, "it", 4L), "segment", Map.of("smb", 860L, "gov", 40L))), "2");
        assertEquals(GateOutcome.FAIL, volume.outcome());
        Map<String, String> details = new LinkedHashMap<>();
        volume.findings().forEach(f -> details.put(f.subject(), f.detail()));
        assertEquals("language=it: 4 examples (minimum 100, the policy's validation.minPerLanguage)",
                details.get("language=it"));
        assertEquals("segment=gov: 40 examples (minimum 100, the policy's validation.minPerSegment)",
                details.get("segment=gov"));
        assertEquals("class=yes: 30 examples (minimum 50, the policy's validation.minPerClass)",
                details.get("class=yes"));
        assertEquals("class=no: 870 examples (minimum 50, the policy's validation.minPerClass)",
                details.get("class=no"));
        assertTrue(volume.summary().startsWith("language=it: 4 examples (minimum 100, the policy's"
                + " validation.minPerLanguage)"), volume.summary());
    }

    @Test
    void aRegressionWithSegmentsCountsThemAndNamesTheMissingLanguage() {
        GateResult volume = validator.volume(counts(Task.REGRESSION, List.of(), new long[0],
                Map.of("segment", Map.of("north", 500L, "south", 400L))), "2");
        assertEquals(GateOutcome.PASS, volume.outcome());
        assertEquals("segments only: every segment (2) reaches its minimum; no 'language' column in the primary "
                + "suite, so its volume is not checked", volume.summary());
    }

    @Test
    void aClassListedButNeverLabelledIsNamedNotFailedWithEachModelsPredictionsOfIt() {
        // 3 labelled classes of 60 rows each; "new" is in model.classes, labelled nowhere, and the candidate
        // predicts it for 9 of the 180 rows (rows labelled a, each a wrong prediction); production never does
        List<String> classes = List.of("a", "b", "c", "new");
        int[] labels = IntStream.range(0, 180).map(i -> i / 60).toArray();
        int[] candidate = labels.clone();
        Arrays.fill(candidate, 0, 9, 3);
        GateResult volume = validator.volume(PrimaryCounts.of(multiclass(classes, labels, labels.clone(),
                candidate)), "2");

        assertEquals(GateOutcome.PASS, volume.outcome(), "a class nobody has labelled yet cannot fail for ever");
        String unjudged = "class new is in model.classes but no row of the primary suite is labelled with it, so its"
                + " volume cannot be judged and the models cannot be measured on rows of it (add labelled examples to judge"
                + " it); the candidate predicts it for 9 of 180 rows (5.0%), production for none: each a wrong"
                + " prediction, lost from the recall of the row's own class";
        assertEquals("labelled classes only: every labelled class (3) reaches its minimum; no 'language' or 'segment'"
                + " column in the primary suite, so their volume is not checked; " + unjudged, volume.summary());
        Finding finding = volume.findings().stream().filter(f -> f.subject().equals("classes never labelled"))
                .findFirst().orElseThrow();
        assertEquals(GateOutcome.NOT_APPLICABLE, finding.outcome());
        assertEquals(unjudged, finding.detail());
        assertEquals(9.0, finding.numbers().get("candidatePredicted"));
        assertEquals(0.0, finding.numbers().get("productionPredicted"));
        assertEquals(180.0, finding.numbers().get("rows"));
        assertTrue(volume.findings().stream().noneMatch(f -> f.subject().equals("class=new")),
                "no 0 against the minimum");
    }

    @Test
    void aLabelledClassBelowItsMinimumStillFailsBesideANeverLabelledOne() {
        List<String> classes = List.of("a", "b", "new");
        int[] labels = IntStream.range(0, 90).map(i -> i < 60 ? 0 : 1).toArray();
        GateResult volume = validator.volume(PrimaryCounts.of(multiclass(classes, labels, labels.clone(),
                labels.clone())), "2");
        assertEquals(GateOutcome.FAIL, volume.outcome());
        assertTrue(volume.summary().startsWith("class=b: 30 examples (minimum 50, the policy's validation.minPerClass)"), volume.summary());
    }

    private static EvaluationTable multiclass(List<String> classes, int[] labels, int[] production,
                                              int[] candidate) {
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        predictions.put("1", new ModelPredictions("1", production, null, null));
        predictions.put("2", new ModelPredictions("2", candidate, null, null));
        return new EvaluationTable("primary.csv", Task.MULTICLASS, labels.length, ExampleIds.of(
                IntStream.range(0, labels.length).mapToObj(i -> "e" + i).toArray(String[]::new)), classes, labels,
                null, Map.of(), List.of(), predictions);
    }

    private static PrimaryCounts counts(Task task, List<String> classes, long[] perClass,
                                        Map<String, Map<String, Long>> perLevel) {
        return new PrimaryCounts("primary.csv", task, 900, List.of("1", "2"), classes, perClass, Map.of(), perLevel,
                Optional.empty());
    }
}
