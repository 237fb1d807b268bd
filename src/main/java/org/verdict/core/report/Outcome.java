package org.verdict.core.report;

/**
 * How a gate, trigger or data-validation check ended, with the mark and word printed next to it.
 * The mark never stands alone: readers in grayscale or with colour-blindness read the word.
 */
public enum Outcome {
    PASS("✔", "pass", Tone.PASS),
    FAIL("✘", "fail", Tone.FAIL),
    INSUFFICIENT_EVIDENCE("?", "insufficient evidence", Tone.INSUFFICIENT),
    /** The evidence is shown but no policy was applied to it. */
    NOT_EVALUATED("–", "not evaluated", Tone.INSUFFICIENT),
    /** A retraining trigger whose condition holds. */
    FIRED("!", "fired", Tone.FAIL),
    /** A retraining trigger whose condition does not hold. */
    NOT_FIRED("–", "not fired", Tone.PLAIN);

    private final String mark;
    private final String label;
    private final Tone tone;

    Outcome(String mark, String label, Tone tone) {
        this.mark = mark;
        this.label = label;
        this.tone = tone;
    }

    public String mark() {
        return mark;
    }

    public String label() {
        return label;
    }

    public Tone tone() {
        return tone;
    }

    /** e.g. {@code ✘ fail}. */
    public String markedLabel() {
        return mark + " " + label;
    }
}
