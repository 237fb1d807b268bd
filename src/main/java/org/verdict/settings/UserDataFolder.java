package org.verdict.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The per-user folder where Verdict keeps its settings, logs and default decision store, resolved here and nowhere
 * else: {@code -Dverdict.home=DIR} if given, else {@code $VERDICT_HOME}, else {@code .verdict} in the
 * {@link #userHome() home folder}.
 */
public record UserDataFolder(Path root) {
    public static final String HOME_PROPERTY = "verdict.home";
    public static final String HOME_VARIABLE = "VERDICT_HOME";

    public static UserDataFolder fromSystem() {
        return resolve(System.getProperty(HOME_PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    /**
     * @param property the {@code verdict.home} system property (null when not given)
     * @param environment the process environment
     * @param javaUserHome Java's {@code user.home}
     */
    static UserDataFolder resolve(String property, Map<String, String> environment, String javaUserHome) {
        for (String chosen : new String[] {property, environment.get(HOME_VARIABLE)}) {
            if (chosen != null && !chosen.isBlank()) {
                return new UserDataFolder(Path.of(chosen).toAbsolutePath().normalize());
            }
        }
        return new UserDataFolder(userHome(environment, javaUserHome).resolve(".verdict"));
    }

    /**
     * The person's home folder: {@code $HOME} when it is an absolute path, else Java's {@code user.home}. On Linux and
     * macOS Java takes {@code user.home} from the password database, not from {@code HOME}, so a user, a test or a CI
     * job that sets {@code HOME} would otherwise have Verdict write into the real home.
     */
    public static Path userHome() {
        return userHome(System.getenv(), System.getProperty("user.home"));
    }

    static Path userHome(Map<String, String> environment, String javaUserHome) {
        String home = environment.get("HOME");
        if (home != null && !home.isBlank()) {
            try {
                Path path = Path.of(home);
                if (path.isAbsolute()) {
                    return path.normalize();
                }
            } catch (InvalidPathException notAPath) {
                // e.g. an MSYS-style HOME on Windows: Java's own answer is the right one there
            }
        }
        return Path.of(javaUserHome);
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

    /** The decision log the app uses: {@link UserSettings#decisionLogInUse} with this folder's settings and store. */
    public Path decisionLogInUse() {
        return UserSettings.load(settingsFile()).decisionLogInUse(defaultDecisionStore());
    }

    /** Where decisions are stored unless the user opens another store. */
    public Path defaultDecisionStore() {
        return root.resolve("decisions.db");
    }
}
