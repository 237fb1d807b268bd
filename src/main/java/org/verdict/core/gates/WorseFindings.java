package org.verdict.core.gates;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What is significantly worse beyond the gates' outcomes, one line per finding, as the Gates view, {@code verdict
 * gate}, the approval pack and the Record-decision dialog all show it: a board reads these before it promotes.
 *
 * @param slices the slices significantly worse on the primary metric, the largest loss first
 * @param slicesHeading the sentence above {@code slices}, or in their place when there is none, saying how many slices
 *                      were tested and which could not be ({@code SliceCoverage}); empty when not judged
 * @param overall what else is significantly worse overall, which no gate judges (other metrics, each class's recall)
 * @param nothingElse what stands in place of {@code overall} when it is empty, naming what was looked at (no class's
 *                    recall for a task without classes); empty when not judged
 * @param lostClasses the classes the candidate loses though no test shows it, in one sentence
 *                    ({@code ComparisonReport.lostClassesText()}), said after {@code overall} or {@code nothingElse}
 *                    whichever stands; empty when it loses none or nothing was judged
 * @param heldOut the slices (and the overall row) significantly worse on the primary metric on the held-out
 *                evaluation set, the largest loss first: evidence only, which no gate judges, so a loss the primary
 *                suite could not test is said here or nowhere; empty when the pack has no held-out set or none is worse
 */
public record WorseFindings(List<String> slices, String slicesHeading, List<String> overall, String nothingElse,
                            String lostClasses, List<String> heldOut) {
    /** Nothing known: the gates have not been judged. */
    public static final WorseFindings NONE = new WorseFindings(List.of(), "", List.of(), "", "", List.of());

    public WorseFindings {
        slices = List.copyOf(slices);
        overall = List.copyOf(overall);
        heldOut = List.copyOf(heldOut);
    }

    /**
     * The worse slices under their heading, one a line after {@code mark} ("▼"), or the heading alone ("None of the 5
     * tested slices is significantly worse on roc_auc; …") when there is none; empty when not judged.
     */
    public String slicesText(String mark) {
        return slicesHeading + slices.stream().map(line -> "\n" + mark + " " + line).collect(Collectors.joining());
    }

    /**
     * The sentence above {@link #heldOut}, with their count ("Significantly worse on the held-out set (1), which no
     * gate judges: read it before approving."); empty when none is.
     */
    public String heldOutHeading() {
        return heldOut.isEmpty() ? "" : "Significantly worse on the held-out set (" + heldOut.size()
                + "), which no gate judges: read " + (heldOut.size() == 1 ? "it" : "them") + " before approving.";
    }

    public boolean isEmpty() {
        return slices.isEmpty() && overall.isEmpty() && lostClasses.isEmpty() && heldOut.isEmpty();
    }
}
