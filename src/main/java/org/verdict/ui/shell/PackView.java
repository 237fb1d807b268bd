package org.verdict.ui.shell;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import org.verdict.core.pack.ReviewPack;

/**
 * A screen mounted in the main window (Overview, Compare, Gates, Audit, …), as the composition root
 * ({@link org.verdict.ui.VerdictApp}) describes it: an id and a title, known up front for the navigation rail and
 * the View menu, how to build the screen, and where an opened pack goes (usually the screen's view-model). The
 * screen is built on first use (shown, given a pack, or {@link #build()} once the window is on screen), so only the
 * screen on view is built before the first frame. The root lists the views in navigation order; the n-th gets
 * Ctrl+n in the View menu.
 */
public final class PackView {
    private final String id;
    private final String title;
    private final Supplier<? extends Node> screen;
    private final Consumer<ReviewPack> packOpened;
    private Node built;

    /**
     * @param id stable id, used as the node id of the navigation entry ({@code nav-<id>}) and by {@link Navigator}
     * @param title title in the navigation and the View menu, from the resource bundle
     * @param screen builds the screen's root node; called once
     * @param packOpened called on the FX thread, once the screen is built, each time a pack has opened successfully;
     *                   heavy work it starts goes through the injected {@link org.verdict.ui.task.BackgroundExecutor}
     */
    public PackView(String id, String title, Supplier<? extends Node> screen, Consumer<ReviewPack> packOpened) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.screen = Objects.requireNonNull(screen, "screen");
        this.packOpened = Objects.requireNonNull(packOpened, "packOpened");
    }

    /** A screen that does not depend on the open pack, or follows another view's view-model. */
    public static PackView independentOfPack(String id, String title, Supplier<? extends Node> screen) {
        return new PackView(id, title, screen, pack -> { });
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Builds the screen now if it is not built yet; the composition root calls it once the window is on screen. */
    public void build() {
        if (built == null) {
            built = Objects.requireNonNull(screen.get(), "screen of view " + id);
        }
    }

    /** The screen's root node, built on the first call. */
    public Node node() {
        build();
        return built;
    }

    /** A pack opened: the screen is built (so it listens) and the pack handed on. */
    public void showPack(ReviewPack pack) {
        build();
        packOpened.accept(pack);
    }
}
