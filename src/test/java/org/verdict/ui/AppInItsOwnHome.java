package org.verdict.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Logger;
import javafx.stage.Stage;
import org.verdict.settings.UserDataFolder;
import org.verdict.settings.UserSettings;

/**
 * The app as its composition root builds it, started in a Verdict folder of a test's own, and stopped leaving the
 * process as it found it: the app sets a handler for uncaught exceptions and logs into its folder, where later tests
 * must not write.
 */
final class AppInItsOwnHome {
    private final VerdictApp app = new VerdictApp();
    private final Stage stage;
    private final List<Handler> logHandlersBefore = List.of(Logger.getLogger("").getHandlers());
    private final Thread.UncaughtExceptionHandler uncaughtBefore = Thread.getDefaultUncaughtExceptionHandler();

    private AppInItsOwnHome(Stage stage) {
        this.stage = stage;
    }

    /** Starts the app in {@code home} whose settings first remember what {@code remembered} tells them. */
    static AppInItsOwnHome start(Stage stage, Path home, Consumer<UserSettings> remembered) throws Exception {
        UserSettings settings = UserSettings.load(new UserDataFolder(home).settingsFile());
        remembered.accept(settings);
        settings.save();
        return start(stage, home);
    }

    static AppInItsOwnHome start(Stage stage, Path home) throws Exception {
        System.setProperty(UserDataFolder.HOME_PROPERTY, home.toString());
        AppInItsOwnHome started = new AppInItsOwnHome(stage);
        started.app.start(stage);
        return started;
    }

    void stop() throws Exception {
        SharedStage.release(stage);
        app.stop();
        System.clearProperty(UserDataFolder.HOME_PROPERTY);
        Thread.setDefaultUncaughtExceptionHandler(uncaughtBefore);
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (!logHandlersBefore.contains(handler)) {
                Logger.getLogger("").removeHandler(handler);
                handler.close();
            }
        }
    }
}
