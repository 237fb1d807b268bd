package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.stats.Interval;
import org.verdict.core.task.Progress;

/**
 * The rule every reader relies on, checked on every result of several packs shaped like real ones (written as
 * CSV and loaded like a user's): a verdict is better/worse (significantly different without direction) if and only
 * if the interval shown beside it excludes 0 in the metric's direction; the adjusted p-value agrees; no interval of a
 * quantity estimated from data has zero width; each tested result says which family and interval it shows.
 */
class VerdictIntervalInvariantTest {
    /** A multiclass pack of jobs, macro_f1 primary, sliced by team. */
    private static final String JOBS_MANIFEST = """
            {"format": "verdict-pack/1",
             "model": {"name": "jobs", "task": "multiclass", "riskTier": 2, "positiveLabel": null},
             "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
             "primaryMetric": "macro_f1",
             "suites": {"primary": {"file": "primary.csv", "slices": ["team"]}}}
            """;

    private final ComparisonEngine engine = new ComparisonEngine();

    @TempDir
    Path folder;

    @Test
    void theSamplePack() throws Exception {
        ReviewPack pack = new PackLoader().load(Path.of("sample-data/support-router"), Progress.NONE);
        checkAll(engine.compare(pack, null, ComparisonOptions.DEFAULTS.withCrosses(
                List.of(List.of("segment", "language"))), Progress.NONE));
    }

    /** The bundled binary pack with scores (fraud screen), every metric of a binary task. */
    @Test
    void theBinarySamplePack() throws Exception {
        ReviewPack pack = new PackLoader().load(Path.of("sample-data/fraud-screen-pass"), Progress.NONE);
        checkAll(engine.compare(pack, null, ComparisonOptions.DEFAULTS, Progress.NONE));
    }

    /** Binary with scores, slices of 4 to 400 rows and one of the whole rest; the primary suite only. */
    @Test
    void binaryPackWithSlicesOfFourToFourHundredRows() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        int[] sizes = {4, 7, 12, 29, 30, 45, 61, 120, 162, 400, 1500};
        StringBuilder csv = new StringBuilder("example_id,label,region,score_1,score_2\n");
        int id = 0;
        for (int s = 0; s < sizes.length; s++) {
            for (int i = 0; i < sizes[s]; i++) {
                boolean positive = random.nextDouble() < 0.3;
                // region r0..r2 are separated perfectly by both models: AUC 1, DeLong's variance 0
                double shift = s < 3 ? 0.6 : 0.25;
                double prod = clamp((positive ? 0.5 + shift / 2 : 0.5 - shift / 2) + random.nextGaussian() * 0.12);
                double cand = clamp(prod + (s == 9 ? -0.15 : 0.05) * (positive ? 1 : -1) + random.nextGaussian() * 0.05);
                if (s < 3) {
                    prod = positive ? 0.9 : 0.1;
                    cand = positive ? 0.95 : 0.05;
                }
                csv.append(String.format(Locale.ROOT, "e%d,%s,r%d,%.4f,%.4f%n", id++, positive ? "yes" : "no", s,
                        prod, cand));
            }
        }
        String manifest = """
                {"format": "verdict-pack/1",
                 "model": {"name": "churn", "task": "binary", "riskTier": 2, "positiveLabel": "yes"},
                 "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate", "threshold": 0.7}],
                 "primaryMetric": "roc_auc",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["region"]}}}
                """;
        ComparisonReport report = compare(manifest, csv.toString());
        checkAll(report);
        // the perfectly separated 4-row slice: no zero-width interval for either model's AUC
        SliceResult tiny = find(report, Metric.ROC_AUC, "region=r0");
        assertTrue(tiny.production() == null || tiny.production().ci() == null
                || tiny.production().ci().upper() > tiny.production().ci().lower());
        // accuracy of 7 rows: Wilson intervals, never [1, 1]
        SliceResult seven = find(report, Metric.ACCURACY, "region=r1");
        assertTrue(seven.production().ci().upper() - seven.production().ci().lower() > 0.1, seven.toString());
    }

    /** A small slice whose brier losses are almost all 0 and one is 1: skewed enough to push a log-scale bound past 1. */
    @Test
    void aSmallSliceWithOneConfidentMissKeepsBrierBelowOne() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder("example_id,label,region,score_1,score_2\n");
        for (int i = 0; i < 400; i++) {
            boolean positive = random.nextDouble() < 0.3;
            double prod = clamp((positive ? 0.65 : 0.35) + random.nextGaussian() * 0.15);
            csv.append(String.format(Locale.ROOT, "b%d,%s,big,%.4f,%.4f%n", i, positive ? "yes" : "no", prod,
                    clamp(prod + random.nextGaussian() * 0.05)));
        }
        for (int i = 0; i < 16; i++) {
            boolean miss = i == 0;
            csv.append(String.format(Locale.ROOT, "s%d,%s,small,%.4f,%.4f%n", i, miss ? "yes" : "no",
                    miss ? 0.05 : 0.03 + 0.002 * i, miss ? 0.0 : 0.01 + 0.001 * i));
        }
        // five positives scored right with confidence (losses near 0): under 5 a class's losses get no interval
        for (int i = 0; i < 5; i++) {
            csv.append(String.format(Locale.ROOT, "p%d,yes,small,%.4f,%.4f%n", i, 0.97 + 0.004 * i, 0.98 + 0.003 * i));
        }
        String manifest = """
                {"format": "verdict-pack/1",
                 "model": {"name": "churn", "task": "binary", "riskTier": 2, "positiveLabel": "yes"},
                 "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                 "primaryMetric": "roc_auc",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["region"]}}}
                """;
        // a minimum of 4: under the default 30 the 21-row slice's bootstrap intervals are withheld (TooFewExamples)
        ComparisonReport report = compare(manifest, csv.toString(), MINIMUM_OF_FOUR);
        checkAll(report);
        SliceResult small = find(report, Metric.BRIER, "region=small");
        assertNotNull(small.candidate().ci(), small.toString());
    }

    /**
     * A credit screen whose models are confident (scores within 0.03 of 0 or 1) and whose slices are small: branches of
     * 4 to 30 applicants, where one confident miss carries most of a model's log loss or Brier score. Δ ± t·SE of the
     * losses put the candidate's log loss or Brier score below 0 in 22 of the 26 unadjusted and 2 of the 4 shown Δ
     * intervals of log_loss and brier on this pack (then with the default minimum of 30, whose smaller branches had an
     * unadjusted interval; now under the minimum they have none, so the branches are compared with a minimum of 4):
     * Δ log_loss [−0.0280, −0.0013] beside production's 0.0227 on 4 rows, [−3.51, +1.65] beside 0.944 on 5. Every one,
     * shown and unadjusted, must stay where the losses can be, and the verdicts follow them.
     */
    @Test
    void confidentScoresOnSmallSlicesKeepEveryLossDeltaFeasible() throws Exception {
        SplittableRandom random = new SplittableRandom(29);
        int[] sizes = {4, 5, 6, 8, 10, 12, 15, 18, 21, 25, 30, 400};
        StringBuilder csv = new StringBuilder("example_id,label,branch,score_1,score_2\n");
        int id = 0;
        for (int s = 0; s < sizes.length; s++) {
            for (int i = 0; i < sizes[s]; i++) {
                boolean positive = random.nextDouble() < 0.4;
                csv.append(String.format(Locale.ROOT, "a%d,%s,b%02d,%.4f,%.4f%n", id++, positive ? "bad" : "good", s,
                        confident(positive, 0.12, random), confident(positive, s % 3 == 0 ? 0.2 : 0.08, random)));
            }
        }
        String manifest = """
                {"format": "verdict-pack/1",
                 "model": {"name": "credit", "task": "binary", "riskTier": 2, "positiveLabel": "bad"},
                 "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                 "primaryMetric": "log_loss",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["branch"]}}}
                """;
        ComparisonReport report = compare(manifest, csv.toString(), MINIMUM_OF_FOUR);
        checkAll(report);
        long reachingTheFloor = report.results().stream()
                .filter(r -> r.metric() == Metric.LOG_LOSS || r.metric() == Metric.BRIER)
                .filter(r -> r.unadjustedCi() != null
                        && r.unadjustedCi().lower() < -0.8 * r.production().value())
                .count();
        assertTrue(reachingTheFloor > 0, "no branch's Δ loss reaches towards a candidate without loss");
        // a branch with fewer than 5 of a class has no interval of a loss (TooFewOfAClass): the 5-row one, whose paired
        // t interval [−3.51, +1.65] ended where the candidate's log loss would be 0
        SliceResult five = find(report, Metric.LOG_LOSS, "branch=b01");
        assertEquals(5, five.n());
        assertNull(five.unadjustedCi(), five.toString());
        assertTrue(report.results().stream().filter(r -> r.metric() == Metric.LOG_LOSS && r.unadjustedCi() != null)
                .anyMatch(r -> r.unadjustedCi().lower() == -r.production().value()),
                "no Δ log_loss interval ends where the candidate's log loss would be 0");
    }

    /** A score within 0.03 of the right end, except with probability {@code missRate} within 0.03 of the wrong one. */
    private static double confident(boolean positive, double missRate, SplittableRandom random) {
        boolean right = random.nextDouble() >= missRate;
        double margin = 0.001 + 0.029 * random.nextDouble();
        return positive == right ? 1 - margin : margin;
    }

    /** Multiclass with a class of 3 examples: the per-class averages say "unstable" where it bites. */
    @Test
    void multiclassPackWithARareClass() throws Exception {
        SplittableRandom random = new SplittableRandom(12);
        String[] classes = {"A", "B", "C", "D", "E"};
        StringBuilder csv = new StringBuilder("example_id,label,team,pred_1,pred_2\n");
        int rareLeft = 3;
        for (int i = 0; i < 900; i++) {
            String team = i < 160 ? "small" : i < 220 ? "tiny" : "big";
            int label = rareLeft > 0 && i % 50 == 7 && team.equals("small") ? 4 : random.nextInt(4);
            if (label == 4) {
                rareLeft--;
            }
            int prod = random.nextDouble() < 0.75 ? label : random.nextInt(4);
            int cand = random.nextDouble() < (team.equals("tiny") ? 0.6 : 0.82) ? label : random.nextInt(4);
            csv.append("e").append(i).append(',').append(classes[label]).append(',').append(team).append(',')
                    .append(classes[prod]).append(',').append(classes[cand]).append('\n');
        }
        ComparisonReport report = compare(JOBS_MANIFEST, csv.toString());
        checkAll(report);
        SliceResult small = find(report, Metric.MACRO_F1, "team=small");
        assertEquals("class E has 3 examples here; the bootstrap cannot measure macro_f1's uncertainty until the"
                + " class has 5 examples here (2 more)", small.unstableReason());
        assertNull(small.deltaCi());
        assertNull(small.production().ci(), "no percentile interval from replicates that are a mixture");
        // balanced_accuracy's per-model interval is not a bootstrap's (MOVER-Wilson), but the rule is the same
        SliceResult smallBalanced = find(report, Metric.BALANCED_ACCURACY, "team=small");
        assertNotNull(smallBalanced.unstableReason());
        assertNull(smallBalanced.production().ci());
        assertNull(smallBalanced.candidate().ci());
        assertEquals(Verdict.INCONCLUSIVE, small.verdict());
        // accuracy is a paired rate and stays testable there
        assertNotNull(find(report, Metric.ACCURACY, "team=small").deltaCi());
        // the other teams have no E at all: their averages and intervals run over the classes present, A–D, and
        // the note says so
        for (String team : List.of("team=big", "team=tiny")) {
            for (Metric metric : List.of(Metric.MACRO_F1, Metric.BALANCED_ACCURACY)) {
                SliceResult withoutE = find(report, metric, team);
                assertNull(withoutE.unstableReason(), team);
                assertEquals("class E has no example here, so " + metric.wireName() + " and its intervals average the"
                        + " 4 classes present", withoutE.note());
                assertNotNull(withoutE.deltaCi(), team);
                assertNotNull(withoutE.pValue(), team);
                assertNotNull(withoutE.production().ci(), team);
                assertNotNull(withoutE.candidate().ci(), team);
            }
            assertNotNull(find(report, Metric.ACCURACY, team).deltaCi());
            assertNotNull(find(report, Metric.WEIGHTED_F1, team).deltaCi());
        }
        // the overall slice holds every labelled class, E with its 3 examples: rare, not absent
        assertEquals("class E has 3 examples here; the bootstrap cannot measure macro_f1's uncertainty until the"
                + " class has 5 examples here (2 more)", find(report, Metric.MACRO_F1, "overall").unstableReason());
        assertNotNull(find(report, Metric.WEIGHTED_F1, "team=big").production().ci(),
                "weighted_f1 weighs an absent class 0, as the population average nearly does");
    }

    /**
     * Three classes under 5 examples (E 1, D 3, F 4): the reason names each with its count, the rarest first, and the
     * overall slice says what a board can do; accuracy, a paired rate, keeps its interval and needs no way forward.
     */
    @Test
    void everyClassUnderFiveIsNamedAndTheWaysForwardAreSaid() throws Exception {
        SplittableRandom random = new SplittableRandom(22);
        String[] classes = {"A", "B", "C", "D", "E", "F"};
        StringBuilder csv = new StringBuilder("example_id,label,team,pred_1,pred_2\n");
        for (int i = 0; i < 600; i++) {
            int label = i == 10 ? 4 : i == 20 || i == 30 || i == 40 ? 3 : i >= 50 && i <= 80 && i % 10 == 0 ? 5
                    : random.nextInt(3);
            int prod = random.nextDouble() < 0.8 ? label : random.nextInt(3);
            int cand = random.nextDouble() < 0.85 ? label : random.nextInt(3);
            csv.append("e").append(i).append(',').append(classes[label]).append(',').append(i % 2 == 0 ? "x" : "y")
                    .append(',').append(classes[prod]).append(',').append(classes[cand]).append('\n');
        }
        ComparisonReport report = compare(JOBS_MANIFEST, csv.toString());
        checkAll(report);
        SliceResult overall = find(report, Metric.MACRO_F1, "overall");
        // 4 more of E, 2 of D and 1 of F
        assertEquals("class E has 1 example here and 2 more classes have fewer than 5 (D: 3, F: 4); the bootstrap cannot"
                + " measure macro_f1's uncertainty until each of these classes has 5 examples here (7 more in all)",
                overall.unstableReason());
        assertNull(overall.deltaCi());
        assertTrue(overall.rareClassWaysForward().startsWith("ways forward: a primary metric that does not give each"
                + " class an equal share — micro_f1 (the same as accuracy here), accuracy, weighted_f1 or cohen_kappa"),
                overall.rareClassWaysForward());
        assertNotNull(find(report, Metric.BALANCED_ACCURACY, "overall").rareClassWaysForward());
        SliceResult accuracy = find(report, Metric.ACCURACY, "overall");
        assertNotNull(accuracy.deltaCi());
        assertNull(accuracy.rareClassWaysForward());
        assertNotNull(find(report, Metric.WEIGHTED_F1, "overall").deltaCi(),
                "weighted_f1, one of the ways forward, keeps its interval here");
    }

    /** House prices in dollars, a slice per county, many of them small. */
    @Test
    void regressionPackInDollarsWithManySlices() throws Exception {
        SplittableRandom random = new SplittableRandom(13);
        StringBuilder csv = new StringBuilder("example_id,label,county,pred_1,pred_2\n");
        for (int i = 0; i < 3000; i++) {
            int county = (int) Math.floor(Math.pow(random.nextDouble(), 2) * 40);
            double price = 150_000 + random.nextDouble() * 600_000;
            double prod = price + random.nextGaussian() * 40_000;
            double cand = price + random.nextGaussian() * (county == 3 ? 60_000 : 36_000);
            csv.append(String.format(Locale.ROOT, "h%d,%.2f,c%02d,%.2f,%.2f%n", i, price, county, prod, cand));
        }
        String manifest = """
                {"format": "verdict-pack/1",
                 "model": {"name": "houses", "task": "regression", "riskTier": 2, "positiveLabel": null},
                 "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                 "primaryMetric": "mae",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["county"]}}}
                """;
        checkAll(compare(manifest, csv.toString()));
    }

    /**
     * House prices with multiplicative errors and rare gross ones, neighbourhoods of 20–60 rows: where one house carries
     * most of production's squared error, Δ ± t·SE of the squared errors put the candidate's rmse below 0 and its r2
     * above 1. Every Δ interval of the error metrics and r2 must stay where the metrics can be, and in this pack some
     * reach close to the candidate without error, so the check bites.
     */
    @Test
    void houseNeighbourhoodsWithGrossErrorsKeepEveryDeltaFeasible() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        StringBuilder csv = new StringBuilder("example_id,label,neighbourhood,pred_1,pred_2\n");
        int id = 0;
        for (int hood = 0; hood < 24; hood++) {
            int size = 20 + random.nextInt(41);
            for (int i = 0; i < size; i++) {
                double price = Math.exp(12.2 + 0.4 * random.nextGaussian());
                double shared = 0.1 * random.nextGaussian();
                double prodError = shared + 0.12 * random.nextGaussian()
                        + (random.nextDouble() < 0.04 ? 0.6 * random.nextGaussian() : 0);
                double candError = shared + 0.10 * random.nextGaussian()
                        + (random.nextDouble() < 0.02 ? 0.6 * random.nextGaussian() : 0);
                csv.append(String.format(Locale.ROOT, "h%d,%.0f,n%02d,%.2f,%.2f%n", id++, price, hood,
                        price * Math.exp(prodError), price * Math.exp(candError)));
            }
        }
        String manifest = """
                {"format": "verdict-pack/1",
                 "model": {"name": "houses", "task": "regression", "riskTier": 2, "positiveLabel": null},
                 "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                 "primaryMetric": "mae",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["neighbourhood"]}}}
                """;
        ComparisonReport report = compare(manifest, csv.toString());
        checkAll(report);
        long nearZero = report.resultsFor(Metric.RMSE).stream()
                .filter(r -> r.deltaCi() != null && r.deltaCi().lower() < -0.6 * r.production().value()).count();
        assertTrue(nearZero > 0, "no neighbourhood's Δ rmse reaches towards a candidate without error");
    }

    /**
     * A wide fraud screen: 6,000 rows, 4 % positives, 40 countries of 20–600 rows and a Holm family of 40 slices. At
     * the first Holm steps (1 − 0.05/40) the interval of Δ pr_auc of a country with a handful of frauds spans every
     * value the candidate could have; such a slice says "no information at this level" with the reason, in the result
     * and in the JSON, and its unadjusted interval stays narrower.
     */
    @Test
    void aWideFraudPackSaysWhereAnIntervalCarriesNoInformation() throws Exception {
        SplittableRandom random = new SplittableRandom(23);
        StringBuilder csv = new StringBuilder("example_id,label,country,score_1,score_2\n");
        for (int i = 0; i < 6000; i++) {
            int country = (int) Math.floor(-Math.log(1 - random.nextDouble()) * 9) % 40;
            double logit = -3.6 + 1.3 * random.nextGaussian();
            boolean fraud = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            csv.append(String.format(Locale.ROOT, "t%d,%s,c%02d,%.5f,%.5f%n", i, fraud ? "fraud" : "ok", country,
                    1 / (1 + Math.exp(-(logit + 1.1 * random.nextGaussian()))),
                    1 / (1 + Math.exp(-(logit + 1.0 * random.nextGaussian())))));
        }
        String manifest = """
                {"format": "verdict-pack/1",
                 "model": {"name": "fraud", "task": "binary", "riskTier": 2, "positiveLabel": "fraud"},
                 "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                 "primaryMetric": "pr_auc",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["country"]}}}
                """;
        ComparisonReport report = compare(manifest, csv.toString());
        checkAll(report);
        List<SliceResult> uninformative = report.results().stream().filter(r -> r.noInformationReason() != null)
                .toList();
        assertFalse(uninformative.isEmpty(), "no slice of the wide pack spans the whole range");
        for (SliceResult r : uninformative) {
            double p = r.production().value();
            assertTrue(r.deltaCi().lower() <= -p + 1e-9 && r.deltaCi().upper() >= 1 - p - 1e-9, r.toString());
            assertEquals("no information", r.verdictWord());
            assertTrue(r.noInformationReason().startsWith("the " + r.shownInterval().levelText() + " interval of Δ "
                    + "spans every " + r.metric().wireName() + " the candidate could have (0 to 1)"), r.toString());
        }
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                new ComparisonJson().write(report, r -> true, List.of()));
        long said = 0;
        for (com.fasterxml.jackson.databind.JsonNode result : json.get("results")) {
            said += result.has("noInformation") ? 1 : 0;
        }
        assertEquals(uninformative.size(), said);
    }

    /** The same checks under Benjamini–Hochberg and with no correction. */
    @Test
    void everyCorrectionKeepsTheRule() throws Exception {
        ReviewPack pack = new PackLoader().load(Path.of("sample-data/support-router"), Progress.NONE);
        for (CorrectionMethod method : List.of(CorrectionMethod.BENJAMINI_HOCHBERG, CorrectionMethod.NONE)) {
            ComparisonOptions options = new ComparisonOptions(0.95, 30, 0.05, 1000, 5L, method, List.of());
            checkAll(engine.compare(pack, null, options, Progress.NONE));
        }
    }

    /** Slices from 4 rows are tested, so the tests of small slices' intervals still see them. */
    private static final ComparisonOptions MINIMUM_OF_FOUR = new ComparisonOptions(0.95, 4, 0.05, 1000,
            ComparisonOptions.DEFAULTS.seed(), CorrectionMethod.HOLM, List.of());

    private ComparisonReport compare(String manifest, String csv) throws Exception {
        return compare(manifest, csv, ComparisonOptions.DEFAULTS);
    }

    private ComparisonReport compare(String manifest, String csv, ComparisonOptions options) throws Exception {
        Path pack = PackFixture.write(folder.resolve("pack-" + manifest.hashCode()), manifest, csv);
        return engine.compare(new PackLoader().load(pack, Progress.NONE), null, options, Progress.NONE);
    }

    static void checkAll(ComparisonReport report) {
        double alpha = 1 - report.options().confidenceLevel();
        List<String> decisive = new ArrayList<>();
        for (SliceResult r : report.results()) {
            String where = r.slice().label() + " " + r.metric().wireName() + ": " + r;
            Interval ci = r.deltaCi();
            boolean excludesZero = ci != null && (ci.lower() > 0 || ci.upper() < 0);
            boolean significant = r.verdict() == Verdict.BETTER || r.verdict() == Verdict.WORSE
                    || r.verdict() == Verdict.DIFFERENT;
            assertEquals(excludesZero, significant, where);
            if (r.verdict() == Verdict.BETTER) {
                assertTrue(r.metric().higherIsBetter() ? ci.lower() > 0 : ci.upper() < 0, where);
            }
            if (r.verdict() == Verdict.WORSE) {
                assertTrue(r.metric().higherIsBetter() ? ci.upper() < 0 : ci.lower() > 0, where);
                decisive.add(where);
            }
            if (ci != null) {
                assertNotNull(r.shownInterval(), where);
                assertEquals(r.slice().isOverall() ? TestFamily.OVERALL : TestFamily.SLICES,
                        r.shownInterval().family(), where);
                assertEquals(significant, r.adjustedP() < alpha, where);
                assertTrue(ci.upper() > ci.lower(), "zero-width interval of Δ: " + where);
                assertTrue(ci.contains(r.delta()), where);
                if (r.slice().isOverall()) {
                    assertEquals(r.unadjustedCi(), ci, where);
                } else {
                    assertTrue(ci.lower() <= r.unadjustedCi().lower() && ci.upper() >= r.unadjustedCi().upper(),
                            "an adjusted interval is never narrower than the unadjusted one: " + where);
                }
            }
            for (MetricEstimate estimate : new MetricEstimate[] {r.production(), r.candidate()}) {
                if (estimate != null && estimate.ci() != null) {
                    assertTrue(estimate.ci().upper() > estimate.ci().lower(), "zero-width model interval: " + where);
                    assertTrue(estimate.ci().contains(estimate.value()), "a model interval without its value: "
                            + where + " " + estimate);
                    assertTrue(withinPossibleValues(r.metric(), estimate.ci()), "a model interval reaching values "
                            + "the metric cannot take: " + where + " " + estimate);
                }
            }
            if ((r.production() == null) != (r.candidate() == null)) {
                assertNull(r.delta(), where);
                assertTrue(r.unavailableReason().endsWith("so Δ is unavailable"), where);
            }
            assertFalse(r.isUnstable() && r.deltaCi() != null, where);
            for (Interval delta : new Interval[] {r.deltaCi(), r.unadjustedCi()}) {
                if (delta != null && r.production() != null && keptFeasibleByTheRatio(r.metric())) {
                    double p = r.production().value();
                    assertTrue(withinPossibleValues(r.metric(), new Interval(p + delta.lower(), p + delta.upper())),
                            "an interval of Δ that puts the candidate where the metric cannot be: " + where);
                }
            }
            if (r.noInformationReason() != null) {
                assertEquals(Verdict.INCONCLUSIVE, r.verdict(), where);
                assertTrue(r.deltaCi().contains(0), where);
                assertTrue(r.verdictLabel().startsWith(SliceResult.NO_INFORMATION), where);
            }
        }
    }

    /** The losses, the error metrics and r2, whose Δ is made on the ratio of the mean losses or errors. */
    private static boolean keptFeasibleByTheRatio(Metric metric) {
        return switch (metric) {
            case LOG_LOSS, BRIER, MAE, RMSE, MAPE, R2 -> true;
            default -> false;
        };
    }

    /** Rates, areas and brier lie in [0, 1]; errors and losses are never negative; r2 is at most 1. */
    private static boolean withinPossibleValues(Metric metric, Interval ci) {
        return switch (metric) {
            case LOG_LOSS, MAE, RMSE, MAPE -> ci.lower() >= 0;
            case R2 -> ci.upper() <= 1;
            case COHEN_KAPPA -> ci.lower() >= -1 && ci.upper() <= 1;
            case SQ_CALIBRATION_ERROR -> true; // debiased: an estimate may fall below 0
            default -> ci.lower() >= 0 && ci.upper() <= 1;
        };
    }

    private static SliceResult find(ComparisonReport report, Metric metric, String slice) {
        return report.resultsFor(metric).stream().filter(r -> r.slice().label().equals(slice)).findFirst()
                .orElseThrow();
    }

    private static double clamp(double score) {
        return Math.min(1, Math.max(0, score));
    }
}
