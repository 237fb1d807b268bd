package org.verdict.ui.shell;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.verdict.core.pack.ReviewPack;
import org.verdict.ui.files.FolderText;
import org.verdict.ui.task.ActivityArea;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.theme.ReadableLabel;

/**
 * The pack, its hash, the decision store in use and (when it is another log) the log Audit has open on the left;
 * progress and Cancel of running work on the right.
 */
final class StatusBar extends HBox {
    static final int SHORT_HASH_LENGTH = 12;
    private static final double STORE_MIN_EMS = 20;
    /** A store's folder longer than this is cut in the middle, the two stores' paths fitting the bar at 1366×768. */
    private static final int FOLDER_CHARS = 32;

    private final Label packName = new Label();
    private final Label packHash = new Label();
    /** The store signing goes to stays readable up to 20 ems when the log Audit shows is named beside it. */
    private final Label store = new ReadableLabel(STORE_MIN_EMS);
    private final Label audited = new Label();
    private final Label notice = new Label();
    private final ActivityArea progressArea;

    StatusBar(MainViewModel model, ResourceBundle text) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        packName.setId("statusPack");
        // The short hash keeps its width; the names end in … when the window is too narrow for them (their tooltips
        // hold them whole): held at their full widths, a long folder and log name in large text made the bar, and
        // with it the whole window's content, wider than a 1366 px screen.
        packHash.setMinWidth(Region.USE_PREF_SIZE);
        packHash.setId("statusPackHash");
        store.setId("statusStore");
        audited.setId("statusAudited");
        audited.managedProperty().bind(audited.visibleProperty());

        ActivityMonitor activity = model.activity();
        Button cancel = new Button(text.getString("action.cancel"));
        cancel.setId("activityCancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> activity.cancel());
        progressArea = new ActivityArea(activity, "activity", cancel);

        notice.setId("statusNotice");
        notice.textProperty().bind(model.noticeProperty());
        Tooltip wholeNotice = new Tooltip();
        wholeNotice.textProperty().bind(model.noticeProperty());
        notice.setTooltip(wholeNotice);
        // running work's progress takes the place of the last outcome
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty().and(activity.visibleProperty().not()));
        notice.managedProperty().bind(notice.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(packName, new Separator(Orientation.VERTICAL), packHash,
                new Separator(Orientation.VERTICAL), store, audited, spacer, notice, progressArea);

        showPack(model.packProperty().get(), text);
        model.packProperty().addListener((obs, old, pack) -> showPack(pack, text));
        Runnable showStores = () -> showStores(model.decisionStoreProperty().get(),
                model.auditedStoreProperty().get(), text);
        showStores.run();
        model.decisionStoreProperty().addListener((obs, old, path) -> showStores.run());
        model.auditedStoreProperty().addListener((obs, old, path) -> showStores.run());
    }

    /**
     * As tall with progress and Cancel as without them: the bar grew by 10 px while work ran, and every view above it
     * jumped (the Audit view's records table, cut while a log was verified, then grown back).
     */
    @Override
    protected double computeMinHeight(double width) {
        return Math.max(super.computeMinHeight(width), withProgress());
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(super.computePrefHeight(width), withProgress());
    }

    private double withProgress() {
        return snappedTopInset() + snapSizeY(progressArea.prefHeight(-1)) + snappedBottomInset();
    }

    private void showPack(ReviewPack pack, ResourceBundle text) {
        if (pack == null) {
            packName.setText(text.getString("status.noPack"));
            packName.setTooltip(null);
            packHash.setText("");
            packHash.setTooltip(null);
            return;
        }
        String model = pack.manifest().model().name();
        String folder = String.valueOf(pack.source().getFileName());
        packName.setText(folder.equals(model)
                ? MessageFormat.format(text.getString("status.pack"), model)
                : MessageFormat.format(text.getString("status.packFolder"), model, folder));
        packName.setTooltip(new Tooltip(packName.getText() + "\n" + pack.source()));
        String hash = pack.packHash();
        packHash.setText(MessageFormat.format(text.getString("status.hash"), hash.substring(0, SHORT_HASH_LENGTH)));
        packHash.setTooltip(new Tooltip(MessageFormat.format(text.getString("status.hashTooltip"), hash)));
    }

    private void showStores(Path inUse, Path inAudit, ResourceBundle text) {
        // with their folders: a copy of the store in use opened in Audit has its name, and read as the same log
        store.setText(MessageFormat.format(text.getString("status.store"), inUse == null ? "—"
                : FolderText.fileIn(inUse, FOLDER_CHARS)));
        store.setTooltip(inUse == null ? null : new Tooltip(inUse.toString()));
        audited.setVisible(inAudit != null && !inAudit.equals(inUse));
        audited.setText(inAudit == null ? "" : MessageFormat.format(text.getString("status.audited"),
                FolderText.fileIn(inAudit, FOLDER_CHARS)));
        audited.setTooltip(inAudit == null ? null : new Tooltip(inAudit.toString()));
    }
}
