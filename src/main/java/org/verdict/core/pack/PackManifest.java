package org.verdict.core.pack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed {@code manifest.json} of a review pack (format {@code verdict-pack/1}).
 *
 * @param suites every suite entry by name, in manifest order; {@code primary} is always present
 * @param raw the manifest as read, so later suites can read their own settings without a format change
 * @param locations where each value stands in manifest.json, by JSON pointer, for a problem found later (a value
 *                  the rows contradict) to name its line and column; empty for a manifest made in code
 */
public record PackManifest(
        String format,
        ModelInfo model,
        List<ModelVersion> models,
        String primaryMetric,
        Map<String, SuiteSpec> suites,
        JsonNode raw,
        Map<String, JsonLocation> locations) {

    public static final String FORMAT_V1 = "verdict-pack/1";
    public static final String FILE_NAME = "manifest.json";

    public PackManifest {
        models = List.copyOf(models);
        locations = Map.copyOf(locations);
    }

    /** A manifest made in code, without a file to point into. */
    public PackManifest(String format, ModelInfo model, List<ModelVersion> models, String primaryMetric,
                        Map<String, SuiteSpec> suites, JsonNode raw) {
        this(format, model, models, primaryMetric, suites, raw, Map.of());
    }

    /** A problem with the value at {@code pointer} ("/model/positiveLabel"), at its line and column where known. */
    public PackException problemAt(String pointer, String problem) {
        JsonLocation location = locations.get(pointer);
        return new PackException(FILE_NAME, location == null ? 0 : location.getLineNr(),
                location == null ? 0 : location.getColumnNr(), problem);
    }

    public ModelVersion production() {
        return models.stream().filter(m -> m.role() == ModelRole.PRODUCTION).findFirst().orElseThrow();
    }

    public List<ModelVersion> candidates() {
        return models.stream().filter(m -> m.role() == ModelRole.CANDIDATE).toList();
    }

    /**
     * The version of the candidate to review: {@code requested}, or the first candidate when it is null.
     *
     * @throws IllegalArgumentException naming the pack's candidates when it has none by that version
     */
    public String candidateVersion(String requested) {
        List<String> versions = candidates().stream().map(ModelVersion::version).toList();
        String chosen = requested != null ? requested : versions.stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the pack has no candidate model"));
        if (!versions.contains(chosen)) {
            throw new IllegalArgumentException("no candidate version '" + chosen + "' in the pack; candidates: "
                    + String.join(", ", versions));
        }
        return chosen;
    }

    /**
     * {@link #candidateVersion} for a version a user asked for: an unknown one is refused as a {@link PackException} of
     * the manifest, which lists the candidates, so every command names it alike ({@code packs/x/manifest.json: no
     * candidate version '99' in the pack; candidates: 43}).
     */
    public String requestedCandidate(String requested) throws PackException {
        try {
            return candidateVersion(requested);
        } catch (IllegalArgumentException unknown) {
            throw new PackException(FILE_NAME, unknown.getMessage());
        }
    }

    public SuiteSpec primarySuite() {
        return suites.get("primary");
    }

    /** The pack's {@code policy.json} path, relative to the pack, when the manifest names one. */
    public Optional<String> policyFile() {
        JsonNode policy = raw.path("policy");
        return policy.isTextual() ? Optional.of(policy.asText()) : Optional.empty();
    }

    /** The classes a multiclass model may predict, when the manifest lists them in {@code model.classes}. */
    /**
     * A multiclass pack's classes in the order every view lists them: model.classes as the manifest lists them (the
     * order its author chose, "c2" before "c10"), a class no row uses among them, so a class the models may predict is
     * never dropped unseen; without model.classes the classes the rows use, sorted.
     */
    public List<String> multiclassOrder(Collection<String> used) {
        return declaredClasses().orElseGet(() -> used.stream().sorted().toList());
    }

    public Optional<List<String>> declaredClasses() {
        JsonNode classes = raw.path("model").path("classes");
        if (!classes.isArray()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        classes.forEach(name -> names.add(name.asText()));
        return Optional.of(List.copyOf(names));
    }

    public Task task() {
        return model.task();
    }

    public Optional<SuiteSpec> suite(String name) {
        return Optional.ofNullable(suites.get(name));
    }
}
