package org.verdict.core.gates.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ExampleIds;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.Task;

/**
 * Two groups of 10, binary, positive class "yes" (code 1). By hand:
 * g1: 5 positives (rows 0-4); both models select rows 0-3 and 5: selection 0.5, TPR 4/5 = 0.8, FPR 1/5 = 0.2.
 * g2: 4 positives (rows 10-13); production selects 10, 11, 14: selection 0.3, TPR 0.5, FPR 1/6;
 *     the candidate selects only 10: selection 0.1, TPR 0.25, FPR 0.
 */
class FairnessEvidenceTest {
    private static EvaluationTable table() {
        int[] labels = new int[20];
        int[] production = new int[20];
        int[] candidate = new int[20];
        int[] groups = new int[20];
        for (int row = 0; row < 20; row++) {
            groups[row] = row < 10 ? 0 : 1;
            labels[row] = row < 5 || (row >= 10 && row < 14) ? 1 : 0;
        }
        for (int row : new int[] {0, 1, 2, 3, 5}) {
            production[row] = 1;
            candidate[row] = 1;
        }
        for (int row : new int[] {10, 11, 14}) {
            production[row] = 1;
        }
        candidate[10] = 1;
        String[] ids = new String[20];
        for (int row = 0; row < 20; row++) {
            ids[row] = "r" + row;
        }
        return new EvaluationTable("primary.csv", Task.BINARY, 20, ExampleIds.of(ids), List.of("no", "yes"), labels, null,
                Map.of("group", new CategoricalColumn("group", List.of("g1", "g2"), groups)), List.of("group"),
                Map.of("1", new ModelPredictions("1", production, null, null),
                        "2", new ModelPredictions("2", candidate, null, null)));
    }

    private static FairnessEvidence evidence() {
        return FairnessEvidence.of(table(), "1", "2", 1, "the manifest's positive label", 1, 0.95, 1000, 7L);
    }

    @Test
    void ratesPerGroupAndModel() {
        FairnessEvidence.Attribute group = evidence().attributes().get(0);
        FairnessEvidence.Group g2 = group.groups().get(1);
        assertEquals(10, g2.n());
        assertEquals(4, g2.positives());
        assertEquals(0.3, g2.production().selectionRate(), 1e-12);
        assertEquals(0.5, g2.production().tpr(), 1e-12);
        assertEquals(1.0 / 6, g2.production().fpr(), 1e-12);
        assertEquals(0.1, g2.candidate().selectionRate(), 1e-12);
        assertEquals(0.25, g2.candidate().tpr(), 1e-12);
        assertEquals(0.0, g2.candidate().fpr(), 1e-12);
        assertEquals(0.5, group.groups().get(0).candidate().selectionRate(), 1e-12);
        assertEquals(0.8, group.groups().get(0).candidate().tpr(), 1e-12);
        assertEquals(0.2, group.groups().get(0).candidate().fpr(), 1e-12);
    }

    @Test
    void selectionRatesCarryTheirWilsonInterval() {
        FairnessEvidence.Group g2 = evidence().attributes().get(0).groups().get(1);
        // production selects 3 of 10. By hand, z = 1.959964, z²/n = 0.3841459:
        // centre = (0.3 + 0.1920729) / 1.3841459 = 0.355503,
        // half = 1.959964 / 1.3841459 · sqrt(0.3·0.7/10 + 0.3841459/40) = 1.416009 · 0.174939 = 0.247715,
        // so [0.1078, 0.6032] (the published Wilson interval for 3/10).
        assertEquals(0.1078, g2.production().selectionCi().lower(), 1e-4);
        assertEquals(0.6032, g2.production().selectionCi().upper(), 1e-4);
        // the candidate selects 1 of 10: centre = (0.1 + 0.1920729) / 1.3841459 = 0.211015,
        // half = 1.416009 · sqrt(0.009 + 0.0096036) = 1.416009 · 0.136395 = 0.193137, so [0.0179, 0.4042]
        assertEquals(0.0179, g2.candidate().selectionCi().lower(), 1e-4);
        assertEquals(0.4042, g2.candidate().selectionCi().upper(), 1e-4);
    }

    @Test
    void disparitiesAndHowMuchWorseTheCandidateIs() {
        Map<Disparity, FairnessEvidence.DisparityEstimate> d = evidence().attributes().get(0).disparities();
        // demographic parity difference: production 0.5 − 0.3 = 0.2, candidate 0.5 − 0.1 = 0.4
        assertEquals(0.2, d.get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE).production(), 1e-12);
        assertEquals(0.4, d.get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE).candidate(), 1e-12);
        assertEquals(0.2, d.get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE).worsening(), 1e-12);
        // ratio: production 0.3 / 0.5 = 0.6, candidate 0.1 / 0.5 = 0.2; lower is less fair: worse by 0.4
        assertEquals(0.6, d.get(Disparity.DEMOGRAPHIC_PARITY_RATIO).production(), 1e-12);
        assertEquals(0.4, d.get(Disparity.DEMOGRAPHIC_PARITY_RATIO).worsening(), 1e-12);
        // TPR gap: 0.8 − 0.5 = 0.3 vs 0.8 − 0.25 = 0.55; FPR gap: 0.2 − 1/6 vs 0.2 − 0 = 0.2; EO = max
        assertEquals(0.3, d.get(Disparity.EQUAL_OPPORTUNITY_DIFFERENCE).production(), 1e-12);
        assertEquals(0.55, d.get(Disparity.EQUAL_OPPORTUNITY_DIFFERENCE).candidate(), 1e-12);
        assertEquals(0.3, d.get(Disparity.EQUALIZED_ODDS_DIFFERENCE).production(), 1e-12);
        assertEquals(0.55, d.get(Disparity.EQUALIZED_ODDS_DIFFERENCE).candidate(), 1e-12);
    }

    @Test
    void bootstrapIntervalsAreSeededAndCoverTheEstimate() {
        FairnessEvidence.DisparityEstimate first = evidence().attributes().get(0).disparities()
                .get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE);
        FairnessEvidence.DisparityEstimate again = evidence().attributes().get(0).disparities()
                .get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE);
        assertEquals(first, again);
        assertTrue(first.worseningCi().lower() <= 0.2 && 0.2 <= first.worseningCi().upper(), first.toString());
    }

    @Test
    void groupsBelowTheMinimumAreLeftOutAndNamed() {
        FairnessEvidence evidence = FairnessEvidence.of(table(), "1", "2", 1, "positive label", 11, 0.95, 1000, 7L);
        FairnessEvidence.Attribute group = evidence.attributes().get(0);
        assertEquals(List.of("g1", "g2"), group.excludedGroups());
        assertTrue(!group.disparities().get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE).isDefined());
    }
}
