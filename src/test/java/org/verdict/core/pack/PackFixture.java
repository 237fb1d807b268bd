package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.verdict.core.task.Progress;

/** Writes small hand-made packs into a temporary folder for tests. */
public final class PackFixture {
    public static final String MULTICLASS_MANIFEST = """
            {
              "format": "verdict-pack/1",
              "model": {"name": "router", "task": "multiclass", "riskTier": 2, "positiveLabel": null},
              "models": [
                {"version": "42", "role": "production", "dataSnapshot": "s1", "codeVersion": "git:1",
                 "trainedAt": "2026-10-02T10:00:00Z", "hyperparameters": {"lr": 0.001, "epochs": 3}},
                {"version": "43", "role": "candidate", "dataSnapshot": "s2", "codeVersion": "git:2",
                 "trainedAt": "2026-11-02T10:00:00Z", "hyperparameters": {"lr": 0.0005}}
              ],
              "primaryMetric": "macro_f1",
              "suites": {"primary": {"file": "primary.csv", "slices": ["language"], "sensitive": ["gender"]}}
            }
            """;

    public static final String MULTICLASS_CSV = """
            example_id,label,language,gender,pred_42,pred_43
            e1,billing,en,f,billing,billing
            e2,technical,en,m,account,technical
            e3,account,de,f,account,billing
            e4,billing,de,m,billing,billing
            """;

    public static final String BINARY_MANIFEST = """
            {
              "format": "verdict-pack/1",
              "model": {"name": "fraud", "task": "binary", "riskTier": 1, "positiveLabel": "fraud"},
              "models": [
                {"version": "7", "role": "production"},
                {"version": "8", "role": "candidate", "threshold": 0.3}
              ],
              "primaryMetric": "roc_auc",
              "suites": {"primary": {"file": "primary.csv", "slices": ["region"]}}
            }
            """;

    public static final String BINARY_CSV = """
            example_id,label,region,score_7,score_8
            t1,fraud,eu,0.9,0.4
            t2,ok,eu,0.2,0.35
            t3,ok,us,0.6,0.1
            t4,fraud,us,0.4,0.25
            """;

    private PackFixture() {
    }

    public static Path write(Path folder, String manifest, String primaryCsv) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("manifest.json"), manifest, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("primary.csv"), primaryCsv, StandardCharsets.UTF_8);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the pack into a fresh folder under {@code temp} and returns what the loader refuses it with. */
    public static PackException refusedByLoader(Path temp, String manifest, String primaryCsv) {
        Path pack = write(temp.resolve("p" + System.nanoTime()), manifest, primaryCsv);
        return assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
    }

    /** The refusal names primary.csv at this line and column, in these words. */
    public static void assertRefusedAt(PackException e, long line, long column, String problem) {
        assertEquals(List.of("primary.csv", line, column, problem),
                List.of(e.file(), e.line(), e.column(), e.problem()), e.getMessage());
    }
}
