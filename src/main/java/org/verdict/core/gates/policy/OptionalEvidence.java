package org.verdict.core.gates.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;

/**
 * Evidence a pack may lack, by the name the policy's {@code requiredSuites} gives it: optional suites by their
 * manifest name, and the primary suite's sensitive columns ({@code sensitive}) and language column
 * ({@code language}). Absent and not required, its gate is not applicable and says so in words; absent and required
 * — by the policy, or by risk tier 3 for safety and fairness — the gate lacks evidence.
 */
public enum OptionalEvidence {
    SAFETY("safety", Gate.SAFETY, "safety.csv as the manifest's safety suite"),
    SENSITIVE("sensitive", Gate.FAIRNESS, "the columns to the primary suite's \"sensitive\" list"),
    LANGUAGE("language", Gate.LANGUAGE_PARITY, "the column to the primary suite's \"slices\""),
    LATENCY("latency", Gate.LATENCY, "latency.csv as the manifest's latency suite"),
    CANARY("canary", Gate.CANARY, "the canary run as the manifest's canary suite"),
    METRIC_HISTORY("metricHistory", Gate.CIRCUIT_BREAKER, "metric_history.csv as the manifest's metricHistory suite"),
    ANNOTATIONS("annotations", Gate.LABEL_QUALITY, "the annotations as the manifest's annotations suite"),
    TRAINING_IDS("trainingIds", Gate.CONTAMINATION, "the training-id list as the manifest's trainingIds suite");

    /**
     * Evidence a tier-3 model (reviewed by AI Safety, Product and the ML lead) must have unless its policy declares
     * the gate not applicable with a written reason: a high-risk model is not promoted on silence about harm and bias.
     */
    public static final List<OptionalEvidence> REQUIRED_AT_TIER_3 = List.of(SAFETY, SENSITIVE);

    private final String wireName;
    private final Gate gate;
    private final String toAdd;

    OptionalEvidence(String wireName, Gate gate, String toAdd) {
        this.wireName = wireName;
        this.gate = gate;
        this.toAdd = toAdd;
    }

    /** The name {@code requiredSuites} lists it by. */
    public String wireName() {
        return wireName;
    }

    /** The gate it is the evidence of. */
    public Gate gate() {
        return gate;
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(OptionalEvidence::wireName).toList();
    }

    public static Optional<OptionalEvidence> named(String wireName) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(wireName)).findFirst();
    }

    /** The evidence of {@code gate}, for a policy that names the gate where the evidence is meant. */
    static Optional<OptionalEvidence> of(Gate gate) {
        return Arrays.stream(values()).filter(e -> e.gate == gate).findFirst();
    }

    /**
     * The gate when the pack lacks this evidence. Not required: not applicable, "the pack has no safety suite; list
     * "safety" in the policy's requiredSuites to require one". Required by the policy's {@code requiredSuites}, or
     * at tier 3 for {@link #REQUIRED_AT_TIER_3}: insufficient evidence, naming what requires it and the way out.
     * Either way {@link GateResult#missingEvidence()} names what is missing.
     *
     * @param missing what the pack lacks, e.g. "safety suite"
     * @param why why that leaves the gate unjudged, e.g. "safety cannot be judged"
     */
    public GateResult absent(GatePolicy policy, int riskTier, String missing, String why) {
        return absent(policy, riskTier, missing, why, "");
    }

    /**
     * {@link #absent(GatePolicy, int, String, String)} with {@code hint} after the summary, e.g. which column the
     * evidence may be under another name; empty for none.
     */
    public GateResult absent(GatePolicy policy, int riskTier, String missing, String why, String hint) {
        boolean listed = policy.requiredSuites().contains(wireName);
        boolean required = listed || riskTier == 3 && REQUIRED_AT_TIER_3.contains(this);
        String unjudged = "no " + missing + ", so " + why + ", and ";
        String summary = listed
                ? unjudged + "the policy requires it (\"" + wireName + "\" in requiredSuites) — add " + toAdd
                // a tier-3 board may still set the gate aside, but only in writing, and the reason is signed with it
                : required ? unjudged + "risk tier 3 requires it — add " + toAdd + ", or declare the gate not "
                        + "applicable in the policy with the board's reason: \"notApplicable\": {\""
                        + gate.wireName() + "\": \"<reason>\"}"
                : GateResult.NOT_APPLICABLE_PREFIX + "the pack has no " + missing + "; list \"" + wireName
                        + "\" in the policy's requiredSuites to require " + (missing.endsWith("s") ? "them" : "one");
        summary = hint.isEmpty() ? summary : summary + "; " + hint;
        GateOutcome outcome = required ? GateOutcome.INSUFFICIENT_EVIDENCE : GateOutcome.NOT_APPLICABLE;
        return new GateResult(gate, outcome, summary, List.of(Finding.of(gate.title(), outcome, summary)), null,
                missing);
    }
}
