package org.verdict.core.gates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A binary pack whose held-out set shows a loss on a slice the primary suite cannot test: the primary suite has 10
 * kiosk examples (under the minimum slice size of 30), the held-out set 200, where production is right on 180 and the
 * candidate on 100 (Δ accuracy −0.4 by hand); on web both are right on 9 in 10, each wrong on a different tenth, so
 * Δ is 0 with a real spread.
 */
public final class HeldOutLossPack {
    private HeldOutLossPack() {
    }

    /** Writes manifest.json, primary.csv and holdout.csv into {@code folder}; returns it. */
    public static Path write(Path folder) throws IOException {
        Files.writeString(folder.resolve("manifest.json"), """
                {
                  "format": "verdict-pack/1",
                  "model": {"name": "screen", "task": "binary", "riskTier": 2, "positiveLabel": "fraud"},
                  "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                  "primaryMetric": "accuracy",
                  "suites": {
                    "primary": {"file": "primary.csv", "slices": ["device"]},
                    "holdout": {"file": "holdout.csv", "slices": ["device"]}
                  }
                }
                """);
        StringBuilder primary = new StringBuilder(HEADER);
        for (int i = 0; i < 400; i++) {
            primary.append(row("p", i, "web", i % 10 != 5, i % 10 != 0));
        }
        for (int i = 0; i < 10; i++) {
            primary.append(row("pk", i, "kiosk", true, i % 2 == 0));
        }
        StringBuilder holdout = new StringBuilder(HEADER);
        for (int i = 0; i < 200; i++) {
            holdout.append(row("h", i, "web", i % 10 != 5, i % 10 != 0));
        }
        for (int i = 0; i < 200; i++) {
            holdout.append(row("hk", i, "kiosk", i % 10 != 0, i % 2 == 0));
        }
        Files.writeString(folder.resolve("primary.csv"), primary);
        Files.writeString(folder.resolve("holdout.csv"), holdout);
        return folder;
    }

    private static final String HEADER = "example_id,label,device,pred_1,score_1,pred_2,score_2\n";

    /** An example whose label alternates, each model's prediction right or wrong as asked. */
    private static String row(String prefix, int i, String device, boolean productionRight, boolean candidateRight) {
        String label = i % 2 == 0 ? "fraud" : "legit";
        return prefix + "-" + i + "," + label + "," + device + "," + prediction(label, productionRight) + ","
                + prediction(label, candidateRight) + "\n";
    }

    private static String prediction(String label, boolean right) {
        boolean fraud = label.equals("fraud") == right;
        return (fraud ? "fraud" : "legit") + "," + (fraud ? "0.9" : "0.1");
    }
}
