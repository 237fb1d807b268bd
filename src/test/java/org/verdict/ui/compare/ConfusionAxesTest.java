package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ConfusionAxesTest {
    /** The ticket queues of the reviewers' pack: 4 to 61 characters in six scripts, one ending in an emoji. */
    static final List<String> QUEUES = List.of(
            "Änderung der Lieferadresse für Großbestellungen über 10 000 €",
            "Ошибка оплаты — двойное списание с банковской карты клиента",
            "Технічна проблема: застосунок аварійно завершує роботу 📱",
            "כללי",
            "مشكلة تقنية في تسجيل الدخول إلى الحساب",
            "請求に関する問い合わせ（返金・二重請求・領収書の再発行）");
    /** Seven pixels a character, about the body text's average. */
    private static final ToDoubleFunction<String> SEVEN_A_CHARACTER = text -> 7.0 * text.codePointCount(0, text.length());
    private static final ConfusionAxes.Columns CELLS = new ConfusionAxes.Columns(52, 0, 2, 80);
    /** The pane beside the table on a 1366×768 laptop, over the smallest scale a matrix is drawn at. */
    private static final double LAPTOP_ROOM = (375 - 24) / ConfusionHeatMap.SMALLEST_SCALE;

    @Test
    void longNamesGiveWayToLettersSoEveryColumnFitsAndEachRowKeepsAsMuchOfItsNameAsFits() {
        ConfusionAxes axes = ConfusionAxes.fitting(QUEUES, SEVEN_A_CHARACTER, CELLS, LAPTOP_ROOM);

        assertTrue(axes.keyed());
        assertEquals(List.of("A", "B", "C", "D", "E", "F"), axes.columns());
        double rowsWidth = axes.rows().stream().mapToDouble(SEVEN_A_CHARACTER).max().orElseThrow();
        assertTrue(Math.max(80, rowsWidth) + CELLS.width(axes.columns(), SEVEN_A_CHARACTER) <= LAPTOP_ROOM,
                "the matrix is " + rowsWidth + " px of row headers and six columns, in " + LAPTOP_ROOM);
        assertEquals("D  כללי", axes.rows().get(3), "a name that fits stays whole");
        for (int k = 0; k < QUEUES.size(); k++) {
            String row = axes.rows().get(k);
            String name = QUEUES.get(k);
            assertTrue(row.startsWith(axes.columns().get(k) + "  "), row);
            String shown = row.substring(3);
            if (!shown.equals(name)) {
                String[] ends = shown.split("…");
                assertTrue(ends.length == 2 && name.startsWith(ends[0]) && name.endsWith(ends[1])
                        && ends[0].length() >= 3, "cut in the middle, its beginning and end kept: " + row);
            }
        }
        assertEquals(QUEUES.size(), new HashSet<>(axes.rows()).size(), "no two rows read alike");
    }

    @Test
    void namesThatFitTheRoomAreShownWhole() {
        List<String> queues = List.of("account", "billing", "shipping", "tech");
        ConfusionAxes axes = ConfusionAxes.fitting(queues, SEVEN_A_CHARACTER, CELLS, LAPTOP_ROOM);
        assertFalse(axes.keyed());
        assertEquals(queues, axes.columns());
        assertEquals(queues, axes.rows());

        ConfusionAxes wide = ConfusionAxes.fitting(QUEUES, SEVEN_A_CHARACTER, CELLS, 3000);
        assertFalse(wide.keyed(), "a pane wide enough shows the long names whole");
        assertEquals(QUEUES, wide.columns());
    }

    @Test
    void namesNoWiderThanTheirCellsStayEvenWhenTheColumnsDoNotFit() {
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < 36; k++) {
            classes.add(String.format("c%02d", k));
        }
        ConfusionAxes axes = ConfusionAxes.fitting(classes, SEVEN_A_CHARACTER, new ConfusionAxes.Columns(32, 6, 1, 80),
                LAPTOP_ROOM);
        assertFalse(axes.keyed(), "letters would make no column narrower");
        assertEquals(classes, axes.columns());
    }

    @Test
    void aRowLeftTooLittleRoomForItsNameIsHeadedByItsLetterAlone() {
        // 60 px beside the six columns: "A  " and four characters of a name
        ConfusionAxes axes = ConfusionAxes.fitting(QUEUES, SEVEN_A_CHARACTER, new ConfusionAxes.Columns(52, 0, 2, 40),
                6 * 54 + 60);
        assertEquals(List.of("A", "B", "C", "D  כללי", "E", "F"), axes.rows());
    }

    @Test
    void lettersCountLikeSpreadsheetColumns() {
        assertEquals("A", ConfusionAxes.key(0));
        assertEquals("Z", ConfusionAxes.key(25));
        assertEquals("AA", ConfusionAxes.key(26));
        assertEquals("AZ", ConfusionAxes.key(51));
        assertEquals("BA", ConfusionAxes.key(52));
    }

    @Test
    void theLegendSpellsOutAnEmojiTheFontMayDrawAsABox() {
        assertEquals("C  Технічна проблема: застосунок аварійно завершує роботу 📱  📱 U+1F4F1",
                ConfusionAxes.legendLine(2, QUEUES.get(2)));
        assertEquals("D  כללי", ConfusionAxes.legendLine(3, QUEUES.get(3)));
    }
}
