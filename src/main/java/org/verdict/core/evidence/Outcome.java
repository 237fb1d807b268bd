package org.verdict.core.evidence;

/**
 * How a gate, trigger or data-validation check ended, with the mark and word printed next to it.
 * The mark never stands alone: readers in grayscale or with colour-blindness read the word.
 */
public enum Outcome {
    PASS("✔", "pass", Tone.PASS),
    FAIL("✘", "fail", Tone.FAIL),
    INSUFFICIENT_EVIDENCE("?", "insufficient evidence", Tone.INSUFFICIENT),
    /** Optional evidence the policy does not require is absent (e.g. no canary run). */
    NOT_APPLICABLE("–", "not applicable", Tone.PLAIN),
    /** Evidence the board reads that no gate judges (e.g. the human baseline). */
    EVIDENCE_ONLY("·", "evidence only", Tone.PLAIN),
    /** A retraining trigger whose monitoring evidence is absent, in the same words as the {@code gate} command. */
    NO_EVIDENCE("?", "no evidence", Tone.INSUFFICIENT),
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

    /** Whether this outcome stops a promotion: a failure, or evidence too thin to judge. */
    public boolean blocksPromotion() {
        return this == FAIL || this == INSUFFICIENT_EVIDENCE;
    }

    /** e.g. {@code ✘ fail}. */
    public String markedLabel() {
        return mark + " " + label;
    }
}
