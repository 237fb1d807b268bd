package org.verdict.core.pack;

import static org.verdict.core.pack.StrictJson.keyPath;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks {@code manifest.json}. Every problem names the line and column of the offending value,
 * found through a map from JSON pointer to source location built while parsing.
 */
public final class ManifestReader {
    /** The suites of format version 1 (docs/pack-format.md, "Reserved names"); any other name is refused. */
    public static final List<String> SUITE_NAMES = List.of("primary", "holdout", "safety", "latency", "canary",
            "holdoutGroup", "humanBaseline", "metricHistory", "feedback", "annotations", "trainingIds", "drift",
            "monitoring");
    private static final Set<String> EVALUATION_SUITES = Set.of("primary", "holdout");
    /** {@code summary}: a summary pack's provenance and tables, checked by {@code core.summary.SummaryPackReader}. */
    private static final List<String> TOP_LEVEL_KEYS = List.of("format", "model", "models", "primaryMetric", "policy",
            "suites", "summary");
    private static final List<String> MODEL_KEYS = List.of("name", "task", "riskTier", "positiveLabel", "classes",
            "targetUnit");
    private static final List<String> VERSION_KEYS = List.of("version", "role", "dataSnapshot", "codeVersion",
            "trainedAt", "hyperparameters", "threshold");

    /** Reads the manifest of a pack and checks that every file it names exists inside the pack. */
    public PackManifest read(PackFiles files) throws PackException {
        Path manifestFile = files.resolve(PackManifest.FILE_NAME, files.displayName(), 0, 0);
        StrictJson.Document document = StrictJson.readTree(manifestFile, PackManifest.FILE_NAME);
        return new Checker(document, files).manifest();
    }

    /** Walks the tree with the pointer of each value at hand, so errors can say where. */
    private static final class Checker {
        private final JsonNode root;
        private final Map<String, JsonLocation> locations;
        /** Where each key starts, by its value's pointer: a misspelt key is placed where it is written. */
        private final Map<String, JsonLocation> keys;
        private final PackFiles files;

        Checker(StrictJson.Document document, PackFiles files) {
            this.root = document.root();
            this.locations = document.locations();
            this.keys = document.keys();
            this.files = files;
        }

        PackManifest manifest() throws PackException {
            if (!root.isObject()) {
                throw error("", "the manifest must be one JSON object, { … }, not " + StrictJson.written(root));
            }
            requireKnownKeys("", TOP_LEVEL_KEYS);
            String format = text("/format");
            if (!PackManifest.FORMAT_V1.equals(format)) {
                throw error("/format", "format '" + format + "' is not supported; this Verdict reads "
                        + PackManifest.FORMAT_V1);
            }
            ModelInfo model = model();
            List<ModelVersion> models = models();
            String primaryMetric = text("/primaryMetric");
            Metric metric = Metric.fromWireName(primaryMetric).orElseThrow(() ->
                    error("/primaryMetric", "primaryMetric: unknown metric '" + primaryMetric + "'"
                            + ("ece".equals(primaryMetric) ? "; " + Metric.unknownNameHint(primaryMetric, model.task()) : "")));
            List<String> primaries = Metric.forTask(model.task()).stream().filter(Metric::hasDirection)
                    .map(Metric::wireName).toList();
            if (!metric.appliesTo(model.task())) {
                throw error("/primaryMetric", "primaryMetric '" + primaryMetric + "' does not apply to a "
                        + model.task().wireName() + " task; use one of " + primaries);
            }
            if (!metric.hasDirection()) {
                // gate 1 and the circuit breaker ask whether the candidate is worse: a metric without a better side
                // would be judged in a direction made up for it
                throw error("/primaryMetric", "primaryMetric '" + primaryMetric + "' is neither better nor worse "
                        + "when it moves (it is shown for fairness), so the gates could not tell a loss; use one of "
                        + primaries);
            }
            String policy = optionalText("/policy");
            if (policy != null) {
                requireInsidePack("/policy", policy);
            }
            return new PackManifest(format, model, models, primaryMetric, suites(), root, locations);
        }

        private ModelInfo model() throws PackException {
            requireObject("/model");
            requireKnownKeys("/model", MODEL_KEYS);
            String name = text("/model/name");
            String taskName = text("/model/task");
            Task task;
            try {
                task = Task.fromWireName(taskName);
            } catch (IllegalArgumentException e) {
                throw error("/model/task", keyPath("/model/task") + ": " + e.getMessage());
            }
            JsonNode tier = root.at("/model/riskTier");
            String tiers = "a whole number 1, 2 or 3";
            if (tier.isMissingNode() || tier.isNull()) {
                throw error("/model", keyPath("/model/riskTier") + " is required: " + tiers);
            }
            if (!tier.canConvertToInt() || !tier.isIntegralNumber() || tier.asInt() < 1 || tier.asInt() > 3) {
                throw mustBe("/model/riskTier", tiers);
            }
            JsonNode positive = root.at("/model/positiveLabel");
            if (!positive.isMissingNode() && !positive.isNull() && !positive.isTextual() && !positive.isNumber()) {
                throw mustBe("/model/positiveLabel", "a string (the label value counted as positive)");
            }
            String positiveLabel = positive.isTextual() ? positive.asText()
                    : positive.isNumber() ? positive.asText() : null;
            if (task == Task.BINARY && (positiveLabel == null || positiveLabel.isEmpty())) {
                throw error(positive.isMissingNode() ? "/model" : "/model/positiveLabel",
                        keyPath("/model/positiveLabel") + " is required for a binary task");
            }
            if (!root.at("/model/classes").isMissingNode()) {
                List<String> classes = stringList("/model/classes", "class");
                if (task != Task.MULTICLASS || classes.size() < 2) {
                    throw error("/model/classes", keyPath("/model/classes")
                            + " lists the two or more classes of a multiclass model");
                }
            }
            return new ModelInfo(name, task, tier.asInt(), task == Task.BINARY ? positiveLabel : null,
                    targetUnit(task));
        }

        /** {@code model.targetUnit}: a regression target's unit, written beside every number in it. */
        private TargetUnit targetUnit(Task task) throws PackException {
            String at = "/model/targetUnit";
            JsonNode node = root.at(at);
            if (node.isMissingNode() || node.isNull()) {
                return TargetUnit.NONE;
            }
            if (!node.isTextual()) {
                throw mustBe(at, "the target's unit as a string, e.g. \"USD\" or \"kg\"");
            }
            if (task != Task.REGRESSION) {
                throw error(at, keyPath(at) + " names the unit of a regression target (the unit of its mae and "
                        + "rmse); a " + task.wireName() + " model has none: remove the key");
            }
            String text = node.asText();
            String problem = TargetUnit.problem(text).orElse(null);
            if (problem != null) {
                throw error(at, keyPath(at) + " " + problem);
            }
            return TargetUnit.of(text);
        }

        private List<ModelVersion> models() throws PackException {
            JsonNode array = root.at("/models");
            if (array.isMissingNode() || array.isNull()) {
                throw error("", keyPath("/models") + " is required: a list of the pack's model versions");
            }
            if (!array.isArray() || array.isEmpty()) {
                throw mustBe("/models", "a non-empty list of the pack's model versions");
            }
            List<ModelVersion> models = new ArrayList<>();
            Map<String, String> versions = new HashMap<>(); // version -> the pointer that names it first
            int production = 0;
            for (int i = 0; i < array.size(); i++) {
                String at = "/models/" + i;
                requireObject(at);
                requireKnownKeys(at, VERSION_KEYS);
                String version = text(at + "/version");
                if (!version.matches("[A-Za-z0-9._-]+")) {
                    throw error(at + "/version", keyPath(at + "/version") + " '" + version
                            + "' may only use ASCII letters (a-z, A-Z), digits (0-9), '.', '_' and '-' (it names CSV "
                            + "columns)");
                }
                String first = versions.putIfAbsent(version, at + "/version");
                if (first != null) {
                    throw repeated(at + "/version", version, first);
                }
                ModelRole role;
                try {
                    role = ModelRole.fromWireName(text(at + "/role"));
                } catch (IllegalArgumentException e) {
                    throw error(at + "/role", keyPath(at + "/role") + ": " + e.getMessage());
                }
                if (role == ModelRole.PRODUCTION) {
                    production++;
                }
                models.add(new ModelVersion(version, role, optionalText(at + "/dataSnapshot"),
                        optionalText(at + "/codeVersion"), instant(at + "/trainedAt"), hyperparameters(at),
                        threshold(at)));
            }
            if (production != 1) {
                throw error("/models", keyPath("/models") + ": exactly one model must have role 'production', found "
                        + production);
            }
            if (models.size() < 2) {
                throw error("/models", keyPath("/models") + ": at least one model must have role 'candidate'");
            }
            return models;
        }

        private Map<String, Object> hyperparameters(String at) throws PackException {
            JsonNode node = root.at(at + "/hyperparameters");
            if (node.isMissingNode() || node.isNull()) {
                return Map.of();
            }
            if (!node.isObject()) {
                throw mustBe(at + "/hyperparameters", "a JSON object");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode value = entry.getValue();
                values.put(entry.getKey(), value.isValueNode() ? (value.isNumber() ? value.numberValue()
                        : value.isBoolean() ? value.booleanValue() : value.asText()) : value.toString());
            }
            return values;
        }

        private double threshold(String at) throws PackException {
            JsonNode node = root.at(at + "/threshold");
            if (node.isMissingNode() || node.isNull()) {
                return ModelVersion.DEFAULT_THRESHOLD;
            }
            if (!node.isNumber() || !(node.asDouble() >= 0 && node.asDouble() <= 1)) {
                throw mustBe(at + "/threshold", "a number between 0 and 1");
            }
            return node.asDouble();
        }

        private Instant instant(String at) throws PackException {
            String value = optionalText(at);
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw mustBe(at, "an ISO-8601 instant such as 2026-11-02T10:00:00Z");
            }
        }

        private Map<String, SuiteSpec> suites() throws PackException {
            requireObject("/suites");
            Map<String, SuiteSpec> suites = new LinkedHashMap<>();
            for (Iterator<String> names = root.at("/suites").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String at = child("/suites", name);
                if (!SUITE_NAMES.contains(name)) {
                    throw error(at, "unknown suite " + keyPath(at) + " (a typo?); the suites of "
                            + PackManifest.FORMAT_V1 + " are " + String.join(", ", SUITE_NAMES));
                }
                requireObject(at);
                requireKnownKeys(at, suiteKeys(name));
                if (name.equals("drift")) {
                    stringList(at + "/numeric", "column");
                    stringList(at + "/categorical", "column");
                }
                String file = text(at + "/file");
                requireInsidePack(at + "/file", file);
                suites.put(name, new SuiteSpec(name, file, stringList(at + "/slices", "column"),
                        stringList(at + "/sensitive", "column")));
            }
            if (!suites.containsKey("primary")) {
                throw error("/suites", keyPath("/suites/primary") + " is required");
            }
            SuiteSpec primary = suites.get("primary");
            if (primary.slices().isEmpty() && primary.sensitive().isEmpty()) {
                throw error("/suites/primary", keyPath("/suites/primary/slices")
                        + " must name at least one slice column");
            }
            SuiteSpec holdout = suites.get("holdout");
            if (holdout != null) {
                requireOtherExamples(primary, holdout);
            }
            return suites;
        }

        /**
         * The held-out set corroborates the primary suite only as other examples: the primary suite's own file, under
         * its name or a copy's, would show the same results again as if they were independent evidence.
         */
        private void requireOtherExamples(SuiteSpec primary, SuiteSpec holdout) throws PackException {
            String at = "/suites/holdout/file";
            Path primaryFile = files.resolve(primary.file(), PackManifest.FILE_NAME, 0, 0);
            Path heldOutFile = files.resolve(holdout.file(), PackManifest.FILE_NAME, 0, 0);
            String remedy = ": the held-out set must be examples the evaluation set does not hold, or its results would"
                    + " count the same evidence twice; name the held-out examples' own file, or remove "
                    + keyPath("/suites/holdout") + " if the pack has none";
            try {
                if (Files.isSameFile(primaryFile, heldOutFile)) {
                    throw error(keys.get(at), keyPath(at) + " names " + holdout.file() + ", the primary suite's own"
                            + " file (" + keyPath("/suites/primary/file") + ")" + remedy);
                }
                // the sizes first: a copy's bytes are compared only when they could be the same; two empty files are
                // no copy (a row manifest's stand-ins are empty, and an empty suite is refused by its own reader)
                long size = Files.size(primaryFile);
                if (size > 0 && size == Files.size(heldOutFile) && Files.mismatch(primaryFile, heldOutFile) == -1L) {
                    throw error(keys.get(at), keyPath(at) + ": " + holdout.file() + " has the same bytes as "
                            + primary.file() + ", the primary suite's file (" + keyPath("/suites/primary/file") + ")"
                            + remedy);
                }
            } catch (IOException e) {
                throw error(keys.get(at), keyPath(at) + ": " + holdout.file() + " cannot be compared with "
                        + primary.file() + ": " + e.getMessage());
            }
        }

        /** @param what what the list names: "column", "class" */
        private List<String> stringList(String at, String what) throws PackException {
            JsonNode node = root.at(at);
            if (node.isMissingNode()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw mustBe(at, "a list of " + what + " names");
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String entry = at + "/" + i;
                if (!node.get(i).isTextual() || node.get(i).asText().isBlank()) {
                    throw mustBe(entry, "a non-empty " + what + " name");
                }
                int first = values.indexOf(node.get(i).asText());
                if (first >= 0) {
                    throw repeated(entry, node.get(i).asText(), at + "/" + first);
                }
                values.add(node.get(i).asText());
            }
            return values;
        }

        private static List<String> suiteKeys(String suite) {
            if (EVALUATION_SUITES.contains(suite)) {
                return List.of("file", "slices", "sensitive");
            }
            return suite.equals("drift") ? List.of("file", "numeric", "categorical") : List.of("file");
        }

        /** Refuses a key the format does not define here: a misspelt key must not silently fall back to nothing. */
        private void requireKnownKeys(String at, List<String> known) throws PackException {
            for (Iterator<String> names = root.at(at).fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    String unknown = child(at, name);
                    throw error(keys.get(unknown), "unknown key " + keyPath(unknown) + " (a typo?); known keys"
                            + " here: " + String.join(", ", known));
                }
            }
        }

        private void requireInsidePack(String pointer, String relative) throws PackException {
            JsonLocation location = locations.get(pointer);
            try {
                files.resolve(relative, PackManifest.FILE_NAME, location == null ? 0 : location.getLineNr(),
                        location == null ? 0 : location.getColumnNr());
            } catch (PackException refused) {
                // PackFiles says what is wrong with the file; which key names it is known only here
                throw error(pointer, keyPath(pointer) + ": " + refused.problem());
            }
        }

        private void requireObject(String at) throws PackException {
            if (root.at(at).isMissingNode()) {
                throw error(parentOf(at), keyPath(at) + " is required: a JSON object");
            }
            if (!root.at(at).isObject()) {
                throw mustBe(at, "a JSON object");
            }
        }

        private String text(String at) throws PackException {
            JsonNode node = root.at(at);
            if (node.isMissingNode() || node.isNull()) {
                throw error(parentOf(at), keyPath(at) + " is required");
            }
            if (!node.isTextual()) {
                throw mustBe(at, "a string");
            }
            return node.asText();
        }

        private String optionalText(String at) throws PackException {
            JsonNode node = root.at(at);
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                throw mustBe(at, "a string");
            }
            return node.asText();
        }

        /** The value at {@code pointer} is of the wrong kind: says what is expected and what is written instead. */
        private PackException mustBe(String pointer, String expected) {
            return error(pointer, StrictJson.mustBe(pointer, expected, root.at(pointer)));
        }

        /** The value at {@code pointer} repeats the one at {@code first}, where each may appear once. */
        private PackException repeated(String pointer, String value, String first) {
            return error(pointer, keyPath(pointer) + " '" + value + "' appears twice (also " + keyPath(first) + ")");
        }

        private PackException error(String pointer, String problem) {
            return error(locations.get(pointer), problem);
        }

        private static PackException error(JsonLocation location, String problem) {
            return new PackException(PackManifest.FILE_NAME, location == null ? 0 : location.getLineNr(),
                    location == null ? 0 : location.getColumnNr(), problem);
        }

        /** The pointer of key {@code name} of the object at {@code pointer}, with "/" and "~" in it escaped. */
        private static String child(String pointer, String name) {
            return JsonPointer.compile(pointer).appendProperty(name).toString();
        }

        private static String parentOf(String pointer) {
            int slash = pointer.lastIndexOf('/');
            return slash <= 0 ? "" : pointer.substring(0, slash);
        }
    }
}
