package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;

class ClassRatesTest {
    @TempDir
    Path temp;

    /*
     * PackFixture.MULTICLASS_CSV, classes sorted account, billing, technical:
     *   e1 billing   prod billing  cand billing
     *   e2 technical prod account  cand technical
     *   e3 account   prod account  cand billing
     *   e4 billing   prod billing  cand billing
     * Production: account precision 1/2 (e2, e3 predicted; e3 right), recall 1/1; technical never predicted.
     * Candidate: billing precision 2/3 (e1, e3, e4 predicted), recall 2/2; account never predicted, recall 0/1.
     * Modified Wilson 95% intervals (Brown, Cai &amp; DasGupta 2001; Wilson's ends, 1/2 -> [0.094531, 0.905469] and
     * 2/3 -> [0.207660, 0.938508], replaced within 2 of 0 or n by the Poisson ones, chi2.ppf(0.05, 2x) / 2n and
     * 1 − chi2.ppf(0.05, 2(n − x)) / 2n): 1/2 -> [−ln(0.95) / 2, 1 + ln(0.95) / 2] = [0.025647, 0.974353];
     * 2/3 -> [0.118454, 0.982902].
     */
    @Test
    void precisionAndRecallPerClassWithModifiedWilsonIntervalsMatchHandCounts() throws Exception {
        EvaluationTable table = new PackLoader().load(PackFixture.write(temp.resolve("p"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE).primary();

        List<ClassRates> rates = ClassRates.of(table, "42", "43", SliceKey.OVERALL, new int[] {0, 1, 2, 3}, 0.95);

        assertEquals(List.of("account", "billing", "technical"), rates.stream().map(ClassRates::className).toList());
        ClassRates account = rates.get(0);
        assertEquals(1, account.support());
        assertEquals(0.5, account.productionPrecision().value());
        assertEquals(0.025647, account.productionPrecision().ci().lower(), 1e-6);
        assertEquals(0.974353, account.productionPrecision().ci().upper(), 1e-6);
        assertEquals(1.0, account.productionRecall().value());
        assertNull(account.candidatePrecision().value());
        assertEquals("no example of this slice is predicted account", account.candidatePrecision().unavailableReason());
        assertEquals(0.0, account.candidateRecall().value());

        ClassRates billing = rates.get(1);
        assertEquals(2, billing.candidatePrecision().successes());
        assertEquals(3, billing.candidatePrecision().trials());
        assertEquals(0.118454, billing.candidatePrecision().ci().lower(), 1e-6);
        assertEquals(0.982902, billing.candidatePrecision().ci().upper(), 1e-6);
        assertEquals(1.0, billing.candidateRecall().value());

        assertNull(rates.get(2).productionPrecision().value(), "production never predicts technical");
    }

    @Test
    void aSliceCountsOnlyItsRows() throws Exception {
        EvaluationTable table = new PackLoader().load(PackFixture.write(temp.resolve("s"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE).primary();
        SliceKey german = new SliceKey(List.of("language"), List.of("de"));

        List<ClassRates> rates = ClassRates.of(table, "42", "43", german,
                new ComparisonEngine().rowsOf(table, german), 0.95);

        // de rows are e3 (account) and e4 (billing): the candidate predicts billing for both, one right
        assertEquals(0.5, rates.get(1).candidatePrecision().value());
        assertEquals(0, rates.get(2).support(), "no technical ticket in German");
    }
}
