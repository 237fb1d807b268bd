package org.verdict.ui.summarize;

import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.verdict.ui.error.ProblemDialog;
import org.verdict.ui.files.PathField;
import org.verdict.ui.files.SystemChooser;
import org.verdict.ui.theme.OwnerLook;

/**
 * The dialog of File → Summarise rows…: three path fields (typed, pasted or browsed, as in every path dialog of the
 * app), the reason the summary cannot start yet, and "Summarise and open", which hands over to the view-model and
 * closes; the work's progress and Cancel are in the status bar, and a failure opens a problem dialog that says why.
 */
public final class SummarizeRowsDialog {
    public static final String DIALOG_ID = "summarizeRowsDialog";

    private final SummarizeRowsViewModel model;
    private final ResourceBundle text;
    /** The window the dialog was last shown over: a failure's problem dialog opens over it. */
    private Window owner;

    /** @param problems shows why a summary failed, over the window the dialog was shown over */
    public SummarizeRowsDialog(SummarizeRowsViewModel model, ResourceBundle text, ProblemDialog problems) {
        this.model = model;
        this.text = text;
        model.failureProperty().addListener((obs, was, failure) -> {
            if (failure != null) {
                problems.show(owner, text.getString("summarize.failedHeader"),
                        // the message names the broken row's file, line and column: shown, not folded into the details
                        failure.getMessage() + "\n\n" + text.getString("summarize.failedAdvice"),
                        String.valueOf(failure.getMessage()));
            }
        });
    }

    /** Shows the dialog without waiting; the summary starts when the user confirms. */
    public Dialog<ButtonType> show(Window owner) {
        Dialog<ButtonType> dialog = dialog(owner);
        dialog.show();
        return dialog;
    }

    Dialog<ButtonType> dialog(Window owner) {
        this.owner = owner;
        Dialog<ButtonType> dialog = OwnerLook.ownedBy(new Dialog<>(), owner);
        dialog.setTitle(text.getString("summarize.title"));
        dialog.setHeaderText(text.getString("summarize.title"));
        dialog.getDialogPane().setId(DIALOG_ID);

        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(8);
        PathField rows = pathField("summarizeRows", model.inputProperty())
                .browse("summarizeBrowseFile", text.getString("summarize.browseFile"), SystemChooser.openFile(
                        text.getString("summarize.rows"), new FileChooser.ExtensionFilter("Parquet, CSV", "*.parquet",
                                "*.csv")))
                .browse("summarizeBrowseFolder", text.getString("summarize.browseFolder"),
                        SystemChooser.folder(text.getString("summarize.rows"), null));
        PathField manifest = pathField("summarizeManifest", model.manifestProperty())
                .browse("summarizeBrowseManifest", text.getString("path.browse"), SystemChooser.openFile(
                        text.getString("summarize.manifest"), new FileChooser.ExtensionFilter("manifest.json",
                                "*.json")));
        PathField output = pathField("summarizeOutput", model.outputProperty())
                .browse("summarizeBrowseOutput", text.getString("path.browse"),
                        SystemChooser.folder(text.getString("summarize.output"), null)
                                .then(parent -> parent.resolve(newFolderName())));
        fields.addRow(0, new Label(text.getString("summarize.rows")), rows.field(), rows.buttons());
        fields.addRow(1, new Label(text.getString("summarize.manifest")), manifest.field(), manifest.buttons());
        fields.addRow(2, new Label(text.getString("summarize.output")), output.field(), output.buttons());
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
        VBox content = new VBox(10, fields, hint, problem);
        // says so when the system's chooser fails (a plain X session); the fields still take typed paths
        for (PathField field : new PathField[] {rows, manifest, output}) {
            field.note().setMaxWidth(640);
            content.getChildren().add(field.note());
        }
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
                model.start();
            }
        });
        dialog.setOnShown(e -> rows.field().requestFocus());
        return dialog;
    }

    /** The chosen folder gets the suggested pack's name inside it: the pack needs a folder of its own. */
    private String newFolderName() {
        Path suggested = model.outputProperty().get();
        return suggested == null || suggested.getFileName() == null ? "summary" : suggested.getFileName().toString();
    }

    /** A path field that edits {@code path} and shows what the view-model suggests for it. */
    private PathField pathField(String id, ObjectProperty<Path> path) {
        PathField field = new PathField(id, text.getString("path.chooserUnavailable")).editing(path);
        field.field().setPrefColumnCount(36);
        field.field().setMinWidth(Region.USE_PREF_SIZE);
        return field;
    }
}
