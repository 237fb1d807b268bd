package org.verdict.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What Verdict remembers between sessions: recent packs, the last pack, window bounds, split-pane dividers,
 * theme and large-text mode, the decision log and key file last signed with (never a passphrase), the folder the last
 * approval pack went to. Stored as readable JSON in the user data folder, replaced atomically on save so a
 * crash never leaves half a file. A missing or unreadable file means defaults (and is logged), never a failure.
 */
public final class UserSettings {
    private static final int MAX_RECENT_PACKS = 10;
    private static final Logger LOG = Logger.getLogger(UserSettings.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where and how big the main window was. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    /** The file's shape; unknown keys from newer versions are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(List<String> recentPacks, String lastPack, WindowBounds window, Map<String, Double> dividers,
                  boolean darkTheme, boolean largeText, String decisionLog, String keyFile, String approvalPackFolder) {
    }

    private final Path file;
    private final List<Path> recentPacks = new ArrayList<>();
    private final Map<String, Double> dividers = new LinkedHashMap<>();
    private Path lastPack;
    private WindowBounds window;
    private boolean darkTheme;
    private boolean largeText;
    private Path decisionLog;
    private Path keyFile;
    private Path approvalPackFolder;
    /** Taken on the FX thread; written under this object's lock (see {@link #snapshot()}). */
    private long snapshotsTaken;
    private long snapshotWritten;

    private UserSettings(Path file) {
        this.file = file;
    }

    public static UserSettings load(Path file) {
        UserSettings settings = new UserSettings(file);
        if (Files.isRegularFile(file)) {
            try {
                settings.restore(JSON.readValue(file.toFile(), Stored.class));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Ignoring unreadable settings file " + file + "; using defaults", e);
            }
        }
        return settings;
    }

    private void restore(Stored stored) {
        if (stored.recentPacks() != null) {
            stored.recentPacks().stream().limit(MAX_RECENT_PACKS).map(Path::of).forEach(recentPacks::add);
        }
        lastPack = stored.lastPack() == null ? null : Path.of(stored.lastPack());
        window = stored.window();
        if (stored.dividers() != null) {
            dividers.putAll(stored.dividers());
        }
        darkTheme = stored.darkTheme();
        largeText = stored.largeText();
        decisionLog = stored.decisionLog() == null ? null : Path.of(stored.decisionLog());
        keyFile = stored.keyFile() == null ? null : Path.of(stored.keyFile());
        approvalPackFolder = stored.approvalPackFolder() == null ? null : Path.of(stored.approvalPackFolder());
    }

    /** Writes the settings next to the target and moves them over it in one step. */
    public void save() throws IOException {
        snapshot().write();
    }

    /**
     * The settings as they are now, to be written later on another thread: the first write of a session sets up
     * the JSON writer, 0.1–0.3 s that should not block the FX thread. A snapshot older than one already written is
     * skipped, so a late write never brings back an older state.
     */
    public Snapshot snapshot() {
        return new Snapshot(this, ++snapshotsTaken, new Stored(recentPacks.stream().map(Path::toString).toList(),
                lastPack == null ? null : lastPack.toString(), window, new LinkedHashMap<>(dividers), darkTheme,
                largeText, decisionLog == null ? null : decisionLog.toString(),
                keyFile == null ? null : keyFile.toString(),
                approvalPackFolder == null ? null : approvalPackFolder.toString()));
    }

    /** The state of the settings at one moment; {@link #write()} may run on any thread. */
    public static final class Snapshot {
        private final UserSettings settings;
        private final long sequence;
        private final Stored stored;

        private Snapshot(UserSettings settings, long sequence, Stored stored) {
            this.settings = settings;
            this.sequence = sequence;
            this.stored = stored;
        }

        public void write() throws IOException {
            settings.write(this);
        }
    }

    private synchronized void write(Snapshot snapshot) throws IOException {
        if (snapshot.sequence <= snapshotWritten) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "settings", ".tmp");
        try {
            JSON.writeValue(temporary.toFile(), snapshot.stored);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            snapshotWritten = snapshot.sequence;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Most recent first, without duplicates, at most {@link #MAX_RECENT_PACKS}. */
    public List<Path> recentPacks() {
        return List.copyOf(recentPacks);
    }

    /** Remembers a pack that opened successfully: first among the recent packs and the one to reopen next time. */
    public void packOpened(Path pack) {
        Path normalized = pack.toAbsolutePath().normalize();
        recentPacks.remove(normalized);
        recentPacks.add(0, normalized);
        while (recentPacks.size() > MAX_RECENT_PACKS) {
            recentPacks.remove(recentPacks.size() - 1);
        }
        lastPack = normalized;
    }

    public void clearRecentPacks() {
        recentPacks.clear();
    }

    public Optional<Path> lastPack() {
        return Optional.ofNullable(lastPack);
    }

    public Optional<WindowBounds> window() {
        return Optional.ofNullable(window);
    }

    public void setWindow(WindowBounds bounds) {
        this.window = bounds;
    }

    public Optional<Double> divider(String key) {
        return Optional.ofNullable(dividers.get(key));
    }

    public void setDivider(String key, double position) {
        dividers.put(key, position);
    }

    public boolean darkTheme() {
        return darkTheme;
    }

    public void setDarkTheme(boolean dark) {
        this.darkTheme = dark;
    }

    /** A decision was signed into {@code log} with the key in {@code key}: both are proposed next time. */
    public void decisionSigned(Path log, Path key) {
        decisionLog = log.toAbsolutePath().normalize();
        keyFile = key.toAbsolutePath().normalize();
    }

    /** An approval pack was exported to {@code folder}: the next export proposes a folder beside it. */
    public void approvalPackExported(Path folder) {
        approvalPackFolder = folder.toAbsolutePath().normalize();
    }

    /** The folder the last approval pack was exported to, if any. */
    public Optional<Path> approvalPackFolder() {
        return Optional.ofNullable(approvalPackFolder);
    }

    /** The decision log last signed into, if any. */
    public Optional<Path> decisionLog() {
        return Optional.ofNullable(decisionLog);
    }

    /**
     * The decision log the app uses: the one last signed into while it is there, else {@code appsOwn}, the user data
     * folder's. The app and the log commands given no --db both take it from here, so they name the same file.
     */
    public Path decisionLogInUse(Path appsOwn) {
        return decisionLog().filter(Files::isRegularFile).orElse(appsOwn);
    }

    /** The key file last signed with, if any (the file's path; the passphrase is never kept). */
    public Optional<Path> keyFile() {
        return Optional.ofNullable(keyFile);
    }

    public boolean largeText() {
        return largeText;
    }

    public void setLargeText(boolean large) {
        this.largeText = large;
    }
}
