package org.verdict.ui.chart;

import java.awt.FontMetrics;
import java.util.List;
import org.jfree.chart.axis.SymbolAxis;

/**
 * The rows of a chart of slices, each labelled in the longest of its forms that fits the room {@link ChartPane} leaves
 * the labels with its n, else without it, else in its shortest form cut in the middle; a row's verdict mark is always
 * whole. The full label stays in {@link #getSymbols()}, and the point's tooltip and the table beside the chart show it.
 */
public final class RowAxis extends SymbolAxis {
    private static final long serialVersionUID = 1L;
    private static final String ELLIPSIS = "…";

    /**
     * A row's label: {@code forms} of its name from longest to shortest ("contract=one_year × tenure_band=25-60",
     * "one_year × 25-60"), its {@code count} (" (n=538)"), left out where even the shortest form does not fit with it,
     * and its verdict {@code mark} (" ▼", or ""), shown whichever form is.
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
    }

    private final List<Row> rows;
    private String[] shown;

    public RowAxis(List<Row> rows) {
        super(null, rows.stream().map(Row::full).toArray(String[]::new));
        this.rows = List.copyOf(rows);
        this.shown = getSymbols();
    }

    /** Labels every row in the longest form {@code room} pixels wide in {@code metrics}, or cuts its shortest form. */
    void fitLabels(FontMetrics metrics, double room) {
        String[] fitted = new String[rows.size()];
        for (int i = 0; i < fitted.length; i++) {
            fitted[i] = fit(rows.get(i), metrics, room);
        }
        shown = fitted;
    }

    /** The width of the widest row in its shortest whole form: its shortest name and its mark, without its n. */
    double widestShortestForm(FontMetrics metrics) {
        return rows.stream().mapToDouble(row -> metrics.stringWidth(row.forms().get(row.forms().size() - 1) + row.mark()))
                .max().orElse(0);
    }

    /** The labels as drawn, row by row. */
    public List<String> shownLabels() {
        return List.of(shown);
    }

    private static String fit(Row row, FontMetrics metrics, double room) {
        // the n goes before a name is cut: the table beside the chart and the point's tooltip give it
        for (String tail : List.of(row.count() + row.mark(), row.mark())) {
            for (String form : row.forms()) {
                if (metrics.stringWidth(form + tail) <= room) {
                    return form + tail;
                }
            }
        }
        // the middle of the shortest form goes: both its first and its last value keep their ends
        String name = row.forms().get(row.forms().size() - 1);
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
