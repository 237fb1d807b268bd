package org.verdict.ui.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.verdict.settings.UserDataFolder;

/**
 * The one way the app asks for a file or folder: a path field that is always there (type or paste a path, {@code ~} is
 * the home folder) with Browse… buttons for the {@link SystemChooser}. A chooser that fails, as the native one can
 * under a plain X session, says so in a note under the field instead of leaving the user without a way on.
 */
public final class PathField {
    private final TextField field = new TextField();
    private final HBox buttons = new HBox(4);
    private final Label note = new Label();
    private final ObjectProperty<Path> path = new SimpleObjectProperty<>();
    private final String chooserUnavailable;

    /** @param chooserUnavailable what the note says when the system's chooser fails */
    public PathField(String id, String chooserUnavailable) {
        this.chooserUnavailable = chooserUnavailable;
        field.setId(id);
        HBox.setHgrow(field, Priority.ALWAYS);
        note.setWrapText(true);
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        // the text is what the user typed, the path what it means: each follows the other only when they differ, so a
        // path being typed is never rewritten under the caret
        field.textProperty().addListener((obs, old, typed) -> {
            Path parsed = parse(typed).orElse(null);
            if (!Objects.equals(parsed, path.get())) {
                path.set(parsed);
            }
        });
        path.addListener((obs, old, now) -> {
            if (!Objects.equals(parse(field.getText()).orElse(null), now)) {
                field.setText(now == null ? "" : now.toString());
            }
        });
    }

    /** Edits {@code target}: the field starts with its path and the two stay the same. */
    public PathField editing(ObjectProperty<Path> target) {
        path.set(target.get());
        path.bindBidirectional(target);
        return this;
    }

    /** Adds a button that opens {@code chooser} and puts the path chosen into the field. */
    public PathField browse(String id, String label, SystemChooser chooser) {
        Button button = new Button(label);
        button.setId(id);
        // the field gives way, never the button's word ("B…" in a dialog narrower than its preferred width)
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> {
            try {
                chooser.choose(button.getScene().getWindow()).ifPresent(chosen -> field.setText(chosen.toString()));
                note.setText("");
            } catch (RuntimeException unavailable) {
                note.setText(chooserUnavailable);
            }
        });
        buttons.getChildren().add(button);
        return this;
    }

    /** The path typed or browsed to; null while the field is empty or holds no path. */
    public ObjectProperty<Path> pathProperty() {
        return path;
    }

    public TextField field() {
        return field;
    }

    /** The Browse… buttons, for a form that lines them up in a column of their own beside {@link #field()}. */
    public HBox buttons() {
        return buttons;
    }

    /** The field and its Browse… buttons side by side, for a form that places the note elsewhere. */
    public HBox row() {
        return new HBox(8, field, buttons);
    }

    /** Says when the system's chooser failed; takes no room otherwise. */
    public Label note() {
        return note;
    }

    /** The field and its buttons, the note under them. */
    public Node node() {
        return new VBox(4, row(), note);
    }

    /** A typed path: surrounding quotes and spaces dropped, {@code ~} is the home folder; empty if not a path. */
    public static Optional<Path> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.equals("~") || text.startsWith("~/")) {
            text = UserDataFolder.userHome() + text.substring(1);
        }
        try {
            return Optional.of(Path.of(text).toAbsolutePath().normalize());
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }
}
