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
 */
public record WorseFindings(List<String> slices, String slicesHeading, List<String> overall, String nothingElse,
                            String lostClasses) {
    /** Nothing known: the gates have not been judged. */
    public static final WorseFindings NONE = new WorseFindings(List.of(), "", List.of(), "", "");

    public WorseFindings {
        slices = List.copyOf(slices);
        overall = List.copyOf(overall);
    }

    /**
     * The worse slices under their heading, one a line after {@code mark} ("▼"), or the heading alone ("None of the 5
     * tested slices is significantly worse on roc_auc; …") when there is none; empty when not judged.
     */
    public String slicesText(String mark) {
        return slicesHeading + slices.stream().map(line -> "\n" + mark + " " + line).collect(Collectors.joining());
    }

    public boolean isEmpty() {
        return slices.isEmpty() && overall.isEmpty() && lostClasses.isEmpty();
    }
}
