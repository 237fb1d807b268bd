package org.verdict.ui.settings;

import javafx.scene.control.SplitPane;

/** Restores a split pane's first divider from the settings and records every move, under a key per pane. */
public final class DividerMemory {
    private final UserSettings settings;

    public DividerMemory(UserSettings settings) {
        this.settings = settings;
    }

    public void remember(SplitPane pane, String key) {
        settings.divider(key).ifPresent(position -> pane.setDividerPositions(position));
        pane.getDividers().get(0).positionProperty()
                .addListener((obs, old, position) -> settings.setDivider(key, position.doubleValue()));
    }
}
