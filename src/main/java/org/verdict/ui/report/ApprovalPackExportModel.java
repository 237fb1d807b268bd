package org.verdict.ui.report;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.report.ApprovalPackExport;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.Progress;

/**
 * View-model of File → Export approval pack: runs the export in the background and exposes its progress and
 * outcome as read-only properties. The worker only writes plain fields; {@link #sample()} copies them into the
 * properties on the FX thread (the view calls it every ~50 ms), so a busy export never floods the FX thread.
 */
public final class ApprovalPackExportModel {
    /** Where an export ended. */
    public enum State {
        IDLE, RUNNING, DONE, CANCELLED, FAILED
    }

    private final ApprovalPackExport export;
    private final Executor background;
    private final Executor fxThread;

    private volatile double workerFraction;
    private volatile String workerMessage = "";
    private volatile boolean cancelRequested;

    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyObjectWrapper<List<Path>> writtenFiles = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    /**
     * @param background runs the export (the app's task executor; tests pass a synchronous one)
     * @param fxThread delivers the outcome on the FX thread ({@code Platform::runLater} in the app)
     */
    public ApprovalPackExportModel(ApprovalPackExport export, Executor background, Executor fxThread) {
        this.export = export;
        this.background = background;
        this.fxThread = fxThread;
        running.bind(state.isEqualTo(State.RUNNING));
    }

    /** Starts writing approval-pack.html and approval-pack.pdf for the open pack into {@code outDir}. */
    public void start(ReviewPack pack, String candidateVersion, Path outDir) {
        if (state.get() == State.RUNNING) {
            throw new IllegalStateException("an export is already running");
        }
        cancelRequested = false;
        workerFraction = 0;
        workerMessage = "Starting the export";
        writtenFiles.set(List.of());
        state.set(State.RUNNING);
        sample();
        Progress progress = new Progress() {
            @Override
            public void update(double fraction, String text) {
                workerFraction = fraction;
                workerMessage = text;
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested;
            }
        };
        background.execute(() -> {
            try {
                List<Path> files = export.export(pack, candidateVersion, outDir, progress);
                fxThread.execute(() -> finish(State.DONE, "Wrote " + files.get(0).getParent(), files));
            } catch (CancelledException e) {
                fxThread.execute(() -> finish(State.CANCELLED, "Export cancelled; nothing was written", List.of()));
            } catch (Exception e) {
                String problem = "Export failed: " + e.getMessage();
                fxThread.execute(() -> finish(State.FAILED, problem, List.of()));
            }
        });
    }

    public void cancel() {
        cancelRequested = true;
    }

    /** Copies the worker's latest progress into the properties; call on the FX thread. */
    public void sample() {
        if (state.get() == State.RUNNING) {
            progress.set(workerFraction);
            message.set(workerMessage);
        }
    }

    private void finish(State end, String text, List<Path> files) {
        progress.set(end == State.DONE ? 1.0 : 0.0);
        message.set(text);
        writtenFiles.set(List.copyOf(files));
        state.set(end);
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The HTML and PDF written by the last successful export. */
    public ReadOnlyObjectProperty<List<Path>> writtenFilesProperty() {
        return writtenFiles.getReadOnlyProperty();
    }
}
