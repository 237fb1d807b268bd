package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.verdict.core.compare.UnlabelledClassPredictions.Rows;

/**
 * The one sentence a slice's note and the volume gate's finding both say of classes no row is labelled with, in each
 * of its cases; the shares worked by hand (3 of 200 = 1.5%, 45 of 1,200 = 3.75% → 3.8%).
 */
class UnlabelledClassPredictionsTest {
    private static final String COST = ": each a wrong prediction, lost from the recall of the row's own class";

    @Test
    void aSliceSaysItsRowsHere() {
        assertEquals("the candidate predicts it for 3 rows here (1.5%), production for none" + COST,
                UnlabelledClassPredictions.sentence(1, 3, 0, 200, Rows.HERE));
        assertEquals("the candidate predicts them for 1 row here (0.5%), production for 3 (1.5%)" + COST,
                UnlabelledClassPredictions.sentence(2, 1, 3, 200, Rows.HERE));
        assertEquals("the candidate predicts it for no row here, production for 3 (1.5%)" + COST,
                UnlabelledClassPredictions.sentence(1, 0, 3, 200, Rows.HERE));
        assertEquals("neither model predicts them here", UnlabelledClassPredictions.sentence(2, 0, 0, 200, Rows.HERE));
    }

    @Test
    void theVolumeGateSaysTheRowsItCountsOf() {
        assertEquals("the candidate predicts them for 45 of 1,200 rows (3.8%), production for 1,200 (100.0%)" + COST,
                UnlabelledClassPredictions.sentence(3, 45, 1200, 1200, Rows.OF_TOTAL));
        assertEquals("the candidate predicts it for no row, production for 45 (3.8%)" + COST,
                UnlabelledClassPredictions.sentence(1, 0, 45, 1200, Rows.OF_TOTAL));
        assertEquals("neither model predicts it", UnlabelledClassPredictions.sentence(1, 0, 0, 1200, Rows.OF_TOTAL));
    }
}
