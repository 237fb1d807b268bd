package org.verdict.core.compare;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;

/**
 * The JSON of {@code verdict compare --json}, documented in docs/compare-json.md. Scripts read these names.
 *
 * <p>Written field by field to the output (a streaming generator) rather than built as a tree and serialised to one
 * string: a 1,000,000-row comparison's JSON is 750 KB, and in a fresh process the tree, the string and its copy were
 * about a tenth of a second on the main thread after the comparison (docs/benchmarks.md).
 */
public final class ComparisonJson {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

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
        StringWriter out = new StringWriter();
        try {
            write(out, report, keep, perClass, summary);
        } catch (IOException e) {
            throw new IllegalStateException("a string takes every write", e);
        }
        return out.toString();
    }

    /**
     * The same document written to {@code out} as it is made, without a line end after it; {@code out} is flushed,
     * not closed.
     */
    public void write(Writer out, ComparisonReport report, Predicate<SliceResult> keep, List<ClassRates> perClass,
                      JsonNode summary) throws IOException {
        write(out, report, keep, perClass, summary, List.of());
    }

    /**
     * @param warnings what puts the comparison itself in question (a candidate predicting one constant), written as
     *                 {@code warnings} after the header when there is any
     */
    public void write(Writer out, ComparisonReport report, Predicate<SliceResult> keep, List<ClassRates> perClass,
                      JsonNode summary, List<String> warnings) throws IOException {
        try (JsonGenerator json = mapper.writer().createGenerator(out)) {
            json.writeStartObject();
            writeHeader(json, report);
            if (!warnings.isEmpty()) {
                writeStrings(json, "warnings", warnings);
            }
            json.writeArrayFieldStart("results");
            for (SliceResult result : report.results()) {
                if (keep.test(result)) {
                    writeResult(json, result, null, report.constantSliceOf(result.slice()).orElse(null));
                }
            }
            json.writeEndArray();
            if (summary != null) {
                json.writeFieldName("summary");
                mapper.writeTree(json, summary);
            }
            if (!perClass.isEmpty()) {
                json.writeArrayFieldStart("perClass");
                for (ClassRates rates : perClass) {
                    writeRates(json, rates);
                }
                json.writeEndArray();
            }
            if (!report.classRecalls().isEmpty()) {
                writePerClassRecall(json, report);
            }
            json.writeEndObject();
        }
    }

    private static void writeHeader(JsonGenerator json, ComparisonReport report) throws IOException {
        json.writeStringField("pack", report.packName());
        json.writeStringField("production", report.productionVersion());
        json.writeStringField("candidate", report.candidateVersion());
        json.writeStringField("primaryMetric", report.primaryMetric().wireName());
        ComparisonOptions options = report.options();
        Optional<String> targetUnit = options.targetUnit().written();
        if (targetUnit.isPresent()) {
            json.writeStringField("targetUnit", targetUnit.get());
        }
        json.writeNumberField("confidenceLevel", options.confidenceLevel());
        json.writeNumberField("minN", options.minSliceSize());
        json.writeNumberField("minDetectableEffect", options.minDetectableEffect());
        Optional<PrimaryBand> band = options.primaryBand();
        if (band.isPresent()) {
            json.writeObjectFieldStart("primaryBand");
            json.writeStringField("metric", band.get().metric().wireName());
            json.writeNumberField("margin", band.get().margin());
            json.writeStringField("origin", band.get().origin());
            json.writeEndObject();
        }
        json.writeNumberField("bootstrapReplicates", options.bootstrapReplicates());
        json.writeNumberField("seed", options.seed());
        json.writeObjectFieldStart("origins");
        json.writeStringField("confidenceLevel", options.origins().confidenceLevel());
        json.writeStringField("seed", options.origins().seed());
        json.writeEndObject();
        json.writeObjectFieldStart("correction");
        json.writeStringField("method", options.correction().wireName());
        json.writeStringField("scope", "each metric across its slices and crosses; the overall slice is tested alone");
        json.writeNumberField("tests", report.correctedTests());
        json.writeObjectFieldStart("testsByMetric");
        for (Map.Entry<Metric, Integer> tests : report.correctedTestsByMetric().entrySet()) {
            writeNumber(json, tests.getKey().wireName(), tests.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * One result's fields; a class's recall ({@code className} not null) has its class after the slice and no
     * {@code primary}; a result of a slice on which the candidate is constant ({@code constant} not null) says so.
     */
    private static void writeResult(JsonGenerator json, SliceResult r, String className, ConstantSlice constant)
            throws IOException {
        json.writeStartObject();
        writeStrings(json, "dimensions", r.slice().dimensions());
        writeStrings(json, "values", r.slice().values());
        if (className != null) {
            json.writeStringField("class", className);
        }
        json.writeNumberField("n", r.n());
        if (!r.counts().isNone()) {
            writeCounts(json, r.counts());
        }
        Metric metric = r.metric();
        json.writeStringField("metric", metric.wireName());
        if (metric.inTargetUnits()) {
            // the unit of this result's values, intervals and Δ; a ratio, a share or r2 has none
            Optional<String> unit = r.targetUnit().written();
            if (unit.isPresent()) {
                json.writeStringField("unit", unit.get());
            }
        }
        // null where the metric has no direction (selection_rate): a script orienting Δ by it must not get one made up
        json.writeFieldName("higherIsBetter");
        if (metric.hasDirection()) {
            json.writeBoolean(metric.higherIsBetter());
        } else {
            json.writeNull();
        }
        if (className == null) {
            json.writeBooleanField("primary", r.primary());
        }
        writeNumber(json, "production", r.production() == null ? null : r.production().value());
        writeNumber(json, "candidate", r.candidate() == null ? null : r.candidate().value());
        writeNumber(json, "delta", r.delta());
        writeInterval(json, "ci", r.deltaCi());
        if (r.boundEnds(r.deltaCi()) != null) {
            json.writeStringField("ciAtBound", r.boundEnds(r.deltaCi()).wireName());
        }
        ShownInterval shown = r.shownInterval();
        writeString(json, "family", shown == null ? null : shown.family().wireName());
        writeNumber(json, "ciLevel", shown == null ? null : shown.level());
        writeString(json, "ciAdjustment", shown == null ? null : shown.adjustment());
        writeInterval(json, "unadjustedCi", r.unadjustedCi());
        writeInterval(json, "productionCi", r.production() == null ? null : r.production().ci());
        writeInterval(json, "candidateCi", r.candidate() == null ? null : r.candidate().ci());
        if (r.production() != null && r.production().ciFallback() != null) {
            json.writeStringField("productionCiFallback", r.production().ciFallback());
        }
        if (r.candidate() != null && r.candidate().ciFallback() != null) {
            json.writeStringField("candidateCiFallback", r.candidate().ciFallback());
        }
        writeNumber(json, "pValue", r.pValue());
        writeNumber(json, "adjustedP", r.adjustedP());
        writeString(json, "test", r.test());
        writeString(json, "method", TestMethods.methodOf(r));
        // the band the verdict read the interval against, in the metric's units: E, E², a share of production's
        // value or the primary margin, so a script can re-check "no significant difference" and "inconclusive"
        writeNumber(json, "band", r.equivalenceBand());
        json.writeStringField("verdict", r.verdict().label());
        if (r.unavailableReason() != null) {
            json.writeStringField("unavailable", r.unavailableReason());
        }
        if (r.unstableReason() != null) {
            json.writeStringField("unstable", r.unstableReason());
        }
        if (r.noInformationReason() != null) {
            json.writeStringField("noInformation", r.noInformationReason());
        }
        if (r.note() != null) {
            json.writeStringField("note", r.note());
        }
        if (constant != null) {
            json.writeStringField("constantPredictions", constant.note());
        }
        json.writeEndObject();
    }

    /**
     * Each class's paired comparison of recall, slice by slice: the fields of a result (its metric {@code recall},
     * its {@code n} the class's rows in the slice) with the class after the slice, and the size of each family.
     */
    private static void writePerClassRecall(JsonGenerator json, ComparisonReport report) throws IOException {
        json.writeObjectFieldStart("perClassRecall");
        json.writeObjectFieldStart("families");
        for (Map.Entry<TestFamily, Integer> family : report.classFamilySizes().entrySet()) {
            writeNumber(json, family.getKey().wireName(), family.getValue());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("results");
        for (ClassRecall recall : report.classRecalls()) {
            writeResult(json, recall.result(), recall.className(), null);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** What the result's metric rests on besides n: only the counts it does (docs/compare-json.md, "One result"). */
    private static void writeCounts(JsonGenerator json, MetricCounts counts) throws IOException {
        json.writeObjectFieldStart("counts");
        if (counts.positives() != null) {
            json.writeNumberField("positives", counts.positives());
        }
        if (counts.negatives() != null) {
            json.writeNumberField("negatives", counts.negatives());
        }
        if (counts.productionPredictedPositives() != null) {
            json.writeObjectFieldStart("predictedPositives");
            json.writeNumberField("production", counts.productionPredictedPositives());
            json.writeNumberField("candidate", counts.candidatePredictedPositives());
            json.writeEndObject();
        }
        if (counts.smallestClass() != null) {
            json.writeObjectFieldStart("smallestClass");
            json.writeStringField("class", counts.smallestClass());
            json.writeNumberField("support", counts.smallestClassSupport());
            json.writeEndObject();
        }
        if (counts.labelZeroLeftOut() != null) {
            json.writeNumberField("labelZeroLeftOut", counts.labelZeroLeftOut());
        }
        json.writeEndObject();
    }

    private static void writeRates(JsonGenerator json, ClassRates rates) throws IOException {
        json.writeStartObject();
        writeStrings(json, "dimensions", rates.slice().dimensions());
        writeStrings(json, "values", rates.slice().values());
        json.writeStringField("class", rates.className());
        json.writeNumberField("support", rates.support());
        json.writeObjectFieldStart("production");
        writeRate(json, "precision", rates.productionPrecision());
        writeRate(json, "recall", rates.productionRecall());
        json.writeEndObject();
        json.writeObjectFieldStart("candidate");
        writeRate(json, "precision", rates.candidatePrecision());
        writeRate(json, "recall", rates.candidateRecall());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeRate(JsonGenerator json, String name, ClassRates.Rate rate) throws IOException {
        json.writeObjectFieldStart(name);
        writeNumber(json, "value", rate.value());
        writeInterval(json, "ci", rate.ci());
        json.writeNumberField("successes", rate.successes());
        json.writeNumberField("n", rate.trials());
        if (rate.unavailableReason() != null) {
            json.writeStringField("unavailable", rate.unavailableReason());
        }
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void writeString(JsonGenerator json, String name, String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }

    private static void writeNumber(JsonGenerator json, String name, Double value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value.doubleValue());
        }
    }

    private static void writeNumber(JsonGenerator json, String name, Integer value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value.intValue());
        }
    }

    private static void writeInterval(JsonGenerator json, String name, Interval interval) throws IOException {
        json.writeFieldName(name);
        if (interval == null) {
            json.writeNull();
        } else {
            json.writeStartArray();
            json.writeNumber(interval.lower());
            json.writeNumber(interval.upper());
            json.writeEndArray();
        }
    }
}
