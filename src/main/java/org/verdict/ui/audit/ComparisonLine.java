package org.verdict.ui.audit;

/** One field of two records side by side; {@code differs} marks what changed between them. */
public record ComparisonLine(String field, String left, String right) {
    public boolean differs() {
        return !left.equals(right);
    }
}
