package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowLabelsTest {
    /** A store of the reviewers' pack: 85 characters, of which only the number and the floor tell two apart. */
    private static String store(int number) {
        return String.format("store=Filiale %03d – Einkaufszentrum „Große Straße“ Nord-West Erweiterungsbau Ebene %d ✓",
                number, number % 7);
    }

    private static List<String> storeChart(int stores, boolean withCounts) {
        List<String> labels = new ArrayList<>();
        labels.add("overall" + (withCounts ? " (n=40,000)" : ""));
        labels.add("region=Nordrhein-Westfalen" + (withCounts ? " (n=13,426)" : ""));
        labels.add("region=Baden-Württemberg" + (withCounts ? " (n=13,298)" : ""));
        for (int i = 0; i < stores; i++) {
            labels.add(store(i) + (withCounts ? " (n=" + (5 + i) + ")" : ""));
        }
        return labels;
    }

    @Test
    void aColumnsSharedWordsGoAndWhatTellsItsSlicesApartStays() {
        List<String> elided = RowLabels.sharedWordsElided(storeChart(20, false), true);

        assertEquals("overall", elided.get(0), "a label alone in its group is never shortened");
        assertEquals("region=Nordrhein-Westfalen", elided.get(1));
        assertEquals("region=Baden-Württemberg", elided.get(2));
        String store17 = elided.get(3 + 17);
        assertTrue(store17.startsWith("store=Filiale 017 ") && store17.contains("Ebene 3"), store17);
        assertTrue(store17.length() < store(17).length() / 2, "the shared words are gone: " + store17);
        assertEquals(23, new HashSet<>(elided).size(), "every row still reads differently: " + elided);
        List<String> bare = RowLabels.sharedWordsElided(storeChart(20, false), false);
        assertEquals("store=… 017 … 3", bare.get(3 + 17));
        assertEquals("overall", bare.get(0));
    }

    @Test
    void theApprovalPacksRowLabelsTakeAtMostTheirShareAndStayApart() {
        List<String> labels = storeChart(460, true);
        List<String> fitted = new EvidenceCharts(new ReportFonts()).fittedRowLabels(labels);

        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics metrics = g2.getFontMetrics(new ReportFonts().sans(10f));
        for (int i = 0; i < fitted.size(); i++) {
            String label = fitted.get(i);
            assertTrue(metrics.stringWidth(label) <= EvidenceCharts.LABEL_SHARE * EvidenceCharts.WIDTH,
                    "leaves the plot its room: " + label);
            String count = labels.get(i).substring(labels.get(i).lastIndexOf(" ("));
            assertTrue(label.endsWith(count), "keeps its n whole: " + label);
        }
        g2.dispose();
        assertEquals("overall (n=40,000)", fitted.get(0));
        assertEquals("region=Baden-Württemberg (n=13,298)", fitted.get(2));
        assertTrue(fitted.get(3 + 17).contains("017") && fitted.get(3 + 17).contains("Ebene 3"), fitted.get(20));
        assertEquals(labels.size(), new HashSet<>(fitted).size(), "no two rows read alike");
    }

    @Test
    void labelsThatFitAreLeftWhole() {
        List<String> labels = List.of("overall (n=900)", "plan=pro (n=400)", "plan=basic (n=500)");
        assertEquals(labels, new EvidenceCharts(new ReportFonts()).fittedRowLabels(labels));
    }

    @Test
    void aNameIsCutBetweenCharactersNeverInsideAnEmoji() {
        String name = "Технічна проблема: застосунок аварійно завершує роботу 📱";
        // one unit of width per character, so each room keeps a known number of them
        java.util.function.ToDoubleFunction<String> characters = text -> text.codePointCount(0, text.length());
        for (int room = 2; room < 20; room++) {
            String cut = RowLabels.cutMiddle(name, "", characters, room);
            assertTrue(cut.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE), "half an emoji in " + cut);
            assertTrue(characters.applyAsDouble(cut) <= room, cut + " wider than " + room);
        }
        assertEquals("Техн…ту 📱", RowLabels.cutMiddle(name, "", characters, 9));
        assertEquals(name, RowLabels.cutMiddle(name, "", characters, name.length()), "a name that fits stays whole");
    }

    /** The table and the gates spell a column out: a row too long loses the middle of its longest value first. */
    @Test
    void aRowCutForRoomKeepsItsColumnsWhole() {
        java.util.function.ToDoubleFunction<String> characters = text -> text.codePointCount(0, text.length());
        assertEquals("segment=ente…ise × language=Port…guês (n=12)", RowLabels.cutValues(
                "segment=enterprise × language=Português", " (n=12)", characters, 44));
        assertEquals("segment=e…e × language=Po…s (n=12)", RowLabels.cutValues(
                "segment=enterprise × language=Português", " (n=12)", characters, 34));
        assertEquals("language=ko (n=70)", RowLabels.cutValues("language=ko", " (n=70)", characters, 18),
                "whole where it fits");
    }
}
