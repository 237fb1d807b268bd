package org.verdict.core.gates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.PrimaryBand;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.gates.evidence.CanaryEvidence;
import org.verdict.core.gates.evidence.FairnessEvidence;
import org.verdict.core.gates.evidence.HoldoutGroupEvidence;
import org.verdict.core.gates.evidence.HumanBaselineEvidence;
import org.verdict.core.gates.evidence.LatencyEvidence;
import org.verdict.core.gates.evidence.SafetyEvidence;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.policy.PolicySource;
import org.verdict.core.gates.suites.PackSuites;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.gates.triggers.TriggerEvaluator;
import org.verdict.core.gates.validation.DataValidator;
import org.verdict.core.gates.validation.PrimaryCounts;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackFiles;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.ConfusionMatrix;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.summary.HeldOutSet;
import org.verdict.core.summary.PrimarySummary;
import org.verdict.core.summary.SummaryComparison;
import org.verdict.core.summary.SummaryPacks;
import org.verdict.core.task.Progress;

/**
 * Reviews a candidate of a loaded pack end to end: reads the optional suites, runs the comparisons the gates need,
 * computes each suite's evidence, judges the gates and the data validation, and evaluates the retraining triggers.
 */
public final class GateReview {
    private final ComparisonEngine engine;
    private final SummaryComparison summaryComparison;
    private final PackLoader loader;
    private final SuiteReader suiteReader;
    private final PolicyReader policyReader;

    public GateReview(ComparisonEngine engine, PackLoader loader, SuiteReader suiteReader, PolicyReader policyReader) {
        this.engine = engine;
        this.summaryComparison = new SummaryComparison(engine);
        this.loader = loader;
        this.suiteReader = suiteReader;
        this.policyReader = policyReader;
    }

    /** The pack's own policy (the manifest's {@code policy} file), or every default when it names none. */
    public GatePolicy policyOf(ReviewPack pack) throws PackException {
        return PolicySource.of(pack).readFor(pack, policyReader);
    }

    /** The review under the pack's own policy ({@link #policyOf}), as the app and the CLI judge a pack. */
    public CandidateReview reviewUnderItsPolicy(ReviewPack pack, String candidate, Progress progress)
            throws PackException {
        return review(pack, candidate, policyOf(pack), progress);
    }

    /**
     * The review with everything the evidence pages show (the app, reports, approval packs).
     *
     * @param candidate a candidate version of the pack, or null for the first candidate
     */
    public CandidateReview review(ReviewPack pack, String candidate, GatePolicy policy, Progress progress)
            throws PackException {
        return review(pack, candidate, policy, progress, true);
    }

    /**
     * The same gates, findings and triggers as {@link #review}, computing only what they read ({@code verdict gate}):
     * the language comparison and the held-out set's comparison of the primary metric alone (what the held-out set
     * shows worse is a finding of its own).
     */
    public CandidateReview judgeGates(ReviewPack pack, String candidate, GatePolicy policy, Progress progress)
            throws PackException {
        return review(pack, candidate, policy, progress, false);
    }

    private CandidateReview review(ReviewPack pack, String candidate, GatePolicy policy, Progress progress,
                                   boolean forEvidence) throws PackException {
        PackManifest manifest = pack.manifest();
        String production = manifest.production().version();
        String chosen = manifest.requestedCandidate(candidate);
        Metric metric = Metric.fromWireName(manifest.primaryMetric()).orElseThrow();
        double level = policy.confidenceLevel();
        // E, the tolerance of language parity and the band of "no significant difference" the gates read with
        ComparisonOptions every = new ComparisonOptions(level, ComparisonOptions.DEFAULTS.minSliceSize(),
                policy.languageParity().tolerance(), ComparisonOptions.DEFAULTS.bootstrapReplicates(),
                policy.seed(), ComparisonOptions.DEFAULTS.correction(), List.of())
                .withTargetUnit(manifest.model().targetUnit());
        // the suites, the held-out set, fairness and the counts need only the loaded pack and the policy: read on a
        // thread of their own while this one waits for the comparisons, whose serial steps (ranking, cutting, the
        // verdicts) leave the second core idle
        CompletableFuture<PackEvidence> packEvidence = CompletableFuture.supplyAsync(() -> {
            try {
                // a group's fairness change reads "no significant difference" within the E the slices are read with
                return packEvidence(pack, production, chosen, policy, every.minDetectableEffect(), progress);
            } catch (PackException e) {
                throw new CompletionException(e);
            }
        }, work -> {
            Thread thread = new Thread(work, "verdict-gate-evidence");
            thread.setDaemon(true);
            thread.start();
        });
        ComparisonOptions options = forEvidence ? every : every.withPrimaryMetricOnly();
        String name = manifest.model().name();
        Optional<PrimarySummary> summary = SummaryPacks.primaryOf(pack);
        String languageColumn = policy.languageParity().column();
        // a problem the reading meets stops the comparisons: it is the one to report, and without delay
        Progress comparing = stoppedBy(progress, packEvidence);
        ComparisonReport primary;
        Optional<ComparisonReport> languages;
        try {
            // the primary comparison reads its verdicts in the margin gate 1 judges against, so the evidence and the
            // approval pack never call "no significant difference" what the gate calls a possible loss beyond the
            // margin; language parity keeps E, the tolerance it is documented to judge against
            // every metric and class recall: the gate's output names what else is significantly worse overall
            primary = summaryComparison.compare(pack, chosen,
                    // the defaults are that very object (PolicySource.read): their margin is said to be the default policy's
                    every.withPrimaryBand(PrimaryBand.ofPolicy(metric, policy.primary().margin(),
                            policy == GatePolicy.DEFAULTS)),
                    phase(comparing, 0, 0.45));
            languages = summary.isPresent()
                    ? summary.filter(s -> s.layout().sliceColumns().contains(languageColumn))
                            .map(s -> summaryComparison.compareColumn(manifest, s, chosen, languageColumn, options,
                                    phase(comparing, 0.45, 0.6)))
                    : onlyColumn(pack.primary(), languageColumn)
                            .map(table -> engine.compare(name, table, production, chosen, metric, options,
                                    phase(comparing, 0.45, 0.6)));
        } catch (RuntimeException e) {
            // the pack (a .zip's unpacked copy) may be closed as soon as this returns: the reading ends first
            packEvidence.exceptionally(failure -> null).join();
            if (packEvidence.isCompletedExceptionally()) {
                await(packEvidence); // throws what the reading met
            }
            throw e;
        }
        progress.update(0.6, "reading safety, fairness, latency and the other suites");
        PackEvidence read = await(packEvidence);
        PackSuites suites = read.suites();
        // no gate reads the held-out set, but what it shows worse is said wherever the worse findings are
        Optional<HeldOutSet.Comparison> holdout = read.heldOut()
                .map(set -> set.compare(engine, manifest, chosen, options, phase(progress, 0.65, 0.85)));
        progress.update(0.85, "measuring safety, fairness, latency and the other suites");
        progress.checkCancelled();

        Task task = manifest.task();
        String fairnessUnavailable = task.isClassification() ? null
                : "fairness rates (selection rate, TPR, FPR) need a classification task; this one is regression";
        PrimaryCounts counts = read.counts();
        Long positives = task == Task.BINARY
                ? counts.perClass()[counts.classes().indexOf(manifest.model().positiveLabel())] : null;
        ReviewEvidence evidence = new ReviewEvidence(name, task, metric, production, chosen,
                manifest.model().riskTier(), primary, positives, languages,
                suites.safety().map(s -> SafetyEvidence.of(s, production, chosen, level)),
                read.fairness(), fairnessUnavailable,
                suites.latency().map(s -> LatencyEvidence.of(s, level)),
                suites.canary().flatMap(days -> CanaryEvidence.of(days, production, chosen, level)),
                suites.metricHistory(),
                suites.humanBaseline().map(s -> HumanBaselineEvidence.of(s, chosen, level)),
                suites.holdoutGroup().map(rows -> HoldoutGroupEvidence.of(rows, level)),
                holdout, suites);
        List<GateResult> dataValidation = new DataValidator(policy, manifest.model().riskTier())
                .validate(counts, chosen, manifest.model().targetUnit(), read.heldOut(), suites, read.inputHashes());
        GateEvaluation gates = new GateEvaluator(policy).evaluate(evidence, dataValidation);
        progress.update(1, "gates judged");
        return new CandidateReview(policy, evidence, gates, new TriggerEvaluator(policy).evaluate(suites, metric,
                manifest.model().targetUnit()));
    }

    /** What the gates read of the pack besides its comparisons. */
    private record PackEvidence(PackSuites suites, Optional<HeldOutSet> heldOut, Optional<FairnessEvidence> fairness,
                                PrimaryCounts counts, Set<String> inputHashes) {
    }

    /**
     * The pack's suites, its held-out set (read for the contamination check, compared by the caller),
     * fairness and the counts the data validation checks, in the order a problem with them was always reported.
     * Reports no progress (the comparisons running meanwhile do), but stops when the review is cancelled.
     */
    private PackEvidence packEvidence(ReviewPack pack, String production, String candidate, GatePolicy policy,
                                      double changeBand, Progress progress) throws PackException {
        Progress cancellable = silent(progress);
        PackManifest manifest = pack.manifest();
        PackSuites suites = suiteReader.read(pack.root(), manifest, cancellable);
        progress.checkCancelled();
        Optional<HeldOutSet> heldOut = HeldOutSet.read(pack, loader, cancellable);
        progress.checkCancelled();
        Optional<FairnessEvidence> fairness = manifest.task().isClassification()
                && !manifest.primarySuite().sensitive().isEmpty()
                ? Optional.of(fairness(pack, production, candidate, policy, changeBand)) : Optional.empty();
        Optional<PrimarySummary> summary = SummaryPacks.primaryOf(pack);
        PrimaryCounts counts = summary.map(s -> summaryCounts(manifest, s))
                .orElseGet(() -> PrimaryCounts.of(pack.primary()));
        // a summary pack's cells hold no input hashes: contamination then rests on what the suites give
        Set<String> inputHashes = !pack.isSummary() && suites.trainingIds().isPresent()
                && !suites.trainingIds().get().inputHashes().isEmpty()
                ? suiteReader.readInputHashes(PackFiles.open(pack.root()).resolve(manifest.primarySuite().file(),
                        PackManifest.FILE_NAME, 0, 0), manifest.primarySuite().file())
                : Set.of();
        return new PackEvidence(suites, heldOut, fairness, counts, inputHashes);
    }

    /** The evidence read on its own thread, once done; a problem it met is thrown here as it was met there. */
    private static PackEvidence await(CompletableFuture<PackEvidence> evidence) throws PackException {
        try {
            return evidence.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof PackException problem) {
                throw problem;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** The part [from, to] of the outer progress, so each step of the review moves the bar forward only. */
    private static Progress phase(Progress outer, double from, double to) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                outer.update(fraction < 0 ? fraction : from + (to - from) * Math.min(1, fraction), message);
            }

            @Override
            public void waiting(String message) {
                outer.waiting(message); // the Gates view says that it waits, not that it judges
            }

            @Override
            public boolean isCancelled() {
                return outer.isCancelled();
            }
        };
    }

    /** Reports nothing, but is cancelled with {@code outer}: for work beside the one that moves the bar. */
    private static Progress silent(Progress outer) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return outer.isCancelled();
            }
        };
    }

    /** {@code outer}, also cancelled once the work {@code beside} it has failed. */
    private static Progress stoppedBy(Progress outer, CompletableFuture<?> beside) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                outer.update(fraction, message);
            }

            @Override
            public void waiting(String message) {
                outer.waiting(message);
            }

            @Override
            public boolean isCancelled() {
                return outer.isCancelled() || beside.isCompletedExceptionally();
            }
        };
    }

    /** The primary table sliced by one column only, so the comparison's adjustment runs over that column's slices. */
    private static Optional<EvaluationTable> onlyColumn(EvaluationTable table, String column) {
        Optional<CategoricalColumn> found = table.column(column);
        return found.map(c -> new EvaluationTable(table.fileName(), table.task(), table.rowCount(), table.exampleIds(),
                table.classes(), table.labelCodes(), table.labelValues(), Map.of(column, c), List.of(),
                table.predictions()));
    }

    /** What the data-validation gates count of a summary pack: the same numbers as the rows give. */
    private static PrimaryCounts summaryCounts(PackManifest manifest, PrimarySummary summary) {
        Map<String, Map<String, Long>> perLevel = new LinkedHashMap<>();
        summary.layout().sliceColumns().forEach(column -> perLevel.put(column, summary.levelCounts(column)));
        Map<String, long[]> predictedPerClass = new LinkedHashMap<>();
        if (manifest.task().isClassification()) {
            for (String version : summary.layout().versions()) {
                ConfusionMatrix matrix = summary.confusionMatrix(version, SliceKey.OVERALL);
                predictedPerClass.put(version, IntStream.range(0, summary.classes().size())
                        .mapToLong(matrix::predictedCount).toArray());
            }
        }
        return new PrimaryCounts(manifest.primarySuite().file(), manifest.task(), summary.rowCount(),
                summary.layout().versions(), summary.classes(), summary.classCounts(), predictedPerClass, perLevel,
                Optional.empty());
    }

    private static FairnessEvidence fairness(ReviewPack pack, String production, String candidate,
                                             GatePolicy policy, double changeBand) throws PackException {
        Optional<PrimarySummary> summary = SummaryPacks.primaryOf(pack);
        List<String> classes = summary.map(PrimarySummary::classes).orElseGet(() -> pack.primary().classes());
        int code;
        String reason;
        String named = policy.fairness().positiveClass();
        if (pack.manifest().task() == Task.BINARY) {
            code = 1;
            reason = "the manifest's positive label";
        } else if (named != null) {
            code = classes.indexOf(named);
            if (code < 0) {
                throw new PackException(pack.manifest().policyFile().orElse("policy"), "fairness.positiveClass '"
                        + named + "' is not a class of the primary suite (" + String.join(", ", classes) + ")");
            }
            reason = "named by the policy (fairness.positiveClass), measured one-vs-rest";
        } else {
            long[] counts = summary.map(PrimarySummary::classCounts)
                    .orElseGet(() -> PrimaryCounts.of(pack.primary()).perClass());
            List<Integer> present = new ArrayList<>();
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] > 0) {
                    present.add(c);
                }
            }
            code = present.stream().min((a, b) -> Long.compare(counts[a], counts[b])).orElse(0);
            reason = "the rarest class of the primary labels (" + MetricFormat.count(counts[code], "example", "examples") + "), measured one-vs-rest; "
                    + "set fairness.positiveClass in the policy to choose another";
        }
        int minGroupSize = policy.fairness().minGroupSize();
        if (summary.isEmpty()) {
            return FairnessEvidence.of(pack.primary(), production, candidate, code, reason, minGroupSize,
                    policy.confidenceLevel(), changeBand, policy.bootstrapReplicates(), policy.seed());
        }
        List<FairnessEvidence.AttributeCells> attributes = new ArrayList<>();
        for (String column : pack.manifest().primarySuite().sensitive()) {
            attributes.add(new FairnessEvidence.AttributeCells(column, summary.get().levels(column),
                    summary.get().selectionCells(column, code, production, candidate)));
        }
        return FairnessEvidence.of(attributes, classes.get(code), reason, minGroupSize, policy.confidenceLevel(),
                changeBand, policy.bootstrapReplicates(), policy.seed());
    }
}
