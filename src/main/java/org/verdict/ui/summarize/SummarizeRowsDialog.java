package org.verdict.ui.summarize;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.verdict.ui.shell.PathDialog;
import org.verdict.ui.theme.OwnerLook;

/**
 * The dialog of File → Summarise rows…: three path fields (typed, pasted or browsed, as in every path dialog of the
 * app), the reason the summary cannot start yet, and "Summarise and open", which hands over to the view-model and
 * closes; the work's progress and Cancel are in the status bar.
 */
public final class SummarizeRowsDialog {
    public static final String DIALOG_ID = "summarizeRowsDialog";

    private final SummarizeRowsViewModel model;
    private final ResourceBundle text;
    private final Consumer<Throwable> onFailure;
    /** Says so when the system's chooser fails (a plain X session); the fields still take typed paths. */
    private final Label chooserProblem = new Label();

    /** @param onFailure shows why a summary failed (a problem dialog in the app) */
    public SummarizeRowsDialog(SummarizeRowsViewModel model, ResourceBundle text, Consumer<Throwable> onFailure) {
        this.model = model;
        this.text = text;
        this.onFailure = onFailure;
    }

    /** Shows the dialog without waiting; the summary starts when the user confirms. */
    public Dialog<ButtonType> show(Window owner) {
        Dialog<ButtonType> dialog = dialog(owner);
        dialog.show();
        return dialog;
    }

    Dialog<ButtonType> dialog(Window owner) {
        Dialog<ButtonType> dialog = OwnerLook.ownedBy(new Dialog<>(), owner);
        dialog.setTitle(text.getString("summarize.title"));
        dialog.setHeaderText(text.getString("summarize.title"));
        dialog.getDialogPane().setId(DIALOG_ID);

        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(8);
        TextField rows = pathField("summarizeRows", model.inputProperty());
        TextField manifest = pathField("summarizeManifest", model.manifestProperty());
        TextField output = pathField("summarizeOutput", model.outputProperty());
        fields.addRow(0, new Label(text.getString("summarize.rows")), rows, new HBox(4,
                browse("summarize.browseFile", rows, window -> chooseFile(window, "summarize.rows",
                        new FileChooser.ExtensionFilter("Parquet, CSV", "*.parquet", "*.csv"))),
                browse("summarize.browseFolder", rows, window -> chooseFolder(window, "summarize.rows"))));
        fields.addRow(1, new Label(text.getString("summarize.manifest")), manifest,
                browse("path.browse", manifest, window -> chooseFile(window, "summarize.manifest",
                        new FileChooser.ExtensionFilter("manifest.json", "*.json"))));
        fields.addRow(2, new Label(text.getString("summarize.output")), output,
                browse("path.browse", output, window -> chooseFolder(window, "summarize.output")
                        .map(parent -> parent.resolve(newFolderName()))));
        // the labels and buttons keep their whole text; the path fields give way
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints paths = new ColumnConstraints();
        paths.setHgrow(Priority.ALWAYS);
        ColumnConstraints buttons = new ColumnConstraints();
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        fields.getColumnConstraints().setAll(labels, paths, buttons);
        fields.setId("summarizeFields");

        Label hint = new Label(text.getString("summarize.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(640);
        Label problem = new Label();
        problem.setId("summarizeProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(640);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        chooserProblem.setWrapText(true);
        chooserProblem.setMaxWidth(640);
        chooserProblem.managedProperty().bind(chooserProblem.textProperty().isNotEmpty());
        VBox content = new VBox(10, fields, hint, problem, chooserProblem);
        // in from the dialog's edges as its header is; the theme gives a dialog's content no padding of its own
        content.setPadding(new Insets(12, 16, 4, 16));
        dialog.getDialogPane().setContent(content);
        // never narrower than its fields want: shrunk to 207 px, the suggested output path was cut
        dialog.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);

        ButtonType start = new ButtonType(text.getString("summarize.start"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        Button startButton = (Button) dialog.getDialogPane().lookupButton(start);
        startButton.setId("summarizeStart");
        startButton.disableProperty().bind(model.problemProperty().isNotEmpty().or(model.runningProperty())
                .or(model.checkingProperty()));
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == start) {
                model.start(onFailure);
            }
        });
        dialog.setOnShown(e -> rows.requestFocus());
        return dialog;
    }

    /** The chosen folder gets the suggested pack's name inside it: the pack needs a folder of its own. */
    private String newFolderName() {
        Path suggested = model.outputProperty().get();
        return suggested == null || suggested.getFileName() == null ? "summary" : suggested.getFileName().toString();
    }

    /** A path field that edits {@code path} and shows what the view-model suggests for it. */
    private static TextField pathField(String id, ObjectProperty<Path> path) {
        TextField field = new TextField(path.get() == null ? "" : path.get().toString());
        field.setId(id);
        field.setPrefColumnCount(36);
        field.setMinWidth(Region.USE_PREF_SIZE);
        field.textProperty().addListener((obs, old, typed) -> {
            Path parsed = PathDialog.parse(typed).orElse(null);
            if (!Objects.equals(parsed, path.get())) {
                path.set(parsed);
            }
        });
        path.addListener((obs, old, now) -> {
            if (!Objects.equals(PathDialog.parse(field.getText()).orElse(null), now)) {
                field.setText(now == null ? "" : now.toString());
            }
        });
        return field;
    }

    private Button browse(String key, TextField into, Function<Window, Optional<Path>> chooser) {
        Button button = new Button(text.getString(key));
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> {
            try {
                chooser.apply(button.getScene().getWindow()).ifPresent(path -> into.setText(path.toString()));
                chooserProblem.setText("");
            } catch (RuntimeException unavailable) {
                chooserProblem.setText(text.getString("path.chooserUnavailable"));
            }
        });
        return button;
    }

    private Optional<Path> chooseFile(Window owner, String titleKey, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.getString(titleKey));
        chooser.getExtensionFilters().add(filter);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    private Optional<Path> chooseFolder(Window owner, String titleKey) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text.getString(titleKey));
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }
}
