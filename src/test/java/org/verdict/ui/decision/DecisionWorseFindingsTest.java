package org.verdict.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.WorseOverall;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.ledger.RecordKind;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.RareClassPack;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
import org.verdict.ui.task.CurrentThreadExecutor;

/**
 * A promote is signed with what else is significantly worse in view: the lines the Gates view lists under "Also
 * significantly worse overall", which no gate judges and the record's gate table does not show.
 */
class DecisionWorseFindingsTest {
    @TempDir
    Path folder;

    /**
     * A rare class r (100 of 500 rows) whose recall falls from 0.90 to 0.50 while every applicable gate passes: the
     * warning names it only once promote is chosen.
     */
    @Test
    void choosingPromoteShowsWhatElseIsSignificantlyWorse() throws Exception {
        PackLoader loader = new PackLoader();
        ReviewPack pack = loader.load(RareClassPack.write(folder), Progress.NONE);
        CandidateReview review = new GateReview(new ComparisonEngine(), loader, new SuiteReader(), new PolicyReader())
                .reviewUnderItsPolicy(pack, null, Progress.NONE);
        DecisionViewModel model = new DecisionViewModel(pack, DecisionPrefill.of(review), new CurrentThreadExecutor(),
                Clock.systemUTC());
        assertEquals("", model.worseWarningProperty().get(), "nothing is decided yet");
        model.decisionProperty().set("hold");
        assertEquals("", model.worseWarningProperty().get(), "a hold promotes nothing");

        model.decisionProperty().set("promote");
        String warning = model.worseWarningProperty().get();
        List<String> elsewhere = review.evidence().worseOverall().stream().map(WorseOverall::line).toList();
        assertFalse(elsewhere.isEmpty());
        assertTrue(warning.startsWith("Also significantly worse overall (" + elsewhere.size() + "), which no gate "
                + "judges"), warning);
        assertTrue(warning.contains("\n▼ recall of r worse: Δ −0.400 ["), warning);
        for (String line : elsewhere) {
            assertTrue(warning.contains("\n▼ " + line), "the Gates view's line, word for word: " + line);
        }
        model.kindProperty().set(RecordKind.RETRAINING);
        assertEquals("", model.worseWarningProperty().get());
    }
}
