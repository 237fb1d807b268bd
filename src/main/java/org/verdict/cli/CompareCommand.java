package org.verdict.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.verdict.cli.exit.ErrorLine;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.exit.PackErrorText;
import org.verdict.cli.options.PackLimitOptions;
import org.verdict.cli.terminal.TerminalTable;
import org.verdict.core.compare.ClassRates;
import org.verdict.core.compare.ClassRecall;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonJson;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.CorrectionMethod;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.policy.ComparisonTerms;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.policy.PolicySource;
import org.verdict.core.gates.validation.DataValidator;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackFiles;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.summary.PrimarySummary;
import org.verdict.core.summary.SummaryComparison;
import org.verdict.core.summary.SummaryMethods;
import org.verdict.core.summary.SummaryPackReader;
import org.verdict.core.summary.SummaryPacks;
import org.verdict.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verdict compare PACK}: candidate vs production per slice and metric, as a table or JSON. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare a candidate with production on every slice of the pack's primary suite.",
            "Each metric is shown with its interval (--confidence; by default the level of the pack's gate policy,"
                + " 95%% unless it sets confidenceLevel), Δ = candidate − production with"
                + " a paired interval and test, the p-values adjusted across slices, and a verdict per slice.",
            "Exit codes: 0 done, " + ExitCodes.REFUSALS})
public final class CompareCommand implements Callable<Integer> {

    /** Reads a review pack (folder or .zip, rows or a summary); the root command passes the pack loader. */
    @FunctionalInterface
    public interface PackReader {
        ReviewPack read(Path pack, Progress progress) throws PackException;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACK", description = "Review pack: a folder or a .zip.")
    private Path pack;

    @Option(names = "--candidate", paramLabel = "V", description = "Candidate version (default: the first candidate).")
    private String candidate;

    @Option(names = "--json", description = "Print JSON (docs/compare-json.md) instead of a table.")
    private boolean json;

    @Option(names = "--metric", paramLabel = "M",
            description = "Only this metric (default: every metric in JSON, the primary metric in the table).")
    private String metric;

    @Option(names = "--cross", paramLabel = "A,B", split = ";",
            description = "Add intersectional slices of these slice columns, e.g. --cross segment,language "
                    + "(repeat the option for several crosses).")
    private List<String> crosses = new ArrayList<>();

    @Option(names = "--confidence", paramLabel = "LEVEL",
            description = "Confidence level of every interval, from 0.5 to 0.9999 (default: the pack policy's "
                    + "confidenceLevel, 0.95 unless it sets one, so compare and gate show the same intervals).")
    private Double confidence;

    @Option(names = "--min-n", paramLabel = "N", defaultValue = "30",
            description = "Slices with fewer examples get 'too few examples' (mape: fewer whose label is not 0;"
                    + " default: ${DEFAULT-VALUE}).")
    private int minN;

    @Option(names = "--effect", paramLabel = "E",
            description = "Smallest effect worth detecting: a non-significant slice whose interval of Δ reaches "
                    + "beyond ±E is 'inconclusive' (relative to production for mae, rmse, mape, log_loss and "
                    + "brier). Default: for the primary metric, the primary margin of the pack's gate policy (the "
                    + "band gate 1 judges the overall interval against; docs/gates.md), for the other metrics 0.05. "
                    + "Given, it applies to every metric. Above 0, and below the widest Δ of a bounded metric shown "
                    + "(1 for rates, AUCs and F1s).")
    private Double effect;

    @Option(names = "--correction", paramLabel = "holm|bh|none", defaultValue = "holm",
            description = "Multiple-comparison adjustment across slices (default: ${DEFAULT-VALUE}).")
    private String correction;

    @Option(names = "--replicates", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap replicates, at least 1000 (default: ${DEFAULT-VALUE}).")
    private int replicates;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the bootstrap (default: the pack policy's seed, " + ComparisonOptions.DEFAULT_SEED
                    + " unless it sets one).")
    private Long seed;

    @Mixin
    private PackLimitOptions limitOptions = new PackLimitOptions();

    private final PackReader packReader;
    private final ComparisonEngine engine;

    /**
     * Reads packs of rows or summaries with {@link PackLoader} under the limits given on the command line: what the
     * root command uses.
     */
    public CompareCommand() {
        this.engine = new ComparisonEngine();
        // no file hashes (a comparison shows none); the comparison's hashing of the ids runs on the second core as
        // the rows are read
        this.packReader = (source, progress) -> new PackLoader(limitOptions.limits(),
                new SummaryPackReader()::readPrimary, engine.preparing(options()))
                .loadForComparison(source, progress);
    }

    public CompareCommand(PackReader packReader, ComparisonEngine engine) {
        this.packReader = packReader;
        this.engine = engine;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ComparisonOptions options = options();
            Metric only = metric == null ? null : parseMetric(metric, pack);
            // a .zip is unpacked once, its policy read from that copy, and the copy deleted when the comparison ends
            try (ReviewPack reviewPack = packReader.read(pack, Progress.NONE)) {
                return compare(reviewPack, only, underPolicy(options, reviewPack.root(), reviewPack.manifest()), out);
            }
        } catch (PackException e) {
            return ErrorLine.print(err, PackErrorText.of(pack, e), ExitCodes.BAD_INPUT);
        } catch (IllegalArgumentException e) {
            return ErrorLine.print(err, e.getMessage(), ExitCodes.BAD_INPUT);
        }
    }

    /**
     * Under the policy the pack runs under, so this table and {@code verdict gate} show the same numbers: its primary
     * margin as the primary metric's band (unless --effect), its confidence level (unless --confidence) and its seed
     * (unless --seed). A policy that cannot be read is refused as {@code gate} refuses it.
     */
    private ComparisonOptions underPolicy(ComparisonOptions options, Path root, PackManifest manifest)
            throws PackException {
        ComparisonTerms policy = PolicySource.comparisonTerms(root, manifest, new PolicyReader());
        ComparisonOptions banded = effect != null ? options : options.withPrimaryBand(policy.band());
        return banded.withLevelAndSeed(confidence != null ? confidence : policy.confidenceLevel(),
                seed != null ? seed : policy.seed(),
                new ComparisonOptions.SettingOrigins(confidence != null ? "--confidence"
                        : policy.origin("confidenceLevel"), seed != null ? "--seed" : policy.origin("seed")));
    }

    private int compare(ReviewPack reviewPack, Metric only, ComparisonOptions options, PrintWriter out)
            throws PackException {
        reviewPack.manifest().requestedCandidate(candidate);
        if (only != null && !only.appliesTo(reviewPack.manifest().model().task())) {
            Task task = reviewPack.manifest().model().task();
            throw new IllegalArgumentException("metric " + only.wireName() + " does not apply to a " + task.wireName()
                    + " task; " + Metric.ofTask(task));
        }
        options.requireEffectWithinRangeOf(viewedMetric(reviewPack.manifest(), only),
                shownMetrics(reviewPack.manifest().model().task(), only));
        Optional<PrimarySummary> summary = SummaryPacks.primaryOf(reviewPack);
        if (summary.isPresent()) {
            ComparisonReport report = new SummaryComparison(engine).compare(reviewPack, candidate, options,
                    Progress.NONE);
            if (json) {
                printJson(out, report, only, SummaryMethods.perClass(summary.get(), report),
                        SummaryMethods.json(reviewPack.manifest(), summary.get()), List.of());
            } else {
                out.println(SummaryMethods.describe(summary.get()));
                print(out, report, only, List.of(), List.of());
            }
            return ExitCodes.OK;
        }
        requireCrossesWithinLimit(reviewPack.primary(), options);
        ComparisonReport report = engine.compare(reviewPack, candidate, options, Progress.NONE);
        // the gates fail a constant candidate (Schema); a comparison read alone says so above its numbers
        List<String> warnings = DataValidator.constantPredictions(reviewPack.primary(), report.candidateVersion(),
                reviewPack.manifest().model().targetUnit()).map(f -> f.detail() + "; verdict gate fails its Schema gate").stream().toList();
        print(out, report, only, perClass(reviewPack, report), warnings);
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, ComparisonReport report, Metric only, List<ClassRates> perClass,
                       List<String> warnings) {
        if (json) {
            printJson(out, report, only, perClass, null, warnings);
        } else {
            warnings.forEach(warning -> out.println("⚠ " + warning));
            printTable(out, report, only == null ? report.primaryMetric() : only);
            out.flush();
        }
    }

    /**
     * The JSON written to standard output as it is made (no tree, no string of it all). A print writer throws no
     * write failure: standard output keeps it, as for every print (VerdictCommand).
     */
    private static void printJson(PrintWriter out, ComparisonReport report, Metric only, List<ClassRates> perClass,
                                  JsonNode summary, List<String> warnings) {
        try {
            new ComparisonJson().write(out, report, r -> only == null || r.metric() == only, perClass, summary,
                    warnings);
        } catch (IOException e) {
            throw new UncheckedIOException("a print writer keeps its write failures", e);
        }
        out.println();
        out.flush();
    }

    /**
     * A cross of id-like columns could make a slice of nearly every row: its slices are bounded like the pack's own
     * (--max-slices), counted as the combinations that occur, and refused before any comparison runs.
     */
    private void requireCrossesWithinLimit(EvaluationTable table, ComparisonOptions options) {
        int limit = limitOptions.limits().maxSliceValues();
        for (List<String> cross : options.crosses()) {
            List<CategoricalColumn> columns = cross.stream().map(table::column).flatMap(Optional::stream).toList();
            if (columns.size() != cross.size()) {
                continue; // the comparison names the column the pack lacks
            }
            Set<List<Integer>> combinations = new HashSet<>();
            for (int row = 0; row < table.rowCount(); row++) {
                List<Integer> combination = new ArrayList<>(columns.size());
                for (CategoricalColumn column : columns) {
                    combination.add(column.codes()[row]);
                }
                if (combinations.add(combination) && combinations.size() > limit) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "--cross %s makes more than %,d "
                            + "slices; raise the limit with --max-slices if they are all real groupings",
                            String.join(",", cross), limit));
                }
            }
        }
    }

    /** The metric the table shows: the one asked for, else the pack's primary (the manifest reader checked it). */
    private static Metric viewedMetric(PackManifest manifest, Metric only) {
        return only != null ? only : Metric.fromWireName(manifest.primaryMetric()).orElseThrow();
    }

    /** The metrics the output shows: the one asked for, else every metric of the task (the JSON has them all). */
    private static List<Metric> shownMetrics(Task task, Metric only) {
        return only != null ? List.of(only) : Metric.forTask(task);
    }

    /** Per-class precision and recall of every slice of a multiclass comparison; none for other tasks. */
    private List<ClassRates> perClass(ReviewPack reviewPack, ComparisonReport report) {
        EvaluationTable table = reviewPack.primary();
        if (table.task() != Task.MULTICLASS) {
            return List.of();
        }
        return report.results().stream().map(SliceResult::slice).distinct()
                .flatMap(slice -> ClassRates.of(table, report.productionVersion(), report.candidateVersion(), slice,
                        engine.rowsOf(table, slice), report.options().confidenceLevel()).stream())
                .toList();
    }

    private ComparisonOptions options() {
        CorrectionMethod method = switch (correction.toLowerCase(Locale.ROOT)) {
            case "holm" -> CorrectionMethod.HOLM;
            case "bh", "benjamini-hochberg" -> CorrectionMethod.BENJAMINI_HOCHBERG;
            case "none" -> CorrectionMethod.NONE;
            default -> throw new IllegalArgumentException("--correction must be holm, bh or none, not '" + correction + "'");
        };
        List<List<String>> crossList = crosses.stream()
                .map(cross -> Arrays.stream(cross.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .toList();
        ComparisonOptions.crossProblem(crossList).ifPresent(problem -> {
            throw new IllegalArgumentException("--cross " + problem);
        });
        if (minN < 1) {
            throw new IllegalArgumentException("--min-n must be at least 1, not " + minN);
        }
        if (confidence != null) {
            ComparisonOptions.requireConfidenceLevel(confidence, "--confidence");
        }
        return new ComparisonOptions(confidence != null ? confidence : ComparisonOptions.DEFAULTS.confidenceLevel(),
                minN,
                effect != null ? effect : ComparisonOptions.DEFAULTS.minDetectableEffect(), replicates,
                seed != null ? seed : ComparisonOptions.DEFAULTS.seed(), method, crossList);
    }

    /**
     * The metric named; a name that is none lists the metrics of the pack's task, looked up in its manifest without
     * unpacking a .zip (the whole pack is read, and its manifest checked, only for a metric that exists).
     */
    private static Metric parseMetric(String name, Path pack) {
        Optional<Metric> named = Metric.fromWireName(name);
        if (named.isPresent()) {
            return named.get();
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'; " + taskOf(pack)
                .map(task -> Metric.unknownNameHint(name, task))
                .orElse("metrics: " + Arrays.stream(Metric.values()).map(Metric::wireName).toList()));
    }

    /** The task the pack's manifest names, if it can be told at a glance. */
    private static Optional<Task> taskOf(Path pack) {
        try {
            Optional<byte[]> manifest = PackFiles.peekManifest(pack);
            if (manifest.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Task.fromWireName(new ObjectMapper().readTree(manifest.get()).path("model")
                    .path("task").asText()));
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty(); // the error names the metric; reading the pack would name this
        }
    }

    private void printTable(PrintWriter out, ComparisonReport report, Metric metric) {
        ComparisonOptions options = report.options();
        String level = GateNumbers.level(options.confidenceLevel());
        out.printf(Locale.ROOT, "%s: production %s vs candidate %s, %s%s (%s is better)%n", report.packName(),
                report.productionVersion(), report.candidateVersion(), report.metricFormat(metric).inUnit(metric.wireName()),
                metric == report.primaryMetric() ? " (primary metric)" : "",
                metric.hasDirection() ? (metric.higherIsBetter() ? "higher" : "lower") : "neither direction");
        out.printf(Locale.ROOT, "Confidence level %s (%s), bootstrap seed %d (%s).%n",
                BigDecimal.valueOf(options.confidenceLevel()).stripTrailingZeros().toPlainString(),
                options.origins().confidenceLevel(), options.seed(),
                options.origins().seed());
        int family = report.correctedTestsByMetric().getOrDefault(metric, 0);
        String slices = options.correction().otherSlices(family);
        out.printf(Locale.ROOT, "Intervals of delta: overall %s, tested alone; %s, at the level in the 'level' "
                        + "column. A verdict is better or worse exactly when its interval excludes 0 (unadjusted "
                        + "intervals: --json, unadjustedCi); one that does not is 'no significant difference' when its "
                        + "interval lies within %s, else 'inconclusive'. Each model's value with its %s interval. Slices "
                        + "under %d examples are not tested.%n%n", level, slices, bandText(metric, options),
                level, options.minSliceSize());
        List<SliceResult> rows = report.resultsFor(metric);
        MetricFormat numbers = report.metricFormat(metric);
        List<String[]> table = new ArrayList<>();
        // what the metric rests on besides n (an AUC on its positives and negatives), in a column of its own
        boolean counted = rows.stream().anyMatch(r -> !r.counts().isNone());
        table.add(withCounts(counted, new String[] {"slice", "n", "production", "candidate", "delta [interval]",
            "level", "adj. p", "test", "verdict"}, "counts"));
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SliceResult r : rows) {
            // one reason per slice, the first that applies: a slice under the minimum is "too few examples" in
            // the table, whatever else would make its metric undefined
            if (r.verdict() == Verdict.UNAVAILABLE) {
                reasons.add(r.slice().label() + ": " + r.unavailableReason());
            }
            if (r.note() != null) {
                notes.add(r.slice().label() + ": " + r.note());
            }
            // once, under the overall slice: the other slices' reasons name their own rare classes
            if (r.slice().isOverall() && r.rareClassWaysForward() != null) {
                notes.add(r.slice().label() + ": " + r.rareClassWaysForward());
            }
            if (r.boundReason(r.deltaCi()) != null) {
                notes.add(r.slice().label() + ": " + r.boundReason(r.deltaCi()));
            }
            // marked where the section under the table says the candidate gives the whole slice one output
            String slice = r.slice().label() + (report.constantSliceOf(r.slice()).isPresent() ? " ⚠" : "");
            table.add(withCounts(counted, row(slice, numbers, r, r.test() == null ? "-" : r.test()),
                    r.counts().isNone() ? "-" : r.counts().text()));
        }
        // the adjusted p moves one column right after the counts
        TerminalTable.lines(table, counted ? Set.of(1, 7) : RIGHT_ALIGNED_COLUMNS).forEach(out::println);
        // first under the table: what the numbers of these slices cannot tell
        printSection(out, "One output for a whole slice (a note, not a verdict):", report.constantSlices().stream()
                .map(c -> "⚠ " + c.slice().label() + ": " + c.note()).toList());
        printSection(out, "Unavailable:", reasons);
        printSection(out, "Notes:", notes);
        printClassRecalls(out, report);
    }

    /**
     * A multiclass comparison's recall per class on the overall slice, each Δ a paired rate with Tango's interval,
     * adjusted across the classes; then any class significantly worse or better in another slice.
     */
    private static void printClassRecalls(PrintWriter out, ComparisonReport report) {
        List<ClassRecall> overall = report.classRecallsOf(SliceKey.OVERALL);
        if (overall.isEmpty()) {
            return;
        }
        ComparisonOptions options = report.options();
        int classes = report.classFamilySizes().getOrDefault(TestFamily.CLASSES, 0);
        out.println();
        out.printf(Locale.ROOT, "Per class, overall slice: recall (the share of a class's rows each model predicts as "
                + "it), each model with its %s interval; delta with the paired interval of accuracy (Tango), %s. "
                + "Classes under %d examples are not tested. Precision per class: --json, perClass.%n%n",
                GateNumbers.level(options.confidenceLevel()),
                classes == 0 ? "no class tested" : options.correction().adjusted(TestFamily.CLASSES, classes), options.minSliceSize());
        MetricFormat numbers = MetricFormat.RATE;
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"class", "n", "production recall", "candidate recall", "delta [interval]", "level",
            "adj. p", "verdict"});
        for (ClassRecall recall : overall) {
            table.add(row(recall.className(), numbers, recall.result()));
        }
        TerminalTable.lines(table, Set.of(1, 6)).forEach(out::println);
        List<String> elsewhere = report.classRecalls().stream()
                .filter(r -> !r.slice().isOverall()
                        && (r.result().verdict() == Verdict.WORSE || r.result().verdict() == Verdict.BETTER))
                .map(ClassRecall::headline).toList();
        int sliceClasses = report.classFamilySizes().getOrDefault(TestFamily.SLICE_CLASSES, 0);
        if (sliceClasses > 0) {
            printSection(out, "Per class, other slices (" + options.correction().adjusted(TestFamily.SLICE_CLASSES, sliceClasses)
                    + "):", elsewhere.isEmpty() ? List.of("no class's recall differs significantly") : elsewhere);
        }
    }

    /**
     * One slice's or class's row: label, n, each model's value, Δ, the level of Δ's interval, the adjusted p-value,
     * then {@code beforeVerdict} and the verdict.
     */
    private static String[] row(String label, MetricFormat numbers, SliceResult r, String... beforeVerdict) {
        List<String> cells = new ArrayList<>(Arrays.asList(label, MetricFormat.count(r.n()),
                estimate(numbers, r.production()), estimate(numbers, r.candidate()), delta(r),
                r.shownInterval() == null ? "-" : r.shownInterval().levelText(), pValue(r.adjustedP())));
        cells.addAll(Arrays.asList(beforeVerdict));
        cells.add(r.verdict() == Verdict.UNAVAILABLE && r.unavailableReason() != null
                ? r.verdictLabel() + ": " + shortReason(r.unavailableReason()) : r.verdictLabel());
        return cells.toArray(String[]::new);
    }

    /**
     * Why a value is undefined, short enough for the verdict column: "only negative examples in this slice (0 positive,
     * 442 negative)", without the ", so roc_auc is undefined" that the word "unavailable" already says; the section
     * under the table gives it whole.
     */
    static String shortReason(String reason) {
        int consequence = reason.indexOf(", so ");
        return consequence < 0 ? reason : reason.substring(0, consequence);
    }

    /** {@code row} with {@code counts} after n when the table has a counts column. */
    private static String[] withCounts(boolean counted, String[] row, String counts) {
        if (!counted) {
            return row;
        }
        List<String> cells = new ArrayList<>(Arrays.asList(row));
        cells.add(2, counts);
        return cells.toArray(String[]::new);
    }

    /** n and the p-value; the value-and-interval columns stay left-aligned so their brackets start together. */
    private static final Set<Integer> RIGHT_ALIGNED_COLUMNS = Set.of(1, 6);

    private static void printSection(PrintWriter out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.println();
            out.println(title);
            lines.forEach(line -> out.println("  " + line));
        }
    }

    /** A model's value with its interval (the app's and the approval pack's format); "-" when undefined. */
    private static String estimate(MetricFormat numbers, MetricEstimate estimate) {
        return estimate == null ? "-" : estimate.text(numbers);
    }

    /** Δ with the interval its verdict reads. */
    private static String delta(SliceResult result) {
        if (result.delta() == null) {
            return "-";
        }
        return result.deltaText(result.deltaCi());
    }

    /** As every p-value a person reads: {@link MetricFormat#pValue}; "-" as the table's other empty cells. */
    private static String pValue(Double p) {
        return p == null ? "-" : MetricFormat.pValue(p);
    }

    /** The band that tells "no significant difference" from "inconclusive", and where it came from. */
    private String bandText(Metric metric, ComparisonOptions options) {
        String band = options.bandText(metric);
        return options.bandFromPolicy(metric) ? band + " (--effect to choose another)"
                : band + (effect != null ? " (--effect)" : ", the default (--effect)");
    }
}
