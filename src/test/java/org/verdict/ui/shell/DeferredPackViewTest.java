package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import javafx.stage.Stage;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.verdict.core.pack.ReviewPack;

/** A view built on first use: nothing is built for the navigation rail, everything once it is needed. */
@ExtendWith(ApplicationExtension.class)
class DeferredPackViewTest {
    private final List<String> built = new ArrayList<>();
    private final List<ReviewPack> shown = new ArrayList<>();
    private Label screen;

    /** Controls need the JavaFX toolkit, which the extension starts before this. */
    @Start
    void start(Stage stage) {
        screen = new Label("gates");
    }

    private PackView gates() {
        built.add("gates");
        return new PackView() {
            @Override
            public String id() {
                return "gates";
            }

            @Override
            public String title() {
                return "Gates";
            }

            @Override
            public javafx.scene.Node node() {
                return screen;
            }

            @Override
            public void showPack(ReviewPack pack) {
                shown.add(pack);
            }
        };
    }

    @Test
    void theNavigationNeedsNoViewAndShowingBuildsItOnce() {
        DeferredPackView deferred = new DeferredPackView("gates", "Gates", this::gates);
        assertEquals("gates", deferred.id());
        assertEquals("Gates", deferred.title());
        assertEquals(List.of(), built, "id and title build nothing");

        Pane holder = (Pane) deferred.node();
        deferred.node();
        deferred.build();
        assertEquals(List.of("gates"), built);
        assertSame(screen, holder.getChildren().get(0));
    }

    @Test
    void aPackBeforeTheFirstShowBuildsTheViewAndReachesIt() {
        DeferredPackView deferred = new DeferredPackView("gates", "Gates", this::gates);
        deferred.showPack(null);
        assertEquals(List.of("gates"), built);
        assertEquals(1, shown.size());
    }

    @Test
    void aFactoryForAnotherViewIsRefused() {
        DeferredPackView deferred = new DeferredPackView("audit", "Audit", this::gates);
        IllegalStateException wrong = assertThrows(IllegalStateException.class, deferred::build);
        assertTrue(wrong.getMessage().contains("audit"));
    }
}
