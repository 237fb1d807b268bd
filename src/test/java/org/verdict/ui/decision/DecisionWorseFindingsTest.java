package org.verdict.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
        ReviewPack pack = loader.load(rarePack(), Progress.NONE);
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

    private Path rarePack() throws Exception {
        Path pack = folder.resolve("rare");
        Files.createDirectories(pack);
        StringBuilder primary = new StringBuilder("example_id,label,region,pred_1,pred_2\n");
        for (int row = 0; row < 500; row++) {
            String label = row < 100 ? "r" : row % 2 == 0 ? "a" : "b";
            String production = row < 10 ? "a" : label;
            String candidate = row < 50 ? "a" : label;
            primary.append("ex-").append(row).append(',').append(label).append(',')
                    .append(row % 2 == 0 ? "north" : "south").append(',').append(production).append(',')
                    .append(candidate).append('\n');
        }
        Files.writeString(pack.resolve("primary.csv"), primary);
        Files.writeString(pack.resolve("manifest.json"), """
                {"format": "verdict-pack/1",
                 "model": {"name": "rare-router", "task": "multiclass", "riskTier": 2, "positiveLabel": null},
                 "models": [
                   {"version": "1", "role": "production", "dataSnapshot": "s1", "codeVersion": "git:1",
                    "trainedAt": "2026-10-01T10:00:00Z", "hyperparameters": {}},
                   {"version": "2", "role": "candidate", "dataSnapshot": "s2", "codeVersion": "git:2",
                    "trainedAt": "2026-11-01T10:00:00Z", "hyperparameters": {}}],
                 "primaryMetric": "macro_f1",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["region"], "sensitive": []}}}
                """);
        return pack;
    }
}
