package org.verdict.ui.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.verdict.core.evidence.EvidenceSection;
import org.verdict.core.evidence.Outcome;
import org.verdict.core.gates.model.EvidencePageId;

/** What an Evidence page says, decided without a window: the same words for a missing suite as the Gates view. */
class EvidencePageTest {
    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.gates.gates", Locale.ENGLISH);

    private static EvidenceSection section(String name, Outcome outcome, String summary, String missing) {
        return new EvidenceSection(EvidencePageId.HOLDOUT, name, outcome, summary, List.of(), List.of(), missing);
    }

    @Test
    void anOptionalSuiteAbsentIsNotApplicableInTheGatesWordsAndNoWarning() {
        String gateSummary = "not applicable — the pack has no safety suite; list \"safety\" in the policy's"
                + " requiredSuites to require one";
        EvidencePage page = EvidencePage.of(List.of(section("Safety", Outcome.NOT_APPLICABLE, gateSummary,
                "The pack has no safety suite (safety.csv): safety cannot be judged.")), text);

        assertEquals(gateSummary, page.missing());
        assertFalse(page.warning());
        assertTrue(page.present().isEmpty());
        assertEquals("", page.summary());
    }

    @Test
    void evidenceTheBoardMustAddIsMissingAndAWarning() {
        EvidencePage page = EvidencePage.of(List.of(section("Safety", Outcome.INSUFFICIENT_EVIDENCE,
                "no safety suite, so safety cannot be judged, and the policy requires it", "No safety.csv.")), text);

        assertEquals(text.getString("evidence.missing") + " No safety.csv.", page.missing());
        assertTrue(page.warning());
    }

    @Test
    void oneSectionPresentGivesItsSummaryAndSeveralAreEachNamed() {
        EvidenceSection heldOut = section("Held-out set", Outcome.PASS, "Δ +0.01", null);
        EvidenceSection group = section("Holdout group", Outcome.EVIDENCE_ONLY, "n = 200", null);
        EvidenceSection absent = section("Canary", Outcome.NOT_APPLICABLE, "not applicable", "No canary.");

        EvidencePage one = EvidencePage.of(List.of(heldOut, absent), text);
        assertEquals("Δ +0.01", one.summary());
        assertEquals(List.of(heldOut), one.present());
        assertEquals("", one.missing());

        EvidencePage both = EvidencePage.of(List.of(heldOut, group), text);
        assertEquals("Held-out set: Δ +0.01\nHoldout group: n = 200", both.summary());
    }
}
