package org.verdict.ui.shell;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.verdict.core.pack.ReviewPack;

/**
 * A view that is built on first use (shown, given a pack, or {@link #build()} after the first frame), so that only
 * the screen on view is built before the window first appears. Its id and title are known up front for the
 * navigation rail and the View menu.
 */
public final class DeferredPackView implements PackView {
    private final String id;
    private final String title;
    private final Supplier<PackView> factory;
    private final StackPane holder = new StackPane();
    private PackView built;

    public DeferredPackView(String id, String title, Supplier<PackView> factory) {
        this.id = id;
        this.title = title;
        this.factory = factory;
    }

    /** Builds the view now if it is not built yet; the composition root calls it once the window is on screen. */
    public PackView build() {
        if (built == null) {
            built = Objects.requireNonNull(factory.get(), "view factory for " + id);
            if (!built.id().equals(id)) {
                throw new IllegalStateException("deferred view " + id + " built a view with id " + built.id());
            }
            holder.getChildren().setAll(built.node());
        }
        return built;
    }

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
        build();
        return holder;
    }

    @Override
    public void showPack(ReviewPack pack) {
        build().showPack(pack);
    }
}
