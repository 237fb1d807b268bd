package org.verdict.core.ledger;

/**
 * The board's written reason for promoting although a gate fails or lacks evidence: one per overridden gate, so
 * each is accepted on purpose and the record says why.
 *
 * @param gate the gate as the record's {@code evaluationSummary} names it
 * @param justification why the board accepts promoting over it, in its own words
 */
public record GateOverride(String gate, String justification) {
    /** Fewer characters than this ("X", "ok", "nightly batch") cannot say why the board accepts a blocked gate. */
    public static final int FEWEST_CHARACTERS = 20;
    /** A reason is a phrase: "latency irrelevant" is two words and still says little. */
    public static final int FEWEST_WORDS = 3;

    /**
     * What a justification lacks to stand as the board's reason, e.g. "at least 20 characters and 3 words, saying
     * why the board accepts it (it has 1 character, 1 word)"; null when it is long enough, "" when it is blank. The
     * one rule of the app's dialog and of {@code log append}.
     */
    public static String shortfall(String justification) {
        String text = justification == null ? "" : justification.strip();
        int words = text.isEmpty() ? 0 : text.split("\\s+").length;
        if (text.length() >= FEWEST_CHARACTERS && words >= FEWEST_WORDS) {
            return null;
        }
        return text.isEmpty() ? "" : "at least " + FEWEST_CHARACTERS + " characters and " + FEWEST_WORDS
                + " words, saying why the board accepts it (it has " + text.length()
                + (text.length() == 1 ? " character, " : " characters, ") + words + (words == 1 ? " word)" : " words)");
    }
}
