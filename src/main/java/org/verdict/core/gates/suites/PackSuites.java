package org.verdict.core.gates.suites;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every optional suite of a pack, each empty when the pack does not have it. A missing suite is not an error:
 * the gate or view that needs it says plainly that it is missing.
 */
public record PackSuites(
        Optional<SafetySuite> safety,
        Optional<LatencySuite> latency,
        Optional<List<CanaryDay>> canary,
        Optional<List<HoldoutGroupPoint>> holdoutGroup,
        Optional<HumanBaselineSuite> humanBaseline,
        Optional<List<MetricHistoryPoint>> metricHistory,
        Optional<List<FeedbackDay>> feedback,
        Optional<List<Annotation>> annotations,
        Optional<TrainingIds> trainingIds,
        Optional<DriftSuite> drift,
        Optional<MonitoringSnapshot> monitoring) {

    public static final PackSuites NONE = new PackSuites(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** Manifest names of the optional suites this pack lacks, in manifest order of the format. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        addIfEmpty(missing, "safety", safety);
        addIfEmpty(missing, "latency", latency);
        addIfEmpty(missing, "canary", canary);
        addIfEmpty(missing, "holdoutGroup", holdoutGroup);
        addIfEmpty(missing, "humanBaseline", humanBaseline);
        addIfEmpty(missing, "metricHistory", metricHistory);
        addIfEmpty(missing, "feedback", feedback);
        addIfEmpty(missing, "annotations", annotations);
        addIfEmpty(missing, "trainingIds", trainingIds);
        addIfEmpty(missing, "drift", drift);
        addIfEmpty(missing, "monitoring", monitoring);
        return missing;
    }

    private static void addIfEmpty(List<String> missing, String name, Optional<?> suite) {
        if (suite.isEmpty()) {
            missing.add(name);
        }
    }
}
