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
                findings.add(judge(evidence, fairness.positiveClass(), attribute, disparity,
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

    private Finding judge(ReviewEvidence evidence, String positiveClass, FairnessEvidence.Attribute attribute,
                          Disparity disparity, FairnessEvidence.DisparityEstimate estimate) {
        String subject = attribute.name() + " " + disparity.wireName();
        if (!estimate.isDefined()) {
            return Finding.of(subject, GateOutcome.INSUFFICIENT_EVIDENCE, attribute.name() + ": "
                    + disparity.wireName() + " needs two groups of at least " + MetricFormat.count(policy.fairness().minGroupSize())
                    + " examples with positives and negatives" + groupSizes(attribute));
        }
        double tolerance = policy.fairness().toleranceOf(disparity.wireName());
        if (estimate.candidateSelectsNone()) {
            return neverSelected(evidence, positiveClass, attribute, disparity, estimate, tolerance);
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        if (estimate.production() != null) {
            numbers.put("production", estimate.production());
        }
        numbers.put("candidate", estimate.candidate());
        if (estimate.productionSelectsNone()) {
            numbers.put("productionSelected", 0.0);
        }
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
                + (estimate.productionSelectsNone() ? baselineMissing(evidence, positiveClass, attribute, disparity)
                + "; " : "")
                + (estimate.fromAgreement() ? estimate.agreement(positiveClass)
                + ", so the change is bounded by how often they could differ on examples not seen; " : "")
                + inWords(disparity, outcome, estimate.worseningCi().lower(), estimate.worseningCi().upper(),
                        tolerance, changes)
                + ". Measured: candidate " + GateNumbers.value(estimate.candidate()) + " vs production "
                + (estimate.production() == null ? "undefined" : GateNumbers.value(estimate.production()))
                + (estimate.productionSelectsNone() ? " (selects none)" : "") + ", change in unfairness "
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
     * A disparity of a candidate that selects none of the examples its rates count (the class in no group, or for
     * equal opportunity no positive): its ratio is 0 / 0 and its differences are 0 because every rate is, so it shows
     * no disparity without treating groups alike in any sense that matters, and "fairer" would credit it for dropping
     * the class. Nothing can be measured, so the gate lacks evidence rather than passing (a fail would claim a
     * worsening nobody measured) and says both ways out: a model that selects the class, or a policy that watches a
     * class the candidate predicts.
     */
    private Finding neverSelected(ReviewEvidence evidence, String positiveClass, FairnessEvidence.Attribute attribute,
                                  Disparity disparity, FairnessEvidence.DisparityEstimate estimate, double tolerance) {
        boolean opportunity = disparity == Disparity.EQUAL_OPPORTUNITY_DIFFERENCE;
        long[] candidate = counted(attribute, disparity, false);
        long[] production = counted(attribute, disparity, true);
        Map<String, Double> numbers = new LinkedHashMap<>();
        if (estimate.production() != null) {
            numbers.put("production", estimate.production());
        }
        if (estimate.candidate() != null) {
            numbers.put("candidate", estimate.candidate());
        }
        numbers.put("candidateSelected", (double) candidate[1]);
        numbers.put("productionSelected", (double) production[1]);
        numbers.put("tolerance", tolerance);
        numbers.put("disagreements", (double) estimate.disagreements());
        String text = attribute.name() + " " + disparity.wireName() + ": candidate " + evidence.candidate()
                + predictsNone(positiveClass, opportunity, candidate[0])
                + (opportunity ? ": its TPR is 0 in every group" : ": its selection rate, TPR and FPR are 0 in every group")
                + ", so no disparity can be measured"
                + (disparity.higherIsFairer() ? " (its ratio is 0 / 0, undefined)"
                : " (its " + disparity.wireName() + " is 0 only because every rate is)")
                + "; parity here comes from never selecting the class, not from treating groups alike. Production "
                + evidence.production() + (production[1] == 0 ? " does not select it either"
                : " selects it on " + MetricFormat.count(production[1]) + (opportunity ? " of them" : "")
                + ", its own " + (disparity.higherIsFairer() ? "ratio " : "gap ")
                + GateNumbers.value(estimate.production()) + " [" + GateNumbers.value(estimate.productionCi().lower())
                + ", " + GateNumbers.value(estimate.productionCi().upper()) + "] ("
                + FairnessEvidence.DISPARITY_INTERVALS.formatted(GateNumbers.level(policy.confidenceLevel())) + ")")
                + groupSizes(attribute) + ". A model must select '" + positiveClass + "' to be judged on it: if the"
                + " candidate is meant to stop predicting it, the policy's fairness.positiveClass can name a class it"
                + " predicts; if not, its recall of '" + positiveClass + "' is lost (Compare, recall per class)";
        return new Finding(attribute.name() + " " + disparity.wireName(), GateOutcome.INSUFFICIENT_EVIDENCE, text,
                numbers);
    }

    /**
     * Why a production that selects none of the examples a disparity counts gives no baseline, and what the change is
     * measured from instead: "production m7 predicts 'x' on 0 of the 6,000 examples of these groups, so its
     * demographic_parity_ratio is 0 / 0, undefined: the change is the candidate's ratio measured from parity (1),
     * the fairest production could have been".
     */
    private static String baselineMissing(ReviewEvidence evidence, String positiveClass,
                                          FairnessEvidence.Attribute attribute, Disparity disparity) {
        return "production " + evidence.production() + predictsNone(positiveClass,
                disparity == Disparity.EQUAL_OPPORTUNITY_DIFFERENCE, counted(attribute, disparity, true)[0])
                + ", so its " + disparity.wireName()
                + (disparity.higherIsFairer() ? " is 0 / 0, undefined: the change is the candidate's ratio measured "
                + "from parity (1), the fairest production could have been"
                : " is 0 only because every rate is: the change is the candidate's own gap, measured from parity (0)");
    }

    /**
     * " predicts 'x' on 0 of the 6,000 examples of these groups", or for equal opportunity, whose rates count the
     * positives, " predicts 'x' for none of the 8 examples labelled 'x' in these groups".
     */
    private static String predictsNone(String positiveClass, boolean opportunity, long examples) {
        return opportunity ? " predicts '" + positiveClass + "' for none of the " + MetricFormat.count(examples)
                + " examples labelled '" + positiveClass + "' in these groups"
                : " predicts '" + positiveClass + "' on 0 of the " + MetricFormat.count(examples)
                + " examples of these groups";
    }

    /**
     * {examples, selected}: the examples of the judged groups that {@code disparity}'s rates count (the positives for
     * equal opportunity, every example otherwise) and how many of them the model selects.
     */
    private static long[] counted(FairnessEvidence.Attribute attribute, Disparity disparity, boolean production) {
        boolean opportunity = disparity == Disparity.EQUAL_OPPORTUNITY_DIFFERENCE;
        long examples = 0;
        long selected = 0;
        for (FairnessEvidence.Group group : attribute.groups()) {
            if (attribute.excludedGroups().contains(group.name())) {
                continue;
            }
            FairnessEvidence.Rates rates = production ? group.production() : group.candidate();
            long counted = opportunity ? group.positives() : group.n();
            examples += counted;
            Double rate = opportunity ? rates.tpr() : Double.valueOf(rates.selectionRate());
            selected += rate == null ? 0 : Math.round(rate * counted);
        }
        return new long[] {examples, selected};
    }

    /**
     * What would settle a worsening whose interval straddles the tolerance, as the Safety gate says how many examples
     * would show a rate below its accepted one. The interval's half-width on the side that straddles is taken to
     * shrink as 1/√n with the groups growing in proportion, so n·(half-width / distance to the tolerance)² examples
     * bring that end to the tolerance if the change stays where it was measured: an approximation (a bootstrap
     * interval is not exactly normal, and an agreement bound shrinks faster), said as one, and none where the change
     * sits on the tolerance itself, which no sample size settles, or where the interval is the whole range −1 to +1,
     * which has no width to extrapolate from.
     */
    private String undecided(FairnessEvidence.Attribute attribute, Disparity disparity,
                             FairnessEvidence.DisparityEstimate estimate, double tolerance, MetricFormat changes) {
        String setting = "fairness.tolerances." + disparity.wireName();
        double change = estimate.worsening();
        if (estimate.worseningCi().lower() <= -1 && estimate.worseningCi().upper() >= 1) {
            // an interval of every change a disparity can make has no width to shrink: n·(half-width / distance)²
            // would extrapolate from the bounds of the scale, not from the data
            return "The interval spans every change a disparity can make (−1 to +1): these groups hold too few of the"
                    + " examples these rates count to say how many more would settle it; the allowed change is the"
                    + " policy's " + setting;
        }
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
