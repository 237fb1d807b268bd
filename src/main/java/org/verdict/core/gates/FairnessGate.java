package org.verdict.core.gates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.gates.evidence.Disparity;
import org.verdict.core.gates.evidence.FairnessEvidence;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.OptionalEvidence;
import org.verdict.core.stats.MetricFormat;

/**
 * Gate 3: no disparity of any sensitive attribute is worse for the candidate than for production by more than its
 * tolerance. The outcome follows the interval printed beside it: fails when the whole interval of the worsening lies
 * above the tolerance, passes when it lies wholly at or below it, and lacks evidence when it straddles the tolerance
 * (a worsening beyond tolerance can be neither ruled out nor shown).
 */
final class FairnessGate implements PromotionGate {
    private final GatePolicy policy;

    FairnessGate(GatePolicy policy) {
        this.policy = policy;
    }

    @Override
    public GateResult judge(ReviewEvidence evidence) {
        if (evidence.fairnessUnavailable() != null) {
            // worded as every other gate set aside: "not applicable — fairness rates … need a classification task"
            return GateResult.without(Gate.FAIRNESS, GateOutcome.NOT_APPLICABLE,
                    GateResult.NOT_APPLICABLE_PREFIX + evidence.fairnessUnavailable());
        }
        if (evidence.fairness().isEmpty() || evidence.fairness().get().attributes().isEmpty()) {
            return OptionalEvidence.SENSITIVE.absent(policy, evidence.riskTier(),
                    "sensitive column in the primary suite", "fairness cannot be judged");
        }
        FairnessEvidence fairness = evidence.fairness().get();
        List<Finding> findings = new ArrayList<>();
        for (FairnessEvidence.Attribute attribute : fairness.attributes()) {
            for (Disparity disparity : Disparity.values()) {
                findings.add(judge(fairness.positiveClass(), attribute, disparity,
                        attribute.disparities().get(disparity)));
            }
        }
        GateResult judged = GateResult.fromFindings(Gate.FAIRNESS, findings,
                "no disparity is worse than production beyond its tolerance");
        // every outcome names the class whose rates were measured, and why that one: a multiclass pack's is chosen
        return new GateResult(judged.gate(), judged.outcome(), judged.summary() + ". " + ratesOf(fairness),
                judged.findings());
    }

    /** "Rates of class 'rare': the rarest class of the primary labels, …", the words the Evidence heading uses. */
    private static String ratesOf(FairnessEvidence fairness) {
        return "Rates of class '" + fairness.positiveClass() + "': " + fairness.positiveClassReason();
    }

    private Finding judge(String positiveClass, FairnessEvidence.Attribute attribute, Disparity disparity,
                          FairnessEvidence.DisparityEstimate estimate) {
        String subject = attribute.name() + " " + disparity.wireName();
        if (!estimate.isDefined()) {
            return Finding.of(subject, GateOutcome.INSUFFICIENT_EVIDENCE, attribute.name() + ": "
                    + disparity.wireName() + " needs two groups of at least " + MetricFormat.count(policy.fairness().minGroupSize())
                    + " examples with positives and negatives" + groupSizes(attribute));
        }
        double tolerance = policy.fairness().toleranceOf(disparity.wireName());
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("production", estimate.production());
        numbers.put("candidate", estimate.candidate());
        numbers.put("worsening", estimate.worsening());
        numbers.put("worseningCiLower", estimate.worseningCi().lower());
        numbers.put("worseningCiUpper", estimate.worseningCi().upper());
        numbers.put("tolerance", tolerance);
        numbers.put("disagreements", (double) estimate.disagreements());
        // the change and its interval share decimals that keep the interval's ends apart
        MetricFormat changes = MetricFormat.RATE.apartFrom(tolerance).forInterval(estimate.worsening(),
                estimate.worseningCi().lower(), estimate.worseningCi().upper(), tolerance);
        GateOutcome outcome = estimate.worseningCi().lower() > tolerance ? GateOutcome.FAIL
                : estimate.worseningCi().upper() > tolerance ? GateOutcome.INSUFFICIENT_EVIDENCE : GateOutcome.PASS;
        // the outcome in plain words first (and what it rests on where the models agree), then the numbers and the
        // method behind them
        String text = attribute.name() + " " + disparity.wireName() + ": "
                + (estimate.fromAgreement() ? estimate.agreement(positiveClass)
                + ", so the change is bounded by how often they could differ on examples not seen; " : "")
                + inWords(disparity, outcome, estimate.worseningCi().lower(), estimate.worseningCi().upper(),
                        tolerance, changes)
                + ". Measured: candidate " + GateNumbers.value(estimate.candidate()) + " vs production "
                + GateNumbers.value(estimate.production()) + ", change in unfairness "
                + changes.signed(estimate.worsening()) + (estimate.worsening() < 0 ? " (fairer)" : "") + ", "
                + (estimate.fromAgreement() ? FairnessEvidence.AGREEMENT_INTERVAL : FairnessEvidence.WORSENING_INTERVAL)
                        .formatted(GateNumbers.level(policy.confidenceLevel())) + " ["
                + changes.signed(estimate.worseningCi().lower()) + ", "
                + changes.signed(estimate.worseningCi().upper()) + "]"
                + groupSizes(attribute)
                + (outcome == GateOutcome.INSUFFICIENT_EVIDENCE ? ". " + undecided(attribute, disparity, estimate,
                        tolerance, changes) : "");
        return new Finding(subject, outcome, text, numbers);
    }

    /**
     * What would settle a worsening whose interval straddles the tolerance, as the Safety gate says how many examples
     * would show a rate below its accepted one. The interval's half-width on the side that straddles is taken to
     * shrink as 1/√n with the groups growing in proportion, so n·(half-width / distance to the tolerance)² examples
     * bring that end to the tolerance if the change stays where it was measured: an approximation (a bootstrap
     * interval is not exactly normal, and an agreement bound shrinks faster), said as one, and none where the change
     * sits on the tolerance itself, which no sample size settles.
     */
    private String undecided(FairnessEvidence.Attribute attribute, Disparity disparity,
                             FairnessEvidence.DisparityEstimate estimate, double tolerance, MetricFormat changes) {
        String setting = "fairness.tolerances." + disparity.wireName();
        double change = estimate.worsening();
        if (change == tolerance) {
            return "The measured change is the allowed one, so no number of examples would settle it; the allowed"
                    + " change is the policy's " + setting;
        }
        long judged = attribute.groups().stream().filter(g -> !attribute.excludedGroups().contains(g.name()))
                .mapToLong(FairnessEvidence.Group::n).sum();
        boolean below = change < tolerance;
        double halfWidth = below ? estimate.worseningCi().upper() - change : change - estimate.worseningCi().lower();
        long needed = examplesToReach(judged, halfWidth, Math.abs(tolerance - change));
        return "About " + MetricFormat.count(needed) + " examples in these groups (now " + MetricFormat.count(judged)
                + "), in the same proportions, would show it " + (below ? "within" : "beyond") + " the allowed change"
                + " if the change stays at " + changes.signed(change) + " (an approximation: the interval taken to"
                + " narrow as 1/√n); the allowed change is the policy's " + setting;
    }

    /**
     * How many examples would bring an interval's end, now {@code halfWidth} from its estimate on {@code n} examples, to
     * a limit {@code distance} from it, were the estimate to stay put and the half-width to shrink as 1/√n: n ·
     * (halfWidth / distance)², rounded up as an approximation is said ({@link #roundedUp}).
     */
    static long examplesToReach(long n, double halfWidth, double distance) {
        return roundedUp(n * Math.pow(halfWidth / distance, 2));
    }

    /** {@code examples} rounded up to two significant digits, as an approximation is said: 14,312.6 → 15,000. */
    static long roundedUp(double examples) {
        double step = Math.pow(10, Math.max(0, Math.floor(Math.log10(Math.max(examples, 1))) - 1));
        return (long) (Math.ceil(examples / step) * step);
    }

    /**
     * What the interval of the worsening says against the tolerance, in words a board member reads without the
     * method: "the gap between groups may have grown by up to 0.2298 (allowed 0.0500): the data cannot tell". A ratio
     * (1 at parity) worsens by falling: "the gap … grew by at least 0.527" of a ratio that fell from 0.968 to 0.354
     * read backwards, so its words say it fell.
     */
    private static String inWords(Disparity disparity, GateOutcome outcome, double lower, double upper,
                                  double tolerance, MetricFormat changes) {
        boolean ratio = disparity.higherIsFairer();
        String subject = ratio ? "the ratio between groups (1 is parity) " : "the gap between groups ";
        String worsened = ratio ? "fell" : "grew";
        String allowed = " (allowed " + changes.value(tolerance) + ")";
        return subject + switch (outcome) {
            case FAIL -> worsened + " by at least " + changes.value(lower) + allowed;
            case INSUFFICIENT_EVIDENCE -> "may have " + (ratio ? "fallen" : "grown") + " by up to "
                    + changes.value(upper) + allowed + ": the data cannot tell whether it " + worsened
                    + " beyond that";
            default -> upper <= 0 ? "did not " + (ratio ? "fall" : "grow") + allowed
                    : worsened + " by at most " + changes.value(upper) + allowed;
        };
    }

    /**
     * "; groups a n=4,500, b n=350 (left out, too small: d n=28)": the sizes behind the disparity, so a reader can
     * tell a gap between two large groups from one that rests on a group of a few dozen.
     */
    private static String groupSizes(FairnessEvidence.Attribute attribute) {
        List<String> judged = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<String> fewExamples = new ArrayList<>();
        for (FairnessEvidence.Group group : attribute.groups()) {
            String sized = group.name() + " " + MetricFormat.sampleSize(group.n());
            boolean excluded = attribute.excludedGroups().contains(group.name());
            (excluded ? leftOut : judged).add(sized);
            if (!excluded && group.fewExamples()) {
                fewExamples.add(group.name());
            }
        }
        return (judged.isEmpty() ? "" : "; groups " + String.join(", ", judged))
                + (fewExamples.isEmpty() ? "" : " (" + String.join(" and ", fewExamples) + ": too few examples to "
                        + "know " + (fewExamples.size() == 1 ? "its" : "their") + " rates, redrawn from Jeffreys' "
                        + "prior, which widens the interval)")
                + (leftOut.isEmpty() ? "" : " (left out, too small: " + String.join(", ", leftOut) + ")");
    }
}
