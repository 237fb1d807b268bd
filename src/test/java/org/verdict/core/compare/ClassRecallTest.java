package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.PairedProportionDifference;
import org.verdict.core.task.Progress;

/** Each class's recall compared pairwise: values, Tango's interval, the per-class Holm family, the verdict rule. */
class ClassRecallTest {
    private final ComparisonEngine engine = new ComparisonEngine();

    /** Rows of one class: how many both models, only production, only the candidate, and neither get right. */
    private static void addClass(List<int[]> rows, int label, int wrong, int both, int onlyProduction,
                                 int onlyCandidate, int neither) {
        for (int i = 0; i < both; i++) {
            rows.add(new int[] {label, label, label});
        }
        for (int i = 0; i < onlyProduction; i++) {
            rows.add(new int[] {label, label, wrong});
        }
        for (int i = 0; i < onlyCandidate; i++) {
            rows.add(new int[] {label, wrong, label});
        }
        for (int i = 0; i < neither; i++) {
            rows.add(new int[] {label, wrong, wrong});
        }
    }

    private static EvaluationTable table(List<int[]> rows) {
        return TestTables.multiclass(List.of("a", "b", "c"), rows.stream().mapToInt(r -> r[0]).toArray(),
                rows.stream().mapToInt(r -> r[1]).toArray(), rows.stream().mapToInt(r -> r[2]).toArray(), Map.of());
    }

    /**
     * By hand: class a has 40 rows, 24 right by both, 15 by production only, 1 by the candidate only: recall 39/40 =
     * 0.975 and 25/40 = 0.625 (scikit-learn's recall_score(y, ŷ, average=None) on these rows gives the same), Δ =
     * −14/40, McNemar's z = (1 − 15)/√16 = −3.5, p = 2·(1 − Φ(3.5)) = 0.000465. Class b: 50 rows, all right by both
     * (p = 1). Class c: 3 rows, under the minimum of 30. Holm over the two tested classes: a is rejected at the first
     * step (0.000465 &lt; 0.05/2), so its interval is at 97.5 %; b is not (1 ≥ 0.05/1) and shows 95 %.
     */
    @Test
    void aWorseClassIsFoundWithTangosIntervalAtItsHolmLevel() {
        List<int[]> rows = new ArrayList<>();
        addClass(rows, 0, 1, 24, 15, 1, 0);
        addClass(rows, 1, 2, 50, 0, 0, 0);
        addClass(rows, 2, 0, 1, 1, 0, 1);
        ComparisonReport report = engine.compare("t", table(rows), "1", "2", Metric.MACRO_F1,
                ComparisonOptions.DEFAULTS, Progress.NONE);

        List<ClassRecall> overall = report.classRecallsOf(SliceKey.OVERALL);
        assertEquals(List.of("a", "b", "c"), overall.stream().map(ClassRecall::className).toList());
        SliceResult a = overall.get(0).result();
        assertEquals(40, a.n());
        assertEquals(0.975, a.production().value(), 1e-15);
        assertEquals(0.625, a.candidate().value(), 1e-15);
        assertEquals(-0.35, a.delta(), 1e-15);
        assertEquals(0.000465258, a.pValue(), 1e-9);
        assertEquals(PairedProportionDifference.TEST, a.test());
        assertEquals(TestFamily.CLASSES, a.shownInterval().family());
        assertEquals(0.975, a.shownInterval().level(), 1e-12);
        Interval tango = new PairedProportionDifference(1, 15, 40).interval(0.975);
        assertEquals(tango.lower(), a.deltaCi().lower(), 1e-12);
        assertEquals(tango.upper(), a.deltaCi().upper(), 1e-12);
        assertTrue(a.deltaCi().upper() < 0);
        assertEquals(Verdict.WORSE, a.verdict());
        assertEquals(2 * 0.000465258, a.adjustedP(), 1e-8);

        SliceResult b = overall.get(1).result();
        assertEquals(0.95, b.shownInterval().level(), 1e-12);
        assertEquals(1.0, b.adjustedP());
        assertEquals(Verdict.INCONCLUSIVE, b.verdict(), "±z²/(N + z²) = ±0.071 at 50 rows reaches beyond ±0.05");

        SliceResult c = overall.get(2).result();
        assertEquals(3, c.n());
        assertEquals(Verdict.TOO_FEW_EXAMPLES, c.verdict());
        assertNull(c.deltaCi());
        assertEquals(Map.of(TestFamily.CLASSES, 2), report.classFamilySizes());

        assertEquals(List.of("recall of a worse: Δ " + a.deltaText(a.deltaCi())
                        + " (97.5% Holm-adjusted interval over 2 classes; n=40, adjusted p <0.001)"),
                report.worseClassRecalls().stream().map(ClassRecall::headline).toList());
    }

    /**
     * The rare class of a 6,000-row review pack: 125 rows, 32 right by both, 47 by production only, 18 by the
     * candidate only (recall 0.632 → 0.400, as scikit-learn's recall_score gives on the pack). Reference limits from an
     * independent implementation that maximises the restricted multinomial likelihood numerically (SciPy's bounded
     * minimize_scalar) and solves T(Δ) = ±z by Brent's method: 95 % (−0.348184, −0.108684), 99 % (−0.383105,
     * −0.068369); McNemar's p = 2·(1 − Φ(29/√65)) = 0.000321899.
     */
    @Test
    void theRareClassOfAReviewPackMatchesAnIndependentTangoInterval() {
        List<int[]> rows = new ArrayList<>();
        addClass(rows, 0, 1, 32, 47, 18, 28);
        addClass(rows, 1, 2, 40, 0, 0, 0);
        addClass(rows, 2, 0, 40, 0, 0, 0);
        SliceResult rare = engine.compare("t", table(rows), "1", "2", Metric.MACRO_F1, ComparisonOptions.DEFAULTS,
                Progress.NONE).classRecallsOf(SliceKey.OVERALL).get(0).result();
        assertEquals(0.632, rare.production().value(), 1e-15);
        assertEquals(0.4, rare.candidate().value(), 1e-15);
        assertEquals(-0.348184, rare.unadjustedCi().lower(), 1e-6);
        assertEquals(-0.108684, rare.unadjustedCi().upper(), 1e-6);
        // the first Holm step of 3 classes: 1 − 0.05/3
        Interval shown = rare.deltaCi();
        assertEquals(1 - 0.05 / 3, rare.shownInterval().level(), 1e-12);
        assertTrue(shown.lower() < -0.348184 && shown.upper() > -0.108684 && shown.upper() < 0);
        assertEquals(0.000321899, rare.pValue(), 1e-9);
        assertEquals(Verdict.WORSE, rare.verdict());
    }

    /** A class under the unstable-class bound keeps its values but gets no interval of Δ, and says why. */
    @Test
    void aClassOfFewerThanFiveRowsIsUnstableWhenTheMinimumAllowsIt() {
        List<int[]> rows = new ArrayList<>();
        addClass(rows, 0, 1, 10, 0, 0, 0);
        addClass(rows, 1, 0, 10, 0, 0, 0);
        addClass(rows, 2, 0, 2, 2, 0, 0);
        ComparisonOptions minOne = new ComparisonOptions(0.95, 1, 0.05, 1000, 7L, CorrectionMethod.HOLM, List.of());
        SliceResult c = engine.compare("t", table(rows), "1", "2", Metric.MACRO_F1, minOne, Progress.NONE)
                .classRecallsOf(SliceKey.OVERALL).get(2).result();
        assertEquals(1.0, c.production().value());
        assertEquals(0.5, c.candidate().value());
        assertNull(c.deltaCi());
        assertEquals(Verdict.INCONCLUSIVE, c.verdict());
        assertEquals("unstable: class c has 4 examples here, fewer than 5: no interval of Δ recall is trusted on so "
                + "few", c.verdictLabel());
    }

    /**
     * Region y has no row labelled c: c's recall there is undefined, so its verdict is unavailable with the reason,
     * as docs/compare-json.md says, not "too few examples" (no count of rows would be too few for nothing).
     */
    @Test
    void aClassWithNoRowInTheSliceIsUnavailable() {
        List<int[]> rows = new ArrayList<>();
        addClass(rows, 0, 1, 40, 0, 0, 0);
        addClass(rows, 1, 0, 40, 0, 0, 0);
        addClass(rows, 2, 0, 40, 0, 0, 0);
        String[] region = new String[rows.size()];
        for (int i = 0; i < region.length; i++) {
            region[i] = rows.get(i)[0] == 2 || i % 2 == 0 ? "x" : "y";
        }
        EvaluationTable table = TestTables.multiclass(List.of("a", "b", "c"), rows.stream().mapToInt(r -> r[0])
                .toArray(), rows.stream().mapToInt(r -> r[1]).toArray(), rows.stream().mapToInt(r -> r[2]).toArray(),
                TestTables.columns(TestTables.column("region", region)));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MACRO_F1, ComparisonOptions.DEFAULTS,
                Progress.NONE);
        SliceResult c = report.classRecallsOf(new SliceKey(List.of("region"), List.of("y"))).get(2).result();
        assertEquals(0, c.n());
        assertEquals(Verdict.UNAVAILABLE, c.verdict());
        assertEquals("no example of this slice is labelled c, so its recall is undefined", c.unavailableReason());
        assertNull(c.delta());
        // a class with rows, but fewer than the minimum, stays "too few examples"
        assertEquals(Verdict.TOO_FEW_EXAMPLES,
                report.classRecallsOf(new SliceKey(List.of("region"), List.of("y"))).get(0).result().verdict());
    }

    /**
     * On a seeded random table with a slice column: every value is the class's recall counted row by row, every slice's
     * classes beside the overall one form one family, and the JSON's section keeps the rule — better or worse exactly
     * when {@code ci} excludes 0 — with the rest of the JSON unchanged by it.
     */
    @Test
    void everySliceAndClassMatchesItsCountsAndTheJsonKeepsTheRule() throws Exception {
        Random random = new Random(11);
        int n = 3000;
        int[] labels = new int[n];
        int[] prod = new int[n];
        int[] cand = new int[n];
        String[] region = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.05 ? 2 : random.nextInt(2);
            prod[i] = random.nextDouble() < 0.85 ? labels[i] : random.nextInt(3);
            // the candidate loses class c: right on it only half as often
            double right = labels[i] == 2 ? 0.45 : 0.86;
            cand[i] = random.nextDouble() < right ? labels[i] : (labels[i] + 1 + random.nextInt(2)) % 3;
            region[i] = "r" + random.nextInt(4);
        }
        EvaluationTable table = TestTables.multiclass(List.of("a", "b", "c"), labels, prod, cand,
                TestTables.columns(TestTables.column("region", region)));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MACRO_F1, ComparisonOptions.DEFAULTS,
                Progress.NONE);

        assertEquals(5 * 3, report.classRecalls().size());
        for (ClassRecall recall : report.classRecalls()) {
            int k = List.of("a", "b", "c").indexOf(recall.className());
            int[] rows = engine.rowsOf(table, recall.slice());
            long support = 0;
            long prodRight = 0;
            long candRight = 0;
            for (int row : rows) {
                if (labels[row] == k) {
                    support++;
                    prodRight += prod[row] == k ? 1 : 0;
                    candRight += cand[row] == k ? 1 : 0;
                }
            }
            SliceResult r = recall.result();
            assertEquals(support, r.n());
            assertEquals((double) prodRight / support, r.production().value(), 1e-15);
            assertEquals((double) candRight / support, r.candidate().value(), 1e-15);
            if (r.shownInterval() != null) {
                assertEquals(recall.slice().isOverall() ? TestFamily.CLASSES : TestFamily.SLICE_CLASSES,
                        r.shownInterval().family());
                assertEquals(report.classFamilySizes().get(r.shownInterval().family()),
                        r.shownInterval().familySize());
            } else {
                assertTrue(support < 30, recall.slice().label() + " " + recall.className());
            }
        }
        SliceResult lost = report.classRecallsOf(SliceKey.OVERALL).get(2).result();
        assertEquals(Verdict.WORSE, lost.verdict());

        ComparisonJson json = new ComparisonJson();
        JsonNode root = new ObjectMapper().readTree(json.write(report, r -> true, List.of()));
        JsonNode section = root.get("perClassRecall");
        assertEquals(report.classFamilySizes().get(TestFamily.CLASSES), section.get("families").get("classes").asInt());
        int significant = 0;
        for (JsonNode entry : section.get("results")) {
            String verdict = entry.get("verdict").asText();
            JsonNode ci = entry.get("ci");
            boolean excludes = !ci.isNull() && (ci.get(0).asDouble() > 0 || ci.get(1).asDouble() < 0);
            assertEquals(excludes, verdict.equals("better") || verdict.equals("worse"), entry.toString());
            if (excludes) {
                significant++;
                assertEquals(ci.get(0).asDouble() > 0, verdict.equals("better"));
                assertTrue(entry.get("adjustedP").asDouble() < 0.05);
            }
            assertEquals("recall", entry.get("metric").asText());
            assertFalse(entry.has("primary"));
        }
        assertTrue(significant > 0);
        JsonNode without = new ObjectMapper().readTree(json.write(new ComparisonReport(report.packName(),
                report.productionVersion(), report.candidateVersion(), report.primaryMetric(), report.options(),
                report.results(), report.correctedTests(), report.correctedTestsByMetric()), r -> true, List.of()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) root).remove("perClassRecall");
        assertEquals(without, root);
    }
}
