package org.verdict.ui.settings;

import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SplitPane;
import org.verdict.settings.UserSettings;

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

    /**
     * For a pane whose layout changes (side by side or stacked, one part hidden): each key keeps its own position,
     * restored whenever the key changes or the divider comes back, {@code defaults} until the user moves it.
     */
    public void remember(SplitPane pane, ObservableValue<String> key, ToDoubleFunction<String> defaults) {
        boolean[] restoring = {false};
        Runnable restore = () -> {
            if (pane.getDividers().isEmpty()) {
                return;
            }
            restoring[0] = true;
            pane.setDividerPositions(settings.divider(key.getValue())
                    .orElse(defaults.applyAsDouble(key.getValue())));
            restoring[0] = false;
        };
        Consumer<SplitPane.Divider> follow = divider -> divider.positionProperty()
                .addListener((obs, old, position) -> {
                    if (!restoring[0] && pane.getDividers().contains(divider)) {
                        settings.setDivider(key.getValue(), position.doubleValue());
                    }
                });
        pane.getDividers().addListener((ListChangeListener<SplitPane.Divider>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(follow);
            }
            restore.run();
        });
        key.addListener((obs, old, now) -> restore.run());
        pane.getDividers().forEach(follow);
        restore.run();
    }
}
