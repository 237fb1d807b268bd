package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.triggers.FeatureDrift;
import org.verdict.core.gates.triggers.RetrainingAssessment;
import org.verdict.core.gates.triggers.RetrainingDecision;
import org.verdict.core.gates.triggers.Trigger;
import org.verdict.core.gates.triggers.TriggerResult;
import org.verdict.core.gates.triggers.TriggerState;
import org.verdict.core.pack.PackException;

class TriggerEvaluatorTest {
    @TempDir
    Path folder;

    private RetrainingAssessment assess(TestPack pack) throws PackException {
        return pack.review().triggers();
    }

    private static String monitoring(double current, long newLabelled, double currentViolations) {
        return "{\"primaryMetric\": {\"baseline\": 0.80, \"current\": " + current + ", \"n\": 2000},"
                + " \"newLabelledExamples\": " + newLabelled + ","
                + " \"safetyViolations\": {\"baselineRate\": 0.005, \"baselineN\": 10000, \"currentRate\": "
                + currentViolations + ", \"currentN\": 10000}}";
    }

    /** Seven days alternating 1% and 3% negative, then the latest day. */
    private static String feedback(int latestNegativePer1000) {
        StringBuilder csv = new StringBuilder("date,interactions,negative\n");
        for (int day = 1; day <= 7; day++) {
            csv.append("2026-11-0").append(day).append(",1000,").append(day % 2 == 1 ? 10 : 30).append('\n');
        }
        return csv.append("2026-11-08,1000,").append(latestNegativePer1000).append('\n').toString();
    }

    @Test
    void withoutMonitoringEvidenceNothingFiresAndTheSuggestionIsToDefer() throws PackException {
        RetrainingAssessment assessment = assess(new TestPack(folder));
        assertTrue(assessment.triggers().stream().allMatch(t -> t.state() == TriggerState.NO_EVIDENCE));
        assertEquals(RetrainingDecision.DEFER, assessment.suggestion());
        assertTrue(assessment.rationale().startsWith("no monitoring evidence: no trigger can be judged"),
                "defer because nothing can be judged, not because all is quiet: " + assessment.rationale());
    }

    @Test
    void quietTriggersAreToldApartFromTriggersWithoutEvidence() throws PackException {
        // 0.80 -> 0.79 is 1.25% (< 5%), 100 new labels, violations unchanged: every monitoring trigger is quiet,
        // drift and feedback have no evidence in this pack
        RetrainingAssessment partly = assess(new TestPack(folder)
                .suite("monitoring", "monitoring.json", monitoring(0.79, 100, 0.005)));
        assertEquals(RetrainingDecision.DEFER, partly.suggestion());
        assertTrue(partly.rationale().startsWith("no trigger fired among those with evidence ("), partly.rationale());
        assertTrue(partly.rationale().contains("no monitoring evidence for "), partly.rationale());
        assertFalse(partly.rationale().contains("every trigger is quiet"), partly.rationale());
    }

    @Test
    void metricDecayWithEnoughNewLabelsSuggestsRetraining() throws PackException {
        // (0.80 − 0.75) / 0.80 = 6.25% worse > 5%; 6000 ≥ 5000 new labels; violations unchanged
        RetrainingAssessment assessment = assess(new TestPack(folder)
                .suite("monitoring", "monitoring.json", monitoring(0.75, 6000, 0.005)));
        assertTrue(assessment.fired(Trigger.METRIC_DECAY));
        assertEquals(6.25, assessment.result(Trigger.METRIC_DECAY).numbers().get("worsePercent"), 1e-9);
        assertTrue(assessment.fired(Trigger.LABELLED_VOLUME));
        assertFalse(assessment.fired(Trigger.SAFETY_RISE));
        assertEquals(RetrainingDecision.RETRAIN, assessment.suggestion());
    }

    @Test
    void aSafetyRiseSuggestsInvestigatingFirst() throws PackException {
        // 0.5% -> 0.9% on 10,000 each: pooled 0.7%, se = sqrt(0.007 · 0.993 · 2 / 10000) = 0.0011790,
        // z = 0.004 / 0.0011790 = 3.39, one-sided p = 0.00035 < 0.05
        RetrainingAssessment assessment = assess(new TestPack(folder)
                .suite("monitoring", "monitoring.json", monitoring(0.79, 100, 0.009)));
        assertTrue(assessment.fired(Trigger.SAFETY_RISE));
        assertEquals(0.00035, assessment.result(Trigger.SAFETY_RISE).numbers().get("pValue"), 2e-5);
        assertEquals(RetrainingDecision.INVESTIGATE, assessment.suggestion());
    }

    @Test
    void feedbackFiresAboveTheRollingMeanPlusTwoStandardDeviations() throws PackException {
        // 1%,3%,1%,3%,1%,3%,1%: mean 0.0185714, sample sd 0.0106904, threshold 0.0399523
        RetrainingAssessment above = assess(new TestPack(folder).suite("feedback", "fb.csv", feedback(40)));
        assertEquals(0.0399523, above.result(Trigger.FEEDBACK).numbers().get("threshold"), 1e-7);
        assertTrue(above.fired(Trigger.FEEDBACK));
        assertEquals(RetrainingDecision.INVESTIGATE, above.suggestion());
        RetrainingAssessment below = assess(new TestPack(folder).suite("feedback", "fb.csv", feedback(39)));
        assertFalse(below.fired(Trigger.FEEDBACK));
    }

    /** 31 days from 2026-10-01 at 1,000 interactions: 29 / 31 negative on odd / even days, from day 22 44 / 46. */
    private static String feedbackRisingFromDay(int firstRaisedDay) {
        StringBuilder csv = new StringBuilder("date,interactions,negative\n");
        for (int day = 1; day <= 31; day++) {
            int negative = day < firstRaisedDay ? (day % 2 == 1 ? 29 : 31) : (day % 2 == 1 ? 44 : 46);
            csv.append(String.format("2026-10-%02d,1000,%d%n", day, negative));
        }
        return csv.toString();
    }

    @Test
    void aRiseThatHasLastedTenDaysStillFiresOnTheLastWeeksMean() throws PackException {
        // the latest day, 4.4%, against its 28 days before (19 at 2.9/3.1%, 9 raised ones): mean 3.482%, sd 0.7283
        // points, threshold 4.939%: the raised days in the window hide the rise. The last 7 days' mean 4.486%
        // against the 24 days before them (21 at 2.9/3.1%, 3 raised): mean 3.1875%, sd 0.5294 points, threshold
        // 3.1875 + 2 · 0.5294 / √7 = 3.588%: fired (NumPy, ddof=1)
        RetrainingAssessment rising = assess(new TestPack(folder)
                .suite("feedback", "fb.csv", feedbackRisingFromDay(22)));
        TriggerResult feedback = rising.result(Trigger.FEEDBACK);
        assertEquals(0.0493873, feedback.numbers().get("threshold"), 1e-7);
        assertEquals(0.0448571, feedback.numbers().get("weekRate"), 1e-7);
        assertEquals(0.0358769, feedback.numbers().get("weekThreshold"), 1e-7);
        assertTrue(rising.fired(Trigger.FEEDBACK), feedback.detail());
        assertTrue(feedback.detail().contains("the last 7 days 4.49% (n=7,000) vs 3.19% + 2 sd/√7 = 3.59% of the 24"
                + " days before them: a sustained rise"), feedback.detail());

        // the same days without the rise: the last week's mean 2.986% is under its threshold 3.077%
        RetrainingAssessment steady = assess(new TestPack(folder)
                .suite("feedback", "fb.csv", feedbackRisingFromDay(32)));
        assertFalse(steady.fired(Trigger.FEEDBACK), steady.result(Trigger.FEEDBACK).detail());
    }

    @Test
    void driftReportsPsiAndTheTestOfEachFeature() throws PackException {
        // channel: reference 50 web / 50 mail, current 25 / 75 -> PSI 0.274653 (major);
        // length: the same values in both samples -> PSI 0, KS D = 0
        StringBuilder csv = new StringBuilder("sample,length,channel,prediction\n");
        for (int i = 0; i < 100; i++) {
            csv.append("reference,").append(i).append(',').append(i < 50 ? "web" : "mail").append(",a\n");
            csv.append("current,").append(i).append(',').append(i < 25 ? "web" : "mail").append(",a\n");
        }
        RetrainingAssessment assessment = assess(new TestPack(folder)
                .drift(csv.toString(), List.of("length"), List.of("channel")));
        FeatureDrift channel = assessment.drift().stream().filter(f -> f.feature().equals("channel")).findFirst()
                .orElseThrow();
        assertEquals(0.274653, channel.psi(), 1e-6);
        assertEquals("major", channel.band());
        assertEquals("chi-square", channel.test());
        assertEquals(100, channel.currentN());
        assertTrue(channel.drifted());
        FeatureDrift length = assessment.drift().stream().filter(f -> f.feature().equals("length")).findFirst()
                .orElseThrow();
        assertEquals(0, length.psi(), 1e-12);
        assertEquals(0, length.statistic(), 1e-12);
        assertFalse(length.drifted());
        assertTrue(assessment.fired(Trigger.DRIFT));
    }
}
