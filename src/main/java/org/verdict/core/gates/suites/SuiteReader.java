package org.verdict.core.gates.suites;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackFiles;
import org.verdict.core.pack.PackLimits;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.PackText;
import org.verdict.core.pack.StrictJson;
import org.verdict.core.pack.SuiteSpec;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.LatencyBuckets;
import org.verdict.core.task.Progress;

/**
 * Reads the optional suites a manifest lists (formats in {@code docs/pack-format.md}). Strict: duplicate
 * ids, non-numbers, unknown model versions and suites that do not match the manifest are refused with the file,
 * line and column. A suite the manifest does not list is simply absent.
 */
public final class SuiteReader {
    private static final String VIOLATION_PREFIX = "violation_";
    private static final String PREDICTION_PREFIX = "pred_";

    private final PackLimits limits;

    public SuiteReader() {
        this(PackLimits.DEFAULTS);
    }

    public SuiteReader(PackLimits limits) {
        this.limits = limits;
    }

    /** @param root the folder the pack's files are read from ({@code ReviewPack.root()}) */
    public PackSuites read(Path root, PackManifest manifest, Progress progress) throws PackException {
        List<String> versions = manifest.models().stream().map(ModelVersion::version).toList();
        PackFiles files = PackFiles.open(root);
        progress.update(0, "reading optional suites");
        PackSuites suites = new PackSuites(
                optional(manifest, files, "safety", (path, file) -> readSafety(path, file, versions)),
                optional(manifest, files, "latency", (path, file) -> readLatency(path, file, versions)),
                optional(manifest, files, "canary", (path, file) -> readCanary(path, file, versions)),
                optional(manifest, files, "holdoutGroup", this::readHoldoutGroup),
                optional(manifest, files, "humanBaseline", (path, file) -> readHumanBaseline(path, file, versions)),
                optional(manifest, files, "metricHistory", (path, file) -> readMetricHistory(path, file,
                        Metric.fromWireName(manifest.primaryMetric()).orElse(null))),
                optional(manifest, files, "feedback", this::readFeedback),
                optional(manifest, files, "annotations", this::readAnnotations),
                optional(manifest, files, "trainingIds", this::readTrainingIds),
                optional(manifest, files, "drift", (path, file) -> readDrift(path, file,
                        driftFeatures(manifest, "numeric"), driftFeatures(manifest, "categorical"))),
                optional(manifest, files, "monitoring", this::readMonitoring));
        progress.update(1, "optional suites read");
        return suites;
    }

    private interface SuiteParser<T> {
        T parse(Path path, String file) throws PackException;
    }

    /** Parses the suite when the manifest lists it; its path must stay inside the pack. */
    private static <T> Optional<T> optional(PackManifest manifest, PackFiles files, String name,
                                            SuiteParser<T> parser) throws PackException {
        Optional<SuiteSpec> spec = manifest.suite(name);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        String file = spec.get().file();
        return Optional.of(parser.parse(files.resolve(file, PackManifest.FILE_NAME, 0, 0), file));
    }

    /**
     * One row per example ({@code example_id, category, violation_V…}), or a summary pack's paired cells
     * ({@code category, violation_V…, n}: each combination once, with its number of examples).
     */
    SafetySuite readSafety(Path path, String file, List<String> versions) throws PackException {
        List<String> ids = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        Map<String, List<Boolean>> flags = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        boolean[] cells = new boolean[1];
        SuiteCsv.read(path, file, limits.maxSuiteRows(), List.of("category"), csv -> {
            cells[0] = !csv.header().contains("example_id");
            if (cells[0] && !csv.header().contains("n")) {
                throw csv.headerError("a safety suite has example_id (one row per example) or n (the "
                        + "examples of each paired cell); the header has " + csv.header());
            }
            flags.putAll(versionColumns(csv, VIOLATION_PREFIX, versions, file));
        }, row -> {
            if (cells[0]) {
                StringBuilder key = new StringBuilder(row.text("category"));
                for (String version : flags.keySet()) {
                    key.append('\u0000').append(row.flag(VIOLATION_PREFIX + version));
                }
                if (!seen.add(key.toString())) {
                    throw row.error("category", "this cell (category and every violation flag) is listed twice; "
                            + "each cell may appear once");
                }
                counts.add(row.count("n"));
            } else {
                ids.add(uniqueId(row, seen));
            }
            categories.add(row.text("category"));
            for (var entry : flags.entrySet()) {
                entry.getValue().add(row.flag(VIOLATION_PREFIX + entry.getKey()));
            }
        });
        Map<String, boolean[]> violations = new LinkedHashMap<>();
        flags.forEach((version, list) -> {
            boolean[] column = new boolean[list.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = list.get(i);
            }
            violations.put(version, column);
        });
        return new SafetySuite(ids, categories, violations,
                cells[0] ? counts.stream().mapToLong(Long::longValue).toArray() : null);
    }

    /**
     * One row per request ({@code version, latency_ms}), or request counts per log-spaced bucket
     * ({@code version, bucket, n}, see {@link LatencyBuckets}) as a summary pack carries them.
     */
    LatencySuite readLatency(Path path, String file, List<String> versions) throws PackException {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Long>> counts = new LinkedHashMap<>();
        boolean[] bucketed = new boolean[1];
        SuiteCsv.read(path, file, limits.maxSuiteRows(), List.of("version"), csv -> {
            boolean perRequest = csv.header().contains("latency_ms");
            bucketed[0] = csv.header().containsAll(List.of("bucket", "n"));
            if (perRequest == bucketed[0]) {
                throw csv.headerError("a latency suite has either latency_ms (one row per request) or "
                        + "bucket and n (requests per log-spaced bucket); the header has " + csv.header());
            }
        }, row -> {
            String version = row.oneOf("version", versions);
            if (!bucketed[0]) {
                samples.computeIfAbsent(version, v -> new ArrayList<>()).add(row.nonNegative("latency_ms"));
                return;
            }
            int bucket = (int) row.integer("bucket", LatencyBuckets.LOWEST, LatencyBuckets.HIGHEST);
            long n = row.count("n");
            if (counts.computeIfAbsent(version, v -> new TreeMap<>()).putIfAbsent(bucket, n) != null) {
                throw row.error("bucket", "bucket " + bucket + " of version " + version
                        + " is listed twice; buckets may not overlap");
            }
        });
        if (bucketed[0]) {
            Map<String, LatencyBuckets> buckets = new LinkedHashMap<>();
            for (var version : counts.entrySet()) {
                long total = version.getValue().values().stream().mapToLong(Long::longValue).sum();
                if (total > Integer.MAX_VALUE) {
                    throw new PackException(file, "version " + version.getKey() + " has " + total + " requests; "
                            + "percentiles are computed over at most " + Integer.MAX_VALUE + " per version");
                }
                buckets.put(version.getKey(), new LatencyBuckets(
                        version.getValue().keySet().stream().mapToInt(Integer::intValue).toArray(),
                        version.getValue().values().stream().mapToLong(Long::longValue).toArray()));
            }
            return new LatencySuite(Map.of(), buckets);
        }
        Map<String, double[]> millis = new LinkedHashMap<>();
        samples.forEach((version, list) -> millis.put(version, list.stream().mapToDouble(Double::doubleValue).toArray()));
        return new LatencySuite(millis);
    }

    List<CanaryDay> readCanary(Path path, String file, List<String> versions) throws PackException {
        List<CanaryDay> days = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SuiteCsv.read(path, file, limits.maxSuiteRows(), List.of("date", "version", "requests", "successes"), SuiteCsv.HeaderCheck.NONE,
                row -> {
                    LocalDate date = row.date("date");
                    String version = row.oneOf("version", versions);
                    long requests = row.count("requests");
                    long successes = row.count("successes");
                    if (successes > requests) {
                        throw row.error("successes", "successes (" + successes + ") exceed requests (" + requests + ")");
                    }
                    row.requireFirst(seen, date + "|" + version, "date",
                            "a second row for version " + version + " on " + date);
                    days.add(new CanaryDay(date, version, requests, successes));
                });
        return List.copyOf(days);
    }

    /**
     * {@code date, group, n} and the value: {@code value} alone (a metric of a kind the file does not say), with
     * {@code sd} (the mean of n values with that standard deviation), or {@code successes} (a rate of n, with or
     * without its {@code value}, which must then be that share as far as it is written).
     */
    List<HoldoutGroupPoint> readHoldoutGroup(Path path, String file) throws PackException {
        List<HoldoutGroupPoint> points = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> groups = List.of(HoldoutGroupPoint.HOLDOUT, HoldoutGroupPoint.TREATED);
        boolean[] rates = new boolean[1];
        boolean[] means = new boolean[1];
        boolean[] values = new boolean[1];
        SuiteCsv.read(path, file, limits.maxSuiteRows(), List.of("date", "group", "n"), csv -> {
            rates[0] = csv.header().contains("successes");
            means[0] = csv.header().contains("sd");
            values[0] = csv.header().contains("value");
            if (!rates[0] && !values[0]) {
                throw csv.headerError("a holdout group needs value (each group's metric) or successes (of n, for "
                        + "a rate); the header has " + String.join(", ", csv.header()));
            }
            if (rates[0] && means[0]) {
                throw csv.headerError("sd", "give successes (the value is a rate of n) or sd (the value is a mean "
                        + "of n values), not both: a rate's spread follows from successes and n");
            }
            if (means[0] && !values[0]) {
                throw csv.headerError("sd", "sd is the spread of the mean in value, and the header has no value");
            }
        }, row -> {
            LocalDate date = row.date("date");
            String group = row.oneOf("group", groups);
            row.requireFirst(seen, date + "|" + group, "date", "a second row for group " + group + " on " + date);
            long n = row.count("n");
            if (rates[0]) {
                long successes = row.count("successes");
                if (successes > n) {
                    throw row.error("successes", "successes (" + successes + ") exceed n (" + n + ")");
                }
                if (n == 0) {
                    throw row.error("n", "n is 0, so the rate successes / n is undefined; leave the row out");
                }
                if (values[0]) {
                    row.requireShare("value", successes, n);
                }
                points.add(new HoldoutGroupPoint(date, group, (double) successes / n, n,
                        new HoldoutGroupPoint.Successes(successes)));
            } else {
                double value = row.number("value");
                points.add(new HoldoutGroupPoint(date, group, value, n, means[0]
                        ? new HoldoutGroupPoint.StandardDeviation(row.nonNegative("sd"))
                        : HoldoutGroupPoint.Spread.UNKNOWN));
            }
        });
        return List.copyOf(points);
    }

    /**
     * One row per example ({@code example_id, label, human, pred_V…}), or a summary pack's paired cells
     * ({@code label, human, pred_V…, n}: each combination once, with its number of examples).
     */
    HumanBaselineSuite readHumanBaseline(Path path, String file, List<String> versions) throws PackException {
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> human = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        Map<String, List<String>> predictions = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        boolean[] cells = new boolean[1];
        SuiteCsv.read(path, file, limits.maxSuiteRows(), List.of("label", "human"), csv -> {
            cells[0] = !csv.header().contains("example_id");
            if (cells[0] && !csv.header().contains("n")) {
                throw csv.headerError("a human baseline has example_id (one row per example) or n (the "
                        + "examples of each paired cell); the header has " + csv.header());
            }
            versionColumns(csv, PREDICTION_PREFIX, versions, file)
                    .forEach((version, unused) -> predictions.put(version, new ArrayList<>()));
        }, row -> {
            if (cells[0]) {
                StringBuilder key = new StringBuilder(row.text("label")).append('\u0000').append(row.text("human"));
                for (String version : predictions.keySet()) {
                    key.append('\u0000').append(row.text(PREDICTION_PREFIX + version));
                }
                if (!seen.add(key.toString())) {
                    throw row.error("label", "this cell (label, human and every prediction) is listed twice; each "
                            + "cell may appear once");
                }
                counts.add(row.count("n"));
            } else {
                ids.add(uniqueId(row, seen));
            }
            labels.add(row.text("label"));
            human.add(row.text("human"));
            for (var entry : predictions.entrySet()) {
                entry.getValue().add(row.text(PREDICTION_PREFIX + entry.getKey()));
            }
        });
        return new HumanBaselineSuite(ids, labels, human, predictions,
                cells[0] ? counts.stream().mapToLong(Long::longValue).toArray() : null);
    }

    /**
     * {@code version, date, value}, and optionally {@code n} (the examples the value was measured on) and {@code lower},
     * {@code upper} (its interval, as the pipeline computed it). Each value must be one the primary metric can take,
     * so a percentage (82.9 for a macro_f1 of 0.829) is refused at its cell rather than read as a better model.
     *
     * @param metric the manifest's primary metric, whose range the values must lie in; null when it is not one Verdict
     *               knows (the manifest's own check says so)
     */
    List<MetricHistoryPoint> readMetricHistory(Path path, String file, Metric metric) throws PackException {
        List<MetricHistoryPoint> points = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean[] counted = new boolean[1];
        boolean[] bounded = new boolean[1];
        SuiteCsv.read(path, file, limits.maxSuiteRows(), List.of("version", "date", "value"), csv -> {
            counted[0] = csv.header().contains("n");
            bounded[0] = csv.header().contains("lower");
            if (bounded[0] != csv.header().contains("upper")) {
                String given = bounded[0] ? "lower" : "upper";
                throw csv.headerError(given, "an interval needs both ends, lower and upper; the header has "
                        + given + " only");
            }
        }, row -> {
            String version = row.text("version");
            LocalDate date = row.date("date");
            row.requireFirst(seen, version + "|" + date, "date",
                    "a second value for version " + version + " on " + date);
            double value = metricValue(row, "value", metric);
            Long n = null;
            if (counted[0]) {
                n = row.count("n");
                if (n == 0) {
                    throw row.error("n", "n is 0: a value measured on no examples; give the number it was measured on");
                }
            }
            Interval ci = null;
            if (bounded[0]) {
                double lower = metricValue(row, "lower", metric);
                double upper = metricValue(row, "upper", metric);
                if (lower > value) {
                    throw row.error("lower", "lower " + row.raw("lower") + " is above value " + row.raw("value")
                            + ": an interval holds its value");
                }
                if (upper < value) {
                    throw row.error("upper", "upper " + row.raw("upper") + " is below value " + row.raw("value")
                            + ": an interval holds its value");
                }
                ci = new Interval(lower, upper);
            }
            points.add(new MetricHistoryPoint(version, date, value, n, ci));
        });
        return List.copyOf(points);
    }

    /**
     * A number within the range of {@code metric} (its ends are whole numbers: 0, 1, −1), so 82.9 for a rate, a
     * percentage, is refused at its cell.
     */
    private static double metricValue(SuiteCsv.Row row, String column, Metric metric) throws PackException {
        double value = row.number(column);
        if (metric == null) {
            return value;
        }
        if (value > metric.highestValue()) {
            throw row.error(column, column + " " + row.raw(column) + " is above "
                    + (long) metric.highestValue() + ", the highest " + metric.wireName() + " can be"
                    + (metric.highestValue() == 1 ? "; give the share of 1, not a percentage" : ""));
        }
        if (value < metric.lowestValue()) {
            throw row.error(column, column + " " + row.raw(column) + " is below "
                    + (long) metric.lowestValue() + ", the lowest " + metric.wireName() + " can be");
        }
        return value;
    }

    List<FeedbackDay> readFeedback(Path path, String file) throws PackException {
        List<FeedbackDay> days = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SuiteCsv.read(path, file, limits.maxSuiteRows(), List.of("date", "interactions", "negative"), SuiteCsv.HeaderCheck.NONE, row -> {
            LocalDate date = row.date("date");
            row.requireFirst(seen, date.toString(), "date", "a second row for " + date);
            long interactions = row.count("interactions");
            long negative = row.count("negative");
            if (negative > interactions) {
                throw row.error("negative", "negative (" + negative + ") exceeds interactions (" + interactions + ")");
            }
            days.add(new FeedbackDay(date, interactions, negative));
        });
        return days.stream().sorted((a, b) -> a.date().compareTo(b.date())).toList();
    }

    List<Annotation> readAnnotations(Path path, String file) throws PackException {
        List<Annotation> annotations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SuiteCsv.read(path, file, limits.maxSuiteRows(), List.of("example_id", "annotator", "label"), SuiteCsv.HeaderCheck.NONE, row -> {
            String id = row.text("example_id");
            String annotator = row.text("annotator");
            row.requireFirst(seen, id + "\u0000" + annotator, "annotator",
                    "annotator " + annotator + " labels example " + id + " twice");
            annotations.add(new Annotation(id, annotator, row.text("label")));
        });
        return List.copyOf(annotations);
    }

    TrainingIds readTrainingIds(Path path, String file) throws PackException {
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        boolean[] hasHashes = new boolean[1];
        SuiteCsv.read(path, file, limits.maxSuiteRows(), List.of("example_id"), csv -> hasHashes[0] = csv.header().contains("input_hash"),
                row -> {
                    ids.add(row.text("example_id"));
                    if (hasHashes[0] && !row.raw("input_hash").isEmpty()) {
                        hashes.add(row.raw("input_hash"));
                    }
                });
        return new TrainingIds(ids, hashes);
    }

    DriftSuite readDrift(Path path, String file, List<String> numericFeatures, List<String> categoricalFeatures)
            throws PackException {
        List<String> required = new ArrayList<>(List.of("sample"));
        required.addAll(numericFeatures);
        required.addAll(categoricalFeatures);
        required.add(DriftSuite.PREDICTION);
        Map<String, List<List<Double>>> numeric = new LinkedHashMap<>();
        Map<String, List<List<String>>> categorical = new LinkedHashMap<>();
        numericFeatures.forEach(f -> numeric.put(f, List.of(new ArrayList<>(), new ArrayList<>())));
        categoricalFeatures.forEach(f -> categorical.put(f, List.of(new ArrayList<>(), new ArrayList<>())));
        List<List<String>> predictions = List.of(new ArrayList<>(), new ArrayList<>());
        List<String> samples = List.of("reference", "current");
        SuiteCsv.read(path, file, limits.maxSuiteRows(), required, SuiteCsv.HeaderCheck.NONE, row -> {
            int sample = samples.indexOf(row.oneOf("sample", samples));
            for (String feature : numericFeatures) {
                numeric.get(feature).get(sample).add(row.number(feature));
            }
            for (String feature : categoricalFeatures) {
                categorical.get(feature).get(sample).add(row.text(feature));
            }
            predictions.get(sample).add(row.text(DriftSuite.PREDICTION));
        });
        for (List<String> sample : predictions) {
            if (sample.isEmpty()) {
                throw new PackException(file, "needs rows of both samples, reference and current");
            }
        }
        Map<String, DriftSuite.Samples<double[]>> numericSamples = new LinkedHashMap<>();
        numeric.forEach((feature, pair) -> numericSamples.put(feature, new DriftSuite.Samples<>(
                toArray(pair.get(0)), toArray(pair.get(1)))));
        Map<String, DriftSuite.Samples<List<String>>> categoricalSamples = new LinkedHashMap<>();
        categorical.forEach((feature, pair) -> categoricalSamples.put(feature,
                new DriftSuite.Samples<>(List.copyOf(pair.get(0)), List.copyOf(pair.get(1)))));
        if (allNumbers(predictions.get(0)) && allNumbers(predictions.get(1))) {
            numericSamples.put(DriftSuite.PREDICTION, new DriftSuite.Samples<>(
                    toArray(predictions.get(0).stream().map(PackText::number).toList()),
                    toArray(predictions.get(1).stream().map(PackText::number).toList())));
        } else {
            categoricalSamples.put(DriftSuite.PREDICTION,
                    new DriftSuite.Samples<>(List.copyOf(predictions.get(0)), List.copyOf(predictions.get(1))));
        }
        return new DriftSuite(numericSamples, categoricalSamples);
    }

    MonitoringSnapshot readMonitoring(Path path, String file) throws PackException {
        return StrictJson.read(path, file, MonitoringSnapshot.class);
    }

    /**
     * The {@code input_hash} column of an evaluation CSV (primary format), for the contamination check; empty when
     * the file has no such column.
     */
    public Set<String> readInputHashes(Path path, String file) throws PackException {
        Set<String> hashes = new HashSet<>();
        boolean[] hasHashes = new boolean[1];
        SuiteCsv.read(path, file, Long.MAX_VALUE, List.of("example_id"), csv -> hasHashes[0] = csv.header().contains("input_hash"),
                row -> {
                    if (hasHashes[0] && !row.raw("input_hash").isEmpty()) {
                        hashes.add(row.raw("input_hash"));
                    }
                });
        return hashes;
    }

    /** Feature names the manifest lists for the drift suite under {@code numeric} or {@code categorical}. */
    private static List<String> driftFeatures(PackManifest manifest, String kind) throws PackException {
        JsonNode list = manifest.raw() == null ? null : manifest.raw().path("suites").path("drift").path(kind);
        List<String> features = new ArrayList<>();
        if (list == null || list.isMissingNode() || list.isNull()) {
            return features;
        }
        if (!list.isArray()) {
            throw new PackException(PackManifest.FILE_NAME, "suites.drift." + kind + " must be a list of column names");
        }
        list.forEach(name -> features.add(name.asText()));
        return features;
    }

    /** The per-version columns ({@code violation_V}, {@code pred_V}): every manifest version, and no other. */
    private static Map<String, List<Boolean>> versionColumns(SuiteCsv csv, String prefix, List<String> versions,
                                                            String file) throws PackException {
        Map<String, List<Boolean>> columns = new LinkedHashMap<>();
        for (String column : csv.header()) {
            if (column.startsWith(prefix)) {
                String version = column.substring(prefix.length());
                if (!versions.contains(version)) {
                    throw csv.headerError(column, "column " + column + " is for model version " + version
                            + ", which the manifest does not list (versions: " + String.join(", ", versions) + ")");
                }
                columns.put(version, new ArrayList<>());
            }
        }
        for (String version : versions) {
            if (!columns.containsKey(version)) {
                throw PackException.inHeader(file, "missing column " + prefix + version
                        + ": every model version of the manifest needs one");
            }
        }
        return columns;
    }

    private static String uniqueId(SuiteCsv.Row row, Set<String> seen) throws PackException {
        String id = row.text("example_id");
        row.requireFirst(seen, id, "example_id", "example_id '" + id + "' appears twice");
        return id;
    }

    private static boolean allNumbers(List<String> values) {
        for (String value : values) {
            try {
                PackText.number(value);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
