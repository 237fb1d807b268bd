package org.verdict.ui.shell;

import javafx.geometry.Rectangle2D;

/**
 * Where the window opens the first time (no remembered bounds): on a laptop screen (up to 1440 px wide) every pixel
 * counts, so the window takes the screen's whole visual bounds, maximised; a window of 94% left the Compare table
 * 80 px short of its adjusted p at 1366×768. On a larger screen, most of it, centred, up to a size where the Compare
 * table needs no scrolling.
 *
 * @param bounds    the window's position and size, in screen coordinates
 * @param maximized whether the window opens maximised (the bounds are then the whole visual bounds too, so a session
 *                  without a window manager, which ignores maximising, still gets them)
 */
public record StartingBounds(Rectangle2D bounds, boolean maximized) {
    /** The widest screen whose whole visual bounds the window takes at first start. */
    static final double LAPTOP_MAX_WIDTH = 1440;
    private static final double LARGE_MAX_WIDTH = 1440;
    private static final double LARGE_MAX_HEIGHT = 920;
    private static final double LARGE_WIDTH_SHARE = 0.94;
    private static final double LARGE_HEIGHT_SHARE = 0.92;

    /** The starting bounds on a screen whose visual bounds (the screen less its panels) are {@code screen}. */
    public static StartingBounds on(Rectangle2D screen) {
        if (screen.getWidth() <= LAPTOP_MAX_WIDTH) {
            return new StartingBounds(screen, true);
        }
        double width = Math.min(LARGE_MAX_WIDTH, Math.floor(screen.getWidth() * LARGE_WIDTH_SHARE));
        double height = Math.min(LARGE_MAX_HEIGHT, Math.floor(screen.getHeight() * LARGE_HEIGHT_SHARE));
        return new StartingBounds(new Rectangle2D(screen.getMinX() + Math.floor((screen.getWidth() - width) / 2),
                screen.getMinY() + Math.floor((screen.getHeight() - height) / 2), width, height), false);
    }
}
