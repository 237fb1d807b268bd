package org.verdict.ui.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.verdict.core.pack.ReviewPack;
import org.verdict.settings.UserDataFolder;

/**
 * Where File → Export approval pack… proposes to write: a new folder named after the model and candidate
 * ({@code churn-candidate-2-approval-pack}), beside the approval pack exported last, else beside the review pack,
 * else in the Documents folder, else in the home folder. Never inside a temporary folder (a pack opened from a .zip
 * unpacked to /tmp, the bundled sample): the system may empty it, and an approval pack must outlast the session.
 * Never the home folder itself, which holds the person's own files, and never a folder that already exists.
 *
 * @param home the person's home folder
 * @param temporary the temporary folders of this machine, nothing under which is proposed
 */
public record ApprovalPackFolder(Path home, List<Path> temporary) {
    public ApprovalPackFolder {
        temporary = temporary.stream().map(ApprovalPackFolder::real).toList();
    }

    /** The home folder and the temporary folders of this machine and this process. */
    public static ApprovalPackFolder ofSystem() {
        return of(UserDataFolder.userHome(), System.getProperty("java.io.tmpdir"), System.getenv());
    }

    /** The temporary folders: Java's, those the environment names ({@code TMPDIR}, {@code TEMP}, {@code TMP}), /tmp. */
    static ApprovalPackFolder of(Path home, String javaTemporary, Map<String, String> environment) {
        List<Path> temporary = new ArrayList<>();
        Stream.of(javaTemporary, environment.get("TMPDIR"), environment.get("TEMP"), environment.get("TMP"),
                "/tmp", "/var/tmp").forEach(name -> {
                    try {
                        if (name != null && !name.isBlank() && Path.of(name).isAbsolute()) {
                            temporary.add(Path.of(name));
                        }
                    } catch (InvalidPathException notAPath) {
                        // /tmp on Windows, or a variable that holds no path: nothing to keep out
                    }
                });
        return new ApprovalPackFolder(home, temporary);
    }

    /**
     * @param lastExported the folder the previous approval pack went to (the app's settings), or null
     * @param candidate the candidate the export is about, or null for the pack's first
     */
    public Path suggest(Path lastExported, ReviewPack pack, String candidate) {
        Path documents = home.resolve("Documents");
        Path parent = Stream.of(lastExported == null ? null : lastExported.toAbsolutePath().getParent(),
                        pack.source().toAbsolutePath().getParent(), documents)
                .filter(folder -> folder != null && Files.isDirectory(folder) && !isTemporary(folder))
                .findFirst().orElse(home);
        String version;
        try {
            version = pack.manifest().candidateVersion(candidate);
        } catch (IllegalArgumentException e) {
            // a candidate chosen in another pack: the export takes this pack's first, and the name need not say it
            version = null;
        }
        String name = fileName(pack.manifest().model().name()) + (version == null ? "" : "-candidate-"
                + fileName(version)) + "-approval-pack";
        Path suggested = parent.resolve(name);
        for (int n = 2; Files.exists(suggested); n++) {
            suggested = parent.resolve(name + "-" + n);
        }
        return suggested;
    }

    /** Inside a temporary folder, followed through links (macOS's /tmp is /private/tmp). */
    boolean isTemporary(Path folder) {
        Path real = real(folder);
        return temporary.stream().anyMatch(real::startsWith);
    }

    /** The path through every link of its longest existing part: a pack's parent may be gone by now. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(existing.relativize(absolute));
            } catch (IOException | SecurityException unreadable) {
                // not there (or not ours to read): try the folder holding it
            }
        }
        return absolute;
    }

    /** Letters, digits, dot, dash and underscore; anything else (a slash, a space) becomes a dash. */
    private static String fileName(String text) {
        String safe = text.strip().replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[.-]+", "");
        return safe.isEmpty() ? "model" : safe;
    }
}
