package org.verdict.core.compare;

import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.ConfusionMatrix;

/**
 * The class sets macro_f1, weighted_f1 and balanced_accuracy average over in one slice, fixed from the slice's
 * own rows for the point estimates and every replicate alike: for balanced accuracy the classes labelled in the
 * slice (scikit-learn's balanced_accuracy_score), for the F1 averages the classes labelled or predicted by either
 * model (f1_score with {@code labels=} that set) among the classes labelled somewhere in the table. A replicate
 * that misses a class then keeps the denominator.
 *
 * <p>A class listed in model.classes that no row of the table is labelled with is left out of every slice's
 * average, as a class labelled elsewhere is left out of a slice without it: counted in, with F1 0 for both models
 * whoever predicts it, it only scaled both averages and Δ by k / (k + 1), a share the pack chose by listing it
 * (0.838 and 0.865 over 4 labelled classes became 0.670 and 0.692), and the table can say nothing else of it. A
 * prediction of it still costs the model that makes it: the row is labelled with another class, whose recall
 * loses it; the note says how many rows each model predicts as such classes.
 */
final class ClassSets {
    /**
     * How many classes under {@link SliceAnalysis#MIN_CLASS_EXAMPLES} besides the rarest an unstable slice's reason
     * names.
     */
    private static final int MAX_RARE_CLASSES_NAMED = 8;

    private final boolean[] labelled;
    private final boolean[] labelledOrPredicted;
    private final boolean[] labelledInTable;
    private final long[] support;
    /** The rows each model predicts as a class no row of the table is labelled with: production's, candidate's. */
    private final long[] predictedUnlabelled = new long[2];
    /** The rows each model predicts as each class: production's, candidate's. */
    private final long[][] predicted;
    private final long rows;
    private final List<String> classes;

    ClassSets(ConfusionMatrix[] pair, boolean[] labelledInTable) {
        classes = pair[0].classes();
        int k = classes.size();
        this.labelledInTable = labelledInTable;
        labelled = new boolean[k];
        labelledOrPredicted = new boolean[k];
        support = new long[k];
        predicted = new long[2][k];
        rows = pair[0].total();
        for (int c = 0; c < k; c++) {
            support[c] = pair[0].support(c);
            predicted[0][c] = pair[0].predictedCount(c);
            predicted[1][c] = pair[1].predictedCount(c);
            labelled[c] = support[c] > 0;
            labelledOrPredicted[c] = labelledInTable[c]
                    && (labelled[c] || pair[0].predictedCount(c) > 0 || pair[1].predictedCount(c) > 0);
            if (!labelledInTable[c]) {
                predictedUnlabelled[0] += pair[0].predictedCount(c);
                predictedUnlabelled[1] += pair[1].predictedCount(c);
            }
        }
    }

    boolean[] of(Metric metric) {
        return switch (metric) {
            case BALANCED_ACCURACY -> labelled;
            case MACRO_F1, WEIGHTED_F1 -> labelledOrPredicted;
            default -> null;
        };
    }

    /**
     * Why an unweighted per-class average gets no interval here — neither Δ nor either model's value — or null.
     *
     * <p>A labelled class with fewer than {@link SliceAnalysis#MIN_CLASS_EXAMPLES} examples: it is missing from
     * a resample with probability about e^(−s) (5 % at s = 3, under 1 % from s = 5), and then its whole 1/k share of
     * the average jumps; the bootstrap distribution is a mixture, not an interval. A class without any example here,
     * labelled elsewhere or nowhere, is in neither the average nor its replicates ({@link #absentNote}): Δ over the
     * classes present covered its own truth at the level in the coverage simulation (docs/statistics.md, "A class
     * missing from the slice"). The reason ends with how many more examples would give the slice its intervals: no
     * interval measured with 1–4 examples of a class kept its coverage (docs/statistics.md, "A class with 1–4
     * examples: measured").
     */
    String unstableReason(Metric metric) {
        if (!metric.isUnweightedClassAverage()) {
            return null;
        }
        // the rarest first (the first of them in class order on a tie), each of the others named after it
        List<Integer> rare = IntStream.range(0, support.length)
                .filter(c -> labelled[c] && support[c] < SliceAnalysis.MIN_CLASS_EXAMPLES).boxed()
                .sorted(Comparator.comparingLong((Integer c) -> support[c]).thenComparingInt(c -> c)).toList();
        if (rare.isEmpty()) {
            return null;
        }
        int rarest = rare.get(0);
        List<String> others = rare.subList(1, rare.size()).stream()
                .map(c -> classes.get(c) + ": " + support[c]).toList();
        long missing = rare.stream().mapToLong(c -> SliceAnalysis.MIN_CLASS_EXAMPLES - support[c]).sum();
        return "class " + classes.get(rarest) + " has " + support[rarest] + " example"
                + (support[rarest] == 1 ? "" : "s") + " here" + (others.isEmpty() ? ""
                : " and " + others.size() + " more class" + (others.size() == 1 ? " has" : "es have")
                + " fewer than " + SliceAnalysis.MIN_CLASS_EXAMPLES + " (" + String.join(", ",
                        others.subList(0, Math.min(MAX_RARE_CLASSES_NAMED, others.size())))
                + (others.size() > MAX_RARE_CLASSES_NAMED ? ", …" : "") + ")")
                + "; the bootstrap cannot measure " + metric.wireName() + "'s uncertainty until "
                + (others.isEmpty() ? "the class has " : "each of these classes has ")
                + SliceAnalysis.MIN_CLASS_EXAMPLES + " examples here (" + missing + " more"
                + (others.isEmpty() ? "" : " in all") + ")";
    }

    /**
     * What an unweighted per-class average of this slice leaves out or scores without examples, or null: "class legal
     * has no example here, so macro_f1 and its intervals average the 3 classes present". A class without an example
     * here that a model predicts here stays in the F1 averages of both models, with F1 0 (each prediction of it is
     * wrong), as scikit-learn's {@code f1_score(labels=...)} over one set of classes gives it; the note says which
     * model predicts it on how many rows, since {@code average="macro"} alone would average each model over the
     * classes it uses. A class of model.classes labelled on no row of the table is said so, with the rows each model
     * predicts as such classes here, every one a wrong prediction that the row's own class's recall counts.
     */
    String absentNote(Metric metric) {
        if (!metric.isUnweightedClassAverage()) {
            return null;
        }
        boolean[] averaged = of(metric);
        List<String> leftOut = absentClasses(c -> labelledInTable[c] && !labelled[c] && !averaged[c]);
        List<String> predictedOnly = absentClasses(c -> labelledInTable[c] && !labelled[c] && averaged[c]);
        List<String> nowhere = absentClasses(c -> !labelledInTable[c]);
        if (leftOut.isEmpty() && predictedOnly.isEmpty() && nowhere.isEmpty()) {
            return null;
        }
        long averagedCount = IntStream.range(0, classes.size()).filter(c -> averaged[c]).count();
        String why = leftOut.isEmpty() ? ""
                : named(leftOut) + (leftOut.size() == 1 ? " has" : " have") + " no example here";
        if (!nowhere.isEmpty()) {
            why += (why.isEmpty() ? "" : " and ") + named(nowhere) + (nowhere.size() == 1 ? " is" : " are")
                    + " in model.classes but no row of the table is labelled with "
                    + (nowhere.size() == 1 ? "it" : "them");
        }
        String averages = metric.wireName() + " and its intervals average the " + averagedCount
                + (!predictedOnly.isEmpty() ? " classes labelled or predicted here"
                        : leftOut.isEmpty() ? " labelled classes" : " classes present");
        String note = why.isEmpty() ? averages : why + ", so " + averages;
        if (!nowhere.isEmpty()) {
            // right after the classes it speaks of ("them")
            note += "; " + UnlabelledClassPredictions.sentence(nowhere.size(), predictedUnlabelled[1],
                    predictedUnlabelled[0], rows, UnlabelledClassPredictions.Rows.HERE);
        }
        return predictedOnly.isEmpty() ? note : note + "; " + predictedWithoutExamples(predictedOnly);
    }

    /**
     * "class decline has no example here but the candidate predicts it on 2 rows, so it counts with F1 0 for both
     * models".
     */
    private String predictedWithoutExamples(List<String> names) {
        long production = 0;
        long candidate = 0;
        for (String name : names) {
            production += predicted[0][classes.indexOf(name)];
            candidate += predicted[1][classes.indexOf(name)];
        }
        boolean one = names.size() == 1;
        String them = one ? "it" : "them";
        String predicts = production == 0 ? "the candidate predicts " + them + " on " + rowCount(candidate)
                : candidate == 0 ? "production predicts " + them + " on " + rowCount(production)
                : "production predicts " + them + " on " + rowCount(production) + " and the candidate on "
                        + rowCount(candidate);
        return named(names) + (one ? " has" : " have") + " no example here but " + predicts + ", so "
                + (one ? "it counts" : "they count") + " with F1 0 for both models";
    }

    private static String rowCount(long rows) {
        return rows + (rows == 1 ? " row" : " rows");
    }

    private List<String> absentClasses(IntPredicate absent) {
        return IntStream.range(0, classes.size()).filter(absent).mapToObj(classes::get).toList();
    }

    private static String named(List<String> names) {
        return names.size() == 1 ? "class " + names.get(0)
                : names.size() + " classes (" + String.join(", ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? ", …" : "") + ")";
    }
}
