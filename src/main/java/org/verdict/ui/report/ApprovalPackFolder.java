package org.verdict.ui.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.verdict.core.pack.ReviewPack;
import org.verdict.ui.settings.UserDataFolder;

/**
 * Where File → Export approval pack… proposes to write: a new folder named after the model and candidate
 * ({@code churn-candidate-2-approval-pack}), beside the approval pack exported last, else beside the review pack.
 * Never the home folder itself, which holds the person's own files, and never a folder that already exists.
 */
public final class ApprovalPackFolder {
    private ApprovalPackFolder() {
    }

    /**
     * @param lastExported the folder the previous approval pack went to, or null
     * @param candidate the candidate the export is about, or null for the pack's first
     */
    public static Path suggest(Path lastExported, ReviewPack pack, String candidate) {
        Path parent = lastExported == null ? null : lastExported.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            parent = pack.source().toAbsolutePath().getParent();
        }
        if (parent == null || !Files.isDirectory(parent)) {
            parent = UserDataFolder.userHome();
        }
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

    /** Letters, digits, dot, dash and underscore; anything else (a slash, a space) becomes a dash. */
    private static String fileName(String text) {
        String safe = text.strip().replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[.-]+", "");
        return safe.isEmpty() ? "model" : safe;
    }
}
