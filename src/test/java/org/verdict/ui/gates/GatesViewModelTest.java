package org.verdict.ui.gates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceModel;
import org.verdict.core.evidence.EvidenceSection;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateEvaluation;
import org.verdict.core.gates.HeldOutLossPack;
import org.verdict.core.gates.RealStylePack;
import org.verdict.core.gates.ReviewEvidence;
import org.verdict.core.gates.TestPack;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.report.ApprovalPackContent;
import org.verdict.core.report.ApprovalPackWriter;
import org.verdict.core.report.GateReviewEvidence;
import org.verdict.core.stats.Interval;
import org.verdict.core.task.Progress;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.HeldExecutor;
import org.verdict.ui.task.TurnWatch;

class GatesViewModelTest {
    @TempDir
    Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.gates.gates");
    private final List<String> shownViews = new ArrayList<>();
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();

    /** The candidate chosen in Compare. */
    private final StringProperty chosenCandidate = new SimpleStringProperty();

    private GatesViewModel model(GatesViewModel.Reviewer reviewer) {
        return new GatesViewModel(reviewer, executor, new ActivityMonitor(() -> 0), text,
                shownViews::add, chosenCandidate);
    }

    private static long count(GatesViewModel model, GateOutcome outcome) {
        return model.rows().stream().filter(r -> r.outcome() == outcome).count();
    }

    private GateRow row(GatesViewModel model, Gate gate) {
        return model.rows().stream().filter(r -> r.gate() == gate).findFirst().orElseThrow();
    }

    @Test
    void listsEveryGateWithItsOutcomeAndSaysWhatBlocksThePromotion() throws PackException {
        GatesViewModel model = model(GatesFixture.reviewer());
        model.showPack(GatesFixture.failingSafety(folder).load());
        assertEquals(12, model.rows().size());
        GateRow safety = row(model, Gate.SAFETY);
        assertEquals(GateOutcome.FAIL, safety.outcome());
        assertEquals("✘", safety.glyph());
        assertEquals("gate-fail", safety.styleClass());
        assertEquals(GateOutcome.PASS, row(model, Gate.LATENCY).outcome());
        assertEquals(GateOutcome.NOT_APPLICABLE, row(model, Gate.CANARY).outcome());
        // safety fails; fairness (groups of 100), circuit breaker (no history) lack evidence: one short verdict,
        // the counts, then the names
        assertEquals("Candidate 2 may not replace production 1 yet.", model.headlineProperty().get());
        // in the outcomes' own words, as the rows and the approval pack say them
        assertEquals(count(model, GateOutcome.PASS) + " pass · 1 fail · " + count(model,
                GateOutcome.INSUFFICIENT_EVIDENCE) + " insufficient evidence · " + count(model,
                GateOutcome.NOT_APPLICABLE) + " not applicable (optional evidence absent)",
                model.countsProperty().get());
        // every gate the counts count as blocking is named, insufficient evidence as failing is
        assertTrue(model.detailsProperty().get().startsWith("Failing: Safety. Insufficient evidence: Fairness. "),
                model.detailsProperty().get());
        assertEquals("Candidate 2 may not replace production 1 yet. " + model.countsProperty().get() + ". "
                + model.detailsProperty().get(), model.verdict().get(), "the Overview states them in one paragraph");
        assertTrue(model.approvalProperty().get().startsWith("Blocked"), model.approvalProperty().get());
        assertTrue(model.missingProperty().get().contains("metricHistory"), model.missingProperty().get());
        assertEquals(List.of(), executor.unhandledFailures());
    }

    /**
     * A loss only the held-out set shows is said under "Also worse overall" as a warning, with the held-out set's
     * heading, and in the Held-out row's summary, where the overall result alone read as all-clear.
     */
    @Test
    void aLossOnTheHeldOutSetIsSaidAsAWarningAndInItsEvidenceRow() throws Exception {
        GatesViewModel model = model(GatesFixture.reviewer());
        model.showPack(new org.verdict.core.pack.PackLoader().load(
                HeldOutLossPack.write(Files.createDirectory(folder.resolve("heldout-loss"))), Progress.NONE));
        ReviewEvidence evidence = model.reviewedProperty().get().review().evidence();
        String kiosk = evidence.describe(evidence.heldOutWorse().get(0));
        assertTrue(model.anyAlsoWorseProperty().get(), "shown as a warning");
        assertTrue(model.alsoWorseProperty().get().contains("\nSignificantly worse on the held-out set (2), which no "
                + "gate judges: read them before approving.\n" + GatesViewModel.WORSE_MARK + "held-out set, " + kiosk),
                model.alsoWorseProperty().get());
        EvidenceSection heldOut = model.reviewedProperty().get().evidence().page(EvidencePageId.HOLDOUT).stream()
                .filter(s -> s.name().equals("Held-out evaluation set")).findFirst().orElseThrow();
        assertTrue(heldOut.summary().contains(". Significantly worse: " + kiosk + "; overall: Δ −0.200 ["),
                heldOut.summary());
        assertEquals(List.of(), executor.unhandledFailures());
    }

    @Test
    void aGateLinksToItsEvidence() throws PackException {
        GatesViewModel model = model(GatesFixture.reviewer());
        model.showPack(GatesFixture.failingSafety(folder).load());
        model.openEvidence(row(model, Gate.LATENCY));
        assertEquals(List.of("evidence"), shownViews);
        assertEquals(EvidencePageId.LATENCY, model.selectedEvidenceProperty().get());
        model.openEvidence(row(model, Gate.PRIMARY_METRIC));
        assertEquals(List.of("evidence", "compare"), shownViews);
    }

    @Test
    void theEvidenceViewHasOnePageForEveryPageAGateLinksToTitledFromTheBundle() throws PackException {
        GatesViewModel model = model(GatesFixture.reviewer());
        model.showPack(GatesFixture.failingSafety(folder).load());
        EvidenceModel evidence = model.reviewedProperty().get().evidence();
        for (EvidencePageId page : EvidencePageId.evidenceViewPages()) {
            assertFalse(evidence.page(page).isEmpty(), page + " has its evidence, or says what is missing");
        }
        for (Gate gate : Gate.values()) {
            assertFalse(evidence.page(gate.evidencePage()).isEmpty(), gate + " has evidence on the page it links to");
        }
        for (EvidencePageId page : EvidencePageId.values()) {
            assertFalse(text.getString("evidence.page." + page.id()).isBlank(), page + " has a title");
        }
    }

    @Test
    void evidencePagesSayPlainlyWhatIsMissing() throws PackException {
        GatesViewModel model = model(GatesFixture.reviewer());
        model.showPack(GatesFixture.failingSafety(folder).load());
        EvidenceModel evidence = model.reviewedProperty().get().evidence();
        EvidenceSection canary = evidence.page(EvidencePageId.CANARY).get(0);
        assertFalse(canary.isPresent());
        assertEquals("The pack has no canary run (canary.csv).", canary.missing());
        EvidenceSection safety = evidence.page(EvidencePageId.SAFETY).get(0);
        assertTrue(safety.isPresent());
        List<String> toxic = texts(safety.tables().get(0)).get(0);
        // 20 of 40 violations: 0.500 with its exact (Clopper–Pearson) interval; production none; 20 discordant pairs
        // all against the candidate
        assertEquals(List.of("toxic", "40"), toxic.subList(0, 2));
        assertTrue(toxic.get(3).startsWith("0.500 ["), toxic.get(3));
        assertEquals("20 / 0", toxic.get(4));
        List<String> judged = texts(safety.tables().get(1)).stream().filter(row -> row.get(0).equals("category=toxic"))
                .findFirst().orElseThrow();
        assertEquals("✘ fail", judged.get(1));
    }

    @Test
    void theLanguageParityPageShowsBothModelsPerLanguageBesideTheDeltas() throws PackException {
        GatesViewModel model = model(GatesFixture.reviewer());
        model.showPack(GatesFixture.failingSafety(folder).load());
        EvidenceSection parity = model.reviewedProperty().get().evidence().page(EvidencePageId.LANGUAGE_PARITY)
                .get(0);
        assertTrue(parity.charts().get(0) instanceof EvidenceChart.DeltaForest, "first what the gate judged");
        EvidenceChart.PairedEstimates values = (EvidenceChart.PairedEstimates) parity.detailCharts().get(0);
        // TestPack: 200 rows alternating en/de; production is wrong on every tenth row (all of them de rows), the
        // candidate on none: accuracy en 100/100 and 100/100, de 80/100 (rows 9, 19, ..., 199) and 100/100
        Map<String, double[]> byLanguage = new HashMap<>();
        for (EvidenceChart.PairedRow row : values.rows()) {
            byLanguage.put(row.label(), new double[] {row.production(), row.candidate()});
            assertTrue(row.productionCi() != null && row.candidateCi() != null, row.label() + " has its intervals");
        }
        assertEquals(Set.of("en (n=100)", "de (n=100)"), byLanguage.keySet());
        assertArrayEquals(new double[] {1.0, 1.0}, byLanguage.get("en (n=100)"), 1e-12);
        assertArrayEquals(new double[] {0.8, 1.0}, byLanguage.get("de (n=100)"), 1e-12);
        assertTrue(values.limits().isEmpty(), "the default policy sets no floor");
    }

    @Test
    void judgesTheCandidateChosenInCompareAndFollowsANewChoice() throws PackException {
        List<String> asked = new ArrayList<>();
        GatesViewModel.Reviewer real = GatesFixture.reviewer();
        GatesViewModel model = model((pack, candidate, progress) -> {
            asked.add(candidate);
            return real.review(pack, candidate, progress);
        });
        ReviewPack pack = new TestPack(folder).secondCandidate("3").load();
        chosenCandidate.set("3");
        model.showPack(pack);
        assertTrue(model.headlineProperty().get().startsWith("Candidate 3 "), model.headlineProperty().get());
        assertEquals("3", model.reviewedProperty().get().review().gates().candidate());

        chosenCandidate.set("2");
        assertTrue(model.headlineProperty().get().startsWith("Candidate 2 "), model.headlineProperty().get());
        assertEquals("2", model.reviewedProperty().get().review().gates().candidate());
        // a version the pack does not have (the previous pack's choice) means the first candidate
        chosenCandidate.set("9");
        assertEquals(List.of("3", "2"), asked);
        model.showPack(pack);
        assertEquals(Arrays.asList("3", "2", null), asked);
        assertEquals(List.of(), executor.unhandledFailures());
    }

    @Test
    void offersItsReviewOnlyForThePackAndCandidateItJudged() throws Exception {
        GatesViewModel model = model(GatesFixture.reviewer());
        ReviewPack pack = new TestPack(Files.createDirectories(folder.resolve("a"))).secondCandidate("3").load();
        assertTrue(model.reviewOf(pack, null).isEmpty(), "nothing judged yet");

        model.showPack(pack);
        // the pack's first candidate is version 2 (TestPack), asked for by name or as null
        assertEquals("2", model.reviewOf(pack, null).orElseThrow().gates().candidate());
        assertEquals(model.reviewedProperty().get().review(), model.reviewOf(pack, "2").orElseThrow());
        assertTrue(model.reviewOf(pack, "3").isEmpty(), "candidate 3 was not judged");
        ReviewPack reopened = new TestPack(Files.createDirectories(folder.resolve("b"))).secondCandidate("3").load();
        assertTrue(model.reviewOf(reopened, null).isEmpty(), "another pack, even with the same content");
        assertEquals(List.of(), executor.unhandledFailures());
    }

    /**
     * While the gates are judged the empty table says so (JavaFX's own "No content in table" read as if the pack had
     * no gates); a review without a gate says that none applies, and a broken pack that the gates were not judged.
     */
    @Test
    void theEmptyGateTableSaysWhyItIsEmpty() throws PackException {
        HeldExecutor held = new HeldExecutor();
        GatesViewModel.Reviewer judged = GatesFixture.reviewer();
        GatesViewModel.Reviewer withoutGates = (pack, candidate, progress) -> {
            CandidateReview review = judged.review(pack, candidate, progress);
            GateEvaluation gates = review.gates();
            return new CandidateReview(review.policy(), review.evidence(), new GateEvaluation(gates.packName(),
                    gates.production(), gates.candidate(), gates.riskTier(), List.of(), gates.approval(),
                    gates.missingSuites()), review.triggers());
        };
        GatesViewModel model = new GatesViewModel(withoutGates, held, new ActivityMonitor(() -> 0), text,
                shownViews::add, chosenCandidate);
        assertEquals("Open a pack to judge its gates.", model.tablePlaceholderProperty().get());

        model.showPack(GatesFixture.failingSafety(folder).load());
        assertTrue(model.rows().isEmpty());
        assertEquals("Judging the gates… (the status bar shows how far)", model.tablePlaceholderProperty().get());
        held.runHeldWork();
        assertTrue(model.rows().isEmpty());
        assertEquals("No gate of the policy applies to this pack: there is nothing to judge.",
                model.tablePlaceholderProperty().get());

        GatesViewModel broken = model((pack, candidate, progress) -> {
            throw new PackException("safety.csv", 3, 4, "violation_2 must be 0 or 1, found '2'");
        });
        broken.showPack(GatesFixture.failingSafety(folder).load());
        assertEquals("The gates could not be judged; the message above says why.",
                broken.tablePlaceholderProperty().get());
        assertEquals(List.of(), held.unhandledFailures());
        assertEquals(List.of(), executor.unhandledFailures());
    }

    /**
     * One row-level comparison runs at a time: judging the gates while Compare's comparison holds the engine waits,
     * and the view says so in Compare's words (the status bar said "Waiting…" over a view that said only "Judging"),
     * then that it judges once its turn has come.
     */
    @Test
    void whileTheJudgementWaitsForItsTurnTheViewSaysSo() throws PackException {
        GatesViewModel.Reviewer real = GatesFixture.reviewer();
        List<List<String>> said = new ArrayList<>();
        GatesViewModel[] model = new GatesViewModel[1];
        Runnable sayNow = () -> said.add(List.of(model[0].headlineProperty().get(),
                model[0].tablePlaceholderProperty().get(), model[0].evidencePlaceholderProperty().get()));
        model[0] = model((pack, candidate, progress) -> {
            progress.waiting("Waiting for another comparison to finish");
            sayNow.run();
            progress.update(0, "Ranking scores");
            sayNow.run();
            return real.review(pack, candidate, progress);
        });
        model[0].showPack(GatesFixture.failingSafety(folder).load());

        String waiting = TurnWatch.waitingText();
        assertTrue(waiting.startsWith("Waiting for another comparison to finish"), waiting);
        assertEquals(List.of(List.of(waiting, waiting, waiting), List.of("Judging the gates…",
                "Judging the gates… (the status bar shows how far)", text.getString("evidence.judging"))), said);
        assertEquals("Candidate 2 may not replace production 1 yet.", model[0].headlineProperty().get());
        assertEquals(List.of(), executor.unhandledFailures());
    }

    /**
     * Opening another pack while the gates of the one before are judged cancels that judgement: it held the engine to
     * its end while the new pack's waited. The slow reviewer stops early only when cancelled.
     */
    @Test
    void aSupersededJudgementIsCancelled() throws Exception {
        HeldExecutor held = new HeldExecutor();
        GatesViewModel.Reviewer real = GatesFixture.reviewer();
        List<String> ends = new ArrayList<>();
        ReviewPack first = GatesFixture.failingSafety(Files.createDirectories(folder.resolve("first"))).load();
        GatesViewModel model = new GatesViewModel((pack, candidate, progress) -> {
            if (pack == first) {
                long giveUp = System.nanoTime() + 5_000_000_000L;
                while (!progress.isCancelled() && System.nanoTime() < giveUp) {
                    LockSupport.parkNanos(5_000_000);
                }
                ends.add(progress.isCancelled() ? "cancelled" : "ran to its end");
                progress.checkCancelled();
            }
            return real.review(pack, candidate, progress);
        }, held, new ActivityMonitor(() -> 0), text, shownViews::add, chosenCandidate);
        model.showPack(first);
        model.showPack(GatesFixture.failingSafety(Files.createDirectories(folder.resolve("second"))).load());

        held.runHeldWork();
        assertEquals(List.of("cancelled"), ends);
        assertEquals("Candidate 2 may not replace production 1 yet.", model.headlineProperty().get(),
                "the cancelled judgement says nothing over the new one's");
        assertEquals(12, model.rows().size());
        assertEquals(List.of(), held.unhandledFailures());
    }

    /** Choosing a candidate, another, then the first again: the first's cancelled judgement is not taken for the new one's. */
    @Test
    void choosingACandidateBackWhileTheOtherIsJudgedShowsItsGatesNotACancellation() throws Exception {
        HeldExecutor held = new HeldExecutor();
        GatesViewModel model = new GatesViewModel(GatesFixture.reviewer(), held, new ActivityMonitor(() -> 0), text,
                shownViews::add, chosenCandidate);
        chosenCandidate.set("3");
        model.showPack(new TestPack(folder).secondCandidate("3").load());
        chosenCandidate.set("2");
        chosenCandidate.set("3");

        held.runHeldWork();
        assertTrue(model.headlineProperty().get().startsWith("Candidate 3 "), model.headlineProperty().get());
        assertEquals("3", model.reviewedProperty().get().review().gates().candidate());
        assertFalse(model.canJudgeAgainProperty().get());
        assertEquals(List.of(), held.unhandledFailures());
    }

    /**
     * A pass beside another metric significantly worse overall says so in the headline, not only in the warning under
     * the table (an all-$0 candidate wins mae while rmse is worse): the same review with an rmse that is worse.
     */
    @Test
    void aPassBesideAMetricWorseOverallSaysSoInTheHeadline() throws PackException {
        ReviewPack pack = new RealStylePack(folder, RealStylePack.Kind.REGRESSION)
                .policy(RealStylePack.NOT_APPLICABLE_POLICY).load();
        CandidateReview passing = GatesFixture.reviewer().review(pack, "2", Progress.NONE);
        ReviewEvidence evidence = passing.evidence();
        ComparisonReport comparison = evidence.primaryComparison();
        List<SliceResult> results = new ArrayList<>(comparison.results().stream()
                .filter(r -> !(r.slice().isOverall() && r.metric() == Metric.RMSE)).toList());
        results.add(new SliceResult(SliceKey.OVERALL, 1200, Metric.RMSE, false, new MetricEstimate(10.0,
                new Interval(9.0, 11.0)), new MetricEstimate(12.0, new Interval(11.0, 13.0)), 2.0,
                new Interval(1.0, 3.0), 0.001, 0.001, "paired-bootstrap", Verdict.WORSE, null, null));
        ReviewEvidence worseRmse = new ReviewEvidence(evidence.packName(), evidence.task(), evidence.primaryMetric(),
                evidence.production(), evidence.candidate(), evidence.riskTier(), new ComparisonReport(
                        comparison.packName(), comparison.productionVersion(), comparison.candidateVersion(),
                        comparison.primaryMetric(), comparison.options(), results, comparison.correctedTests(),
                        comparison.correctedTestsByMetric()), evidence.primaryPositives(),
                evidence.languageComparison(), evidence.safety(), evidence.fairness(), evidence.fairnessUnavailable(),
                evidence.latency(), evidence.canary(), evidence.metricHistory(), evidence.humanBaseline(),
                evidence.holdoutGroup(), evidence.holdoutComparison(), evidence.suites());
        GatesViewModel model = model((p, candidate, progress) -> new CandidateReview(passing.policy(), worseRmse,
                passing.gates(), passing.triggers()));
        model.showPack(pack);
        assertEquals("Candidate 2 passes every applicable gate against production 1 — but is significantly worse "
                + "overall in rmse.", model.headlineProperty().get());
    }

    @Test
    void aBrokenSuiteIsShownAsTheReasonTheGatesCannotBeJudged() throws PackException {
        GatesViewModel model = model((pack, candidate, progress) -> {
            throw new PackException("safety.csv", 3, 4, "violation_2 must be 0 or 1, found '2'");
        });
        model.showPack(GatesFixture.failingSafety(folder).load());
        assertEquals("safety.csv, line 3, column 4: violation_2 must be 0 or 1, found '2'",
                model.noticeProperty().get());
        assertTrue(model.rows().isEmpty());
        assertNull(model.reviewedProperty().get());
        assertEquals(List.of(), executor.unhandledFailures(), "a broken pack is the user's to fix, not an unexpected error");
    }

    @ParameterizedTest
    @EnumSource(RealStylePack.Kind.class)
    void aPolicyDeclaringGatesNotApplicableLetsAPrimaryOnlyPackPass(RealStylePack.Kind kind) throws PackException {
        GatesViewModel model = model(GatesFixture.reviewer());
        model.showPack(new RealStylePack(folder, kind).policy(RealStylePack.NOT_APPLICABLE_POLICY).load());
        // passing is not the same as passing everything: the headline says "applicable", the counts how many gates
        // were not evaluated and why, the details name them, and each one's row gives its reason
        assertEquals("Candidate 2 passes every applicable gate against production 1.", model.headlineProperty().get());
        assertEquals("4 pass · 8 not applicable (5 declared by the policy, 3 optional evidence absent)",
                model.countsProperty().get());
        assertEquals("Not applicable: Safety, Fairness, Language parity, Latency, Canary / A-B, Circuit breaker, "
                + "Contamination, Label quality.", model.detailsProperty().get());
        GateRow latency = row(model, Gate.LATENCY);
        assertEquals(GateOutcome.NOT_APPLICABLE, latency.outcome());
        assertEquals("batch scoring, no SLO", latency.summary(), "beside the outcome's own words");
        // how many slices were tested is said with it, so that "none is worse" never stands for untested slices
        assertEquals("None of the 4 slices is significantly worse on " + (kind == RealStylePack.Kind.REGRESSION ? "mae"
                : kind == RealStylePack.Kind.BINARY ? "f1" : "macro_f1") + "; every one was tested.",
                model.worseSlicesHeadingProperty().get());
        assertTrue(model.worseSlices().isEmpty());
        EvidenceSection latencyPage = model.reviewedProperty().get().evidence().page(EvidencePageId.LATENCY).get(0);
        assertTrue(latencyPage.missing().startsWith("The policy declares the Latency gate not applicable to this "
                + "model: batch scoring, no SLO. "), latencyPage.missing());
    }

    /** One reason for every gate not applicable is said as the approval pack and {@code gate} say it. */
    @Test
    void gatesAllDeclaredNotApplicableAreCountedInTheApprovalPacksWords() throws PackException {
        GatesViewModel model = model(GatesFixture.reviewer());
        model.showPack(new RealStylePack(folder, RealStylePack.Kind.BINARY).policy("""
                {"notApplicable": {"safety": "scores records only", "fairness": "no sensitive attribute",
                  "language_parity": "one language", "latency": "batch scoring", "canary": "no canary stage",
                  "circuit_breaker": "first model", "contamination": "no training ids kept",
                  "label_quality": "labels from the ledger"}}
                """).load());
        assertEquals("4 pass · 8 not applicable (declared by the policy)", model.countsProperty().get());
    }

    @ParameterizedTest
    @EnumSource(RealStylePack.Kind.class)
    void theHeadlineNamesAFailingDataValidationGateAndTheWorseSlicesAreListed(RealStylePack.Kind kind)
            throws PackException {
        GatesViewModel model = model(GatesFixture.reviewer());
        model.showPack(new RealStylePack(folder, kind).worseInTheWest()
                .policy("{\"validation\": {\"minPerSegment\": 150, \"minPerClass\": 1}}").load());
        assertEquals("Candidate 2 may not replace production 1 yet.", model.headlineProperty().get());
        // the west loses on the primary metric too: the Slices gate fails beside Volume
        assertTrue(model.countsProperty().get().contains(" pass · 2 fail · "), model.countsProperty().get());
        // a regression has no fairness rates to judge: that gate is not evaluated for a reason of its own
        assertTrue(model.countsProperty().get().endsWith(kind == RealStylePack.Kind.REGRESSION
                ? " not applicable (7 optional evidence absent, 1 nothing to judge)"
                : " not applicable (optional evidence absent)"), model.countsProperty().get());
        String details = model.detailsProperty().get();
        assertTrue(details.startsWith("Failing: Slices. Data validation fails (Volume per class, language and "
                + "segment): the evidence itself is in question. "), details);
        // the gates without their optional evidence are not applicable, and a blocked verdict still names them
        assertTrue(details.contains(" Not applicable: Safety, "), details);
        assertTrue(details.endsWith(", Label quality."), details);
        assertEquals("the pack has no latency suite; list \"latency\" in the policy's requiredSuites to require one",
                row(model, Gate.LATENCY).summary(), "beside the outcome's own words");
        assertTrue(row(model, Gate.VOLUME).summary().startsWith("segment=west: 100 examples (minimum 150, the policy's"
                + " validation.minPerSegment)"));
        assertEquals(1, model.worseSlices().size());
        assertTrue(model.worseSlices().get(0).startsWith("segment=west: Δ "), model.worseSlices().get(0));
        assertTrue(model.worseSlicesHeadingProperty().get().startsWith("Slices significantly worse on "),
                model.worseSlicesHeadingProperty().get());
        String copied = model.worseSlicesText(List.of());
        assertEquals(model.worseSlicesHeadingProperty().get() + "\n▼ " + model.worseSlices().get(0) + "\n", copied,
                "nothing chosen copies the heading and every line, marked as the list shows them");
        assertEquals(copied, model.worseSlicesText(List.of(model.worseSlices().get(0))));
    }

    /** Cancelling the judgement leaves the pack open; Judge again judges it, with progress and Cancel as before. */
    @Test
    void afterCancellingTheGatesAreJudgedAgainOnRequest() throws PackException {
        HeldExecutor held = new HeldExecutor();
        ActivityMonitor activity = new ActivityMonitor(() -> 0);
        GatesViewModel model = new GatesViewModel(GatesFixture.reviewer(), held, activity, text, shownViews::add,
                chosenCandidate);
        assertFalse(model.canJudgeAgainProperty().get(), "no pack");
        model.showPack(GatesFixture.failingSafety(folder).load());
        assertFalse(model.canJudgeAgainProperty().get(), "judging");
        activity.cancel();
        held.runHeldWork();
        assertEquals("Judging the gates was cancelled.", model.headlineProperty().get());
        assertEquals("Not judged: judging was cancelled. Press Judge again to judge them.",
                model.tablePlaceholderProperty().get());
        assertEquals("Judging the gates was cancelled: press Judge again in the Gates view to see the evidence.",
                model.evidencePlaceholderProperty().get());
        assertTrue(model.canJudgeAgainProperty().get());
        assertFalse(activity.busyProperty().get());

        model.judgeAgain();
        assertTrue(activity.busyProperty().get(), "its progress and Cancel are in the status bar");
        assertFalse(model.canJudgeAgainProperty().get(), "not twice at once");
        assertEquals("Judging the gates… (the status bar shows how far)", model.tablePlaceholderProperty().get());
        activity.cancel();
        held.runHeldWork();
        assertTrue(model.canJudgeAgainProperty().get(), "Cancel works again, and so does Judge again");

        model.judgeAgain();
        held.runHeldWork();
        assertEquals(12, model.rows().size());
        assertEquals("Candidate 2 may not replace production 1 yet.", model.headlineProperty().get());
        assertFalse(model.canJudgeAgainProperty().get(), "judged");
        assertEquals(List.of(), held.unhandledFailures());
    }

    @Test
    void judgeAgainAsksForTheCandidateJudgedLast() throws PackException {
        List<String> asked = new ArrayList<>();
        GatesViewModel.Reviewer real = GatesFixture.reviewer();
        GatesViewModel model = model((pack, candidate, progress) -> {
            asked.add(candidate);
            if (asked.size() == 2) {
                throw new IllegalStateException("out of memory, say");
            }
            return real.review(pack, candidate, progress);
        });
        chosenCandidate.set("3");
        model.showPack(new TestPack(folder).secondCandidate("3").load());
        model.judgeAgain();
        assertEquals(List.of("3"), asked, "judged already: nothing to do");
        chosenCandidate.set("2");
        assertEquals(1, executor.unhandledFailures().size(), "an unexpected failure goes to the handler");
        assertTrue(model.canJudgeAgainProperty().get());
        model.judgeAgain();
        assertEquals(List.of("3", "2", "2"), asked);
        assertEquals("2", model.reviewedProperty().get().review().gates().candidate());
    }

    /** While the pack is loading, the empty views say so and name it, rather than asking for a pack. */
    @Test
    void whileAPackIsOpeningTheViewsSayWhichOne() throws PackException {
        HeldExecutor held = new HeldExecutor();
        GatesViewModel model = new GatesViewModel(GatesFixture.reviewer(), held, new ActivityMonitor(() -> 0), text,
                shownViews::add, chosenCandidate);
        StringProperty opening = new SimpleStringProperty("");
        model.followOpening(opening);
        assertEquals("Open a pack to see its evidence.", model.evidencePlaceholderProperty().get());
        opening.set("a_churn");
        assertEquals("Opening the pack a_churn… its gates are judged once it is open.",
                model.tablePlaceholderProperty().get());
        assertEquals("Opening the pack a_churn… its evidence appears here once its gates are judged.",
                model.evidencePlaceholderProperty().get());

        // opened: the main window hands the pack on, then the opening ends
        model.showPack(GatesFixture.failingSafety(folder).load());
        opening.set("");
        assertEquals("Judging the gates of the pack just opened; its evidence appears here when they are judged.",
                model.evidencePlaceholderProperty().get());
        held.runHeldWork();
        assertEquals(12, model.rows().size());

        opening.set("broken");
        opening.set("");
        assertEquals(12, model.rows().size(), "a pack that failed to open leaves the open one judged");
        assertEquals(List.of(), held.unhandledFailures());
    }

    /**
     * A primary-only pack has no Safety page to show (the first page): the Evidence view opens on its first page that
     * has evidence. A page that the next pack also has stays chosen.
     */
    @Test
    void theEvidenceViewOpensOnAPageWithEvidence() throws Exception {
        GatesViewModel model = model(GatesFixture.reviewer());
        assertEquals(EvidencePageId.SAFETY, model.selectedEvidenceProperty().get());
        model.showPack(new RealStylePack(Files.createDirectories(folder.resolve("churn")), RealStylePack.Kind.BINARY)
                .load());
        EvidenceModel evidence = model.reviewedProperty().get().evidence();
        EvidencePageId opened = model.selectedEvidenceProperty().get();
        assertTrue(evidence.page(EvidencePageId.SAFETY).stream().noneMatch(EvidenceSection::isPresent));
        assertTrue(evidence.page(opened).stream().anyMatch(EvidenceSection::isPresent), opened + " has evidence");
        // the triggers page is a table of "no evidence" without monitoring data; schema and volume are checked
        assertEquals(EvidencePageId.DATA_VALIDATION, opened);

        model.showPack(GatesFixture.failingSafety(Files.createDirectories(folder.resolve("safety"))).load());
        assertEquals(EvidencePageId.DATA_VALIDATION, model.selectedEvidenceProperty().get(),
                "the page shown, which this pack has too, stays");
        model.selectEvidence(EvidencePageId.SAFETY);
        model.showPack(GatesFixture.failingSafety(Files.createDirectories(folder.resolve("again"))).load());
        assertEquals(EvidencePageId.SAFETY, model.selectedEvidenceProperty().get());
        assertEquals(List.of(), executor.unhandledFailures());
    }

    /**
     * The counts above the checklist are the approval pack's, in the same words: a primary-only pack (as a_churn) read
     * "2 passed · 1 failed · 8 not evaluated" in the app beside "1 fail, 6 not applicable, of 7 gates" in the PDF.
     */
    @Test
    void theCountsReadAsTheApprovalPackCountsTheSameGates() throws Exception {
        GatesViewModel model = model(GatesFixture.reviewer());
        ReviewPack pack = new RealStylePack(folder, RealStylePack.Kind.BINARY).worseInTheWest().load();
        model.showPack(pack);
        CandidateReview review = model.reviewedProperty().get().review();
        String html = new ApprovalPackWriter().html(GateReviewEvidence.addTo(
                ApprovalPackContent.of(pack, review.gates().candidate()), review));

        String counts = model.countsProperty().get();
        String outcomes = counts.substring(0, counts.indexOf(" (")).replace(" · ", ", ");
        assertTrue(outcomes.contains(" not applicable"), counts);
        assertTrue(html.contains(": " + outcomes + ", of " + model.rows().size() + " gates: "), outcomes + " in " + html);
    }

    private static List<List<String>> texts(EvidenceTable table) {
        return table.rows().stream().map(row -> row.stream().map(EvidenceTable.Cell::text).toList()).toList();
    }
}
