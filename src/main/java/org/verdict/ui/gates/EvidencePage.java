package org.verdict.ui.gates;

import java.util.List;
import java.util.ResourceBundle;
import org.verdict.core.evidence.EvidenceSection;
import org.verdict.core.evidence.Outcome;

/**
 * What one page of the Evidence view says, decided without nodes: the sections present and their summary, or, when
 * none is, why not. A gate whose optional suite is absent is not applicable and is said in the gate's own words, as
 * the Gates view says it, in a neutral tone; evidence the policy requires, or that no gate judges, is "Missing:" in
 * the warning tone.
 *
 * @param present the sections with their evidence, in page order; empty when the page says {@code missing}
 * @param summary the present sections' summary (each named first when there are several), or empty
 * @param missing why the page has nothing to show, or empty when a section is present
 * @param warning whether {@code missing} needs the board's attention (some evidence it lacks is required)
 */
public record EvidencePage(List<EvidenceSection> present, String summary, String missing, boolean warning) {
    public EvidencePage {
        present = List.copyOf(present);
    }

    /** The page of {@code sections}; {@code text} is the gates bundle. */
    public static EvidencePage of(List<EvidenceSection> sections, ResourceBundle text) {
        List<EvidenceSection> present = sections.stream().filter(EvidenceSection::isPresent).toList();
        if (!present.isEmpty()) {
            // a page of several sections (the held-out set and the holdout group) names each before its summary
            return new EvidencePage(present, present.size() == 1 ? present.get(0).summary() : String.join("\n",
                    present.stream().map(section -> section.name() + ": " + section.summary()).toList()), "", false);
        }
        boolean notApplicable = sections.stream().allMatch(section -> section.outcome() == Outcome.NOT_APPLICABLE);
        String missing = notApplicable
                // the gate's summary: "not applicable — the pack has no safety suite; list …"
                ? String.join("\n", sections.stream().map(EvidenceSection::summary).toList())
                : text.getString("evidence.missing") + " "
                        + String.join(" ", sections.stream().map(EvidenceSection::missing).toList());
        return new EvidencePage(List.of(), "", missing, !notApplicable);
    }
}
