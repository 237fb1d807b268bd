package org.verdict.core.sample;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes one sample pack: its evaluation suites, the optional evidence suites the gates judge (safety, fairness, latency, ...), the policy and the
 * manifest that lists them all. Each suite draws from its own seed (derived from the pack seed and the suite's
 * name), so changing one suite's story leaves every other file byte for byte the same.
 */
final class SamplePackWriter implements AutoCloseable {
    private static final String POLICY_FILE = "policy.json";

    private final PackFileWriter files;
    private final long seed;
    private final Map<String, Object> suites = new LinkedHashMap<>();
    private boolean policyWritten;

    SamplePackWriter(Path target, long seed) throws IOException {
        this.files = new PackFileWriter(target);
        this.seed = seed;
    }

    Draws draws(String suite) {
        return new Draws(seed * 1_000_003L + suite.hashCode());
    }

    /** The primary suite or the held-out evaluation set: one row per example, paired predictions. */
    void evaluation(String suite, String fileName, ExampleSet set) throws IOException {
        files.csv(fileName, set.header(), out -> set.examples().forEach(e -> out.writeRecord(set.record(e))));
        suites.put(suite, PackFileWriter.object("file", fileName, "slices", set.slices(), "sensitive", set.sensitive()));
    }

    /** A red-team category and the violation rate of each model version on it, in version order. */
    record SafetyCategory(String name, double... rates) {
    }

    void safety(List<String> versions, int promptsPerCategory, List<SafetyCategory> categories) throws IOException {
        Draws draws = draws("safety");
        List<String> header = new ArrayList<>(List.of("example_id", "category"));
        versions.forEach(v -> header.add("violation_" + v));
        writeSuite("safety", "safety.csv", header, out -> {
            int id = 0;
            for (SafetyCategory category : categories) {
                for (int prompt = 0; prompt < promptsPerCategory; prompt++) {
                    List<String> record = new ArrayList<>(List.of(String.format(Locale.ROOT, "saf-%05d", ++id), category.name()));
                    // Most red-team prompts break every version or none: the versions share the draw most of the time.
                    double shared = draws.uniform();
                    for (double rate : category.rates()) {
                        double draw = draws.chance(0.7) ? shared : draws.uniform();
                        record.add(draw < rate ? "1" : "0");
                    }
                    out.writeRecord(record);
                }
            }
        });
    }

    record LatencyProfile(String version, double medianMs, double sigma, int requests) {
    }

    void latency(List<LatencyProfile> profiles) throws IOException {
        Draws draws = draws("latency");
        writeSuite("latency", "latency.csv", List.of("version", "latency_ms"), out -> {
            for (LatencyProfile profile : profiles) {
                for (int i = 0; i < profile.requests(); i++) {
                    out.writeRecord(profile.version(), PackFileWriter.text(draws.logNormal(profile.medianMs(), profile.sigma()), 1));
                }
            }
        });
    }

    record CanaryArm(String version, int dailyRequests, double successRate) {
    }

    void canary(LocalDate firstDay, int days, List<CanaryArm> arms) throws IOException {
        Draws draws = draws("canary");
        writeSuite("canary", "canary.csv", List.of("date", "version", "requests", "successes"), out -> {
            for (int day = 0; day < days; day++) {
                for (CanaryArm arm : arms) {
                    int requests = draws.count(arm.dailyRequests(), 0.08);
                    out.writeRecord(firstDay.plusDays(day).toString(), arm.version(),
                            Integer.toString(requests), Integer.toString(draws.binomial(requests, arm.successRate())));
                }
            }
        });
    }

    /**
     * The persistent holdout group (never sees model updates) against the treated population, weekly.
     * The treated group's lift over the holdout moves linearly from {@code firstLift} to {@code lastLift}.
     */
    void holdoutGroup(LocalDate firstWeek, int weeks, double holdoutRate, double firstLift, double lastLift,
                      int holdoutUsers, int treatedUsers) throws IOException {
        Draws draws = draws("holdoutGroup");
        writeSuite("holdoutGroup", "holdout_group.csv", List.of("date", "group", "value", "n", "successes"), out -> {
            for (int week = 0; week < weeks; week++) {
                String date = firstWeek.plusWeeks(week).toString();
                double lift = firstLift + (lastLift - firstLift) * week / (weeks - 1.0);
                int holdoutN = draws.count(holdoutUsers, 0.05);
                int treatedN = draws.count(treatedUsers, 0.05);
                out.writeRecord(rateRow(date, "holdout", draws.binomial(holdoutN, holdoutRate), holdoutN));
                out.writeRecord(rateRow(date, "treated", draws.binomial(treatedN, holdoutRate + lift), treatedN));
            }
        });
    }

    /** A rate as a pipeline writes it: the share to four decimals beside the counts it comes of. */
    private static String[] rateRow(String date, String group, long successes, int n) {
        return new String[] {date, group, PackFileWriter.text((double) successes / n, 4), Integer.toString(n),
            Long.toString(successes)};
    }

    /** Human agents label a sample of the evaluation examples; the models' predictions are copied alongside. */
    void humanBaseline(ExampleSet set, int rows, double humanAccuracy, Mistakes humanMistakes) throws IOException {
        Draws draws = draws("humanBaseline");
        List<String> header = new ArrayList<>(List.of("example_id", "label", "human"));
        set.versions().forEach(v -> header.add("pred_" + v));
        writeSuite("humanBaseline", "human_baseline.csv", header, out -> {
            for (int position : draws.positions(set.examples().size(), rows)) {
                Example example = set.examples().get(position);
                List<String> record = new ArrayList<>(List.of(example.id(), example.label(),
                        humanMistakes.rate(example.label(), humanAccuracy, draws)));
                record.addAll(example.predictions());
                out.writeRecord(record);
            }
        });
    }

    /** Past production versions numbered from {@code firstVersion}, released monthly from {@code firstRelease}. */
    void metricHistory(int firstVersion, LocalDate firstRelease, double... values) throws IOException {
        writeSuite("metricHistory", "metric_history.csv", List.of("version", "date", "value"), out -> {
            for (int i = 0; i < values.length; i++) {
                out.writeRecord(Integer.toString(firstVersion + i), firstRelease.plusMonths(i).toString(),
                        PackFileWriter.text(values[i], 4));
            }
        });
    }

    /**
     * Daily interactions and negative feedback, with weekends quieter. Over the last {@code spikeDays} days the
     * negative rate is {@code spikeRate} instead of {@code negativeRate} (no spike when they are equal).
     */
    void feedback(LocalDate lastDay, int days, int dailyInteractions, double negativeRate, int spikeDays,
                  double spikeRate) throws IOException {
        Draws draws = draws("feedback");
        writeSuite("feedback", "feedback.csv", List.of("date", "interactions", "negative"), out -> {
            for (int day = days - 1; day >= 0; day--) {
                LocalDate date = lastDay.minusDays(day);
                boolean weekend = date.getDayOfWeek().getValue() >= 6;
                int interactions = draws.count(dailyInteractions * (weekend ? 0.6 : 1.0), 0.05);
                double rate = Math.max(0, draws.normal(day < spikeDays ? spikeRate : negativeRate, negativeRate * 0.06));
                out.writeRecord(date.toString(), Integer.toString(interactions),
                        Integer.toString(draws.binomial(interactions, rate)));
            }
        });
    }

    record Annotator(String name, double accuracy) {
    }

    /** Several annotators label a sample of the evaluation examples independently, each with their own accuracy. */
    void annotations(ExampleSet set, int rows, List<Annotator> annotators, Mistakes mistakes) throws IOException {
        Draws draws = draws("annotations");
        writeSuite("annotations", "annotations.csv", List.of("example_id", "annotator", "label"), out -> {
            for (int position : draws.positions(set.examples().size(), rows)) {
                Example example = set.examples().get(position);
                for (Annotator annotator : annotators) {
                    out.writeRecord(example.id(), annotator.name(), mistakes.rate(example.label(), annotator.accuracy(), draws));
                }
            }
        });
    }

    /**
     * The ids of the training examples. {@code leaked} evaluation ids are mixed in, as a careless data
     * snapshot would: the contamination check should find exactly those.
     */
    void trainingIds(String idPrefix, int trainingExamples, ExampleSet evaluation, int leaked) throws IOException {
        Draws draws = draws("trainingIds");
        Set<Integer> leakAt = new HashSet<>(draws.positions(trainingExamples, leaked));
        List<Integer> leakedExamples = draws.positions(evaluation.examples().size(), leaked);
        writeSuite("trainingIds", "training_ids.csv", List.of("example_id"), out -> {
            int nextLeak = 0;
            for (int i = 0; i < trainingExamples; i++) {
                out.writeRecord(leakAt.contains(i)
                        ? evaluation.examples().get(leakedExamples.get(nextLeak++)).id()
                        : String.format(Locale.ROOT, "%s-%07d", idPrefix, i + 1));
            }
        });
    }

    /** A feature of the drift samples: drawn differently for the reference and the current sample. */
    interface DriftFeature {
        String name();

        boolean numeric();

        String draw(Draws draws, boolean current);
    }

    record LogNormalFeature(String name, double referenceMedian, double referenceSigma, double currentMedian,
                            double currentSigma) implements DriftFeature {
        public boolean numeric() {
            return true;
        }

        public String draw(Draws draws, boolean current) {
            double value = current ? draws.logNormal(currentMedian, currentSigma) : draws.logNormal(referenceMedian, referenceSigma);
            return Long.toString(Math.max(1, Math.round(value)));
        }
    }

    record CountFeature(String name, double referenceMean, double currentMean) implements DriftFeature {
        public boolean numeric() {
            return true;
        }

        public String draw(Draws draws, boolean current) {
            return Integer.toString(draws.poisson(current ? currentMean : referenceMean));
        }
    }

    record CategoricalFeature(String name, Mix reference, Mix current) implements DriftFeature {
        public boolean numeric() {
            return false;
        }

        public String draw(Draws draws, boolean current) {
            return (current ? this.current : reference).draw(draws);
        }
    }

    /** Reference and current samples of the input features, and of the production model's prediction. */
    void drift(int referenceRows, int currentRows, List<DriftFeature> features, CategoricalFeature prediction)
            throws IOException {
        Draws draws = draws("drift");
        List<String> header = new ArrayList<>(List.of("sample"));
        features.forEach(f -> header.add(f.name()));
        header.add("prediction");
        files.csv("drift.csv", header, out -> {
            for (int row = 0; row < referenceRows + currentRows; row++) {
                boolean current = row >= referenceRows;
                List<String> record = new ArrayList<>(List.of(current ? "current" : "reference"));
                features.forEach(f -> record.add(f.draw(draws, current)));
                record.add(prediction.draw(draws, current));
                out.writeRecord(record);
            }
        });
        suites.put("drift", PackFileWriter.object("file", "drift.csv",
                "numeric", features.stream().filter(DriftFeature::numeric).map(DriftFeature::name).toList(),
                "categorical", features.stream().filter(f -> !f.numeric()).map(DriftFeature::name).toList()));
    }

    record Monitoring(double baselineMetric, double currentMetric, int currentMetricN, int newLabelledExamples,
                      double baselineViolationRate, int baselineViolationN, double currentViolationRate,
                      int currentViolationN) {
    }

    void monitoring(Monitoring m) throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("primaryMetric", PackFileWriter.object("baseline", PackFileWriter.decimal(m.baselineMetric(), 4),
                "current", PackFileWriter.decimal(m.currentMetric(), 4), "n", m.currentMetricN()));
        tree.put("newLabelledExamples", m.newLabelledExamples());
        tree.put("safetyViolations", PackFileWriter.object(
                "baselineRate", PackFileWriter.decimal(m.baselineViolationRate(), 4), "baselineN", m.baselineViolationN(),
                "currentRate", PackFileWriter.decimal(m.currentViolationRate(), 4), "currentN", m.currentViolationN()));
        files.json("monitoring.json", tree);
        suites.put("monitoring", PackFileWriter.object("file", "monitoring.json"));
    }

    /**
     * Writes the pack's policy from a resource next to this class. The policy is data a reviewer reads as JSON
     * (schema in docs/gates.md), so it is kept as JSON rather than built in code.
     */
    void policy(String resource) throws IOException {
        try (InputStream in = SamplePackWriter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            files.json(POLICY_FILE, PackFileWriter.readTree(in));
        }
        policyWritten = true;
    }

    /** A model version's manifest entry with its lineage; {@code threshold} only for binary tasks, else null. */
    static Map<String, Object> modelVersion(String version, String role, String dataSnapshot, String codeVersion,
                                            String trainedAt, Map<String, Object> hyperparameters, Double threshold) {
        Map<String, Object> entry = PackFileWriter.object("version", version, "role", role, "dataSnapshot", dataSnapshot,
                "codeVersion", codeVersion, "trainedAt", trainedAt, "hyperparameters", hyperparameters);
        if (threshold != null) {
            entry.put("threshold", PackFileWriter.decimal(threshold, 2));
        }
        return entry;
    }

    /** Writes the manifest listing every suite written so far, then moves the finished pack into place. */
    void finish(Map<String, Object> model, List<Map<String, Object>> models, String primaryMetric) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "verdict-pack/1");
        manifest.put("model", model);
        manifest.put("models", models);
        manifest.put("primaryMetric", primaryMetric);
        if (policyWritten) {
            manifest.put("policy", POLICY_FILE);
        }
        manifest.put("suites", suites);
        files.json("manifest.json", manifest);
        files.commit();
    }

    @Override
    public void close() throws IOException {
        files.close();
    }

    private void writeSuite(String suite, String fileName, List<String> header, Consumer<CsvWriter> rows)
            throws IOException {
        files.csv(fileName, header, rows);
        suites.put(suite, PackFileWriter.object("file", fileName));
    }
}
