package org.verdict.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.verdict.settings.UserSettings;
import org.verdict.ui.error.ProblemDialog;
import org.verdict.ui.shell.MainViewModel;
import org.verdict.ui.shell.MainWindow;
import org.verdict.ui.shell.PackSource;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.WorkerPoolExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * The main window with no view mounted, as a test's {@code @Start} installs it: packs open through {@code source} on a
 * real worker thread, settings and the decision log live in the test's {@code home}, the file dialogs are always
 * cancelled, and every failure nobody handled is kept for the test to assert on.
 */
public final class MainWindowFixture {
    public static final ResourceBundle TEXT = ResourceBundle.getBundle("org.verdict.ui.messages");

    private final List<Throwable> unhandled = new CopyOnWriteArrayList<>();
    private final WorkerPoolExecutor executor = new WorkerPoolExecutor(1, unhandled::add);
    private final ActivityMonitor activity = new ActivityMonitor(System::currentTimeMillis);
    private final Stage stage;
    private final MainViewModel model;
    private final MainWindow window;

    private MainWindowFixture(Stage stage, PackSource source, Path home) {
        this.stage = stage;
        model = new MainViewModel(source, executor, activity, UserSettings.load(home.resolve("settings.json")),
                home.resolve("decisions.db"), "Opening");
        window = new MainWindow(model, List.of(), List.of(), new Appearance(false, false), TEXT,
                new ProblemDialog(TEXT), new NoPackChooser());
    }

    /** Builds the window on {@code stage} and shows it. */
    public static MainWindowFixture show(Stage stage, PackSource source, Path home) {
        MainWindowFixture fixture = new MainWindowFixture(stage, source, home);
        fixture.window.install(stage, () -> { });
        stage.show();
        return fixture;
    }

    public WorkerPoolExecutor executor() {
        return executor;
    }

    public ActivityMonitor activity() {
        return activity;
    }

    public MainWindow window() {
        return window;
    }

    /** What reached the app's one handler for failures nobody expected. */
    public List<Throwable> unhandledFailures() {
        return List.copyOf(unhandled);
    }

    /** Hands the shared stage back and stops the worker. */
    public void close() throws TimeoutException {
        SharedStage.release(stage);
        executor.close();
    }
}
