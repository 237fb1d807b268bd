package org.verdict.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One form for every row label of a chart, whatever room each label alone would have needed. */
class RowAxisTest {
    private final Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();

    @AfterEach
    void dispose() {
        g2.dispose();
    }

    private static RowAxis.Row row(String name, String values, String n, String mark) {
        return new RowAxis.Row(name.equals(values) ? List.of(name) : List.of(name, values), " (n=" + n + ")", mark);
    }

    /** The sample pack's rows over every dimension, as its forest plot labels them. */
    private static RowAxis samplePack() {
        return new RowAxis(List.of(row("overall", "overall", "20,000", " ▲"),
                row("channel=card_present", "card_present", "7,037", " ▲"),
                row("age_band=45-64", "45-64", "5,965", " ▲"),
                row("language=en", "en", "8,006", " ▲")));
    }

    private FontMetrics metrics(RowAxis axis) {
        return g2.getFontMetrics(axis.getTickLabelFont());
    }

    private double width(RowAxis axis, String label) {
        return metrics(axis).stringWidth(label);
    }

    /**
     * At 1280×720 the sample pack's chart read "channel=card_present (n=7,037) ▲" over "45-64 (n=5,965) ▲" and
     * "language=en (n=8,006) ▲": where the longest row has to take its values, every row does.
     */
    @Test
    void whereOneRowTakesItsValuesEveryRowDoes() {
        RowAxis axis = samplePack();
        axis.fitLabels(metrics(axis), width(axis, "channel=card_present (n=7,037) ▲") - 1);
        assertEquals(List.of("overall (n=20,000) ▲", "card_present (n=7,037) ▲", "45-64 (n=5,965) ▲",
                "en (n=8,006) ▲"), axis.shownLabels());

        axis.fitLabels(metrics(axis), Double.POSITIVE_INFINITY);
        assertEquals(List.of("overall (n=20,000) ▲", "channel=card_present (n=7,037) ▲", "age_band=45-64 (n=5,965) ▲",
                "language=en (n=8,006) ▲"), axis.shownLabels(), "with room, every row names its column");
    }

    /**
     * A row never loses its n for room: where no form fits with it, every row is cut in its name, never its n or mark
     * (a multiclass pack's forest read "en", "ent" without a column or a sample size).
     */
    @Test
    void noRowEverLosesItsCount() {
        RowAxis axis = samplePack();
        axis.fitLabels(metrics(axis), width(axis, "card_present (n=7,037) ▲") - 1);
        List<String> shown = axis.shownLabels();
        assertEquals("45-64 (n=5,965) ▲", shown.get(2), "a short form that fits stays whole");
        assertEquals("en (n=8,006) ▲", shown.get(3));
        assertTrue(shown.get(1).contains("…") && shown.get(1).endsWith(" (n=7,037) ▲"), shown.get(1));
        for (String label : shown) {
            assertTrue(label.contains(" (n="), "every row keeps its n: " + label);
        }
    }

    /**
     * Room for no whole form: every row in its shortest form, cut in the middle only where it is too long; and the
     * widest shortest form with its n, which the pane's scale width leaves room for, fits whole.
     */
    @Test
    void withoutRoomForAWholeFormEveryRowIsCutFromItsShortest() {
        RowAxis axis = samplePack();
        axis.fitLabels(metrics(axis), width(axis, "45-64 (n=5,965) ▲") + 1);
        List<String> shown = axis.shownLabels();
        assertEquals("45-64 (n=5,965) ▲", shown.get(2));
        assertEquals("en (n=8,006) ▲", shown.get(3));
        assertTrue(shown.get(1).startsWith("ca") && shown.get(1).contains("…")
                && shown.get(1).endsWith("t (n=7,037) ▲"), shown.get(1));

        axis.fitLabels(metrics(axis), axis.widestShortestForm(metrics(axis)));
        assertEquals(List.of("overall (n=20,000) ▲", "card_present (n=7,037) ▲", "45-64 (n=5,965) ▲",
                "en (n=8,006) ▲"), axis.shownLabels(), "at the width the pane's scale width allows the labels, none is cut");
    }
}
