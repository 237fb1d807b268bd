package org.verdict.ui.theme;

import javafx.scene.control.Label;

/**
 * A label that a row short of room shrinks no further than a number of ems of its own font (or its whole text, if
 * shorter), so some of it stays readable while its neighbours give way; a plain label's minimum is its ellipsis.
 */
public class ReadableLabel extends Label {
    private final double minimumEms;

    public ReadableLabel(double minimumEms) {
        this.minimumEms = minimumEms;
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.min(computePrefWidth(height), snapSizeX(minimumEms * getFont().getSize()));
    }
}
