package org.verdict.ui.settings;

import java.nio.file.Path;

/**
 * The per-user folder where Verdict keeps its settings, logs and default decision store:
 * {@code ~/.verdict} unless {@code -Dverdict.home=DIR} points elsewhere (tests, portable installs).
 */
public record UserDataFolder(Path root) {
    public static final String HOME_PROPERTY = "verdict.home";

    public static UserDataFolder fromSystem() {
        String override = System.getProperty(HOME_PROPERTY);
        return new UserDataFolder(override != null && !override.isBlank()
                ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".verdict"));
    }

    public Path settingsFile() {
        return root.resolve("settings.json");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** Where File → Summarise rows… writes summary packs unless the user picks another folder. */
    public Path summaries() {
        return root.resolve("summaries");
    }

    /** Where decisions are stored unless the user opens another store. */
    public Path defaultDecisionStore() {
        return root.resolve("decisions.db");
    }
}
