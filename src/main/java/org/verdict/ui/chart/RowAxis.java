package org.verdict.ui.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.verdict.core.report.RowLabels;

/**
 * The rows of a chart of slices, labelled by one rule for the whole chart: every row in the same one of its forms, the
 * longest in which every row fits the room {@link ChartPane} leaves the labels, else the shortest form with the middles
 * of its values cut where too long, its columns' names whole ({@link RowLabels#cutValues}). A row's n and its verdict mark are always whole: a row that names its slice without its sample size
 * reads as a number without its uncertainty, and a chart never mixes "channel=card_present" with a bare "45-64". The
 * full label stays in {@link #getSymbols()}, and the point's tooltip and the table beside the chart show it.
 */
public final class RowAxis extends SymbolAxis {
    private static final long serialVersionUID = 1L;

    /**
     * A row's label: {@code forms} of its name from longest to shortest ("contract=one_year × tenure_band=25-60",
     * "one_year × 25-60"; a row with fewer forms than others keeps its last), its {@code count} (" (n=538)")
     * and its verdict {@code mark} (" ▼", or ""), both always shown.
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
     * Labels every row, with its n, in the longest form in which every row is {@code room} pixels wide in
     * {@code metrics}; else every row in its shortest form, its values cut in the middle where too long.
     */
    void fitLabels(FontMetrics metrics, double room) {
        int forms = rows.stream().mapToInt(row -> row.forms().size()).max().orElse(1);
        for (int form = 0; form < forms; form++) {
            String[] labels = new String[rows.size()];
            boolean fits = true;
            for (int i = 0; i < labels.length && fits; i++) {
                Row row = rows.get(i);
                labels[i] = row.name(form) + row.count() + row.mark();
                fits = metrics.stringWidth(labels[i]) <= room;
            }
            if (fits) {
                shown = labels;
                return;
            }
        }
        shown = rows.stream().map(row -> RowLabels.cutValues(row.last(), row.count() + row.mark(), metrics::stringWidth,
                room))
                .toArray(String[]::new);
    }

    /** The width of the widest row in its shortest whole form: its shortest name, its n and its mark. */
    double widestShortestForm(FontMetrics metrics) {
        return rows.stream().mapToDouble(row -> metrics.stringWidth(row.last() + row.count() + row.mark()))
                .max().orElse(0);
    }

    /**
     * The width of the widest row whose shortest name is at most {@code nameRoom} pixels wide, with its n and mark:
     * such a row ("overall (n=40,000) ▲") is short enough never to be shortened.
     */
    double widestShortRow(FontMetrics metrics, double nameRoom) {
        return rows.stream().filter(row -> metrics.stringWidth(row.last()) <= nameRoom)
                .mapToDouble(row -> metrics.stringWidth(row.last() + row.count() + row.mark())).max().orElse(0);
    }

    /** The labels as drawn, row by row. */
    public List<String> shownLabels() {
        return List.of(shown);
    }

    /**
     * A tick for every row in view, each labelled, whatever their number: JFreeChart's own rule draws no tick at all
     * past {@link #MAXIMUM_TICK_COUNT} (500) in view, and the tall, scrolling chart of a cross of 900 slices had not a
     * single label. As JFreeChart does, a label that would overlap the last one shown is left out (a chart squeezed
     * into an exported image); the pane gives each row room for its label.
     */
    @Override
    protected List<NumberTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        g2.setFont(getTickLabelFont());
        TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        List<NumberTick> ticks = new ArrayList<>();
        double lastShownAt = Double.NaN;
        double lastShownHeight = 0;
        int first = Math.max(0, (int) Math.ceil(getLowerBound()));
        int last = Math.min(shown.length - 1, (int) Math.floor(getUpperBound()));
        for (int row = first; row <= last; row++) {
            double at = valueToJava2D(row, dataArea, edge);
            String label = valueToString(row);
            double height = TextUtils.getTextBounds(label, g2, g2.getFontMetrics()).getHeight();
            if (!Double.isNaN(lastShownAt) && Math.abs(at - lastShownAt) < (lastShownHeight + height) / 2) {
                label = "";
            } else {
                lastShownAt = at;
                lastShownHeight = height;
            }
            ticks.add(new NumberTick((double) row, label, anchor, anchor, 0));
        }
        return ticks;
    }

    @Override
    public String valueToString(double value) {
        int row = (int) value;
        return row >= 0 && row < shown.length ? shown[row] : "";
    }
}
