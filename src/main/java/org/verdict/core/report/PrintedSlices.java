package org.verdict.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.verdict.core.evidence.EvidenceChart.DeltaForest;
import org.verdict.core.evidence.EvidenceChart.DeltaRow;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.evidence.Tone;
import org.verdict.core.compare.Verdict;

/**
 * What the printed pack shows of a forest plot or slice table too long to read on paper: the overall row and the
 * slices with a verdict (worse, better), the others counted by their verdict, every row kept in the PDF's appendix
 * (and in place in the HTML). A board member had turned eight pages of a 263-merchant forest and eleven of its table
 * to find the two merchants the candidate does worse in.
 */
final class PrintedSlices {
    /** More rows than this are abridged in print: a forest of this many fits one page, a table of them about two. */
    static final int MOST_ROWS_PRINTED = 40;

    static final String APPENDIX = "Appendix: every slice";

    /** The abridged chart or table and the sentence under it that counts what it leaves out and says where it is. */
    record Abridged(ReportDocument.Block shown, String note) {
    }

    private PrintedSlices() {
    }

    /** A forest of more than {@link #MOST_ROWS_PRINTED} rows, abridged; empty for any other chart. */
    static Optional<Abridged> of(ReportDocument.Chart placed) {
        if (!(placed.chart() instanceof DeltaForest forest) || forest.rows().size() <= MOST_ROWS_PRINTED) {
            return Optional.empty();
        }
        List<DeltaRow> kept = new ArrayList<>();
        Map<String, Integer> left = new LinkedHashMap<>();
        List<String> significant = new ArrayList<>();
        for (int r = 0; r < forest.rows().size(); r++) {
            DeltaRow row = forest.rows().get(r);
            if (r == 0 && isOverall(row.label())) {
                kept.add(row);
            } else if (row.ci() != null && (row.verdict() == Verdict.WORSE || row.verdict() == Verdict.BETTER)) {
                kept.add(row);
                significant.add(row.verdict().label());
            } else {
                left.merge(row.noInformation() ? "no information" : row.ci() == null && row.note() != null
                        ? verdictWord(row.note()) : row.verdict().label(), 1, Integer::sum);
            }
        }
        int slices = forest.rows().size() - (isOverall(forest.rows().get(0).label()) ? 1 : 0);
        DeltaForest shown = new DeltaForest(forest.title() + " — printed: " + shownRows(slices, significant),
                forest.axisLabel(), forest.numbers(), forest.higherIsBetter(), kept);
        return Optional.of(new Abridged(new ReportDocument.Chart(placed.id() + "-printed", shown), note(slices, significant, left)));
    }

    /** A table of slices with a Verdict column, of more than {@link #MOST_ROWS_PRINTED} rows, abridged. */
    static Optional<Abridged> of(EvidenceTable table) {
        int verdictColumn = table.headers().indexOf("Verdict");
        if (verdictColumn < 0 || !"Slice".equals(table.headers().get(0))
                || table.rows().size() <= MOST_ROWS_PRINTED) {
            return Optional.empty();
        }
        List<List<Cell>> kept = new ArrayList<>();
        Map<String, Integer> left = new LinkedHashMap<>();
        List<String> significant = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<Cell> row = table.rows().get(r);
            Cell verdict = row.get(verdictColumn);
            if (r == 0 && isOverall(row.get(0).text())) {
                kept.add(row);
            } else if (verdict.tone() == Tone.WORSE || verdict.tone() == Tone.BETTER) {
                kept.add(row);
                significant.add(verdict.tone() == Tone.WORSE ? Verdict.WORSE.label() : Verdict.BETTER.label());
            } else {
                left.merge(verdictWord(verdict.text()), 1, Integer::sum);
            }
        }
        // a note stays when a printed row refers to it by its mark
        List<String> notes = table.notes().stream().filter(note -> kept.stream().flatMap(List::stream)
                .anyMatch(cell -> cell.text().contains(note.substring(0, note.indexOf(' ') + 1).trim()))).toList();
        int slices = table.rows().size() - (isOverall(table.rows().get(0).get(0).text()) ? 1 : 0);
        EvidenceTable shown = new EvidenceTable(table.caption() + " — printed: " + shownRows(slices, significant),
                table.headers(), kept, notes);
        return Optional.of(new Abridged(new ReportDocument.Table(shown), note(slices, significant, left)));
    }

    private static boolean isOverall(String label) {
        return label.equals("overall") || label.startsWith("overall (");
    }

    /**
     * The verdict's word alone, by which the rows left out are counted: "too few examples: 18 rows, under 30 [a]" (a
     * table's cell) and "unstable, Δ +0.297 (no interval)" (a forest's note) → "too few examples", "unstable".
     */
    private static String verdictWord(String text) {
        String word = text.replaceFirst("^[▲▼] ", "").split("[:,]", 2)[0];
        return word.replaceAll(" \\[[a-z]+\\]$", "");
    }

    /** "overall and the 3 of 50 slices worse or better (1 worse, 2 better)". */
    private static String shownRows(int slices, List<String> significant) {
        long worse = significant.stream().filter(Verdict.WORSE.label()::equals).count();
        return significant.isEmpty() ? "overall alone, none of the " + slices + " slices is worse or better"
                : "overall and the " + significant.size() + " of " + slices + " slices worse or better (" + worse
                        + " worse, " + (significant.size() - worse) + " better)";
    }

    private static String note(int slices, List<String> significant, Map<String, Integer> left) {
        int others = slices - significant.size();
        List<String> counts = new ArrayList<>();
        left.forEach((word, count) -> counts.add(count + " " + word));
        return "Printed above: " + (significant.isEmpty() ? "none" : String.valueOf(significant.size()))
                + " of the " + slices + " slices, those worse or better. The other " + others + " ("
                + String.join(", ", counts) + ") are drawn and tabulated, with every number, in \"" + APPENDIX
                + "\" at the end of this document, and in place in the HTML pack.";
    }
}
