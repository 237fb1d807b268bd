package org.verdict.core.gates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/**
 * A pack shaped like the real ones teams bring: a primary suite only (no safety, latency, history or monitoring),
 * sliced by an uneven {@code segment} column (500, 400, 200, 100 rows) with no language column, production 1 and
 * candidate 2. Binary (churn, 25% positive, f1), multiclass (a, b, c and a rare d of 60 rows, macro_f1) or
 * regression (house prices in dollars, mae). Production is wrong on every fifth row, the candidate on every tenth —
 * clearly better — unless the west segment is made worse, where the candidate is then wrong on every other row.
 */
public final class RealStylePack {
    public enum Kind { BINARY, MULTICLASS, REGRESSION }

    public static final String PRODUCTION = "1";
    public static final String CANDIDATE = "2";
    /** Declares every gate the primary suite cannot feed not applicable, each with a reason. */
    public static final String NOT_APPLICABLE_POLICY = """
            {
              "notApplicable": {
                "safety": "no generated text: the model only scores records",
                "fairness": "no sensitive attribute is collected for this model",
                "language_parity": "single-language model",
                "latency": "batch scoring, no SLO",
                "circuit_breaker": "first model of this line: no metric history yet"
              }
            }
            """;
    /** A policy requiring every optional evidence a primary-only pack lacks: its gates then lack evidence. */
    public static final String REQUIRED_SUITES_POLICY = """
            {"requiredSuites": ["safety", "sensitive", "language", "latency", "metricHistory"]}
            """;
    private static final String[] SEGMENTS = {"north", "south", "east", "west"};
    private static final int[] SEGMENT_ENDS = {500, 900, 1100, 1200};

    private final Path root;
    private final Kind kind;
    private int riskTier = 1;
    private boolean worseWest;
    private String policy;

    public RealStylePack(Path root, Kind kind) {
        this.root = root;
        this.kind = kind;
    }

    public RealStylePack riskTier(int tier) {
        riskTier = tier;
        return this;
    }

    /** The candidate is much worse than production in the west segment (100 rows). */
    public RealStylePack worseInTheWest() {
        worseWest = true;
        return this;
    }

    public RealStylePack policy(String json) {
        policy = json;
        return this;
    }

    private static String segment(int row) {
        for (int s = 0; s < SEGMENTS.length; s++) {
            if (row < SEGMENT_ENDS[s]) {
                return SEGMENTS[s];
            }
        }
        throw new IllegalArgumentException("row " + row);
    }

    private boolean candidateWrong(int row) {
        return worseWest && segment(row).equals("west") ? row % 2 == 0 : row % 10 == 0;
    }

    public Path write() {
        String task = switch (kind) {
            case BINARY -> "binary";
            case MULTICLASS -> "multiclass";
            case REGRESSION -> "regression";
        };
        String metric = switch (kind) {
            case BINARY -> "f1";
            case MULTICLASS -> "macro_f1";
            case REGRESSION -> "mae";
        };
        String manifest = """
                {
                  "format": "verdict-pack/1",
                  "model": {"name": "%s", "task": "%s", "riskTier": %d, "positiveLabel": %s},
                  "models": [
                    {"version": "1", "role": "production", "dataSnapshot": "2026-09", "codeVersion": "git:1",
                     "trainedAt": "2026-09-01T10:00:00Z", "hyperparameters": {}},
                    {"version": "2", "role": "candidate", "dataSnapshot": "2026-10", "codeVersion": "git:2",
                     "trainedAt": "2026-10-01T10:00:00Z", "hyperparameters": {}}
                  ],
                  "primaryMetric": "%s",
                  "suites": {"primary": {"file": "primary.csv", "slices": ["segment"]}}%s
                }
                """.formatted("real-" + task, task, riskTier, kind == Kind.BINARY ? "\"churn\"" : "null", metric,
                policy == null ? "" : ",\n  \"policy\": \"policy.json\"");
        StringBuilder csv = new StringBuilder("example_id,label,segment,pred_1,pred_2\n");
        for (int row = 0; row < 1200; row++) {
            csv.append("ex-").append(row).append(',').append(label(row)).append(',').append(segment(row)).append(',')
                    .append(prediction(row, row % 5 == 0)).append(',').append(prediction(row, candidateWrong(row)))
                    .append('\n');
        }
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve("manifest.json"), manifest);
            Files.writeString(root.resolve("primary.csv"), csv);
            if (policy != null) {
                Files.writeString(root.resolve("policy.json"), policy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    private String label(int row) {
        return switch (kind) {
            case BINARY -> row % 4 == 0 ? "churn" : "stay";
            case MULTICLASS -> row % 20 == 7 ? "d" : String.valueOf("abc".charAt(row % 3));
            case REGRESSION -> Long.toString(120_000 + (row * 7919L) % 780_000);
        };
    }

    private String prediction(int row, boolean wrong) {
        String label = label(row);
        return switch (kind) {
            case BINARY -> wrong ? (label.equals("churn") ? "stay" : "churn") : label;
            case MULTICLASS -> wrong ? (label.equals("a") ? "b" : "a") : label;
            // wrong: 25,000 dollars off; right: within 2,000 dollars
            case REGRESSION -> String.format(Locale.ROOT, "%.2f", Long.parseLong(label)
                    + (wrong ? 25_000.0 : 2_000.0) * (row % 2 == 0 ? 1 : -1));
        };
    }

    public ReviewPack load() throws PackException {
        return new PackLoader().load(write(), Progress.NONE);
    }

    public CandidateReview review() throws PackException {
        GateReview review = new GateReview(new ComparisonEngine(), new PackLoader(), new SuiteReader(),
                new PolicyReader());
        ReviewPack pack = load();
        return review.reviewUnderItsPolicy(pack, null, Progress.NONE);
    }
}
