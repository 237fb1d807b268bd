package org.verdict.core.gates.model;

import java.util.Collection;

/** How a gate (or one finding of it) ended. */
public enum GateOutcome {
    PASS("pass"),
    FAIL("fail"),
    INSUFFICIENT_EVIDENCE("insufficient evidence"),
    /**
     * Not evaluated: the gate's optional evidence is absent and neither the policy nor the risk tier requires it, the
     * policy declares the gate not applicable with a reason, or there is nothing for it to judge.
     */
    NOT_APPLICABLE("not applicable");

    private final String label;

    GateOutcome(String label) {
        this.label = label;
    }

    /** The text shown to people and written to JSON. */
    public String label() {
        return label;
    }

    /** Whether this outcome stops a promotion: a failure, or evidence too thin to judge. */
    public boolean blocksPromotion() {
        return this == FAIL || this == INSUFFICIENT_EVIDENCE;
    }

    /**
     * A gate's outcome from its findings: any failure fails it; else any insufficient evidence; else it passes.
     * Not-applicable findings do not count; a gate with only those is not applicable.
     */
    public static GateOutcome combine(Collection<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.outcome() == FAIL)) {
            return FAIL;
        }
        if (findings.stream().anyMatch(f -> f.outcome() == INSUFFICIENT_EVIDENCE)) {
            return INSUFFICIENT_EVIDENCE;
        }
        if (findings.stream().anyMatch(f -> f.outcome() == PASS)) {
            return PASS;
        }
        return findings.isEmpty() ? INSUFFICIENT_EVIDENCE : NOT_APPLICABLE;
    }
}
