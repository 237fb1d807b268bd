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
        assertEquals("class=c: 66 examples (minimum 67, the policy's validation.minPerClass)", failing.summary());
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

    /** Two annotators on ex-0 .. ex-(n-1), the second choosing another class on the first {@code ties}: a tie. */
    private static String annotationsWithTies(int n, int ties) {
        StringBuilder csv = new StringBuilder("example_id,annotator,label\n");
        for (int row = 0; row < n; row++) {
            csv.append("ex-").append(row).append(",ann1,").append(TestPack.label(row)).append('\n');
            csv.append("ex-").append(row).append(",ann2,").append(row < ties ? TestPack.wrong(row) : TestPack.label(row))
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void labelQualityPassesWhenTwoAnnotatorsAgreeAndMatchTheAdjudicatedLabel() throws PackException {
        // 80 of 80 agree: the exact lower end 0.025^(1/80) = 0.9549 lies above the target of 0.95
        GateResult result = result(new TestPack(folder).suite("annotations", "an.csv", annotations(80, 2, false)),
                Gate.LABEL_QUALITY);
        assertEquals(GateOutcome.PASS, result.outcome());
        assertTrue(result.findings().get(0).detail().startsWith("Cohen's kappa 1.000"), result.findings().get(0).detail());
    }

    @Test
    void labelQualityFailsOnLowKappa() throws PackException {
        // 3 annotators, the second always one class off: on every item 2 of 3 agree, P_i = 2·1 / (3·2) = 1/3.
        // Each class gets 40 correct + 20 wrong ratings of 180: p_j = 1/3, P̄e = 3 · 1/9 = 1/3;
        // κ = (1/3 − 1/3) / (1 − 1/3) = 0 < 0.6. The majority still matches the adjudicated label, on 90 of 90
        // (exact lower end 0.025^(1/90) = 0.9598, above the target of 0.95).
        GateResult result = result(new TestPack(folder).suite("annotations", "an.csv", annotations(90, 3, true)),
                Gate.LABEL_QUALITY);
        assertEquals(GateOutcome.FAIL, result.outcome());
        Finding kappa = result.findings().get(0);
        assertTrue(kappa.detail().startsWith("Fleiss' kappa"), kappa.detail());
        assertEquals(0.0, kappa.numbers().get("kappa"), 1e-12);
        assertEquals(GateOutcome.PASS, result.findings().get(1).outcome());
    }

    /**
     * Agreement is judged on its exact (Clopper–Pearson) interval against the target of 0.95, as the safety gate judges
     * a violation rate: intervals from SciPy, beta.ppf(0.025, x, n − x + 1) and beta.ppf(0.975, x + 1, n − x).
     */
    @Test
    void adjudicationAgreementIsJudgedOnItsExactInterval() throws PackException {
        // 594 of 600 (0.990): [0.9784, 0.9963], wholly above 0.95
        assertEquals(GateOutcome.PASS, adjudication(594).outcome());
        // 573 of 600 (0.955): [0.9352, 0.9701] holds 0.95 — the point estimate alone passed it
        Finding above = adjudication(573);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, above.outcome());
        assertEquals(0.9352002, above.numbers().get("ciLower"), 1e-6);
        assertEquals(0.9701385, above.numbers().get("ciUpper"), 1e-6);
        // written outwards to 0.1 %: 0.9352002 down to 93.5 %, 0.9701385 up to 97.1 %
        assertTrue(above.detail().contains("95.5%, 95% exact interval [93.5%, 97.1%]; target 95%"), above.detail());
        // 567 of 600 (0.945): [0.9236, 0.9618] holds it too — the point estimate alone failed it
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, adjudication(567).outcome());
        // 540 of 600 (0.900): [0.8732, 0.9228], wholly below
        assertEquals(GateOutcome.FAIL, adjudication(540).outcome());
        // a target of 97.5 %, written with its digit: 594 of 600, [0.97836, 0.99632] written outwards, lies above it
        Finding strict = result(new TestPack(folder).primary(600, TestPack::label)
                .policy("{\"validation\": {\"adjudicationTarget\": 0.975}}")
                .suite("annotations", "an.csv", annotationsWithTies(600, 6)), Gate.LABEL_QUALITY).findings().get(1);
        assertEquals(GateOutcome.PASS, strict.outcome());
        assertTrue(strict.detail().contains("(99.0%, 95% exact interval [97.8%, 99.7%]; target 97.5%)"),
                strict.detail());
        // 60 of 60 agree, yet 0.025^(1/60) = 0.9404: too few examples to show 0.95
        Finding few = result(new TestPack(folder).suite("annotations", "an.csv", annotations(60, 2, false)),
                Gate.LABEL_QUALITY).findings().get(1);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, few.outcome());
    }

    /**
     * Kappa is judged on its interval against the minimum of 0.6, as agreement is: two annotators over 600 examples
     * of three balanced classes, the second one class off on the first d. κ and Fleiss, Cohen &amp; Everitt's SE from
     * the published formula in NumPy (it gives SAS's ASE 0.1380 on SAS's worked table), interval on Fisher's z scale,
     * tanh(atanh κ ± 1.959964·SE / (1 − κ²)).
     */
    @Test
    void kappaIsJudgedOnItsInterval() throws PackException {
        // d = 100: κ 0.75, SE 0.022822, [0.701738, 0.791410], wholly above 0.6
        assertEquals(GateOutcome.PASS, kappa(100).outcome());
        // d = 150: κ 0.625, SE 0.026517, [0.570243, 0.674228] holds 0.6 — the point estimate alone passed it
        Finding above = kappa(150);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, above.outcome());
        assertEquals(0.570243, above.numbers().get("ciLower"), 1e-6);
        assertEquals(0.674228, above.numbers().get("ciUpper"), 1e-6);
        assertEquals(600, above.numbers().get("n"));
        assertTrue(above.detail().contains("Cohen's kappa 0.625 over 600 examples and 2 annotators (95% Fisher-z "
                + "interval [0.570, 0.675], SE 0.027; minimum 0.6)"), above.detail());
        // d = 180: κ 0.55, [0.492629, 0.602611] holds it too — the point estimate alone failed it
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, kappa(180).outcome());
        // d = 220: κ 0.45, [0.390319, 0.505915], wholly below
        assertEquals(GateOutcome.FAIL, kappa(220).outcome());
    }

    private Finding adjudication(int agreeing) throws PackException {
        return labelQuality(600 - agreeing, "adjudication");
    }

    private Finding kappa(int disagreeing) throws PackException {
        return labelQuality(disagreeing, "kappa");
    }

    /** The label quality finding on the given subject, the second of two annotators off on the first examples. */
    private Finding labelQuality(int disagreeing, String subject) throws PackException {
        return result(new TestPack(folder).primary(600, TestPack::label).suite("annotations", "an.csv",
                annotationsWithTies(600, disagreeing)), Gate.LABEL_QUALITY).findings().stream()
                .filter(finding -> finding.subject().equals(subject)).findFirst().orElseThrow();
    }

    @Test
    void labelQualityLacksEvidenceOnFewAnnotatedExamples() throws PackException {
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, result(new TestPack(folder).suite("annotations", "an.csv",
                annotations(10, 2, false)), Gate.LABEL_QUALITY).outcome());
    }
}
