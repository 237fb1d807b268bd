package org.verdict.ui.task;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.verdict.ui.theme.ReadableLabel;

/**
 * The progress of an {@link ActivityMonitor}'s work: its message and a progress bar, shown while the work runs
 * longer than a moment, sampled every 50 ms while it is busy (the worker never touches the nodes).
 */
public final class ActivityArea extends HBox {
    /** Room the message keeps when the bar is short of it: about "…Compared 59 of 174 slices". */
    private static final double MESSAGE_MIN_EMS = 14;

    /**
     * @param idPrefix e.g. "activity": the nodes are {@code #activityArea}, {@code #activityMessage},
     *                 {@code #activityProgress}
     * @param cancel a Cancel button placed after the bar, or null where the window has its own
     */
    public ActivityArea(ActivityMonitor activity, String idPrefix, Button cancel) {
        super(8);
        setId(idPrefix + "Area");
        setAlignment(Pos.CENTER_RIGHT);
        ProgressBar bar = new ProgressBar();
        bar.setId(idPrefix + "Progress");
        bar.setPrefWidth(160);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        bar.progressProperty().bind(activity.fractionProperty());
        Label message = new ReadableLabel(MESSAGE_MIN_EMS);
        message.setId(idPrefix + "Message");
        message.textProperty().bind(activity.messageProperty());
        // a status bar shared with the pack, its hash and the stores cuts a long message at its start, since the end
        // is the step that changes ("…production p3 — Compared 59 of 174 slices"; the title is the view's too):
        // hovering it reads it whole
        message.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        message.setEllipsisString("…");
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(activity.messageProperty());
        message.setTooltip(whole);
        getChildren().addAll(message, bar);
        if (cancel != null) {
            cancel.setMinWidth(Region.USE_PREF_SIZE);
            getChildren().add(cancel);
        }
        visibleProperty().bind(activity.visibleProperty());
        managedProperty().bind(activity.visibleProperty());

        Timeline sampling = new Timeline(new KeyFrame(Duration.millis(50), e -> activity.sample()));
        sampling.setCycleCount(Animation.INDEFINITE);
        activity.busyProperty().addListener((obs, wasBusy, busy) -> {
            if (busy) {
                sampling.play();
            } else {
                sampling.stop();
            }
        });
    }
}
