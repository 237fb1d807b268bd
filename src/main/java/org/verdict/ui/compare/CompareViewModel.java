package org.verdict.ui.compare;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.verdict.core.compare.ClassRecall;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.ConstantSlice;
import org.verdict.core.compare.SliceCoverage;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.ConfusionMatrix;
import org.verdict.core.summary.SummaryMethods;
import org.verdict.core.summary.SummaryPacks;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;
import org.verdict.ui.task.LatestTask;
import org.verdict.ui.task.QuietPeriod;
import org.verdict.ui.task.TurnWatch;

/**
 * State of the Compare view. Picking a candidate, or an intersectional cross not yet computed, runs the comparison
 * in the background; picking a metric or dimension only reselects rows. Chart data is built on a worker thread.
 * Reports are cached per candidate and cross, so switching back is instant.
 */
public final class CompareViewModel {
    /** How many slices on which the candidate gives every row one output the summary names before "…". */
    private static final int CONSTANT_SLICES_NAMED = 3;

    /** Which chart the view shows. */
    public enum ChartKind { FOREST_PLOT, PER_MODEL }

    /** Where the comparison of the selection stands, which the empty table says until its rows are shown. */
    private enum Comparison { NONE, WAITING, RUNNING, SHOWN, CANCELLED, FAILED }

    /**
     * One comparison per candidate and cross: the p-values of a cross are adjusted together with the overall and
     * single-dimension slices only, the same family as {@code compare --cross a,b} on the command line.
     */
    private record ReportKey(String candidate, List<String> cross) {
        static ReportKey of(String candidate, SliceDimension shown) {
            return new ReportKey(candidate, shown != null && shown.isCross() ? shown.dimensions() : List.of());
        }
    }

    private final ComparisonRunner runner;
    private final ConfusionSource confusionSource;
    private final BackgroundExecutor executor;
    private final ActivityMonitor activity;
    private final ResourceBundle text;
    /** The rows' cell and tooltip texts, made with each row on the worker thread. */
    private final ComparisonCellTexts cellTexts;
    private final ComparisonOptions baseOptions;
    private final QuietPeriod chartAfterTyping;

    private final ObservableList<String> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<String> candidate = new SimpleObjectProperty<>();
    private final ObservableList<Metric> metrics = FXCollections.observableArrayList();
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>();
    private final ObservableList<SliceDimension> dimensions = FXCollections.observableArrayList();
    private final ObjectProperty<SliceDimension> dimension = new SimpleObjectProperty<>(SliceDimension.ALL);
    private final ObjectProperty<ChartKind> chartKind = new SimpleObjectProperty<>(ChartKind.FOREST_PLOT);
    private final ObservableList<ComparisonRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ComparisonRow> filteredRows = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterPrompt = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper filterHelp = new ReadOnlyStringWrapper();
    private final BooleanProperty onlyWorse = new SimpleBooleanProperty(false);
    /** Δ column and forest plot show the unadjusted intervals; the verdicts still read the adjusted ones. */
    private final BooleanProperty showUnadjusted = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper deltaHeader = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper productionHeader = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper candidateHeader = new ReadOnlyStringWrapper();
    /** The target's unit ($, kg) of the metric shown (mae, rmse of a pack that names one), else empty: the headers carry it. */
    private String valueUnit = "";
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper evidenceBasis = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SliceChartData> chartData = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper tablePlaceholder = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper filterNote = new ReadOnlyStringWrapper("");
    /** The name of the pack being opened, else empty ({@link #followOpening}). */
    private final StringProperty opening = new SimpleStringProperty("");
    private Comparison comparison = Comparison.NONE;
    private final ReadOnlyObjectWrapper<ComparisonReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper multiclass = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ConfusionPair> confusion = new ReadOnlyObjectWrapper<>();
    private final Map<ReportKey, ComparisonReport> reports = new HashMap<>();

    /** The chart's inputs of the selection shown, for redrawing it from the rows the filter keeps; null until shown. */
    private ChartInputs chartInputs;
    /**
     * The slices' order before a header is clicked, the chart's too ({@link SliceChartData#readingOrder}), of the whole
     * selection, so that a filter keeps the order of the slices it leaves.
     */
    private final ObjectProperty<Comparator<SliceResult>> readingOrder = new SimpleObjectProperty<>(
            SliceChartData.readingOrder(List.of()));
    private ReviewPack pack;
    private boolean scoresMissing;
    private boolean selectingPack;
    /** The comparison of what is asked now; asking for something else cancels it. */
    private final LatestTask comparisons = new LatestTask();
    /** Counts the comparisons asked for: only the latest one's end says where the comparison stands. */
    private long comparisonsAsked;

    public CompareViewModel(ComparisonRunner runner, ConfusionSource confusionSource, BackgroundExecutor executor, ActivityMonitor activity,
                            ResourceBundle text, ComparisonOptions baseOptions, QuietPeriod chartAfterTyping) {
        this.runner = runner;
        this.confusionSource = confusionSource;
        this.executor = executor;
        this.activity = activity;
        this.cellTexts = new ComparisonCellTexts(text);
        this.text = text;
        this.baseOptions = baseOptions;
        this.chartAfterTyping = chartAfterTyping;
        opening.addListener((obs, old, now) -> sayWhatIsPending());
        sayWhatIsPending();
        candidate.addListener((obs, old, now) -> refresh());
        dimension.addListener((obs, old, now) -> refresh());
        metric.addListener((obs, old, now) -> showSelection());
        filter.addListener((obs, old, now) -> {
            // the table follows each key at once; the chart, rebuilt whole (a 68-slice forest plot), once typing
            // pauses: "enterprise" typed rebuilt it ten times
            filterRows();
            chartAfterTyping.request(this::chartOfRowsShown);
        });
        Runnable examplesFromTheSlices = () -> {
            filterPrompt.set(inTheseSlices("compare.filterPrompt", rows));
            filterHelp.set(inTheseSlices("compare.filterTooltip", rows));
        };
        examplesFromTheSlices.run();
        rows.addListener((ListChangeListener<ComparisonRow>) change -> examplesFromTheSlices.run());
        onlyWorse.addListener((obs, old, now) -> applyFilter());
        filteredRows.addListener((ListChangeListener<ComparisonRow>) change -> sayWhatTheFilterLeft());
        updateHeaders();
        showUnadjusted.addListener((obs, old, now) -> {
            updateHeaders();
            showSelection();
        });
    }

    /**
     * The value columns' headers: which interval the Δ cells show, and the target's unit where the metric is in it
     * ("Production ($)"), written there once instead of beside every number of the table.
     */
    private void updateHeaders() {
        ComparisonReport shown = report.get();
        // the level the comparison ran at: the pack policy's, which the runner may put in place of the base's
        double level = (shown != null ? shown.options() : baseOptions).confidenceLevel();
        String unit = valueUnit.isEmpty() ? "" : MessageFormat.format(text.getString("compare.col.unit"), valueUnit);
        deltaHeader.set((showUnadjusted.get() ? MessageFormat.format(text.getString("compare.col.deltaUnadjusted"),
                Math.round(level * 100)) : text.getString("compare.col.delta")) + unit);
        productionHeader.set(text.getString("compare.col.production") + unit);
        candidateHeader.set(text.getString("compare.col.candidate") + unit);
    }

    /**
     * Follows the name of the pack being opened (empty when none is): until a pack is open, the empty table says that
     * one is loading, not that it has no slices.
     */
    public void followOpening(ObservableValue<String> openingPackName) {
        opening.bind(openingPackName);
    }

    /** A new pack: reset the pickers to its candidates, metrics and slice dimensions, then compare. */
    public void showPack(ReviewPack newPack) {
        selectingPack = true;
        try {
            pack = newPack;
            // A new pack starts clean: a filter typed for the previous pack's slices ("tenure") would leave only the
            // overall row of this one, with nothing saying why.
            filter.set("");
            onlyWorse.set(false);
            chartInputs = null;
            reports.clear();
            report.set(null);
            rows.clear();
            summary.set("");
            notice.set("");
            chartData.set(null);
            Task task = newPack.manifest().model().task();
            multiclass.set(task == Task.MULTICLASS);
            evidenceBasis.set(SummaryPacks.primaryOf(newPack).map(SummaryMethods::describe).orElse(""));
            confusion.set(null);
            scoresMissing = task == Task.BINARY && (newPack.isSummary() ? !newPack.summary().hasScores()
                    : newPack.primary().predictions().values().stream().anyMatch(p -> !p.hasScores()));
            candidates.setAll(newPack.manifest().candidates().stream().map(ModelVersion::version).toList());
            metrics.setAll(Metric.forTask(task));
            metric.set(Metric.fromWireName(newPack.manifest().primaryMetric()).filter(metrics::contains)
                    .orElse(metrics.isEmpty() ? null : metrics.get(0)));
            List<String> sliceColumns = new ArrayList<>(newPack.isSummary() ? newPack.summary().sliceColumns()
                    : newPack.primary().sliceColumns().keySet());
            List<List<String>> crosses = pairs(sliceColumns);
            List<SliceDimension> choices = new ArrayList<>();
            choices.add(SliceDimension.ALL);
            sliceColumns.forEach(column -> choices.add(new SliceDimension(List.of(column))));
            crosses.forEach(cross -> choices.add(new SliceDimension(cross)));
            dimensions.setAll(choices);
            dimension.set(SliceDimension.ALL);
            candidate.set(candidates.isEmpty() ? null : candidates.get(0));
        } finally {
            selectingPack = false;
        }
        refresh();
        selectSlice(SliceKey.OVERALL);
    }

    /** Counts both models' confusion matrices for a slice (multiclass packs), off the FX thread. */
    public void selectSlice(SliceKey slice) {
        if (pack == null || !multiclass.get() || candidate.get() == null) {
            return;
        }
        ReviewPack countedPack = pack;
        String production = countedPack.manifest().production().version();
        String candidateVersion = candidate.get();
        executor.run(progress -> new ConfusionPair(slice, production, confusionMatrix(countedPack, production, slice),
                        candidateVersion, confusionMatrix(countedPack, candidateVersion, slice)))
                .onSuccess(pair -> {
                    if (countedPack == pack) {
                        confusion.set(pair);
                    }
                })
                .onError(executor::reportUnhandled)
                .start();
    }

    /** From the rows, or from a summary pack's cells, which hold the same counts. */
    private ConfusionMatrix confusionMatrix(ReviewPack counted, String version, SliceKey slice) {
        return SummaryPacks.primaryOf(counted).map(summary -> summary.confusionMatrix(version, slice))
                .orElseGet(() -> confusionSource.confusionMatrix(counted.primary(), version, slice));
    }

    /** Every pair of slice columns in manifest order: segment × language, segment × gender, language × gender. */
    static List<List<String>> pairs(List<String> columns) {
        List<List<String>> pairs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                pairs.add(List.of(columns.get(i), columns.get(j)));
            }
        }
        return pairs;
    }

    private void refresh() {
        if (selectingPack || pack == null || candidate.get() == null) {
            return;
        }
        ReportKey key = ReportKey.of(candidate.get(), dimension.get());
        ComparisonReport cached = reports.get(key);
        long asked = ++comparisonsAsked;
        if (cached != null) {
            comparisons.cancel();
            setComparison(Comparison.SHOWN);
            report.set(cached);
            showSelection();
            return;
        }
        ReviewPack comparedPack = pack;
        ComparisonOptions options = key.cross().isEmpty() ? baseOptions : baseOptions.withCrosses(List.of(key.cross()));
        setComparison(Comparison.RUNNING);
        // Nothing of the previous pack, candidate or cross stays on screen as if it were this one's: the summary
        // line too, which counted the previous rows.
        chartInputs = null;
        rows.clear();
        summary.set("");
        chartData.set(null);
        executor.run(progress -> runner.compare(comparedPack, key.candidate(), options, new TurnWatch(progress,
                        waiting -> executor.runOnFxThread(() -> {
                            if (asked == comparisonsAsked) {
                                setComparison(waiting ? Comparison.WAITING : Comparison.RUNNING);
                            }
                        }))))
                .asLatestIn(comparisons)
                .showProgressIn(activity, MessageFormat.format(text.getString("compare.activity"),
                        key.candidate(), comparedPack.manifest().production().version()))
                .onSuccess(result -> {
                    if (comparedPack != pack) {
                        return; // a newer pack was opened meanwhile
                    }
                    reports.put(key, result);
                    if (key.equals(ReportKey.of(candidate.get(), dimension.get()))) {
                        report.set(result);
                        showSelection();
                    }
                })
                .onCancelled(() -> {
                    if (asked == comparisonsAsked) {
                        setComparison(Comparison.CANCELLED);
                        notice.set(text.getString("compare.cancelled"));
                    }
                })
                .onError(failure -> {
                    if (asked == comparisonsAsked) {
                        setComparison(Comparison.FAILED);
                        notice.set(MessageFormat.format(text.getString("compare.failed"), failure.getMessage()));
                    }
                    executor.reportUnhandled(failure);
                })
                .start();
    }

    /** The words of the table's cells and tooltips, the rows' own. */
    public ComparisonCellTexts cellTexts() {
        return cellTexts;
    }

    /** Rows and chart of the selected metric and dimension, from the current report. */
    private void showSelection() {
        ComparisonReport current = report.get();
        Metric selected = metric.get();
        if (current == null || selected == null) {
            return;
        }
        SliceDimension selectedDimension = dimension.get() == null ? SliceDimension.ALL : dimension.get();
        boolean unadjusted = showUnadjusted.get();
        // Selecting, formatting and chart data happen on a worker thread; only the swap happens on the FX thread.
        executor.run(progress -> {
                    List<SliceResult> selectedResults = current.resultsFor(selected).stream()
                            .filter(r -> selectedDimension.includes(r.slice().dimensions())).toList();
                    return new Selection(selectedResults.stream().map(r -> new ComparisonRow(r, unadjusted, cellTexts,
                                    current.options().minSliceSize(),
                                    current.constantSliceOf(r.slice()).map(ConstantSlice::note).orElse(null)))
                                    .toList(),
                            noticeFor(selected, selectedResults), summaryOf(current, selected, selectedResults, unadjusted));
                })
                .onSuccess(selection -> {
                    if (current != report.get() || selected != metric.get() || selectedDimension != dimension.get()
                            || unadjusted != showUnadjusted.get()) {
                        return; // the user picked something else meanwhile
                    }
                    valueUnit = selected.inTargetUnits()
                            ? current.options().targetUnit().shortForm() : "";
                    updateHeaders();
                    Comparator<SliceResult> order = SliceChartData.readingOrder(selection.rows().stream()
                            .map(ComparisonRow::result).toList());
                    chartInputs = new ChartInputs(selected, current.options().targetUnit(), unadjusted, order);
                    readingOrder.set(order);
                    rows.setAll(selection.rows());
                    notice.set(selection.notice());
                    summary.set(selection.summary());
                    setComparison(Comparison.SHOWN);
                    applyFilter();
                })
                .start();
    }

    private void setComparison(Comparison now) {
        comparison = now;
        sayWhatIsPending();
    }

    /**
     * What the empty table says, and the notice above it while a comparison is under way: that a pack is being
     * opened (by name), that the comparison waits for another one on the engine (the gates' judgement) or runs, that
     * it was cancelled or failed; only once its rows are shown that there is no slice to show.
     */
    private void sayWhatIsPending() {
        String loading = opening.get() == null ? "" : opening.get();
        String pending = switch (comparison) {
            case WAITING -> TurnWatch.waitingText();
            case RUNNING -> text.getString("compare.computing");
            default -> null;
        };
        if (pending != null) {
            notice.set(pending);
            tablePlaceholder.set(pending);
        } else if (!loading.isEmpty() && comparison != Comparison.SHOWN) {
            tablePlaceholder.set(MessageFormat.format(text.getString("compare.table.opening"), loading));
        } else {
            tablePlaceholder.set(text.getString(switch (comparison) {
                case CANCELLED -> "compare.table.cancelled";
                case FAILED -> "compare.table.failed";
                case SHOWN -> "compare.noRows";
                default -> "compare.table.noPack";
            }));
        }
    }

    /** What one choice of metric and dimension shows, prepared off the FX thread. */
    private record Selection(List<ComparisonRow> rows, String notice, String summary) {
    }

    /** What the chart of the rows shown is drawn for: their metric, its unit and which interval Δ's whiskers are. */
    private record ChartInputs(Metric metric, TargetUnit targetUnit, boolean unadjusted,
                               Comparator<SliceResult> order) {
    }

    private String noticeFor(Metric selected, List<SliceResult> results) {
        if (scoresMissing && selected.needsScores()) {
            return MessageFormat.format(text.getString("compare.noScores"), selected.wireName());
        }
        return results.stream().filter(r -> r.slice().isOverall() && !r.isAvailable()).findFirst()
                .map(r -> MessageFormat.format(text.getString("compare.metricUnavailable"), selected.wireName(),
                        r.unavailableReason()))
                .orElse("");
    }

    private String summaryOf(ComparisonReport current, Metric selected, List<SliceResult> results, boolean unadjusted) {
        // the overall row is said on its own and the counts are of the other slices, as the Gates view counts its
        // worse slices: "9 significantly worse" here beside Gates' 8 counted the overall row among the slices
        String overall = results.stream().filter(r -> r.slice().isOverall()).findFirst()
                .map(SliceResult::verdictWord).orElse("–");
        List<SliceResult> slices = results.stream().filter(r -> !r.slice().isOverall()).toList();
        long worse = slices.stream().filter(r -> r.verdict() == Verdict.WORSE).count();
        long better = slices.stream().filter(r -> r.verdict() == Verdict.BETTER).count();
        // the legend of the † a Δ cell shows (as the CLI's notes and the approval pack's caption explain it)
        boolean anyBound = results.stream()
                .anyMatch(r -> r.boundEnds(unadjusted ? r.unadjustedCi() : r.deltaCi()) != null);
        int family = current.correctedTestsByMetric().getOrDefault(selected, 0);
        // the family is every tested slice of every dimension and cross, whichever of them this choice shows
        long testedHere = results.stream().filter(r -> !r.slice().isOverall() && r.adjustedP() != null).count();
        String notShown = family > testedHere
                ? MessageFormat.format(text.getString("compare.summaryNotShown"), family - testedHere) : "";
        return MessageFormat.format(text.getString(unadjusted ? "compare.summaryUnadjusted" : "compare.summary"),
                current.candidateVersion(),
                current.productionVersion(), selected.wireName(), overall, worse, better,
                current.options().correction().otherSlices(family) + notShown,
                Math.round(current.options().confidenceLevel() * 100), bandText(current.options(), selected),
                classesWorse(current))
                + agreementNotes(results)
                + constantSlices(current, results)
                + (anyBound ? " " + MessageFormat.format(text.getString("compare.summaryBound"),
                        SliceResult.BOUND_MARK, selected.wireName()) : "")
                + (results.stream().anyMatch(CompareViewModel::hasFallbackInterval)
                        ? " " + MessageFormat.format(text.getString("compare.summaryFallback"),
                                ComparisonRow.FALLBACK_SIGN) : "");
    }

    /** Whether a model's shown interval in {@code result} is the percentile fallback the table marks ‡. */
    private static boolean hasFallbackInterval(SliceResult result) {
        return Stream.of(result.production(), result.candidate())
                .anyMatch(e -> e != null && e.ci() != null && e.ciFallback() != null);
    }

    /**
     * " ⚠ On 1 slice shown the candidate gives every row one output (⚠ in the table; hover the slice): language=ko.", naming
     * the first few; empty where there is none among {@code results}.
     */
    private String constantSlices(ComparisonReport current, List<SliceResult> results) {
        List<String> named = results.stream().map(SliceResult::slice)
                .filter(slice -> current.constantSliceOf(slice).isPresent()).map(SliceKey::label).toList();
        if (named.isEmpty()) {
            return "";
        }
        String shown = String.join(", ", named.subList(0, Math.min(named.size(), CONSTANT_SLICES_NAMED)))
                + (named.size() > CONSTANT_SLICES_NAMED ? ", …" : "");
        return " " + MessageFormat.format(text.getString("compare.summaryConstant"), named.size(), shown);
    }

    /**
     * The CLI's Notes of the slices whose Δ interval is the agreement bound, once per note with how many slices it
     * holds for: " On 11 slices both models give every example here the same score: Δ is 0 there and its interval the
     * agreement bound (hover a row)." Empty when none is.
     */
    private String agreementNotes(List<SliceResult> results) {
        // agreeing overall, they agree on every slice: counting only the slices with the bound undercounted them
        String everywhere = ComparisonReport.agreementEverywhere(results);
        if (everywhere != null) {
            return " " + everywhere + " " + text.getString("compare.summaryAgreementHelp");
        }
        Map<String, Long> slicesPerNote = results.stream().map(ComparisonRow::agreementNote)
                .filter(Objects::nonNull).collect(Collectors.groupingBy(note -> note,
                        LinkedHashMap::new, Collectors.counting()));
        StringBuilder notes = new StringBuilder();
        slicesPerNote.forEach((note, slices) -> notes.append(' ').append(MessageFormat.format(
                text.getString("compare.summaryAgreement"), slices, note)));
        return notes.toString();
    }

    /**
     * The classes of a multiclass comparison whose recall is significantly worse, which the aggregate metrics can
     * hide (a rare class losing a third of its recall beside an inconclusive macro_f1); empty when none is.
     */
    private String classesWorse(ComparisonReport current) {
        List<String> worse = current.worseClassRecalls().stream().map(ClassRecall::headline).toList();
        return worse.isEmpty() ? "" : MessageFormat.format(text.getString("compare.summaryClassWorse"),
                String.join("; ", worse));
    }

    /** "±0.01, the policy's primary margin" or "±0.05 (E)": which band the verdicts read and where it came from. */
    private String bandText(ComparisonOptions options, Metric selected) {
        return options.bandFromPolicy(selected) ? options.bandText(selected)
                : MessageFormat.format(text.getString("compare.bandE"), options.bandText(selected));
    }

    private void applyFilter() {
        filterRows();
        chartOfRowsShown();
    }

    private void filterRows() {
        String needle = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        boolean worseOnly = onlyWorse.get();
        filteredRows.setPredicate(row -> (row.overall() || matches(row, needle))
                && (!worseOnly || row.overall() || row.verdict() == Verdict.WORSE));
        sayWhatTheFilterLeft();
    }

    /**
     * Where the filter or "Only worse slices" keeps no slice, only the overall row (which always stays), a sentence
     * says so: a table of one row with nothing under it read as if the comparison had not finished.
     */
    private void sayWhatTheFilterLeft() {
        long slices = rows.stream().filter(row -> !row.overall()).count();
        boolean noneLeft = slices > 0 && filteredRows.stream().allMatch(ComparisonRow::overall);
        String typed = filter.get() == null ? "" : filter.get().trim();
        if (!noneLeft) {
            filterNote.set("");
        } else if (!onlyWorse.get()) {
            filterNote.set(MessageFormat.format(text.getString("compare.filterLeftNone"), typed));
        } else if (typed.isEmpty()) {
            // a slice without Δ's interval was never tested: "none is worse" must not speak for it
            SliceCoverage shown = SliceCoverage.of(metric.get().wireName(),
                    rows.stream().map(ComparisonRow::result).toList());
            filterNote.set(MessageFormat.format(text.getString(shown.untested().isEmpty() ? "compare.noneWorse"
                    : "compare.noneWorseOfTested"), shown.slices(), shown.tested()));
        } else {
            filterNote.set(MessageFormat.format(text.getString("compare.noneWorseMatches"), typed));
        }
    }

    /**
     * The chart draws the rows the table shows: the filter and "Only worse slices" keep the same slices in both (a
     * table of 5 rows beside a chart of all 11 read as if the filter had not been applied). Built off the FX thread.
     */
    private void chartOfRowsShown() {
        ChartInputs inputs = chartInputs;
        if (inputs == null) {
            return;
        }
        List<SliceResult> shown = filteredRows.stream().map(ComparisonRow::result).toList();
        executor.run(progress -> SliceChartData.of(inputs.metric(), inputs.targetUnit(), shown, inputs.unadjusted(),
                inputs.order()))
                .onSuccess(data -> {
                    // data equal to the chart shown is not set again: listeners hear no change of an equal value,
                    // and the view, drawing the first, would drop its chart as no longer the one to show
                    if (inputs == chartInputs && !data.equals(chartData.get()) && shown.equals(
                            filteredRows.stream().map(ComparisonRow::result).toList())) {
                        chartData.set(data);
                    }
                })
                .start();
    }

    /**
     * The filter's placeholder or tooltip in the words of the pack at hand: the column and value of its shortest
     * slice (the first of them), so the example fits the field ({@code language=de}); neutral until the pack's
     * slices are shown, or when it has none.
     */
    private String inTheseSlices(String key, List<ComparisonRow> shown) {
        return shown.stream().map(row -> row.result().slice()).filter(slice -> !slice.isOverall())
                .min(Comparator.comparingInt(slice -> slice.dimensions().get(0).length()
                        + slice.values().get(0).length()))
                .map(slice -> MessageFormat.format(text.getString(key), slice.dimensions().get(0),
                        slice.values().get(0)))
                .orElse(text.getString(key + "Neutral"));
    }

    /**
     * What a user types: each word must match one part of the slice ({@code column=value}, two for a cross). A word
     * without {@code =} matches a column it begins ({@code home}, {@code lang}) or a value it is part of ({@code rent};
     * {@code de} finds German, not gender); {@code home=rent} a column and a value, {@code home=} every value of the
     * column, {@code =rent} a value in any column.
     */
    static boolean matches(ComparisonRow row, String needle) {
        if (needle.isEmpty()) {
            return true;
        }
        SliceKey slice = row.result().slice();
        for (String word : needle.split("\\s+")) {
            boolean found = false;
            for (int i = 0; i < slice.dimensions().size() && !found; i++) {
                found = wordMatches(word, slice.dimensions().get(i).toLowerCase(Locale.ROOT),
                        slice.values().get(i).toLowerCase(Locale.ROOT));
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordMatches(String word, String column, String value) {
        int equals = word.indexOf('=');
        if (equals < 0) {
            return column.startsWith(word) || value.contains(word);
        }
        return column.startsWith(word.substring(0, equals)) && value.contains(word.substring(equals + 1));
    }

    public ObservableList<String> candidates() {
        return candidates;
    }

    public ObjectProperty<String> candidateProperty() {
        return candidate;
    }

    public ObservableList<Metric> metrics() {
        return metrics;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    public ObservableList<SliceDimension> dimensions() {
        return dimensions;
    }

    public ObjectProperty<SliceDimension> dimensionProperty() {
        return dimension;
    }

    public ObjectProperty<ChartKind> chartKindProperty() {
        return chartKind;
    }

    /** Rows after the filter; the view sorts them (overall always first). */
    public ObservableList<ComparisonRow> rows() {
        return filteredRows;
    }

    /** The order of the rows before a header is clicked, and of the chart's rows (the overall row apart). */
    public ReadOnlyObjectProperty<Comparator<SliceResult>> readingOrderProperty() {
        return readingOrder;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The filter field's placeholder: examples from the slices shown. */
    public ReadOnlyStringProperty filterPromptProperty() {
        return filterPrompt.getReadOnlyProperty();
    }

    /** The filter field's tooltip: how a word matches, with the same examples. */
    public ReadOnlyStringProperty filterHelpProperty() {
        return filterHelp.getReadOnlyProperty();
    }

    public BooleanProperty onlyWorseProperty() {
        return onlyWorse;
    }

    /**
     * Whether the Δ column and the forest plot show each slice's unadjusted interval rather than the one its verdict
     * reads; the summary line and the Δ header say which is shown.
     */
    public BooleanProperty showUnadjustedProperty() {
        return showUnadjusted;
    }

    /** The Δ column's header: which interval its cells show, and the unit of its numbers where they have one. */
    public ReadOnlyStringProperty deltaHeaderProperty() {
        return deltaHeader.getReadOnlyProperty();
    }

    /** The production column's header, with the unit of its numbers where they have one. */
    public ReadOnlyStringProperty productionHeaderProperty() {
        return productionHeader.getReadOnlyProperty();
    }

    /** The candidate column's header, with the unit of its numbers where they have one. */
    public ReadOnlyStringProperty candidateHeaderProperty() {
        return candidateHeader.getReadOnlyProperty();
    }

    /** Why the selected metric has no numbers (unavailable, no scores), or what is running; empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** For a summary pack, where its statistics came from and each kind of metric's method; else empty. */
    public ReadOnlyStringProperty evidenceBasisProperty() {
        return evidenceBasis.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SliceChartData> chartDataProperty() {
        return chartData.getReadOnlyProperty();
    }

    /**
     * Under the filter, where it or "Only worse slices" leaves no slice but the overall row: "No slice is significantly
     * worse (of 13 slices)…"; empty otherwise.
     */
    public ReadOnlyStringProperty filterNoteProperty() {
        return filterNote.getReadOnlyProperty();
    }

    /**
     * What the empty table says: that a pack is being opened, that the candidate waits to be compared or is being
     * compared (the progress is in the status bar), that the comparison was cancelled or failed, and only once the
     * rows of the selection are shown that there is no slice to show; "No slices to show." before that read as a pack
     * without slices.
     */
    public ReadOnlyStringProperty tablePlaceholderProperty() {
        return tablePlaceholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty multiclassProperty() {
        return multiclass.getReadOnlyProperty();
    }

    /** Both models' confusion matrices on the selected slice; null until counted or for non-multiclass packs. */
    public ReadOnlyObjectProperty<ConfusionPair> confusionProperty() {
        return confusion.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ComparisonReport> reportProperty() {
        return report.getReadOnlyProperty();
    }
}
