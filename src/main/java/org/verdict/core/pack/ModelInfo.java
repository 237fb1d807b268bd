package org.verdict.core.pack;

import java.util.Objects;

/**
 * The model under review.
 *
 * @param riskTier 1 (low) to 3 (high); decides who must approve a promotion
 * @param positiveLabel the label value counted as positive; required for binary tasks, null otherwise
 * @param targetUnit a regression target's unit ({@code model.targetUnit}), written beside every number in it;
 *                   {@link TargetUnit#NONE} when the manifest names none, and for every other task
 */
public record ModelInfo(String name, Task task, int riskTier, String positiveLabel, TargetUnit targetUnit) {
    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(targetUnit, "targetUnit");
    }

    /**
     * The task as the Overview and the approval pack name it, with what reading its numbers needs: "binary (positive
     * label: fraud)", "regression (target in USD)", "multiclass".
     */
    public String taskText() {
        return task.wireName() + (positiveLabel != null ? " (positive label: " + positiveLabel + ")"
                : targetUnit.isNone() ? "" : " (target in " + targetUnit.text() + ")");
    }
}
