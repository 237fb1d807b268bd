package org.verdict.ui.gates;

import java.util.Locale;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;

/**
 * One line of the Gates checklist.
 *
 * @param glyph a symbol that reads without colour (✔ ✘ ? –), shown next to the outcome text
 * @param evidence title of the view that shows the gate's evidence (the link text)
 */
public record GateRow(Gate gate, String title, GateOutcome outcome, String outcomeText, String glyph, String summary,
                      String evidence) {

    static String glyphOf(GateOutcome outcome) {
        return switch (outcome) {
            case PASS -> "✔";
            case FAIL -> "✘";
            case INSUFFICIENT_EVIDENCE -> "?";
            case NOT_APPLICABLE -> "–";
        };
    }

    /** CSS style class of the row, e.g. {@code gate-fail}. */
    public String styleClass() {
        return "gate-" + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
