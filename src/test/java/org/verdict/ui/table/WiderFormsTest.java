package org.verdict.ui.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which columns take their one-line form in the room a table has to spare. */
class WiderFormsTest {
    @Test
    void everyColumnWhoseWiderFormsFitTogetherTakesIt() {
        assertEquals(List.of(0, 1), WiderForms.chosen(130, List.of(42.0, 84.0)));
    }

    @Test
    void theColumnsThatUseMostOfTheRoomTakeTheirsWhereNotAllFit() {
        // a slice needing 42 px and a verdict 84 px in 88 px: the verdict, leaving 4 px where the slice left 46
        assertEquals(List.of(1), WiderForms.chosen(88, List.of(42.0, 84.0)));
        assertEquals(List.of(0, 2), WiderForms.chosen(60, List.of(30.0, 50.0, 28.0)));
    }

    @Test
    void ofTwoChoicesUsingAsMuchRoomTheColumnGivenFirstWins() {
        assertEquals(List.of(0), WiderForms.chosen(50, List.of(40.0, 40.0)));
    }

    @Test
    void noColumnWidensPastTheRoom() {
        assertEquals(List.of(), WiderForms.chosen(41, List.of(42.0, 84.0)));
        assertEquals(List.of(), WiderForms.chosen(-5, List.of(42.0)));
    }

    @Test
    void aWiderFormNoWiderThanTheNarrowOneIsAlwaysTaken() {
        assertEquals(List.of(0, 1), WiderForms.chosen(0, List.of(0.0, 0.0)));
    }
}
