package org.verdict.ui.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Help → Glossary: every verdict, test and interval in a reviewer's words, searchable. The same texts are the
 * tooltips of the Compare view's verdicts, so the app never explains a word two ways.
 */
public final class Glossary {
    /** One term and what it means. */
    public record Entry(String id, String term, String text) {
        boolean matches(String needle) {
            return term.toLowerCase(Locale.ROOT).contains(needle) || text.toLowerCase(Locale.ROOT).contains(needle);
        }
    }

    private final List<Entry> entries;
    private final String filterPrompt;

    public Glossary(ResourceBundle text) {
        this.entries = Arrays.stream(text.getString("glossary.terms").split(","))
                .map(String::trim)
                .map(id -> new Entry(id, text.getString("glossary." + id + ".term"),
                        text.getString("glossary." + id + ".text")))
                .toList();
        this.filterPrompt = text.getString("glossary.filterPrompt");
    }

    public List<Entry> entries() {
        return entries;
    }

    /** A search field over the terms, each in bold with its explanation wrapped below it. */
    public Node view() {
        VBox list = new VBox(10);
        list.setId("glossaryList");
        list.setPadding(new Insets(4, 12, 4, 4));
        TextField find = new TextField();
        find.setId("glossaryFilter");
        find.setPromptText(filterPrompt);
        Runnable show = () -> {
            String needle = find.getText() == null ? "" : find.getText().trim().toLowerCase(Locale.ROOT);
            list.getChildren().setAll(entries.stream().filter(e -> needle.isEmpty() || e.matches(needle))
                    .map(Glossary::entryNode).toList());
        };
        find.textProperty().addListener((obs, old, now) -> show.run());
        show.run();
        ScrollPane scroller = new ScrollPane(list);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroller, Priority.ALWAYS);
        VBox root = new VBox(8, find, scroller);
        root.setPrefSize(640, 480);
        return root;
    }

    private static Node entryNode(Entry entry) {
        Label term = new Label(entry.term());
        term.setStyle("-fx-font-weight: bold;");
        Label meaning = new Label(entry.text());
        meaning.setWrapText(true);
        meaning.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(2, term, meaning);
        box.setId("glossary-" + entry.id());
        return box;
    }
}
