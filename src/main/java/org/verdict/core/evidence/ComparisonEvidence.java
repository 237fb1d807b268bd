package org.verdict.core.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.verdict.core.compare.ClassRecall;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricCounts;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.TooFewExamplesReason;
import org.verdict.core.compare.Verdict;
import org.verdict.core.evidence.EvidenceChart.DeltaForest;
import org.verdict.core.evidence.EvidenceChart.DeltaRow;
import org.verdict.core.evidence.EvidenceChart.Limit;
import org.verdict.core.evidence.EvidenceChart.PairedEstimates;
import org.verdict.core.evidence.EvidenceChart.PairedRow;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * The evidence of a production-vs-candidate comparison (primary suite, languages, held-out set): one forest plot of
 * Δ per slice dimension (segment, language, ...) and one table of every slice, for the primary metric.
 */
public final class ComparisonEvidence {
    private ComparisonEvidence() {
    }

    /** One forest plot per slice dimension, each starting with the overall row for reference. */
    public static List<EvidenceChart> forestsByDimension(ComparisonReport report) {
        Metric metric = report.primaryMetric();
        MetricFormat numbers = report.metricFormat(metric);
        List<SliceResult> results = report.resultsFor(metric);
        List<EvidenceChart> charts = new ArrayList<>();
        for (String dimension : dimensions(results)) {
            List<DeltaRow> rows = new ArrayList<>();
            for (SliceResult result : results) {
                boolean inDimension = result.slice().dimensions().equals(List.of(dimension));
                // every slice, those without the interval a verdict reads too: their point (when Δ is defined)
                // is drawn without whiskers and with the reason, so it never looks exactly known nor goes missing
                if (result.slice().isOverall() || inDimension) {
                    // a chart's label carries n alone, as Compare's do: the counts behind it would take the plot's room (the
                    // table beside it has them)
                    rows.add(new DeltaRow(result.slice().label() + " (" + MetricFormat.sampleSize(result.n()) + ")",
                            result.delta(),
                            boundFlagged(result), result.verdict(),
                            result.deltaCi() == null ? withoutInterval(result) : null,
                            result.noInformationReason() != null));
                }
            }
            // the family in the title: the language parity gate's (its languages) and the primary metric's (every
            // slice) give the same slice different intervals, and two charts of one title must not differ unsaid
            charts.add(new DeltaForest(metric.wireName() + " by " + dimension + ": candidate − production (overall "
                    + level(report) + " CI; slices: " + report.options().correction().wireName()
                    + "-adjusted CIs" + familyOf(results, dimension) + ", the ones the verdicts read)",
                    numbers.inUnit("Δ " + metric.wireName())
                            + (metric.higherIsBetter() ? " (higher is better)" : " (lower is better)"),
                    numbers, metric.higherIsBetter(), rows));
        }
        return charts;
    }

    /**
     * Δ's interval with each end at the bound of what the candidate can have flagged ({@link SliceResult#boundEnds}),
     * so that a chart writing that end by its arrow marks it † as the table does.
     */
    private static Interval boundFlagged(SliceResult result) {
        Interval ci = result.deltaCi();
        SliceResult.BoundEnds ends = result.boundEnds(ci);
        return ends == null ? ci : new Interval(ci.lower(), ci.upper(), ends != SliceResult.BoundEnds.UPPER,
                ends != SliceResult.BoundEnds.LOWER);
    }

    /** Every overall and single-dimension slice of the primary metric with both models' values and the verdict. */
    public static EvidenceTable table(ComparisonReport report) {
        Metric metric = report.primaryMetric();
        MetricFormat numbers = report.metricFormat(metric);
        String level = level(report);
        List<List<Cell>> rows = new ArrayList<>();
        boolean anyBound = false;
        List<SliceResult> shown = report.resultsFor(metric).stream()
                .filter(result -> result.slice().dimensions().size() <= 1).toList();
        List<CountColumn> counts = CountColumn.among(shown);
        VerdictNotes verdicts = new VerdictNotes();
        for (SliceResult result : shown) {
            anyBound |= result.boundEnds(result.deltaCi()) != null;
            List<Cell> row = new ArrayList<>(List.of(Cell.plain(result.slice().label()),
                    Cell.plain(MetricFormat.count(result.n()))));
            counts.forEach(column -> row.add(Cell.plain(column.text(result.counts()))));
            row.addAll(List.of(Cell.plain(estimate(numbers, result.production())),
                    Cell.plain(estimate(numbers, result.candidate())),
                    Cell.plain(result.delta() == null ? "–" : result.deltaValueText(result.deltaCi())),
                    Cell.plain(result.deltaCi() == null ? "–"
                            : result.intervalText(result.deltaCi())
                            + (result.shownInterval() == null ? "" : " at " + result.shownInterval().levelText())),
                    Cell.plain(EvidenceNumbers.pValue(result.adjustedP())),
                    verdicts.verdictCell(result)));
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(List.of("Slice", "n"));
        counts.forEach(column -> headers.add(column.header));
        headers.addAll(List.of("Production", "Candidate", "Δ", "CI of Δ (level)", EvidenceTable.ADJUSTED_P, "Verdict"));
        return new EvidenceTable(metric.wireName() + " by slice (models: " + level
                + " intervals; Δ: the overall slice's " + level + " interval, tested alone; "
                + report.options().correction().otherSlices(report.correctedTests()) + ", at the "
                + "level shown; a verdict is better or worse exactly when its interval excludes 0, no significant "
                + "difference when it reaches 0 and lies within " + report.options().bandText(metric)
                + (anyBound ? "; " + SliceResult.BOUND_MARK + " an end at the bound of what the candidate's "
                        + metric.wireName() + " can be, set by the metric's range, not measured" : "") + ")",
                headers, rows, verdicts.notes());
    }

    /**
     * The verdicts of a table, short, their reasons said under the table in lettered notes. A slice under the minimum
     * keeps what differs ("too few examples: 18 rows, under 30 [a]") and the clause such slices share is one note; an
     * interval that spans every value the candidate could have reads "no information [b]", one note saying so in
     * words whose numbers (the level, production's value) are the row's own cells; any other verdict with a reason
     * (unstable, unavailable) keeps its word ("unstable [c]"), its reason a note, one per distinct reason. Written
     * whole in the narrow Verdict column, each such row had wrapped to ten or twelve lines, a slice table of 97 rows
     * to seven pages.
     */
    private static final class VerdictNotes {
        private final List<String> reasons = new ArrayList<>();

        Cell verdictCell(SliceResult result) {
            TooFewExamplesReason tooFew = result.tooFewExamplesReason();
            if (tooFew != null) {
                String mark = mark("Rows under the minimum of " + tooFew.minimum() + " are " + tooFew.shortfall() + ".");
                return ComparisonEvidence.verdictCell(result.verdict(), result.verdict().label() + ": "
                        + tooFew.counted() + ", under " + tooFew.minimum() + " " + mark);
            }
            Cell whole = ComparisonEvidence.verdictCell(result);
            String shared = result.noInformationInRow();
            if (shared != null) {
                return new Cell(SliceResult.NO_INFORMATION_WORD + " " + mark(capitalised(SliceResult.NO_INFORMATION)
                        + ": " + shared + "."), whole.tone());
            }
            int colon = whole.text().indexOf(": ");
            if (colon < 0) {
                return whole;
            }
            String reason = whole.text().substring(colon + 2);
            return new Cell(whole.text().substring(0, colon) + " " + mark(capitalised(reason)
                    + (reason.endsWith(".") ? "" : ".")), whole.tone());
        }

        /** The mark of {@code note}, the same for every row that refers to it. */
        private String mark(String note) {
            if (!reasons.contains(note)) {
                reasons.add(note);
            }
            return mark(reasons.indexOf(note));
        }

        /** One note per reason, in the order the rows first refer to them. */
        List<String> notes() {
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < reasons.size(); i++) {
                notes.add(mark(i) + " " + reasons.get(i));
            }
            return notes;
        }

        /** "[a]" … "[z]", then "[aa]", "[ab]", …: a table of many unstable slices has more reasons than letters. */
        private static String mark(int index) {
            String letters = index < 26 ? "" + (char) ('a' + index)
                    : "" + (char) ('a' + index / 26 - 1) + (char) ('a' + index % 26);
            return "[" + letters + "]";
        }

        private static String capitalised(String text) {
            return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    /**
     * A count the metric rests on besides n, in a narrow column of its own beside it: written into n's cell ("94 (20
     * positive; predicted positive: production 12, candidate 13)") it wrapped to eight lines, six rows a page.
     */
    private enum CountColumn {
        POSITIVE("Positive"), NEGATIVE("Negative"), PREDICTED("Predicted positive, production | candidate"),
        SMALLEST_CLASS("Min class");

        private final String header;

        CountColumn(String header) {
            this.header = header;
        }

        /** The columns some of {@code results} have a count for, in this order. */
        static List<CountColumn> among(List<SliceResult> results) {
            return Arrays.stream(values())
                    .filter(column -> results.stream().anyMatch(r -> column.count(r.counts()) != null)).toList();
        }

        /** This column's count of {@code counts}, or null where the metric does not rest on it. */
        private Long count(MetricCounts counts) {
            return switch (this) {
                case POSITIVE -> counts.positives();
                case NEGATIVE -> counts.negatives();
                case PREDICTED -> counts.productionPredictedPositives();
                case SMALLEST_CLASS -> counts.smallestClassSupport();
            };
        }

        /** The count as its cell writes it, "–" where this result's metric does not rest on it. */
        String text(MetricCounts counts) {
            Long count = count(counts);
            if (count == null) {
                return "–";
            }
            return switch (this) {
                case PREDICTED -> MetricFormat.count(count) + " | "
                        + MetricFormat.count(counts.candidatePredictedPositives());
                case SMALLEST_CLASS -> ClassNames.beforeLeftToRight(counts.smallestClass()) + ": "
                        + MetricFormat.count(count);
                default -> MetricFormat.count(count);
            };
        }
    }

    /**
     * Both models' values of the primary metric per slice of one dimension, each with its interval and n, and the
     * policy's floor when it sets one: the absolute level the forest plot of Δ leaves out. Slices where either model
     * has no value are left out here; the table names them.
     */
    static PairedEstimates valuesBySlice(ComparisonReport report, String dimension, Double floor) {
        Metric metric = report.primaryMetric();
        List<PairedRow> rows = new ArrayList<>();
        for (SliceResult result : report.resultsFor(metric)) {
            if (result.slice().dimensions().equals(List.of(dimension)) && result.production() != null
                    && result.candidate() != null) {
                Interval production = result.production().ci();
                Interval candidate = result.candidate().ci();
                rows.add(new PairedRow(result.slice().values().get(0) + " (" + MetricFormat.sampleSize(result.n()) + ")",
                        result.production().value(), production, result.candidate().value(), candidate, false,
                        production == null || candidate == null ? reasonWithoutInterval(result) + " (no interval)"
                                : null));
            }
        }
        // a slice too small or unstable for an interval is drawn as a point with its reason beside it: "CIs" alone
        // titled points that had none
        boolean someWithout = rows.stream().anyMatch(row -> row.noIntervalNote() != null);
        return new PairedEstimates(metric.wireName() + " by " + dimension + ": production and candidate ("
                + level(report) + " CIs" + (someWithout ? "; a slice without one says why beside it" : "") + ")",
                report.metricFormat(metric).inUnit(metric.wireName())
                + (metric.higherIsBetter() ? " (higher is better)" : " (lower is better)"), rows,
                floor == null ? List.of() : List.of(new Limit(floor, "floor " + report.metricFormat(metric).value(floor))));
    }

    /** A gate judged on a comparison (primary metric, language parity): a forest plot per dimension and the table. */
    static EvidenceSection section(GateResult result, ComparisonReport report) {
        return Sections.gate(result, forestsByDimension(report), List.of(table(report)), null);
    }

    /**
     * The primary metric's section, and for a multiclass comparison each class's recall on the overall slice, which
     * the per-class averages can hide (a rare class losing a third of its recall beside an inconclusive macro_f1).
     */
    static EvidenceSection primarySection(GateResult result, ComparisonReport report) {
        if (report.classRecallsOf(SliceKey.OVERALL).isEmpty()) {
            return section(result, report);
        }
        return Sections.gate(result, forestsByDimension(report), List.of(table(report), classRecallTable(report)),
                null);
    }

    /** Each class's recall on the overall slice, both models and Δ with its paired interval, adjusted over the classes. */
    static EvidenceTable classRecallTable(ComparisonReport report) {
        MetricFormat numbers = MetricFormat.RATE;
        List<List<Cell>> rows = new ArrayList<>();
        VerdictNotes verdicts = new VerdictNotes();
        for (ClassRecall recall : report.classRecallsOf(SliceKey.OVERALL)) {
            SliceResult result = recall.result();
            rows.add(List.of(Cell.plain(recall.className()), Cell.plain(MetricFormat.count(result.n())),
                    Cell.plain(estimate(numbers, result.production())),
                    Cell.plain(estimate(numbers, result.candidate())),
                    Cell.plain(result.delta() == null ? "–" : result.deltaValueText(result.deltaCi())),
                    Cell.plain(result.deltaCi() == null ? "–" : result.intervalText(result.deltaCi())
                            + (result.shownInterval() == null ? "" : " at " + result.shownInterval().levelText())),
                    Cell.plain(EvidenceNumbers.pValue(result.adjustedP())),
                    verdicts.verdictCell(result)));
        }
        int tested = report.classFamilySizes().getOrDefault(TestFamily.CLASSES, 0);
        return new EvidenceTable("Recall of each class, overall slice (the share of a class's rows each model "
                + "predicts as it; models: " + level(report) + " modified Wilson intervals; Δ: Tango's paired interval, "
                + (tested == 0 ? "no class tested" : report.options().correction().adjusted(TestFamily.CLASSES, tested))
                + ", at the level shown; a verdict is better or worse exactly when its interval excludes 0; classes "
                + "under " + report.options().minSliceSize() + " examples are not tested)",
                List.of("Class", "n", "Production", "Candidate", "Δ", "CI of Δ (level)", EvidenceTable.ADJUSTED_P, "Verdict"),
                rows, verdicts.notes());
    }

    /** The comparison's overall row of the primary metric, or null when it has none. */
    static SliceResult overallOf(ComparisonReport report) {
        return report.resultsFor(report.primaryMetric()).stream().filter(r -> r.slice().isOverall()).findFirst()
                .orElse(null);
    }

    /** e.g. "overall Δ f1 +0.012 [+0.004, +0.020]: ▲ better". */
    static String overall(ComparisonReport report) {
        var overall = overallOf(report);
        return "overall Δ " + report.primaryMetric().wireName() + " "
                + (overall.delta() == null ? "unavailable" : overall.deltaText(overall.deltaCi())) + ": "
                + verdictCell(overall).text();
    }

    /**
     * e.g. "too few examples, Δ −10,253 (no interval)": the verdict's first words (short enough for a chart row; the
     * table beside gives the whole reason) and the point that is drawn.
     */
    private static String withoutInterval(SliceResult result) {
        return reasonWithoutInterval(result)
                + (result.delta() == null ? "" : ", Δ " + result.deltaValueText(null) + " (no interval)");
    }

    /** The verdict's first words, "too few examples", "unstable": why a row has no interval, short enough for a chart. */
    private static String reasonWithoutInterval(SliceResult result) {
        String verdict = verdictCell(result).text();
        int reason = verdict.indexOf(':');
        return reason < 0 ? verdict : verdict.substring(0, reason);
    }

    private static String level(ComparisonReport report) {
        return GateNumbers.level(report.options().confidenceLevel());
    }

    /** " over 6 slices": the family the dimension's shown intervals were adjusted in; empty when none was. */
    private static String familyOf(List<SliceResult> results, String dimension) {
        return results.stream().filter(r -> r.slice().dimensions().equals(List.of(dimension)))
                .map(SliceResult::shownInterval).filter(s -> s != null && s.familySize() > 1).findFirst()
                .map(s -> " over " + s.familySize() + " " + s.family().member(s.familySize())).orElse("");
    }

    /** The verdict in words with its mark: ▲ better, ▼ worse, the rest in grey words. */
    static Cell verdictCell(SliceResult result) {
        return verdictCell(result.verdict(), result.verdict() == Verdict.UNAVAILABLE
                ? "unavailable: " + result.unavailableReason() : result.verdictLabel());
    }

    /** Better and worse marked ▲ / ▼ in their tone; any other verdict in {@code otherwise}'s words. */
    static Cell verdictCell(Verdict verdict, String otherwise) {
        return switch (verdict) {
            case BETTER -> new Cell("▲ better", Tone.BETTER);
            case WORSE -> new Cell("▼ worse", Tone.WORSE);
            default -> new Cell(otherwise, Tone.NO_DIFFERENCE);
        };
    }

    /** A model's value with its interval, or marked as having none (the verdict beside it says why), as Compare does. */
    private static String estimate(MetricFormat numbers, MetricEstimate estimate) {
        return estimate == null ? "–" : estimate.markedText(numbers);
    }

    private static Set<String> dimensions(List<SliceResult> results) {
        Set<String> dimensions = new LinkedHashSet<>();
        for (SliceResult result : results) {
            if (result.slice().dimensions().size() == 1) {
                dimensions.add(result.slice().dimensions().get(0));
            }
        }
        return dimensions;
    }
}
