package org.verdict.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Predicate;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;

/** The JSON of {@code verdict compare --json}, documented in docs/compare-json.md. Scripts read these names. */
public final class ComparisonJson {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The results that pass {@code keep} (e.g. one metric), with a multiclass pack's per-class precision and recall
     * (none: empty).
     */
    public String write(ComparisonReport report, Predicate<SliceResult> keep, List<ClassRates> perClass) {
        return write(report, keep, perClass, null);
    }

    /**
     * @param summary a summary pack's provenance and methods (its manifest's {@code summary} object with
     *                {@code methods}), written as {@code summary}; null for a row-level pack
     */
    public String write(ComparisonReport report, Predicate<SliceResult> keep, List<ClassRates> perClass,
                        JsonNode summary) {
        try {
            ObjectNode root = toJson(report, keep);
            if (summary != null) {
                root.set("summary", summary);
            }
            if (!perClass.isEmpty()) {
                ArrayNode classes = root.putArray("perClass");
                perClass.forEach(rates -> classes.add(toJson(rates)));
            }
            if (!report.classRecalls().isEmpty()) {
                root.set("perClassRecall", perClassRecall(report));
            }
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    ObjectNode toJson(ComparisonReport report, Predicate<SliceResult> keep) {
        ObjectNode root = mapper.createObjectNode();
        root.put("pack", report.packName());
        root.put("production", report.productionVersion());
        root.put("candidate", report.candidateVersion());
        root.put("primaryMetric", report.primaryMetric().wireName());
        ComparisonOptions options = report.options();
        options.targetUnit().written().ifPresent(unit -> root.put("targetUnit", unit));
        root.put("confidenceLevel", options.confidenceLevel());
        root.put("minN", options.minSliceSize());
        root.put("minDetectableEffect", options.minDetectableEffect());
        options.primaryBand().ifPresent(band -> {
            ObjectNode primaryBand = root.putObject("primaryBand");
            primaryBand.put("metric", band.metric().wireName());
            primaryBand.put("margin", band.margin());
            primaryBand.put("origin", band.origin());
        });
        root.put("bootstrapReplicates", options.bootstrapReplicates());
        root.put("seed", options.seed());
        ObjectNode origins = root.putObject("origins");
        origins.put("confidenceLevel", options.origins().confidenceLevel());
        origins.put("seed", options.origins().seed());
        ObjectNode correction = root.putObject("correction");
        correction.put("method", options.correction().wireName());
        correction.put("scope", "each metric across its slices and crosses; the overall slice is tested alone");
        correction.put("tests", report.correctedTests());
        ObjectNode byMetric = correction.putObject("testsByMetric");
        report.correctedTestsByMetric().forEach((metric, tests) -> byMetric.put(metric.wireName(), tests));
        ArrayNode results = root.putArray("results");
        for (SliceResult result : report.results()) {
            if (keep.test(result)) {
                results.add(toJson(result));
            }
        }
        return root;
    }

    private ObjectNode toJson(SliceResult r) {
        ObjectNode node = mapper.createObjectNode();
        ArrayNode dimensions = node.putArray("dimensions");
        r.slice().dimensions().forEach(dimensions::add);
        ArrayNode values = node.putArray("values");
        r.slice().values().forEach(values::add);
        node.put("n", r.n());
        Metric metric = r.metric();
        node.put("metric", metric.wireName());
        if (metric.inTargetUnits()) {
            // the unit of this result's values, intervals and Δ; a ratio, a share or r2 has none
            r.targetUnit().written().ifPresent(unit -> node.put("unit", unit));
        }
        // null where the metric has no direction (selection_rate): a script orienting Δ by it must not get one made up
        node.put("higherIsBetter", metric.hasDirection() ? metric.higherIsBetter() : null);
        node.put("primary", r.primary());
        node.put("production", r.production() == null ? null : r.production().value());
        node.put("candidate", r.candidate() == null ? null : r.candidate().value());
        node.put("delta", r.delta());
        putInterval(node, "ci", r.deltaCi());
        if (r.boundEnds(r.deltaCi()) != null) {
            node.put("ciAtBound", r.boundEnds(r.deltaCi()).wireName());
        }
        ShownInterval shown = r.shownInterval();
        node.put("family", shown == null ? null : shown.family().wireName());
        node.put("ciLevel", shown == null ? null : shown.level());
        node.put("ciAdjustment", shown == null ? null : shown.adjustment());
        putInterval(node, "unadjustedCi", r.unadjustedCi());
        putInterval(node, "productionCi", r.production() == null ? null : r.production().ci());
        putInterval(node, "candidateCi", r.candidate() == null ? null : r.candidate().ci());
        if (r.production() != null && r.production().ciFallback() != null) {
            node.put("productionCiFallback", r.production().ciFallback());
        }
        if (r.candidate() != null && r.candidate().ciFallback() != null) {
            node.put("candidateCiFallback", r.candidate().ciFallback());
        }
        node.put("pValue", r.pValue());
        node.put("adjustedP", r.adjustedP());
        node.put("test", r.test());
        node.put("method", TestMethods.methodOf(r));
        node.put("verdict", r.verdict().label());
        if (r.unavailableReason() != null) {
            node.put("unavailable", r.unavailableReason());
        }
        if (r.unstableReason() != null) {
            node.put("unstable", r.unstableReason());
        }
        if (r.noInformationReason() != null) {
            node.put("noInformation", r.noInformationReason());
        }
        if (r.note() != null) {
            node.put("note", r.note());
        }
        return node;
    }

    /**
     * Each class's paired comparison of recall, slice by slice: the fields of a result (its metric {@code recall},
     * its {@code n} the class's rows in the slice) with the class after the slice, and the size of each family.
     */
    private ObjectNode perClassRecall(ComparisonReport report) {
        ObjectNode section = mapper.createObjectNode();
        ObjectNode families = section.putObject("families");
        report.classFamilySizes().forEach((family, size) -> families.put(family.wireName(), size));
        ArrayNode results = section.putArray("results");
        for (ClassRecall recall : report.classRecalls()) {
            ObjectNode result = toJson(recall.result());
            ObjectNode node = results.addObject();
            node.set("dimensions", result.remove("dimensions"));
            node.set("values", result.remove("values"));
            node.put("class", recall.className());
            result.remove("primary");
            node.setAll(result);
        }
        return section;
    }

    private ObjectNode toJson(ClassRates rates) {
        ObjectNode node = mapper.createObjectNode();
        rates.slice().dimensions().forEach(node.putArray("dimensions")::add);
        rates.slice().values().forEach(node.putArray("values")::add);
        node.put("class", rates.className());
        node.put("support", rates.support());
        ObjectNode production = node.putObject("production");
        putRate(production, "precision", rates.productionPrecision());
        putRate(production, "recall", rates.productionRecall());
        ObjectNode candidate = node.putObject("candidate");
        putRate(candidate, "precision", rates.candidatePrecision());
        putRate(candidate, "recall", rates.candidateRecall());
        return node;
    }

    private static void putRate(ObjectNode node, String name, ClassRates.Rate rate) {
        ObjectNode out = node.putObject(name);
        out.put("value", rate.value());
        putInterval(out, "ci", rate.ci());
        out.put("successes", rate.successes());
        out.put("n", rate.trials());
        if (rate.unavailableReason() != null) {
            out.put("unavailable", rate.unavailableReason());
        }
    }

    private static void putInterval(ObjectNode node, String name, Interval interval) {
        if (interval == null) {
            node.putNull(name);
        } else {
            node.putArray(name).add(interval.lower()).add(interval.upper());
        }
    }
}
