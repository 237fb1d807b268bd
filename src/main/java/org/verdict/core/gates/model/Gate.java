package org.verdict.core.gates.model;

/**
 * Every gate Verdict judges: the eight promotion gates of the policy, then the data-validation gates.
 * Each links to the evidence view that shows its numbers.
 *
 * @see org.verdict.core.gates.GateEvaluator
 */
public enum Gate {
    PRIMARY_METRIC("primary_metric", "Primary metric", Kind.PROMOTION, EvidencePageId.COMPARE),
    SLICES("slices", "Slices", Kind.PROMOTION, EvidencePageId.COMPARE),
    SAFETY("safety", "Safety", Kind.PROMOTION, EvidencePageId.SAFETY),
    FAIRNESS("fairness", "Fairness", Kind.PROMOTION, EvidencePageId.FAIRNESS),
    LANGUAGE_PARITY("language_parity", "Language parity", Kind.PROMOTION, EvidencePageId.LANGUAGE_PARITY),
    LATENCY("latency", "Latency", Kind.PROMOTION, EvidencePageId.LATENCY),
    CANARY("canary", "Canary / A-B", Kind.PROMOTION, EvidencePageId.CANARY),
    CIRCUIT_BREAKER("circuit_breaker", "Circuit breaker", Kind.PROMOTION, EvidencePageId.METRIC_HISTORY),
    SCHEMA("schema", "Schema", Kind.DATA_VALIDATION, EvidencePageId.DATA_VALIDATION),
    VOLUME("volume", "Volume per class, language and segment", Kind.DATA_VALIDATION, EvidencePageId.DATA_VALIDATION),
    CONTAMINATION("contamination", "Contamination", Kind.DATA_VALIDATION, EvidencePageId.DATA_VALIDATION),
    LABEL_QUALITY("label_quality", "Label quality", Kind.DATA_VALIDATION, EvidencePageId.DATA_VALIDATION);

    /** Promotion gates come from the policy; data-validation gates check the evidence itself. */
    public enum Kind { PROMOTION, DATA_VALIDATION }

    private final String wireName;
    private final String title;
    private final Kind kind;
    private final EvidencePageId evidencePage;

    Gate(String wireName, String title, Kind kind, EvidencePageId evidencePage) {
        this.wireName = wireName;
        this.title = title;
        this.kind = kind;
        this.evidencePage = evidencePage;
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

    /**
     * What {@code n} of the gate's findings are, so "(and 6 more …)" says more of what: "disparities" of Fairness,
     * "languages" of Language parity.
     */
    public String findingNoun(long n) {
        String[] noun = switch (this) {
            case SLICES -> new String[] {"slice", "slices"};
            case SAFETY -> new String[] {"category", "categories"};
            case FAIRNESS -> new String[] {"disparity", "disparities"};
            case LANGUAGE_PARITY -> new String[] {"language", "languages"};
            case LATENCY -> new String[] {"percentile", "percentiles"};
            default -> new String[] {"finding", "findings"};
        };
        return noun[n == 1 ? 0 : 1];
    }

    /** Where this gate's evidence is shown. */
    public EvidencePageId evidencePage() {
        return evidencePage;
    }
}
