package org.verdict.ui.shell;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.verdict.ui.settings.UserDataFolder;
import org.verdict.ui.theme.OwnerLook;

/**
 * Asks for a file or folder with a path field that is always there, and Browse… for the system's chooser. Under a
 * plain X session without a desktop portal the native dialog can come up blank or fail; the field still works
 * (type or paste a path, {@code ~} is the home folder), and a chooser that fails says so beside the field.
 */
public final class PathDialog {
    /** Opens the system's chooser; empty when the user cancels it. */
    @FunctionalInterface
    public interface Browser {
        Optional<Path> browse(Window owner);
    }

    private final ResourceBundle text;

    public PathDialog(ResourceBundle text) {
        this.text = text;
    }

    /** Shows the dialog and waits: the path typed or browsed to, or empty when cancelled. */
    public Optional<Path> ask(Window owner, String title, Path initial, Browser browser) {
        return dialog(owner, title, initial, browser).showAndWait();
    }

    /**
     * Asks for a file to open: the path field, with Browse… for the system's open dialog showing {@code filters}.
     */
    public Optional<Path> askForFile(Window owner, String title, Path initial, FileChooser.ExtensionFilter... filters) {
        return ask(owner, title, initial, dialogOwner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().addAll(filters);
            return Optional.ofNullable(chooser.showOpenDialog(dialogOwner)).map(File::toPath);
        });
    }

    /** The dialog, not shown yet. */
    public Dialog<Path> dialog(Window owner, String title, Path initial, Browser browser) {
        Dialog<Path> dialog = OwnerLook.ownedBy(new Dialog<>(), owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        TextField field = new TextField(initial == null ? "" : initial.toString());
        field.setId("pathField");
        field.setPrefColumnCount(40);
        HBox.setHgrow(field, Priority.ALWAYS);
        Label problem = new Label();
        problem.setId("pathProblem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Button browse = new Button(text.getString("path.browse"));
        browse.setId("pathBrowse");
        // the field gives way, never the button's word ("B…" in a dialog narrower than its preferred width)
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            try {
                browser.browse(dialog.getDialogPane().getScene().getWindow())
                        .ifPresent(path -> field.setText(path.toString()));
                problem.setText("");
            } catch (RuntimeException unavailable) {
                problem.setText(text.getString("path.chooserUnavailable"));
            }
        });
        Label hint = new Label(text.getString("path.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox content = new VBox(8, new HBox(8, field, browse), hint, problem);
        content.setPadding(new Insets(4, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(text.getString("path.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(field.textProperty().isEmpty());
        dialog.setResultConverter(button -> button == ok ? parse(field.getText()).orElse(null) : null);
        // Focus goes to the path, all of it selected, so typing replaces a suggested folder. The button bar gives its
        // default button (OK) the focus while it lays out the dialog, so the field asks for it after that pass; with
        // an empty field OK was disabled and could not take it, which is why only prefilled dialogs lost the focus.
        dialog.setOnShown(e -> Platform.runLater(() -> {
            field.requestFocus();
            field.selectAll();
        }));
        return dialog;
    }

    /** A typed path: surrounding quotes and spaces dropped, {@code ~} is the home folder; empty if not a path. */
    public static Optional<Path> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String path = typed.strip();
        if (path.length() >= 2 && (path.startsWith("\"") && path.endsWith("\"")
                || path.startsWith("'") && path.endsWith("'"))) {
            path = path.substring(1, path.length() - 1);
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        if (path.equals("~") || path.startsWith("~/")) {
            path = UserDataFolder.userHome() + path.substring(1);
        }
        try {
            return Optional.of(Path.of(path).toAbsolutePath().normalize());
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }
}
