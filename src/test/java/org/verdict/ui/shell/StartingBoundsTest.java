package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window's bounds at first start, from the screen's visual bounds. */
class StartingBoundsTest {
    @Test
    void aLaptopScreenIsTakenWholeAndMaximised() {
        for (Rectangle2D screen : new Rectangle2D[] {
                new Rectangle2D(0, 0, 1366, 768),
                // a desktop panel at the top takes 27 px: the window starts below it
                new Rectangle2D(0, 27, 1366, 741),
                new Rectangle2D(0, 0, 1280, 720),
                new Rectangle2D(0, 0, 1440, 900),
                // a second screen to the left of the primary one
                new Rectangle2D(-1280, 0, 1280, 800)}) {
            StartingBounds start = StartingBounds.on(screen);
            assertEquals(screen, start.bounds(), "the whole visual bounds of " + screen);
            assertTrue(start.maximized(), "maximised on " + screen);
        }
    }

    @Test
    void aLargerScreenGetsAWindowOfAtMost1440By920Centred() {
        StartingBounds fullHd = StartingBounds.on(new Rectangle2D(0, 0, 1920, 1040));
        assertEquals(new Rectangle2D(240, 60, 1440, 920), fullHd.bounds());
        assertFalse(fullHd.maximized());

        // 94% × 92% of a screen just wider than a laptop's: 1450 × 0.94 = 1363, 800 × 0.92 = 736
        StartingBounds justWider = StartingBounds.on(new Rectangle2D(100, 20, 1450, 800));
        assertEquals(new Rectangle2D(100 + 43, 20 + 32, 1363, 736), justWider.bounds());
        assertFalse(justWider.maximized());
    }
}
