package org.verdict.ui.report;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.verdict.core.pack.ReviewPack;

/**
 * File → Export approval pack: asks for a folder, then shows the export's progress in a small window with a
 * Cancel button, and the written files (or what went wrong) when it ends.
 */
public final class ExportApprovalPackAction {
    private final ApprovalPackExportModel model;
    private final Supplier<ReviewPack> openPack;
    private final Supplier<String> selectedCandidate;

    /**
     * @param openPack the pack open in the window, or null when none is
     * @param selectedCandidate the candidate the user compares, or null for the pack's first
     */
    public ExportApprovalPackAction(ApprovalPackExportModel model, Supplier<ReviewPack> openPack,
                                    Supplier<String> selectedCandidate) {
        this.model = model;
        this.openPack = openPack;
        this.selectedCandidate = selectedCandidate;
    }

    /** The menu item to put in the File menu; disabled while an export runs. */
    public MenuItem menuItem(Supplier<Window> owner) {
        MenuItem item = new MenuItem("Export approval pack…");
        item.setId("export-approval-pack");
        item.disableProperty().bind(model.runningProperty());
        item.setOnAction(event -> chooseFolderAndExport(owner.get()));
        return item;
    }

    private void chooseFolderAndExport(Window owner) {
        ReviewPack pack = openPack.get();
        if (pack == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for approval-pack.html and approval-pack.pdf");
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            export(owner, pack, folder.toPath());
        }
    }

    /** Starts the export into {@code outDir} and shows its progress window; returns that window. */
    public Stage export(Window owner, ReviewPack pack, Path outDir) {
        Stage window = progressWindow(owner);
        model.start(pack, selectedCandidate.get(), outDir);
        window.show();
        return window;
    }

    private Stage progressWindow(Window owner) {
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label message = new Label();
        message.setId("export-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("export-cancel");
        cancel.visibleProperty().bind(model.runningProperty());
        Button close = new Button("Close");
        close.setId("export-close");
        close.visibleProperty().bind(model.runningProperty().not());
        HBox buttons = new HBox(8, cancel, close);
        VBox content = new VBox(10, message, bar, buttons);
        VBox.setVgrow(message, Priority.ALWAYS);
        content.setPadding(new Insets(14));
        content.setPrefWidth(420);

        Stage window = new Stage();
        window.setTitle("Export approval pack");
        if (owner != null) {
            window.initOwner(owner);
            window.initModality(Modality.WINDOW_MODAL);
        }
        window.setScene(new Scene(content));
        Timeline sampling = new Timeline(new KeyFrame(Duration.millis(50), event -> model.sample()));
        sampling.setCycleCount(Animation.INDEFINITE);
        sampling.play();
        window.setOnHidden(event -> sampling.stop());
        window.setOnCloseRequest(event -> model.cancel());
        cancel.setOnAction(event -> model.cancel());
        close.setOnAction(event -> window.close());
        return window;
    }
}
