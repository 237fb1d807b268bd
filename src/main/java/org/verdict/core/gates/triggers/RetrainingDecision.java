package org.verdict.core.gates.triggers;

/** What the triggers suggest; a person confirms it. */
public enum RetrainingDecision {
    RETRAIN("retrain"), DEFER("defer"), INVESTIGATE("investigate");

    private final String label;

    RetrainingDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
