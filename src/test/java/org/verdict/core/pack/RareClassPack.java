package org.verdict.core.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A 500-row multiclass pack whose rare class r (100 rows) loses recall: production calls 10 of them a, the candidate
 * 50 (recall 0.9 → 0.5), while a and b are always right. No gate judges a class's recall, so it is what the board
 * must be shown beside the gates.
 */
public final class RareClassPack {
    private RareClassPack() {
    }

    /** Writes the pack into {@code folder}/rare and returns that folder. */
    public static Path write(Path folder) throws IOException {
        return write(folder.resolve("rare"), false);
    }

    /**
     * The same pack with 8 more rows of a class z that production recalls 3 of and the candidate never predicts (it
     * calls them a): a class lost beside r's recall, shown worse, with too few rows for a test. Written into
     * {@code folder}/rare-lost.
     */
    public static Path writeWithLostClass(Path folder) throws IOException {
        return write(folder.resolve("rare-lost"), true);
    }

    private static Path write(Path pack, boolean withLostClass) throws IOException {
        Files.createDirectories(pack);
        StringBuilder primary = new StringBuilder("example_id,label,region,pred_1,pred_2\n");
        for (int row = 0; row < 500; row++) {
            String label = row < 100 ? "r" : row % 2 == 0 ? "a" : "b";
            String production = row < 10 ? "a" : label;
            String candidate = row < 50 ? "a" : label;
            primary.append("ex-").append(row).append(',').append(label).append(',')
                    .append(row % 2 == 0 ? "north" : "south").append(',').append(production).append(',')
                    .append(candidate).append('\n');
        }
        for (int row = 500; withLostClass && row < 508; row++) {
            primary.append("ex-").append(row).append(",z,").append(row % 2 == 0 ? "north" : "south").append(',')
                    .append(row < 503 ? "z" : "a").append(",a\n");
        }
        Files.writeString(pack.resolve("primary.csv"), primary);
        Files.writeString(pack.resolve("manifest.json"), """
                {"format": "verdict-pack/1",
                 "model": {"name": "rare-router", "task": "multiclass", "riskTier": 2, "positiveLabel": null},
                 "models": [
                   {"version": "1", "role": "production", "dataSnapshot": "s1", "codeVersion": "git:1",
                    "trainedAt": "2026-10-01T10:00:00Z", "hyperparameters": {}},
                   {"version": "2", "role": "candidate", "dataSnapshot": "s2", "codeVersion": "git:2",
                    "trainedAt": "2026-11-01T10:00:00Z", "hyperparameters": {}}],
                 "primaryMetric": "macro_f1",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["region"], "sensitive": []}}}
                """);
        return pack;
    }
}
