package org.verdict.ui.shell;

import java.util.function.Consumer;
import javafx.scene.input.KeyCombination;
import org.verdict.core.pack.ReviewPack;

/**
 * A File-menu command that works on the open pack (e.g. "Export approval pack…", "Record decision…"). The menu
 * item is disabled while no pack is open, and shows its shortcut.
 *
 * @param id node id of the menu item
 * @param shortcut may be null
 */
public record PackAction(String id, String title, KeyCombination shortcut, Consumer<ReviewPack> action) {
}
