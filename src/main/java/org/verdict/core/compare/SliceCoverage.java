package org.verdict.core.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.verdict.core.stats.MetricFormat;

/**
 * Which slices of one metric were tested (Δ has an interval a verdict can read) and which could not be, so that "no
 * slice is significantly worse" never stands for slices nobody tested: with a class at 1 % of the rows, most slices of
 * macro_f1 are unstable, and the few tested ones say nothing about them. Every surface that says whether a slice is
 * worse (gate, Gates view, approval pack, Record decision) says it in these words.
 *
 * @param metric the metric's wire name
 * @param slices every slice but the overall one, crosses included
 * @param tested the slices whose Δ has an interval (better, worse or not, as the interval says)
 * @param untested the slices without one: those whose Δ is on the worse side first — the largest loss, then the rest
 *                 the most examples first —, then the others, the most examples first
 */
public record SliceCoverage(String metric, int slices, int tested, List<SliceResult> untested) {
    /** How many untested slices a sentence names; Compare lists every one with its reason. */
    static final int NAMED = 3;

    public SliceCoverage {
        untested = List.copyOf(untested);
    }

    /** The coverage of {@code results}, one metric's (the overall slice among them is set aside). */
    public static SliceCoverage of(String metric, List<SliceResult> results) {
        List<SliceResult> slices = results.stream().filter(r -> !r.slice().isOverall()).toList();
        // a loss nobody could test is what a board must not miss: mc_rare's language=ja (Δ −0.136) went unnamed
        // behind three larger slices that had gained
        List<SliceResult> untested = new ArrayList<>(slices.stream().filter(r -> r.deltaCi() == null)
                .sorted(Comparator.comparing((SliceResult r) -> !onWorseSide(r))
                        .thenComparing(Comparator.comparingInt(SliceResult::n).reversed())).toList());
        // and the largest untested loss ahead of them, whatever its size: a fraud model scrambled in one merchant
        // (Δ −0.760 on its 1 positive) went unnamed behind three larger merchants that had lost 0.001 to 0.195
        untested.stream().filter(SliceCoverage::onWorseSide)
                .max(Comparator.comparingDouble(r -> Math.abs(r.delta())))
                .ifPresent(largest -> {
                    untested.remove(largest);
                    untested.add(0, largest);
                });
        return new SliceCoverage(metric, slices.size(), slices.size() - untested.size(), untested);
    }

    /**
     * That no slice is significantly worse, with how many were tested: "None of the 8 tested slices is significantly
     * worse on macro_f1; 33 of 41 slices could not be tested (…)".
     */
    public String noneWorse() {
        if (slices == 0) {
            return "The pack has no slices to test on " + metric + " beside the overall one.";
        }
        if (tested == 0) {
            return "No slice could be tested on " + metric + ": " + untestedClause() + ".";
        }
        if (untested.isEmpty()) {
            return (slices == 1 ? "The one slice is not" : "None of the " + MetricFormat.count(slices) + " slices is")
                    + " significantly worse on " + metric + "; every one was tested.";
        }
        return (tested == 1 ? "The one tested slice is not" : "None of the " + MetricFormat.count(tested)
                + " tested slices is") + " significantly worse on " + metric + "; " + untestedClause() + ".";
    }

    /**
     * The heading above the slices significantly worse: "Slices significantly worse on macro_f1 (2 of the 8 tested),
     * the largest loss first; 33 of 41 slices could not be tested (…):".
     */
    public String worseHeading(int worse) {
        String lead = worseLead(worse);
        return untested.isEmpty() ? lead : lead.substring(0, lead.length() - 1) + "; " + untestedClause() + ":";
    }

    /**
     * The heading of the slices significantly worse without the untested ones, for a sentence that names the worse
     * slices right after it and the untested ones after them ({@link #untestedSentence}): "Slices significantly worse
     * on macro_f1 (2 of the 8 tested), the largest loss first:".
     */
    public String worseLead(int worse) {
        return "Slices significantly worse on " + metric + " (" + worse + " of the " + MetricFormat.count(tested)
                + " tested), the largest loss first:";
    }

    /** The untested slices as a sentence of their own: "33 of 41 slices could not be tested (…): Compare gives …". */
    public String untestedSentence() {
        String clause = untestedClause();
        return Character.toUpperCase(clause.charAt(0)) + clause.substring(1) + ".";
    }

    /** Whether the slice's Δ, tested or not, points the metric's worse way (never for a metric without direction). */
    public static boolean onWorseSide(SliceResult result) {
        Double delta = result.delta();
        return delta != null && result.metric().hasDirection()
                && (result.metric().higherIsBetter() ? delta < 0 : delta > 0);
    }

    /**
     * "33 of 41 slices could not be tested (28 unstable, 5 too few examples; 2 with Δ on the worse side, named first,
     * then the slices with the most examples: store=store_12, n=366, Δ −0.214 untested; …): Compare gives each one's
     * reason". Where not every one is named, it says how many lost, so the unnamed rest is never read as gains.
     */
    private String untestedClause() {
        String named = untested.stream().limit(NAMED).map(SliceCoverage::named).collect(Collectors.joining("; "));
        String count = untested.size() == slices ? (slices == 1 ? "the one slice" : "all " + MetricFormat.count(slices)
                + " slices") : MetricFormat.count(untested.size()) + " of " + MetricFormat.count(slices) + " slices";
        return count + " could not be tested (" + kinds(untested) + "; " + whichNamed() + named
                + "): Compare gives each one's reason";
    }

    /** Which untested slices the sentence names, when it cannot name them all. */
    private String whichNamed() {
        if (untested.size() <= NAMED) {
            return "";
        }
        // "the largest" beside a Δ read as the largest loss (r1's st005, Δ +$848 at n=8, seemed left out): say the
        // choice is by examples
        String mostExamples = "the " + NAMED + " with the most examples: ";
        if (untested.stream().noneMatch(r -> r.metric().hasDirection())) {
            return mostExamples;
        }
        long worse = untested.stream().filter(SliceCoverage::onWorseSide).count();
        return worse == 0 ? "none with Δ on the worse side; " + mostExamples
                : worse == 1 ? "1 with Δ on the worse side, named first, then the slices with the most examples: "
                : MetricFormat.count(worse) + " with Δ on the worse side" + (worse >= NAMED
                ? "; of those, the largest loss, then the " + (NAMED - 1) + " with the most examples: "
                : ", named first (the largest loss first), then the slices with the most examples: ");
    }

    /** "28 unstable, 5 too few examples": the slices without an interval by what their verdict says, most first. */
    static String kinds(List<SliceResult> withoutInterval) {
        Map<String, Long> byKind = withoutInterval.stream().collect(Collectors.groupingBy(SliceResult::verdictWord,
                LinkedHashMap::new, Collectors.counting()));
        return byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static String named(SliceResult result) {
        return result.slice().label() + ", " + result.counts().sampleSize(result.n())
                + (result.delta() == null ? "" : ", Δ " + result.deltaValueText(null) + " untested");
    }
}
