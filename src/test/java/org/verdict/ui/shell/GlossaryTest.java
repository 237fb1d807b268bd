package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.Verdict;

@ExtendWith(ApplicationExtension.class)
class GlossaryTest {
    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private final Glossary glossary = new Glossary(text);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene((Parent) glossary.view()));
        stage.show();
    }

    @Test
    void everyVerdictAndEveryTestTheEngineCanNameIsExplained() {
        List<String> ids = glossary.entries().stream().map(Glossary.Entry::id).toList();
        for (Verdict verdict : Verdict.values()) {
            assertTrue(ids.contains(verdict.name().toLowerCase(Locale.ROOT)), verdict + " has an entry");
        }
        assertEquals(16, ComparisonEngine.TEST_NAMES.size());
        for (String test : ComparisonEngine.TEST_NAMES) {
            assertTrue(ids.contains(test), test + " has an entry");
        }
        for (String term : List.of("mcnemar", "adjusted", "interval", "p", "overall", "unstable")) {
            assertTrue(ids.contains(term), term + " has an entry");
        }
        assertTrue(glossary.entries().stream().allMatch(e -> e.text().length() > 40), "each says something");
    }

    @Test
    void theEntriesStateTheRuleTheEngineApplies() {
        // docs/statistics.md: overall alone at 95%, the other slices a Holm family, the verdict read off the shown
        // interval, unstable below 5 examples of a class or above 1 % undefined resamples, bootstrap-SE t intervals
        // (jackknife-SE for the count metrics' Δ, stratified by class for macro_f1 and balanced_accuracy), DeLong's on
        // Welch's degrees of freedom.
        assertTrue(text("overall").contains("tested on its own"));
        assertTrue(text("adjusted").contains("tested alone at 95%") && text("adjusted").contains("Holm"));
        assertTrue(text("interval").contains("better or worse exactly when that interval excludes 0"));
        assertTrue(text("unstable").contains("fewer than 5 examples") && text("unstable").contains("more than 1 %"));
        assertTrue(text("tango-score").contains("McNemar's statistic at Δ = 0"));
        for (String bootstrap : List.of("paired-bootstrap", "paired-hashed-block-bootstrap")) {
            assertTrue(text(bootstrap).contains("bootstrap-SE t interval"), bootstrap);
        }
        assertTrue(text("paired-bootstrap-cells").contains("jackknife standard error")
                && text("paired-bootstrap-cells")
                        .contains("balanced_accuracy each example is left out within its true class"));
        assertTrue(text("delong").contains("Welch's degrees of freedom"));
        assertTrue(text("paired-influence-normal").contains("over 2,000 examples"));
        assertFalse(text("mcnemar").contains("paired test for accuracy"), "accuracy uses Tango's interval");
    }

    private String text(String id) {
        return glossary.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow().text();
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
