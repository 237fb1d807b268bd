package org.verdict.core.pack;

import java.util.Objects;

/**
 * The model under review.
 *
 * @param riskTier 1 (low) to 3 (high); decides who must approve a promotion
 * @param positiveLabel the label value counted as positive; required for binary tasks, null otherwise
 */
public record ModelInfo(String name, Task task, int riskTier, String positiveLabel) {
    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
    }
}
