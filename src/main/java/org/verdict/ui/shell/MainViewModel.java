package org.verdict.ui.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.ReviewPack;
import org.verdict.settings.UserSettings;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;

/**
 * State of the main window: the open pack, the recent packs and the decision store in use. Opening runs in the
 * background with progress; a pack that fails to open leaves the one that was open in place.
 */
public final class MainViewModel {
    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());

    private final PackSource packSource;
    private final BackgroundExecutor executor;
    private final ActivityMonitor activity;
    private final UserSettings settings;
    private final String openingTitle;
    private final ReadOnlyObjectWrapper<ReviewPack> pack = new ReadOnlyObjectWrapper<>();
    /** The file name of the pack being opened (the latest asked for), else empty. */
    private final ReadOnlyStringWrapper opening = new ReadOnlyStringWrapper("");
    private Path openingSource;
    private final ReadOnlyObjectWrapper<Path> decisionStore = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> auditedStore = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<OpenFailure> openFailure = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Path> recentPacks = FXCollections.observableArrayList();
    // One read-only view for everyone: a new wrapper per call would drop listeners when it is collected.
    private final ObservableList<Path> recentPacksView = FXCollections.unmodifiableObservableList(recentPacks);

    public MainViewModel(PackSource packSource, BackgroundExecutor executor, ActivityMonitor activity,
                         UserSettings settings, Path decisionStore, String openingTitle) {
        this.packSource = packSource;
        this.executor = executor;
        this.activity = activity;
        this.settings = settings;
        this.openingTitle = openingTitle;
        this.decisionStore.set(settings.decisionLogInUse(decisionStore));
        recentPacks.setAll(settings.recentPacks());
    }

    /**
     * A pack that could not be opened and why: a {@link PackException} (a broken pack: file, line, column) or an
     * {@link IOException} (a file that cannot be read), the user's to fix, which the window shows in a dialog.
     */
    public record OpenFailure(Path source, Exception problem) {
    }

    /**
     * Opens a pack in the background. On success it becomes the open pack and the first recent pack; a pack that is
     * broken or cannot be read is {@link #openFailureProperty()} and the open pack stays; any other failure is a bug
     * and goes to the executor's one handler of unexpected failures.
     *
     * @param remember false for the bundled sample copied to a temporary folder, which is not worth remembering
     */
    public void openPack(Path source, boolean remember) {
        openingSource = source;
        opening.set(source.getFileName().toString());
        openFailure.set(null);
        executor.run(progress -> packSource.open(source, progress))
                .showProgressIn(activity, openingTitle + " " + source.getFileName())
                .onSuccess(opened -> showOpened(source, opened, remember))
                .onError(failure -> openFailed(source, failure))
                .andFinally(() -> {
                    // an earlier open that ends after a later one was asked for leaves the later one's name
                    if (source == openingSource) {
                        openingSource = null;
                        opening.set("");
                    }
                })
                .start();
    }

    /**
     * Makes {@code opened}, read from {@code source}, the open pack (and, when {@code remember}, the first recent
     * one); the pack it replaces is closed. On the FX thread.
     */
    public void showOpened(Path source, ReviewPack opened, boolean remember) {
        ReviewPack replaced = pack.get();
        pack.set(opened);
        closeInBackground(replaced);
        if (remember) {
            settings.packOpened(source);
            recentPacks.setAll(settings.recentPacks());
            saveSettingsInBackground();
        }
    }

    /**
     * Reading {@code source} failed, when opened or read again with a higher limit: a pack that is broken or cannot be
     * read becomes {@link #openFailureProperty()}, anything else is a bug for the executor's one handler.
     */
    void openFailed(Path source, Throwable failure) {
        if (failure instanceof PackException || failure instanceof IOException) {
            openFailure.set(new OpenFailure(source, (Exception) failure));
        } else {
            executor.reportUnhandled(failure);
        }
    }

    /** Deletes the unpacked copy of a replaced .zip pack; a pack folder is left as it is. */
    void closeInBackground(ReviewPack replaced) {
        if (replaced == null) {
            return;
        }
        executor.run(progress -> {
            replaced.close();
            return null;
        }).onError(failure -> LOG.log(Level.WARNING, "Could not delete the unpacked copy of a closed pack", failure))
                .start();
    }

    public void clearRecentPacks() {
        settings.clearRecentPacks();
        recentPacks.clear();
        saveSettingsInBackground();
    }

    /** The first save of a session sets up the JSON writer (0.1–0.3 s): not on the FX thread while the user works. */
    private void saveSettingsInBackground() {
        UserSettings.Snapshot snapshot = settings.snapshot();
        executor.run(progress -> {
            snapshot.write();
            return null;
        }).onError(failure -> LOG.log(Level.WARNING, "Could not save settings", failure)).start();
    }

    public void saveSettings() {
        try {
            settings.save();
        } catch (IOException e) {
            // Losing remembered window bounds is not worth interrupting the user; the log keeps the reason.
            LOG.log(Level.WARNING, "Could not save settings", e);
        }
    }

    public Optional<ReviewPack> currentPack() {
        return Optional.ofNullable(pack.get());
    }

    public ReadOnlyObjectProperty<ReviewPack> packProperty() {
        return pack.getReadOnlyProperty();
    }

    /**
     * The latest pack asked for that is broken or cannot be read, with why; null while it opens and once one has
     * opened. The window shows it in a problem dialog.
     */
    public ReadOnlyObjectProperty<OpenFailure> openFailureProperty() {
        return openFailure.getReadOnlyProperty();
    }

    /**
     * The file or folder name of the pack being opened ("a_churn"), until it has opened or failed to; empty when no
     * pack is being opened. Views with no pack to show yet say that one is loading rather than "Open a pack".
     */
    public ReadOnlyStringProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /**
     * The decision store in use, which the status bar names and the Decision dialog proposes: the log last signed
     * into (the app's own until then). Only signing changes it: a log opened in Audit is read, never written.
     */
    public ReadOnlyObjectProperty<Path> decisionStoreProperty() {
        return decisionStore.getReadOnlyProperty();
    }

    /**
     * Follows the log Audit has open. It is only audited: another team's log, or one Audit has just shown tampered,
     * must not become the log the next decision is signed into.
     */
    public void followAudit(ObservableValue<Path> openedInAudit) {
        auditedStore.bind(openedInAudit);
    }

    /**
     * Follows what became of work whose dialog has closed (a summary written, cancelled or failed): each new outcome
     * becomes the status bar's notice, so a user who cancelled learns that nothing was written.
     */
    public void followOutcomes(ObservableValue<String> outcome) {
        outcome.addListener((obs, old, now) -> notice.set(now));
    }

    /** The latest outcome followed, or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The log Audit has open (read-only), which the status bar names when it is not the store in use; or null. */
    public ReadOnlyObjectProperty<Path> auditedStoreProperty() {
        return auditedStore.getReadOnlyProperty();
    }

    /** A decision was signed into {@code store} with {@code keyFile}: the store in use, both proposed next time. */
    public void decisionSigned(Path store, Path keyFile) {
        decisionStore.set(store);
        settings.decisionSigned(store, keyFile);
        saveSettingsInBackground();
    }

    /** An approval pack is to be exported to {@code folder}: the next one is proposed beside it. */
    public Path approvalPackFolderChosen(Path folder) {
        settings.approvalPackExported(folder);
        saveSettingsInBackground();
        return folder;
    }

    /** The folder the last approval pack was exported to, if any. */
    public Optional<Path> lastApprovalPackFolder() {
        return settings.approvalPackFolder();
    }

    /** The key file last signed with, if it is still there. */
    public Optional<Path> lastKeyFile() {
        return settings.keyFile().filter(Files::isRegularFile);
    }

    public ObservableList<Path> recentPacks() {
        return recentPacksView;
    }

    public ActivityMonitor activity() {
        return activity;
    }

    public UserSettings settings() {
        return settings;
    }
}
