package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.pack.PackException;

/**
 * The data-validation gates on the 200-row test pack: classes a, b, c have 67, 67 and 66 examples; en and de 100
 * each; there is no segment column.
 */
class DataValidationTest {
    @TempDir
    Path folder;

    private GateResult result(TestPack pack, Gate gate) throws PackException {
        return pack.review().gates().result(gate);
    }

    /** Annotations of examples ex-0 .. ex-(n-1) by the given annotators; {@code disagree} flips annotator 2. */
    private static String annotations(int n, int annotators, boolean disagree) {
        StringBuilder csv = new StringBuilder("example_id,annotator,label\n");
        for (int row = 0; row < n; row++) {
            for (int a = 1; a <= annotators; a++) {
                String label = a == 2 && disagree ? TestPack.wrong(row) : TestPack.label(row);
                csv.append("ex-").append(row).append(",ann").append(a).append(',').append(label).append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void schemaFailsOnALabelOutsideThePrimaryClasses() throws PackException {
        assertEquals(GateOutcome.PASS, result(new TestPack(folder), Gate.SCHEMA).outcome());
        GateResult result = result(new TestPack(folder).suite("annotations", "an.csv",
                "example_id,annotator,label\nex-1,ann1,zzz\n"), Gate.SCHEMA);
        assertEquals(GateOutcome.FAIL, result.outcome());
        assertTrue(result.summary().contains("zzz"), result.summary());
    }

    @Test
    void volumeComparesEveryClassAndLanguageWithItsMinimum() throws PackException {
        GateResult passing = result(new TestPack(folder), Gate.VOLUME);
        assertEquals(GateOutcome.PASS, passing.outcome());
        assertTrue(passing.findings().stream().anyMatch(f -> f.outcome() == GateOutcome.NOT_APPLICABLE
                && f.subject().equals("segment")), "no segment column: said, not failed");
        GateResult failing = result(new TestPack(folder).policy("{\"validation\": {\"minPerClass\": 67}}"),
                Gate.VOLUME);
        assertEquals(GateOutcome.FAIL, failing.outcome());
        assertEquals("class=c: 66 examples (minimum 67)", failing.summary());
    }

    @Test
    void contaminationFailsWhenAnEvaluationIdIsInTheTrainingData() throws PackException {
        assertEquals(GateOutcome.NOT_APPLICABLE, result(new TestPack(folder), Gate.CONTAMINATION).outcome());
        assertEquals(GateOutcome.PASS, result(new TestPack(folder).suite("trainingIds", "train.csv",
                "example_id\ntrain-1\ntrain-2\n"), Gate.CONTAMINATION).outcome());
        GateResult failing = result(new TestPack(folder).suite("trainingIds", "train.csv",
                "example_id\ntrain-1\nex-5\nex-7\n"), Gate.CONTAMINATION);
        assertEquals(GateOutcome.FAIL, failing.outcome());
        assertEquals(2.0, failing.findings().get(0).numbers().get("overlap"));
        assertEquals(0.01, failing.findings().get(0).numbers().get("rate"), 1e-12);
    }

    @Test
    void contaminationAlsoMatchesInputHashes() throws PackException {
        TestPack pack = new TestPack(folder);
        pack.file("primary.csv", "example_id,label,language,gender,pred_1,pred_2,input_hash\n"
                + TestPack.rows("", 60, "ex-%d,a,en,f,a,a,h%d").substring(1));
        GateResult result = result(pack.suite("trainingIds", "train.csv", "example_id,input_hash\ntrain-1,h3\n"),
                Gate.CONTAMINATION);
        assertEquals(GateOutcome.FAIL, result.outcome());
        assertEquals("input hashes", result.findings().get(1).subject());
    }

    @Test
    void labelQualityPassesWhenTwoAnnotatorsAgreeAndMatchTheAdjudicatedLabel() throws PackException {
        GateResult result = result(new TestPack(folder).suite("annotations", "an.csv", annotations(60, 2, false)),
                Gate.LABEL_QUALITY);
        assertEquals(GateOutcome.PASS, result.outcome());
        assertTrue(result.findings().get(0).detail().startsWith("Cohen's kappa 1.000"), result.findings().get(0).detail());
    }

    @Test
    void labelQualityFailsOnLowKappa() throws PackException {
        // 3 annotators, the second always one class off: on every item 2 of 3 agree, P_i = 2·1 / (3·2) = 1/3.
        // Each class gets 40 correct + 20 wrong ratings of 180: p_j = 1/3, P̄e = 3 · 1/9 = 1/3;
        // κ = (1/3 − 1/3) / (1 − 1/3) = 0 < 0.6. The majority still matches the adjudicated label.
        GateResult result = result(new TestPack(folder).suite("annotations", "an.csv", annotations(60, 3, true)),
                Gate.LABEL_QUALITY);
        assertEquals(GateOutcome.FAIL, result.outcome());
        Finding kappa = result.findings().get(0);
        assertTrue(kappa.detail().startsWith("Fleiss' kappa"), kappa.detail());
        assertEquals(0.0, kappa.numbers().get("kappa"), 1e-12);
        assertEquals(GateOutcome.PASS, result.findings().get(1).outcome());
    }

    @Test
    void labelQualityLacksEvidenceOnFewAnnotatedExamples() throws PackException {
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result(new TestPack(folder).suite("annotations", "an.csv",
                annotations(10, 2, false)), Gate.LABEL_QUALITY).outcome());
    }
}
