package org.verdict.ui.shell;

import javafx.scene.Node;
import org.verdict.core.pack.ReviewPack;

/**
 * A screen mounted in the main window (Overview, Compare, Gates, Audit, …). The composition root
 * ({@link org.verdict.ui.VerdictApp}) lists the views in navigation order; the n-th view gets the shortcut Ctrl+n
 * in the View menu. The main window calls {@link #showPack} on the FX thread each time a pack has opened
 * successfully; heavy work the view starts there goes through the injected
 * {@link org.verdict.ui.task.BackgroundExecutor}.
 */
public interface PackView {

    /** Stable id, used as the node id of the navigation entry ({@code nav-<id>}) and by {@link Navigator}. */
    String id();

    /** Title in the navigation and the View menu, from the resource bundle. */
    String title();

    /** The view's root node; built once and reused. */
    Node node();

    /** A pack opened; replace whatever the view showed for the previous one. */
    void showPack(ReviewPack pack);

    /** Mounts a screen that does not depend on the open pack (e.g. Audit, which opens a decision store). */
    static PackView independentOfPack(String id, String title, Node node) {
        return new PackView() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public Node node() {
                return node;
            }

            @Override
            public void showPack(ReviewPack pack) {
                // Nothing to show: this screen has its own input.
            }
        };
    }
}
