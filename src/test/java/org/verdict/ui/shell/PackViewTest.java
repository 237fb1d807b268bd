package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A mounted view is built on first use: nothing for the navigation rail, everything once it is needed. */
@ExtendWith(ApplicationExtension.class)
class PackViewTest {
    /** What happened, in order: "built" each time the screen is built, "pack" each time a pack is handed on. */
    private final List<String> events = new ArrayList<>();
    private Label screen;

    /** Controls need the JavaFX toolkit, which the extension starts before this. */
    @Start
    void start(Stage stage) {
        screen = new Label("gates");
    }

    private Label buildScreen() {
        events.add("built");
        return screen;
    }

    @Test
    void theNavigationNeedsNoScreenAndShowingBuildsItOnce() {
        PackView view = new PackView("gates", "Gates", this::buildScreen, pack -> events.add("pack"));
        assertEquals("gates", view.id());
        assertEquals("Gates", view.title());
        assertEquals(List.of(), events, "id and title build nothing");

        assertSame(screen, view.node());
        view.node();
        view.build();
        assertEquals(List.of("built"), events);
    }

    @Test
    void aPackBeforeTheFirstShowBuildsTheScreenFirstSoItListens() {
        PackView view = new PackView("gates", "Gates", this::buildScreen, pack -> events.add("pack"));
        view.showPack(null);
        view.showPack(null);
        assertEquals(List.of("built", "pack", "pack"), events);
    }

    @Test
    void aScreenIndependentOfThePackIsBuiltWhenAPackOpens() {
        PackView view = PackView.independentOfPack("audit", "Audit", this::buildScreen);
        view.showPack(null);
        assertEquals(List.of("built"), events);
        assertSame(screen, view.node());
    }
}
