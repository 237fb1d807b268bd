package org.verdict.core.gates.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.pack.Task;

class VolumeGateTest {
    private final DataValidator validator = new DataValidator(GatePolicy.DEFAULTS, 2);

    @Test
    void aRegressionWithoutLanguageOrSegmentSaysEveryReasonThereIsNothingToCount() {
        GateResult volume = validator.volume(counts(Task.REGRESSION, List.of(), new long[0], Map.of()));
        assertEquals(GateOutcome.NOT_APPLICABLE, volume.outcome());
        // worded as every other gate set aside (docs/gates.md), and said once where the outcome is beside it
        String why = "nothing to count: a regression has no classes, and the primary suite has no 'language' or "
                + "'segment' columns";
        assertEquals("not applicable — " + why, volume.summary());
        assertEquals(why, volume.notEvaluatedBecause());
        assertEquals(2, volume.findings().size(), "each missing column keeps its finding");
    }

    @Test
    void aRegressionWithSegmentsCountsThemAndNamesTheMissingLanguage() {
        GateResult volume = validator.volume(counts(Task.REGRESSION, List.of(), new long[0],
                Map.of("segment", Map.of("north", 500L, "south", 400L))));
        assertEquals(GateOutcome.PASS, volume.outcome());
        assertEquals("segments only: every segment (2) reaches its minimum; no 'language' column in the primary "
                + "suite, so its volume is not checked", volume.summary());
    }

    private static PrimaryCounts counts(Task task, List<String> classes, long[] perClass,
                                        Map<String, Map<String, Long>> perLevel) {
        return new PrimaryCounts("primary.csv", task, 900, List.of("1", "2"), classes, perClass, perLevel,
                Optional.empty());
    }
}
