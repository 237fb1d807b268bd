package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.gates.evidence.SafetyEvidence;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.suites.PackSuites;
import org.verdict.core.gates.suites.SafetySuite;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.Task;

/**
 * The safety gate judges each category on the interval of the candidate's violation rate, never on its point
 * estimate: simulated suites with a known true rate, through the engine (SafetySuite → SafetyEvidence → SafetyGate).
 * The expected pass rates are the binomial sums of bench/safety_gate_errors.py, written apart from this code.
 */
class SafetyGateErrorRatesTest {
    private static final int SAMPLES = 1500;

    @Test
    void aTrueRateAtTheAcceptedOnePassesAtMostTheIntervalsOneSidedTail() {
        // nominal 2.5 % (the upper end of a 95 % interval); 3 Monte-Carlo standard errors of 1500 samples: 1.2 points
        for (int n : new int[]{300, 1000}) {
            Rates rates = simulate(1, n, 0.02, 0.02, new Random(n));
            assertTrue(rates.pass <= 0.025 + 0.012, "n=" + n + ": " + rates);
        }
    }

    @Test
    void aTrueRateAboveTheAcceptedOneAlmostNeverPasses() {
        // pii_leak of the review: a true 3 % on 300 prompts against an accepted 2 % passed 20 % of the time on the
        // point estimate; on the interval the exact probability is 0.11 %
        Rates rates = simulate(1, 300, 0.03, 0.02, new Random(3));
        assertTrue(rates.pass <= 0.006, rates.toString());
    }

    @Test
    void aTrueRateWellBelowTheAcceptedOnePassesWhenTheSampleCanShowIt() {
        // exact pass probabilities: 1 % vs 2 % on 1000 examples 0.697, on 3000 0.994; on 300 0.198
        assertTrue(Math.abs(simulate(1, 1000, 0.01, 0.02, new Random(5)).pass - 0.697) < 0.04);
        assertTrue(simulate(1, 3000, 0.01, 0.02, new Random(6)).pass > 0.97);
    }

    @Test
    void severalCategoriesAtTheAcceptedRateDoNotPassMoreOftenThanOne() {
        // the gate passes only when every category does (an intersection-union test): no multiplicity adjustment
        Rates rates = simulate(4, 1000, 0.02, 0.02, new Random(7));
        assertTrue(rates.pass <= 0.025 + 0.012, rates.toString());
    }

    @Test
    void everyVerdictAgreesWithTheIntervalBesideIt() {
        Random random = new Random(11);
        for (int sample = 0; sample < 300; sample++) {
            int n = 30 + random.nextInt(2000);
            double accepted = 0.005 + 0.1 * random.nextDouble();
            for (Finding finding : judge(1, n, accepted * (0.3 + 1.4 * random.nextDouble()), accepted, random)
                    .findings()) {
                double lower = finding.numbers().get("candidateCiLower");
                double upper = finding.numbers().get("candidateCiUpper");
                switch (finding.outcome()) {
                    case PASS -> assertTrue(upper <= accepted, finding.detail());
                    case FAIL -> assertTrue(lower > accepted, finding.detail());
                    default -> assertTrue(lower <= accepted && upper > accepted, finding.detail());
                }
            }
        }
    }

    @Test
    void theReviewersStraddlingCategoryIsInsufficientEvidenceAndSaysWhatWouldDecideIt() {
        // 5 of 300 = 1.67 %, exact 95 % interval [0.54 %, 3.85 %] (scipy.stats.beta), accepted 2 %
        Finding finding = judge(counts(5, 300), 0.02).findings().get(0);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, finding.outcome());
        assertTrue(finding.detail().contains("1.67% [0.54%, 3.85%] (5 of 300, 95% exact interval)"), finding.detail());
        // the fewest n whose exact upper end, at n / 60 violations, is at most 2 %: 6,782 (scipy.stats.beta)
        assertTrue(finding.detail().contains("about 6,782 would show it if the rate stays at 1.67%"), finding.detail());
        // 9 of 250 = 3.6 % [1.66 %, 6.72 %] vs 2 %: not a fail while the interval reaches below 2 %
        Finding above = judge(counts(9, 250), 0.02).findings().get(0);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, above.outcome());
        assertTrue(above.detail().contains("only a candidate that violates less can pass"), above.detail());
    }

    @Test
    void anIntervalEndJustAboveTheAcceptedRateIsWrittenApartFromIt() {
        // 2 of 358: exact 95 % interval [0.0677 %, 2.0034 %] (scipy.stats.beta); at two decimals the upper end would
        // read "2.00%", as if it reached no higher than the accepted 2 %, beside a verdict that says it does
        Finding finding = judge(counts(2, 358), 0.02).findings().get(0);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, finding.outcome());
        assertTrue(finding.detail().contains("the interval reaches 2.003%, above the accepted rate"), finding.detail());
        assertTrue(finding.detail().contains("[0.07%, 2.003%] (2 of 358, 95% exact interval)"), finding.detail());
    }

    @Test
    void anAcceptedRateOfZeroFailsOnOneViolationAndCannotPassOnNone() {
        assertEquals(GateOutcome.FAIL, judge(counts(1, 5000), 0).outcome());
        Finding none = judge(counts(0, 5000), 0).findings().get(0);
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, none.outcome());
        assertTrue(none.detail().contains("no sample can show a rate of 0"), none.detail());
        // 0 of 5,000 at 95 %: the exact upper end 1 − 0.025^(1/5000) = 0.07375 %, −ln(0.025) = 3.689 per example
        assertTrue(none.detail().contains("about 3.7 / n"), none.detail());
    }

    private record Rates(double pass, double fail, double insufficient) {
    }

    private static Rates simulate(int categories, int n, double trueRate, double accepted, Random random) {
        int[] outcomes = new int[GateOutcome.values().length];
        for (int sample = 0; sample < SAMPLES; sample++) {
            outcomes[judge(categories, n, trueRate, accepted, random).outcome().ordinal()]++;
        }
        return new Rates(outcomes[GateOutcome.PASS.ordinal()] / (double) SAMPLES,
                outcomes[GateOutcome.FAIL.ordinal()] / (double) SAMPLES,
                outcomes[GateOutcome.INSUFFICIENT_EVIDENCE.ordinal()] / (double) SAMPLES);
    }

    private static GateResult judge(int categories, int n, double trueRate, double accepted, Random random) {
        long[][] violations = new long[categories][];
        for (int c = 0; c < categories; c++) {
            long count = 0;
            for (int i = 0; i < n; i++) {
                count += random.nextDouble() < trueRate ? 1 : 0;
            }
            violations[c] = new long[]{count, n};
        }
        return judge(violations, accepted);
    }

    private static long[][] counts(long violations, long n) {
        return new long[][]{{violations, n}};
    }

    /**
     * A summary pack's paired cells: per category, the violating and the clean examples, the same for both models
     * (no discordant pair, so McNemar never fails a category and the accepted rate alone decides).
     */
    private static GateResult judge(long[][] violationsAndN, double accepted) {
        List<String> categories = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>();
        for (int c = 0; c < violationsAndN.length; c++) {
            categories.add("c" + c);
            counts.add(violationsAndN[c][0]);
            flags.add(true);
            categories.add("c" + c);
            counts.add(violationsAndN[c][1] - violationsAndN[c][0]);
            flags.add(false);
        }
        boolean[] violated = new boolean[flags.size()];
        for (int i = 0; i < violated.length; i++) {
            violated[i] = flags.get(i);
        }
        Map<String, boolean[]> byVersion = new LinkedHashMap<>();
        byVersion.put("1", violated);
        byVersion.put("2", violated.clone());
        SafetySuite suite = new SafetySuite(List.of(), categories, byVersion,
                counts.stream().mapToLong(Long::longValue).toArray());
        GatePolicy policy = new GatePolicy(null, null, null, null, null, null,
                new GatePolicy.Safety(accepted, null, null), null, null, null, null, null, null, null, null);
        SafetyEvidence safety = SafetyEvidence.of(suite, "1", "2", policy.confidenceLevel());
        ComparisonReport report = new ComparisonReport("safety", "1", "2", Metric.ACCURACY, ComparisonOptions.DEFAULTS,
                List.of(), 0, Map.of());
        GateResult result = new SafetyGate(policy).judge(new ReviewEvidence("safety", Task.BINARY, Metric.ACCURACY, "1",
                "2", 2, report, null, Optional.empty(), Optional.of(safety), Optional.empty(), null, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                PackSuites.NONE));
        assertEquals(Gate.SAFETY, result.gate());
        return result;
    }
}
