package org.verdict.core.compare;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.MetricFormat;

/**
 * Candidate vs production over every slice and metric of one evaluation table.
 *
 * @param results the overall slice first, then each dimension's slices, then intersectional slices
 * @param correctedTests how many p-values the correction adjusted together for the primary metric (its slices and
 *                       crosses; the overall slice is tested alone and not counted)
 * @param correctedTestsByMetric the size of each metric's adjusted family (a metric without tested slices is absent)
 * @param classRecalls a multiclass comparison's per-class recall, slice by slice in the order of {@code results},
 *                     classes in the table's order; empty for other tasks
 * @param classFamilySizes the size of each per-class family that has tested members ({@link TestFamily#CLASSES},
 *                         {@link TestFamily#SLICE_CLASSES})
 * @param constantSlices the slices of at least the minimum size, other than the overall one, on which the candidate
 *                       gives every row one output, in the order of {@code results}; empty where the candidate is
 *                       constant overall (the pack-level check says that once) and on a summary pack (no rows)
 */
public record ComparisonReport(
        String packName,
        String productionVersion,
        String candidateVersion,
        Metric primaryMetric,
        ComparisonOptions options,
        List<SliceResult> results,
        int correctedTests,
        Map<Metric, Integer> correctedTestsByMetric,
        List<ClassRecall> classRecalls,
        Map<TestFamily, Integer> classFamilySizes,
        List<ConstantSlice> constantSlices) {

    public ComparisonReport {
        results = List.copyOf(results);
        Map<Metric, Integer> sizes = new EnumMap<>(Metric.class);
        sizes.putAll(correctedTestsByMetric);
        correctedTestsByMetric = Collections.unmodifiableMap(sizes);
        classRecalls = List.copyOf(classRecalls);
        Map<TestFamily, Integer> classSizes = new EnumMap<>(TestFamily.class);
        classSizes.putAll(classFamilySizes);
        classFamilySizes = Collections.unmodifiableMap(classSizes);
        constantSlices = List.copyOf(constantSlices);
    }

    /** A report that found no slice on which the candidate is constant. */
    public ComparisonReport(String packName, String productionVersion, String candidateVersion, Metric primaryMetric,
                            ComparisonOptions options, List<SliceResult> results, int correctedTests,
                            Map<Metric, Integer> correctedTestsByMetric, List<ClassRecall> classRecalls,
                            Map<TestFamily, Integer> classFamilySizes) {
        this(packName, productionVersion, candidateVersion, primaryMetric, options, results, correctedTests,
                correctedTestsByMetric, classRecalls, classFamilySizes, List.of());
    }

    /** A report without per-class recall (binary and regression tasks, hand-made reports). */
    public ComparisonReport(String packName, String productionVersion, String candidateVersion, Metric primaryMetric,
                            ComparisonOptions options, List<SliceResult> results, int correctedTests,
                            Map<Metric, Integer> correctedTestsByMetric) {
        this(packName, productionVersion, candidateVersion, primaryMetric, options, results, correctedTests,
                correctedTestsByMetric, List.of(), Map.of());
    }

    /** Where the candidate gives every row of {@code slice} one output: what it is, and production's there. */
    public Optional<ConstantSlice> constantSliceOf(SliceKey slice) {
        return constantSlices.stream().filter(c -> c.slice().equals(slice)).findFirst();
    }

    /** The per-class recall of one slice, classes in the table's order (empty when there is none). */
    public List<ClassRecall> classRecallsOf(SliceKey slice) {
        return classRecalls.stream().filter(r -> r.slice().equals(slice)).toList();
    }

    /**
     * The classes whose recall is significantly worse on the overall slice, each to be said in one line as
     * {@link ClassRecall#headline()} writes it: what a summary names, where a per-class average may hide it (other
     * slices' classes are in {@link #classRecalls()}; with the other metrics worse overall: {@link #worseOverall()}).
     */
    public List<ClassRecall> worseClassRecalls() {
        return classRecallsOf(SliceKey.OVERALL).stream().filter(r -> r.result().verdict() == Verdict.WORSE).toList();
    }

    /** Every finding significantly worse overall beside the primary metric: see {@link WorseOverall#of}. */
    public List<WorseOverall> worseOverall() {
        return WorseOverall.of(this);
    }

    /**
     * What {@link #worseOverall()} says when it finds nothing, naming only what it looked at: the other metrics, and
     * each class's recall where there are classes (a multiclass comparison; a regression or binary one has none).
     * "No class's recall" speaks of tests: a class lost without one is said beside it by {@link #lostClassesText()}.
     */
    public String nothingElseWorse() {
        return "Nothing else is significantly worse overall: no other metric"
                + (classRecalls.isEmpty() ? "." : ", and no class's recall.");
    }

    /**
     * Each class the candidate loses over the whole table ({@link ClassRecall#lostByCandidate}) that no test shows
     * worse, in the table's order: a rare class's recall falling from 3 of 8 to 0 of 8 has no trusted interval, and a
     * candidate that never predicts a class is what a board must see before it promotes, whatever else is worse. A
     * class whose loss a test shows is a finding of {@link #worseOverall()} instead.
     */
    public List<ClassRecall> lostClasses() {
        return classRecallsOf(SliceKey.OVERALL).stream()
                .filter(recall -> recall.lostByCandidate() && !WorseOverall.isFinding(recall.result())).toList();
    }

    /**
     * {@link #lostClasses()} in the one sentence every surface says them in: "Lost by the candidate, though no test
     * shows it: class fraud_report: recall 3 of 8 → 0 of 8, too few to test; the candidate never predicts it
     * (production on 3 rows)."; empty when the candidate loses no class.
     */
    public String lostClassesText() {
        List<String> lost = lostClasses().stream().map(ClassRecall::lossLine).toList();
        return lost.isEmpty() ? "" : "Lost by the candidate, though no test shows it: " + String.join(". Also ", lost)
                + ".";
    }

    /**
     * Where both models agree on every example overall, and so on every slice: the one sentence that says so, how many
     * of {@code shown} (the overall slice and the slices a view shows) get the agreement bound and why the others have
     * no interval; null otherwise (see {@link AgreeingModels#agreementEverywhere}).
     */
    public static String agreementEverywhere(List<SliceResult> shown) {
        return AgreeingModels.agreementEverywhere(shown);
    }

    /** Which slices of {@code metric} were tested and which could not be, in the words every surface uses. */
    public SliceCoverage sliceCoverage(Metric metric) {
        return SliceCoverage.of(metric.wireName(), resultsFor(metric));
    }

    /** How {@code metric}'s numbers are written in this report: with the target's unit for mae and rmse. */
    public MetricFormat metricFormat(Metric metric) {
        return MetricFormat.of(metric, options.targetUnit());
    }

    public List<SliceResult> resultsFor(Metric metric) {
        return results.stream().filter(r -> r.metric() == metric).toList();
    }
}
