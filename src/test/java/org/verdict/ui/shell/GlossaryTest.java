package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.verdict.core.compare.Verdict;

@ExtendWith(ApplicationExtension.class)
class GlossaryTest {
    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private final Glossary glossary = new Glossary(text);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene((javafx.scene.Parent) glossary.view()));
        stage.show();
    }

    @Test
    void everyVerdictAndEveryPairedTestIsExplained() {
        List<String> ids = glossary.entries().stream().map(Glossary.Entry::id).toList();
        for (Verdict verdict : Verdict.values()) {
            assertTrue(ids.contains(verdict.name().toLowerCase(java.util.Locale.ROOT)), verdict + " has an entry");
        }
        for (String test : List.of("mcnemar", "delong", "bootstrap", "influence", "adjusted", "interval", "p")) {
            assertTrue(ids.contains(test), test + " has an entry");
        }
        assertTrue(glossary.entries().stream().allMatch(e -> e.text().length() > 40), "each says something");
    }

    @Test
    void theSearchFieldNarrowsTheList(FxRobot robot) {
        VBox list = robot.lookup("#glossaryList").queryAs(VBox.class);
        assertEquals(glossary.entries().size(), list.getChildren().size());
        robot.interact(() -> robot.lookup("#glossaryFilter").queryAs(TextField.class).setText("mcnemar"));
        assertTrue(list.getChildren().stream().anyMatch(node -> "glossary-mcnemar".equals(node.getId())));
        assertTrue(list.getChildren().size() < glossary.entries().size());
    }
}
