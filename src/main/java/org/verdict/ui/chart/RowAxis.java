package org.verdict.ui.chart;

import java.awt.FontMetrics;
import java.util.List;
import org.jfree.chart.axis.SymbolAxis;

/**
 * The rows of a chart of slices, labelled by one rule for the whole chart: every row in the same one of its forms, the
 * longest in which every row fits the room {@link ChartPane} leaves the labels, with its n, else without it, else the
 * shortest form cut in the middle where too long; a row's verdict mark is always whole. A chart never mixes
 * "channel=card_present" with a bare "45-64", nor a row with its n beside one without (at 1280×720 the sample pack's
 * forest plot did both). The full label stays in {@link #getSymbols()}, and the point's tooltip and the table beside
 * the chart show it.
 */
public final class RowAxis extends SymbolAxis {
    private static final long serialVersionUID = 1L;
    private static final String ELLIPSIS = "…";

    /**
     * A row's label: {@code forms} of its name from longest to shortest ("contract=one_year × tenure_band=25-60",
     * "one_year × 25-60"; a row with fewer forms than others keeps its last), its {@code count} (" (n=538)"), left out
     * where some row's shortest form does not fit with it, and its verdict {@code mark} (" ▼", or ""), always shown.
     */
    public record Row(List<String> forms, String count, String mark) {
        public Row {
            forms = List.copyOf(forms);
            if (forms.isEmpty()) {
                throw new IllegalArgumentException("a row needs a name");
            }
        }

        String full() {
            return forms.get(0) + count + mark;
        }

        /** The name in the chart's {@code form}, or this row's last where it has fewer. */
        String name(int form) {
            return forms.get(Math.min(form, forms.size() - 1));
        }

        String last() {
            return forms.get(forms.size() - 1);
        }
    }

    private final List<Row> rows;
    private String[] shown;

    public RowAxis(List<Row> rows) {
        super(null, rows.stream().map(Row::full).toArray(String[]::new));
        this.rows = List.copyOf(rows);
        this.shown = getSymbols();
    }

    /**
     * Labels every row in the longest form in which every row is {@code room} pixels wide in {@code metrics}, with its
     * n where every row has room for it; else every row in its shortest form, cut in the middle where too long.
     */
    void fitLabels(FontMetrics metrics, double room) {
        int forms = rows.stream().mapToInt(row -> row.forms().size()).max().orElse(1);
        // a shorter form with its n goes before a longer one without: a number keeps its sample size where it can
        for (boolean withCount : new boolean[] {true, false}) {
            for (int form = 0; form < forms; form++) {
                String[] labels = new String[rows.size()];
                boolean fits = true;
                for (int i = 0; i < labels.length && fits; i++) {
                    Row row = rows.get(i);
                    labels[i] = row.name(form) + (withCount ? row.count() : "") + row.mark();
                    fits = metrics.stringWidth(labels[i]) <= room;
                }
                if (fits) {
                    shown = labels;
                    return;
                }
            }
        }
        shown = rows.stream().map(row -> cut(row, metrics, room)).toArray(String[]::new);
    }

    /** The width of the widest row in its shortest whole form: its shortest name and its mark, without its n. */
    double widestShortestForm(FontMetrics metrics) {
        return rows.stream().mapToDouble(row -> metrics.stringWidth(row.last() + row.mark()))
                .max().orElse(0);
    }

    /** The labels as drawn, row by row. */
    public List<String> shownLabels() {
        return List.of(shown);
    }

    /** The row's shortest form whole if it fits, else without its middle: its first and last value keep their ends. */
    private static String cut(Row row, FontMetrics metrics, double room) {
        String name = row.last();
        if (metrics.stringWidth(name + row.mark()) <= room) {
            return name + row.mark();
        }
        for (int kept = name.length() - 1; kept > 0; kept--) {
            String cut = name.substring(0, (kept + 1) / 2) + ELLIPSIS + name.substring(name.length() - kept / 2);
            if (metrics.stringWidth(cut + row.mark()) <= room) {
                return cut + row.mark();
            }
        }
        return ELLIPSIS + row.mark();
    }

    @Override
    public String valueToString(double value) {
        int row = (int) value;
        return row >= 0 && row < shown.length ? shown[row] : "";
    }
}
