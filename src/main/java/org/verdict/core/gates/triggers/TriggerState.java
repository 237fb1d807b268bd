package org.verdict.core.gates.triggers;

/** Whether a retraining trigger fired. */
public enum TriggerState {
    FIRED("fired"),
    QUIET("quiet"),
    /** The monitoring files needed to judge it are absent. */
    NO_EVIDENCE("no evidence");

    private final String label;

    TriggerState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
