package org.verdict.core.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.gates.triggers.RetrainingDecision;
import org.verdict.core.gates.triggers.Trigger;
import org.verdict.core.gates.triggers.TriggerResult;
import org.verdict.core.gates.triggers.TriggerState;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/** The bundled packs tell their stories through the gates: what a new user sees in the Gates view and `verdict gate`. */
class SamplePackGatesTest {
    private static final Path SAMPLES = Path.of("sample-data");

    @Test
    void heroCandidateFailsSlicesLanguageParityLatencyAndContaminationAndPassesTheRest() throws PackException {
        CandidateReview hero = review("support-router");

        // better overall, shown worse in Japanese and for enterprise customers: the Slices gate names both
        EnumSet<Gate> failing = EnumSet.of(Gate.SLICES, Gate.LANGUAGE_PARITY, Gate.LATENCY, Gate.CONTAMINATION);
        assertEquals(failing, gatesWith(hero, GateOutcome.FAIL));
        assertEquals(EnumSet.complementOf(failing), gatesWith(hero, GateOutcome.PASS));
        assertEquals(List.of("language=ja", "segment=enterprise"), hero.gates().result(Gate.SLICES).findings().stream()
                .map(f -> f.subject()).toList());
    }

    @Test
    void heroMonitoringFiredTheTriggersThatCalledForRetraining() throws PackException {
        CandidateReview hero = review("support-router");

        assertEquals(EnumSet.of(Trigger.METRIC_DECAY, Trigger.DRIFT, Trigger.FEEDBACK, Trigger.LABELLED_VOLUME), fired(hero));
        assertEquals(RetrainingDecision.RETRAIN, hero.triggers().suggestion());
    }

    @Test
    void passingPackPassesEveryGateWithQuietMonitoring() throws PackException {
        CandidateReview passing = review("fraud-screen-pass");

        assertEquals(EnumSet.allOf(Gate.class), gatesWith(passing, GateOutcome.PASS));
        assertEquals(EnumSet.of(Trigger.LABELLED_VOLUME), fired(passing));
    }

    private static CandidateReview review(String pack) throws PackException {
        PackLoader loader = new PackLoader();
        GateReview review = new GateReview(new ComparisonEngine(), loader, new SuiteReader(), new PolicyReader());
        ReviewPack loaded = loader.load(SAMPLES.resolve(pack), Progress.NONE);
        return review.reviewUnderItsPolicy(loaded, null, Progress.NONE);
    }

    private static Set<Gate> gatesWith(CandidateReview review, GateOutcome outcome) {
        return review.gates().gates().stream().filter(g -> g.outcome() == outcome).map(g -> g.gate())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Gate.class)));
    }

    private static Set<Trigger> fired(CandidateReview review) {
        return review.triggers().triggers().stream().filter(t -> t.state() == TriggerState.FIRED)
                .map(TriggerResult::trigger).collect(Collectors.toCollection(() -> EnumSet.noneOf(Trigger.class)));
    }
}
