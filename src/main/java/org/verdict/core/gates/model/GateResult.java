package org.verdict.core.gates.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one gate ended and why.
 *
 * @param summary one sentence for the checklist, with the deciding numbers
 * @param findings every judged part, in display order
 * @param notApplicableReason the policy's written reason when it declares the gate not applicable to this model,
 *                            else null
 * @param missingEvidence what optional evidence the pack lacks when that alone leaves the gate unjudged (e.g.
 *                        "latency suite"), else null: the gate is then not applicable, or lacks evidence where the
 *                        policy or the risk tier requires it ({@code OptionalEvidence})
 */
public record GateResult(Gate gate, GateOutcome outcome, String summary, List<Finding> findings,
                         String notApplicableReason, String missingEvidence) {
    /** The words that introduce a declared reason, everywhere it is shown: "not applicable — batch scoring". */
    public static final String NOT_APPLICABLE_PREFIX = GateOutcome.NOT_APPLICABLE.label() + " — ";

    public GateResult {
        findings = List.copyOf(findings);
    }

    /**
     * {@code text} as printed beside an outcome's own word (a checklist's outcome column, the CLI's table): a declared
     * gate's "not applicable — batch scoring" reads "batch scoring" there, so the words are not said twice.
     */
    public static String besideOutcome(String text) {
        return text.startsWith(NOT_APPLICABLE_PREFIX) ? text.substring(NOT_APPLICABLE_PREFIX.length()) : text;
    }

    public GateResult(Gate gate, GateOutcome outcome, String summary, List<Finding> findings) {
        this(gate, outcome, summary, findings, null, null);
    }

    /**
     * A gate judged from its findings. Findings that measure a worsening against a tolerance (numbers
     * {@code worsening} and {@code tolerance}, as fairness disparities do) lead with the largest excess over it;
     * others keep display order.
     */
    public static GateResult fromFindings(Gate gate, List<Finding> findings, String passSummary) {
        return fromFindings(gate, findings, passSummary, BY_EXCESS_OVER_TOLERANCE);
    }

    private static final Comparator<Finding> BY_EXCESS_OVER_TOLERANCE = Comparator.comparingDouble(f -> {
        Double worsening = f.numbers().get("worsening");
        Double tolerance = f.numbers().get("tolerance");
        return worsening == null || tolerance == null ? Double.POSITIVE_INFINITY : tolerance - worsening;
    });

    /**
     * A gate judged from its findings, its outcome combined by {@link GateOutcome#combine}; a summary that is not a
     * pass leads with the worst finding of the deciding outcome by {@code worstFirst} (ties keep display order), so
     * the checklist line names what matters most, not what comes first in the file.
     */
    public static GateResult fromFindings(Gate gate, List<Finding> findings, String passSummary,
                                          Comparator<Finding> worstFirst) {
        GateOutcome outcome = GateOutcome.combine(findings);
        String summary = switch (outcome) {
            case PASS -> passSummary;
            case NOT_APPLICABLE -> findings.get(0).detail();
            default -> findings.stream().filter(f -> f.outcome() == outcome).min(worstFirst).map(Finding::detail)
                    .orElseThrow()
                    + moreOf(gate, findings, outcome);
        };
        return new GateResult(gate, outcome, summary, findings);
    }

    /**
     * {@code judged} set aside by the policy with {@code reason}. Every finding then reads "not applicable — reason"
     * too, so no part of the gate contradicts its outcome; where the evidence in the pack could be judged (pass or
     * fail), the summary and each such finding say what it would have given, and the numbers stay.
     */
    public static GateResult declaredNotApplicable(GateResult judged, String reason) {
        String declared = NOT_APPLICABLE_PREFIX + reason;
        List<Finding> findings = judged.findings().stream()
                .map(f -> new Finding(f.subject(), GateOutcome.NOT_APPLICABLE,
                        declared + wouldGive(f.outcome(), f.detail()), f.numbers()))
                .toList();
        return new GateResult(judged.gate(), GateOutcome.NOT_APPLICABLE,
                declared + wouldGive(judged.outcome(), judged.summary()), findings, reason, null);
    }

    /** What judged evidence would give, said only where it was judgeable: missing or thin evidence adds nothing. */
    private static String wouldGive(GateOutcome outcome, String detail) {
        return switch (outcome) {
            case PASS, FAIL -> " (the evidence in the pack would give: " + outcome.label() + " — " + detail + ")";
            default -> "";
        };
    }

    /**
     * Why the gate was not evaluated, in a few words, when it is not applicable: "no safety suite", "declared: batch
     * scoring, no SLO", else its summary; null when it was evaluated.
     */
    public String notEvaluatedBecause() {
        if (outcome != GateOutcome.NOT_APPLICABLE) {
            return null;
        }
        return notApplicableReason != null ? "declared: " + notApplicableReason
                : missingEvidence != null ? "no " + missingEvidence : besideOutcome(summary);
    }

    /**
     * Why a gate is not applicable, in the words every reader counts such gates with (the approval text, which the
     * Gates view, {@code gate} and the approval pack print): the policy set it aside, the pack lacks the optional
     * evidence it judges, or the pack holds nothing for it to judge (the fairness rates of a regression).
     */
    public enum NotApplicable {
        DECLARED("declared by the policy"),
        EVIDENCE_ABSENT("optional evidence absent"),
        NOTHING_TO_JUDGE("nothing to judge");

        private final String label;

        NotApplicable(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * Why {@code gates} (all not applicable) were not evaluated: the one reason they share ("optional evidence
         * absent"), else each reason with its count ("5 declared by the policy, 3 optional evidence absent").
         */
        public static String counted(List<GateResult> gates) {
            List<String> reasons = new ArrayList<>();
            for (NotApplicable reason : values()) {
                long n = gates.stream().filter(g -> g.notApplicable() == reason).count();
                if (n == gates.size()) {
                    return reason.label;
                }
                if (n > 0) {
                    reasons.add(n + " " + reason.label);
                }
            }
            return String.join(", ", reasons);
        }
    }

    /** Why the gate is not applicable; null when it was evaluated. */
    public NotApplicable notApplicable() {
        if (outcome != GateOutcome.NOT_APPLICABLE) {
            return null;
        }
        return notApplicableReason != null ? NotApplicable.DECLARED
                : missingEvidence != null ? NotApplicable.EVIDENCE_ABSENT : NotApplicable.NOTHING_TO_JUDGE;
    }

    /** A gate that could not be judged at all. */
    public static GateResult without(Gate gate, GateOutcome outcome, String reason) {
        return new GateResult(gate, outcome, reason, List.of(Finding.of(gate.title(), outcome, reason)));
    }

    /**
     * The summary for a table that lists the gate's other blocking findings beneath it: "(and 2 more categories
     * that also fail)" becomes "(2 more below)", so the finding it counts is not announced as left out and then shown.
     */
    public String summaryAboveItsFindings() {
        String more = moreOf(gate, findings, outcome);
        return more.isEmpty() || !summary.endsWith(more) ? summary
                : summary.substring(0, summary.length() - more.length()) + " (" + (countOf(findings, outcome) - 1)
                        + " more below)";
    }

    /** "(and 6 more disparities that also lack evidence)": how many more, of what, with the same outcome. */
    private static String moreOf(Gate gate, List<Finding> findings, GateOutcome outcome) {
        long more = countOf(findings, outcome) - 1;
        if (more <= 0) {
            return "";
        }
        String also = outcome == GateOutcome.FAIL ? (more == 1 ? "fails" : "fail")
                : more == 1 ? "lacks evidence" : "lack evidence";
        return " (and " + more + " more " + gate.findingNoun(more) + " that also " + also + ")";
    }

    private static long countOf(List<Finding> findings, GateOutcome outcome) {
        return findings.stream().filter(f -> f.outcome() == outcome).count();
    }
}
