package org.verdict.core.gates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/**
 * A small hand-made multiclass pack written into a test folder: production "1" and candidate "2" over classes
 * a, b, c, with a {@code language} slice (en, de) and a {@code gender} sensitive column (f, m).
 */
public final class TestPack {
    public static final String PRODUCTION = "1";
    public static final String CANDIDATE = "2";
    private static final String[] CLASSES = {"a", "b", "c"};

    private final Path root;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectNode manifest;
    private final ObjectNode suites;
    private String secondCandidate;
    private int primaryRows;
    private IntFunction<String> primaryCandidate;

    public TestPack(Path root) {
        this.root = root;
        manifest = json.createObjectNode();
        manifest.put("format", "verdict-pack/1");
        ObjectNode model = manifest.putObject("model");
        model.put("name", "test-router");
        model.put("task", "multiclass");
        model.put("riskTier", 2);
        model.putNull("positiveLabel");
        ArrayNode models = manifest.putArray("models");
        models.add(version(PRODUCTION, "production"));
        models.add(version(CANDIDATE, "candidate"));
        manifest.put("primaryMetric", "accuracy");
        suites = manifest.putObject("suites");
        ObjectNode primary = suites.putObject("primary");
        primary.put("file", "primary.csv");
        primary.putArray("slices").add("language");
        primary.putArray("sensitive").add("gender");
        primary(200, row -> label(row));
    }

    private ObjectNode version(String version, String role) {
        ObjectNode node = json.createObjectNode();
        node.put("version", version);
        node.put("role", role);
        node.put("dataSnapshot", "snapshot-" + version);
        node.put("codeVersion", "git:" + version);
        node.put("trainedAt", "2026-10-0" + version + "T10:00:00Z");
        node.putObject("hyperparameters");
        return node;
    }

    /** The true class of a row: a, b, c in turn. */
    public static String label(int row) {
        return CLASSES[row % 3];
    }

    /** A wrong class for a row. */
    public static String wrong(int row) {
        return CLASSES[(row + 1) % 3];
    }

    public static String language(int row) {
        return row % 2 == 0 ? "en" : "de";
    }

    /**
     * Writes primary.csv with {@code rows} rows; production is right except on every tenth row,
     * the candidate predicts {@code candidate.apply(row)}.
     */
    public TestPack primary(int rows, IntFunction<String> candidate) {
        primaryRows = rows;
        primaryCandidate = candidate;
        StringBuilder csv = new StringBuilder("example_id,label,language,gender,pred_1,pred_2"
                + (secondCandidate == null ? "" : ",pred_" + secondCandidate) + "\n");
        for (int row = 0; row < rows; row++) {
            String production = row % 10 == 9 ? wrong(row) : label(row);
            csv.append("ex-").append(row).append(',').append(label(row)).append(',').append(language(row)).append(',')
                    .append(row % 4 < 2 ? "f" : "m").append(',').append(production).append(',')
                    .append(candidate.apply(row));
            if (secondCandidate != null) {
                csv.append(',').append(label(row));
            }
            csv.append('\n');
        }
        return file("primary.csv", csv.toString());
    }

    /** A binary task with {@code positiveLabel} instead of the three classes; the primary file is the caller's. */
    public TestPack binary(String positiveLabel) {
        ((ObjectNode) manifest.get("model")).put("task", "binary").put("positiveLabel", positiveLabel);
        return this;
    }

    /** The manifest's primary metric instead of accuracy. */
    public TestPack primaryMetric(String metric) {
        manifest.put("primaryMetric", metric);
        return this;
    }

    /** A second candidate, listed after "2", that is right on every row. */
    public TestPack secondCandidate(String version) {
        ((ArrayNode) manifest.get("models")).add(version(version, "candidate"));
        secondCandidate = version;
        return primary(primaryRows, primaryCandidate);
    }

    /** Adds a suite to the manifest and writes its file. */
    public TestPack suite(String name, String file, String content) {
        suites.putObject(name).put("file", file);
        return file(file, content);
    }

    public TestPack drift(String content, List<String> numeric, List<String> categorical) {
        suite("drift", "drift.csv", content);
        ObjectNode drift = (ObjectNode) suites.get("drift");
        numeric.forEach(drift.withArray("numeric")::add);
        categorical.forEach(drift.withArray("categorical")::add);
        return this;
    }

    public TestPack policy(String content) {
        manifest.put("policy", "policy.json");
        return file("policy.json", content);
    }

    public TestPack file(String name, String content) {
        try {
            Files.writeString(root.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path write() {
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(root.resolve("manifest.json").toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    public ReviewPack load() throws PackException {
        return new PackLoader().load(write(), Progress.NONE);
    }

    public CandidateReview review() throws PackException {
        GateReview review = new GateReview(new ComparisonEngine(), new PackLoader(), new SuiteReader(),
                new PolicyReader());
        ReviewPack pack = load();
        GatePolicy policy = review.policyOf(pack);
        return review.review(pack, null, policy, Progress.NONE);
    }

    /** A CSV of {@code header} and {@code count} copies of {@code row} with {@code %d} replaced by the index. */
    public static String rows(String header, int count, String row) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int i = 0; i < count; i++) {
            csv.append(row.replace("%d", Integer.toString(i))).append('\n');
        }
        return csv.toString();
    }
}
