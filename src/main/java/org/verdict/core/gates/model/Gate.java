package org.verdict.core.gates.model;

/**
 * Every gate Verdict judges: the seven promotion gates of the policy, then the data-validation gates.
 * Each links to the evidence view that shows its numbers.
 *
 * @see org.verdict.core.gates.GateEvaluator
 */
public enum Gate {
    PRIMARY_METRIC("primary_metric", "Primary metric", Kind.PROMOTION, "compare"),
    SAFETY("safety", "Safety", Kind.PROMOTION, "safety"),
    FAIRNESS("fairness", "Fairness", Kind.PROMOTION, "fairness"),
    LANGUAGE_PARITY("language_parity", "Language parity", Kind.PROMOTION, "language-parity"),
    LATENCY("latency", "Latency", Kind.PROMOTION, "latency"),
    CANARY("canary", "Canary / A-B", Kind.PROMOTION, "canary"),
    CIRCUIT_BREAKER("circuit_breaker", "Circuit breaker", Kind.PROMOTION, "metric-history"),
    SCHEMA("schema", "Schema", Kind.DATA_VALIDATION, "data-validation"),
    VOLUME("volume", "Volume per class, language and segment", Kind.DATA_VALIDATION, "data-validation"),
    CONTAMINATION("contamination", "Contamination", Kind.DATA_VALIDATION, "data-validation"),
    LABEL_QUALITY("label_quality", "Label quality", Kind.DATA_VALIDATION, "data-validation");

    /** Promotion gates come from the policy; data-validation gates check the evidence itself. */
    public enum Kind { PROMOTION, DATA_VALIDATION }

    private final String wireName;
    private final String title;
    private final Kind kind;
    private final String evidenceView;

    Gate(String wireName, String title, Kind kind, String evidenceView) {
        this.wireName = wireName;
        this.title = title;
        this.kind = kind;
        this.evidenceView = evidenceView;
    }

    /** Fixed name used in JSON. */
    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public Kind kind() {
        return kind;
    }

    /** Id of the view that shows this gate's evidence. */
    public String evidenceView() {
        return evidenceView;
    }
}
